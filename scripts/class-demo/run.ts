// A whole class on a classroom server, over the HTTP API only (what a browser would send):
//
//   npm run class-demo -- --url http://127.0.0.1:3000 [--students 30] [--seed 1]
//                         [--admin NAME --admin-password PW] [--password PW]
//
// The admin (signed up as the server's first account unless --admin names an existing one)
// makes `teacher` an instructor; the teacher creates a course, annotates the essay as the
// reference map (the corpus's worked example) and sets an assignment on it; N students sign up,
// join with the code, annotate (each a seeded variant of the reference, see studentVariant.ts)
// and every other one submits; the teacher comments on a student's unit, reads the agreement
// figures and downloads the class archive. Prints where to look. Run it on a fresh server:
// accounts that already exist are signed in to, not recreated, so a second run adds a second
// course with the same students.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseNative } from '@/lib/formats/native';
import { seededRandom } from '@/lib/seededRandom';
import { operationsToBuild, studentVariant } from './studentVariant';

const DOCUMENT_ID = 'russia-diplomacy-2020';

/// One signed-in browser: keeps its session cookie and sends the Origin a browser would.
class Client {
  private cookie = '';
  constructor(
    private readonly base: string,
    readonly name: string,
  ) {}

  async call<T = any>(method: string, route: string, body?: unknown): Promise<T> {
    return this.answer<T>(await this.raw(method, route, body), `${method} ${route}`);
  }

  private async answer<T>(res: Response, what: string): Promise<T> {
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${this.name}: ${what} → ${res.status} ${JSON.stringify(answer)}`);
    return answer as T;
  }

  async raw(method: string, route: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { origin: this.base };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(route, this.base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return res;
  }

  /// Signs up, or signs in when the name is taken (signing in first would count every new
  /// name as a failed sign-in against the rate limit); returns the user.
  async enter(password: string, displayName?: string): Promise<{ id: string; role: string }> {
    const res = await this.raw('POST', '/api/auth/signup', { name: this.name, password, ...(displayName ? { displayName } : {}) });
    if (res.status !== 409) return this.answer<{ user: { id: string; role: string } }>(res, 'POST /api/auth/signup').then((a) => a.user);
    return (await this.call('POST', '/api/auth/signin', { name: this.name, password })).user;
  }

  /// Builds `map` in the user's (empty) map of the document; returns the map id.
  async annotate(documentId: string, map: Parameters<typeof operationsToBuild>[0]): Promise<string> {
    const mine = await this.call<{ mapId: string; version: number; map: { units: unknown[] } }>('GET', `/api/documents/${documentId}/map`);
    if (mine.map.units.length === 0) {
      await this.call('POST', `/api/maps/${mine.mapId}/operations`, {
        batchId: `class-demo-${this.name}-${Date.now()}`,
        baseVersion: mine.version,
        operations: operationsToBuild(map),
      });
    }
    return mine.mapId;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.RONTEN_URL ?? 'http://127.0.0.1:3000' },
      students: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      admin: { type: 'string', default: 'admin' },
      'admin-password': { type: 'string' },
      password: { type: 'string', default: 'class demo password' },
    },
  });
  const base = values.url!.replace(/\/$/, '');
  const password = values.password!;
  const count = Number(values.students);
  if (!Number.isInteger(count) || count < 1 || count > 500) throw new Error('--students must be a whole number from 1 to 500');

  const example = parseNative(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'corpus', `${DOCUMENT_ID}.example.argmap.json`), 'utf8')));
  if (!example.ok) throw new Error(`the example map does not parse: ${example.errors[0].message}`);
  const { map: reference, document } = example.value;
  const labels = example.value.labels.map((l) => l.id);

  const admin = new Client(base, values.admin!);
  const adminUser = await admin.enter(values['admin-password'] ?? password).catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    // 401 (the name exists with another password) or 403 (sign-up closed): the server already
    // has its admin, and it is not this name and password.
    if (!/→ 40[13] /.test(message)) throw e;
    throw new Error(
      `${message}\n` +
        `could not sign in as the admin "${values.admin}" on ${base}: this server already has accounts. ` +
        'Name its admin with --admin NAME --admin-password PASSWORD (on a fresh server the demo signs up "admin" itself).',
    );
  });
  if (adminUser.role !== 'admin') throw new Error(`${values.admin} is not an admin on ${base}: run on a fresh server, or name the admin with --admin/--admin-password`);

  const teacher = new Client(base, 'teacher');
  const teacherUser = await teacher.enter(password, '先生');
  if (teacherUser.role === 'student') await admin.call('POST', `/api/users/${teacherUser.id}/role`, { role: 'instructor' });

  const { course } = await teacher.call('POST', '/api/courses', { title: `論証入門 ${new Date().toISOString().slice(0, 10)}` });
  const referenceMapId = await teacher.annotate(DOCUMENT_ID, reference);
  const { assignment } = await teacher.call('POST', `/api/courses/${course.id}/assignments`, {
    documentId: DOCUMENT_ID,
    title: document.title,
    dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    referenceMapId,
  });
  console.log(`course "${course.title}" (join code ${course.joinCode}), assignment ${assignment.id}`);

  const random = seededRandom(Number(values.seed));
  const studentMaps: Array<{ name: string; mapId: string; unitIds: string[] }> = [];
  for (let i = 1; i <= count; i++) {
    const student = new Client(base, `student${String(i).padStart(2, '0')}`);
    await student.enter(password, `学生 ${i}`);
    await student.call('POST', '/api/courses/join', { code: course.joinCode });
    const map = studentVariant(reference, document.text, labels, random);
    const mapId = await student.annotate(DOCUMENT_ID, map);
    if (i % 2 === 0) await student.call('POST', `/api/assignments/${assignment.id}/submit`);
    studentMaps.push({ name: student.name, mapId, unitIds: map.units.map((u) => u.id) });
    process.stdout.write(`\r${i}/${count} students annotated`);
  }
  process.stdout.write('\n');

  const first = studentMaps.find((s) => s.unitIds.length > 0);
  if (first) {
    await teacher.call('POST', `/api/maps/${first.mapId}/comments`, {
      targetKind: 'unit',
      targetId: first.unitIds[0],
      body: 'この主張を支える根拠はどこにありますか？',
    });
  }
  const dashboard = await teacher.call<{ students: unknown[] }>('GET', `/api/assignments/${assignment.id}/dashboard`);
  const agreement = await teacher.call<{ means: { unitsOverlap: { f1: number }; labelAccuracy: number | null } | null; alpha: { overall: number | null } }>(
    'GET',
    `/api/assignments/${assignment.id}/agreement`,
  );
  const archive = await teacher.raw('GET', `/api/assignments/${assignment.id}/export?format=json`);
  if (!archive.ok) throw new Error(`class export → ${archive.status}`);
  const bytes = (await archive.arrayBuffer()).byteLength;

  console.log(`dashboard: ${dashboard.students.length} students`);
  const figure = (x: number | null | undefined) => (x == null ? '—' : x.toFixed(3));
  console.log(
    `agreement: mean unit F1 (overlap) vs the reference ${figure(agreement.means?.unitsOverlap.f1)}, label accuracy ${figure(agreement.means?.labelAccuracy)}, class alpha ${figure(agreement.alpha.overall)}`,
  );
  console.log(`class export (json): ${(bytes / 1024).toFixed(0)} KB`);
  console.log(`sign in as teacher / "${password}" and open ${base}/assignments/${assignment.id}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
