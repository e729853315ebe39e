// The instructor and admin routes of classroom mode through the real handlers, on SQLite and
// (when available) PostgreSQL: importing a text (POST /api/documents), label schemes, creating
// and editing assignments with a scheme and a reference map, roles (POST /api/users/:id/role)
// and the class export (GET /api/assignments/:id/export). Then solo mode.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument, getAssignment, getDocument, getMap, getOrCreateMap, getUser, listAssignments, loadAnnotatedMap, type Db } from '@/lib/db';
import { applyOperations } from '@/lib/db/operations';
import { addUnitOp } from '@/lib/argument';
import { formats, importAnnotated, type FormatId } from '@/lib/formats';
import type { ClassManifest } from '@/lib/formats/classArchive';
import { unzipText } from '@/lib/formats/unzip';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { TEXT_IMPORT_MAX_CHARS } from '@/lib/corpus/textImportSchema';
import { ORIGIN, params, request, signUpAll, useApiDb } from './_test/support';
import { POST as importDocument } from './documents/route';
import { GET as documentMap } from './documents/[id]/map/route';
import { GET as listSchemes, POST as createScheme } from './label-schemes/route';
import { POST as createCourseRoute } from './courses/route';
import { POST as joinRoute } from './courses/join/route';
import { POST as createAssignmentRoute } from './courses/[id]/assignments/route';
import { PATCH as patchAssignment } from './assignments/[id]/route';
import { GET as exportRoute } from './assignments/[id]/export/route';
import { POST as submitRoute } from './assignments/[id]/submit/route';
import { POST as roleRoute } from './users/[id]/role/route';

const ROLES = ['admin', 'instructor', 'otherInstructor', 'studentA', 'studentB', 'outsider', 'anonymous'] as const;
type Role = (typeof ROLES)[number];

const essay = '1．はじめに\n𠮷野家の𩸽は安い。だから、皆が食べる。\nしかし「高い」という声もある。';

describe.each(testBackends())('instructor and admin routes on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  const cookie: Partial<Record<Role, string>> = {};
  const id = {} as Record<Role, string>;
  let courseId: string;
  let doc: string;

  const as = (role: Role) => cookie[role];

  beforeAll(async () => {
    db = t.db;
    const accounts = await signUpAll(db, ROLES.filter((r) => r !== 'anonymous'), { instructors: ['instructor', 'otherInstructor'] }); // the first becomes admin
    Object.assign(id, accounts.id);
    Object.assign(cookie, accounts.cookie);
    doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = (await (await createCourseRoute(request('POST', '/api/courses', { body: { title: '論証入門' }, cookie: as('instructor') }))).json()).course;
    courseId = course.id;
    for (const s of ['studentA', 'studentB'] as const) await joinRoute(request('POST', '/api/courses/join', { body: { code: course.joinCode }, cookie: as(s) }));
  });

  describe('POST /api/documents', () => {
    const post = (body: unknown, role?: Role, origin: string | null = ORIGIN) => importDocument(request('POST', '/api/documents', { body, cookie: role && as(role), origin }));
    const good = { title: '𩸽の話', text: essay, reflow: 'off' };

    it.each([
      ['anonymous', undefined, ORIGIN, 401],
      ['a student', 'studentA', ORIGIN, 403],
      ['a cross-site instructor', 'instructor', 'https://evil.example', 403],
      ['an instructor without Origin', 'instructor', null, 403],
    ] as const)('refuses %s (%#) and stores nothing', async (_who, role, origin, status) => {
      const before = (await db.kysely.selectFrom('documents').select('id').execute()).length;
      const res = await post(good, role, origin);
      expect(res.status).toBe(status);
      expect((await res.json()).error).toEqual(expect.any(String));
      expect((await db.kysely.selectFrom('documents').select('id').execute()).length).toBe(before);
    });

    it.each([
      ['not JSON', '{', 400, /not valid JSON/],
      ['an empty text', { title: 't', text: ' \n\u3000 ', reflow: 'auto' }, 422, /text is empty/],
      ['no title', { text: essay, reflow: 'auto' }, 422, /title/],
      ['a text over the limit', { title: 't', text: 'あ'.repeat(TEXT_IMPORT_MAX_CHARS + 1), reflow: 'auto' }, 422, /longer than 200,000 characters/],
      ['an unknown reflow', { title: 't', text: essay, reflow: 'maybe' }, 422, /reflow must be auto, on or off/],
      ['an unknown field', { ...good, extra: 1 }, 422, /extra/],
    ] as const)('answers %s with %i and a message naming the problem', async (_what, body, status, message) => {
      const res = await post(body, 'instructor');
      expect(res.status).toBe(status);
      expect((await res.json()).error).toMatch(message);
    });

    it.each(['instructor', 'admin'] as const)('imports as %s: a tokenized document whose tokens cover the text', async (role) => {
      const res = await post({ ...good, title: `${good.title} (${role})` }, role);
      expect(res.status).toBe(201);
      const { id: newId } = await res.json();
      const stored = await getDocument(db, newId);
      expect(stored).toMatchObject({ title: `${good.title} (${role})`, language: 'ja', reflow: 'off', sourceText: essay });
      expect(stored!.canonical.text).toBe(essay);
      expect(stored!.tokens.length).toBeGreaterThan(10);
      expect(stored!.tokens.map((t) => t.surface).join('')).toBe(essay);
    });
  });

  describe('label schemes and assignments', () => {
    const labels = [
      { id: 'thesis', ja: '主題', en: 'thesis' },
      { id: 'reason', ja: '理由', en: 'reason' },
      { id: 'objection', ja: '異論', en: 'objection' },
      { id: 'reply', ja: '応答', en: 'reply' },
      { id: 'example', ja: '例', en: 'example' },
    ];
    let schemeId: string;

    it('POST /api/label-schemes: instructors and admins make their own; students 403, anonymous 401, cross-site 403', async () => {
      const make = (name: string, role?: Role, origin: string | null = ORIGIN) => createScheme(request('POST', '/api/label-schemes', { body: { name, labels }, cookie: role && as(role), origin }));
      expect((await make('s-anon')).status).toBe(401);
      expect((await make('s-student', 'studentA')).status).toBe(403);
      expect((await make('s-evil', 'instructor', 'https://evil.example')).status).toBe(403);
      const created = await make('五つのラベル', 'instructor');
      expect(created.status).toBe(201);
      const { scheme } = await created.json();
      schemeId = scheme.id;
      expect(scheme).toMatchObject({ name: '五つのラベル', labels, ownerId: id.instructor });
      expect((await make('管理者の', 'admin')).status).toBe(201);
      const taken = await make('五つのラベル', 'otherInstructor');
      expect(taken.status).toBe(409);
      expect((await taken.json()).error).toMatch(/exists already/);
      const bad = await createScheme(request('POST', '/api/label-schemes', { body: { name: 'x', labels: [...labels, labels[0]] }, cookie: as('instructor') }));
      expect(bad.status).toBe(422);
      expect((await bad.json()).error).toMatch(/"thesis" appears twice/);
      const listed = await (await listSchemes(request('GET', '/api/label-schemes', { cookie: as('instructor') }))).json();
      expect(listed.schemes.map((s: { name: string }) => s.name)).toEqual(['主張・根拠・反論・再反論', '五つのラベル']);
      expect((await listSchemes(request('GET', '/api/label-schemes', { cookie: as('studentA') }))).status).toBe(403);
    });

    it('an assignment in one’s own scheme gives its students maps in that scheme; another’s scheme is refused', async () => {
      const create = (body: object, role: Role = 'instructor') => createAssignmentRoute(request('POST', `/api/courses/${courseId}/assignments`, { body, cookie: as(role) }), params({ id: courseId }));
      const otherScheme = (await (await createScheme(request('POST', '/api/label-schemes', { body: { name: 'not yours', labels: labels.slice(0, 2) }, cookie: as('otherInstructor') }))).json()).scheme;
      const refused = await create({ documentId: doc, title: 'x', labelSchemeId: otherScheme.id });
      expect(refused.status).toBe(422);
      expect((await refused.json()).error).toMatch(/another instructor/);
      const res = await create({ documentId: doc, title: '五つで', labelSchemeId: schemeId, dueAt: '2030-04-01T09:00:00+09:00' });
      expect(res.status).toBe(201);
      const { assignment } = await res.json();
      expect(assignment).toMatchObject({ labelSchemeId: schemeId, dueAt: '2030-04-01T00:00:00.000Z', referenceMapId: null });
      const opened = await (await documentMap(request('GET', `/api/documents/${doc}/map`, { cookie: as('studentA') }), params({ id: doc }))).json();
      expect((await getMap(db, opened.mapId))!.labelSchemeId).toBe(schemeId);
    });

    it('PATCH /api/assignments/:id changes the due date and the reference; only the course’s instructors', async () => {
      const created = await createAssignmentRoute(request('POST', `/api/courses/${courseId}/assignments`, { body: { documentId: doc, title: '編集する', labelSchemeId: schemeId }, cookie: as('instructor') }), params({ id: courseId }));
      const asg = (await created.json()).assignment.id;
      const patch = (body: unknown, role?: Role, origin: string | null = ORIGIN) => patchAssignment(request('PATCH', `/api/assignments/${asg}`, { body, cookie: role && as(role), origin }), params({ id: asg }));
      const statuses = await Promise.all(ROLES.map(async (role) => [role, (await patch({ dueAt: null }, role === 'anonymous' ? undefined : role)).status]));
      expect(Object.fromEntries(statuses)).toEqual({ admin: 200, instructor: 200, otherInstructor: 404, studentA: 403, studentB: 403, outsider: 404, anonymous: 401 });
      expect((await patch({ dueAt: null }, 'instructor', 'https://evil.example')).status).toBe(403);

      const res = await patch({ dueAt: '2030-05-01T10:00:00+09:00' }, 'instructor');
      expect((await res.json()).assignment).toMatchObject({ dueAt: '2030-05-01T01:00:00.000Z', suggestions: true });
      // Suggestions off, then on again; the due date stays.
      expect((await (await patch({ suggestions: false }, 'instructor')).json()).assignment).toMatchObject({ suggestions: false, dueAt: '2030-05-01T01:00:00.000Z' });
      expect((await getAssignment(db, asg))?.suggestions).toBe(false);
      expect((await (await patch({ suggestions: true }, 'instructor')).json()).assignment).toMatchObject({ suggestions: true });
      for (const [body, message] of [
        [{}, /nothing to change/],
        [{ suggestions: 'off' }, /true or false/],
        [{ dueAt: '2030-05-01 10:00' }, /time zone/],
        [{ title: 'no' }, /title/],
      ] as const) {
        const bad = await patch(body, 'instructor');
        expect(bad.status).toBe(422);
        expect((await bad.json()).error).toMatch(message);
      }
      const ref = await getOrCreateMap(db, doc, id.instructor);
      const studentMap = await getOrCreateMap(db, doc, id.studentB);
      // Only one's own map: not a student's, not an admin's or another instructor's (the
      // reference is read through the review pages and the class export).
      const adminMap = await getOrCreateMap(db, doc, id.admin);
      const otherMap = await getOrCreateMap(db, doc, id.otherInstructor);
      for (const other of [studentMap, adminMap, otherMap]) {
        const refused = await patch({ referenceMapId: other.id }, 'instructor');
        expect(refused.status).toBe(422);
        expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/not one of your maps/), field: 'referenceMapId' });
        const created = await createAssignmentRoute(request('POST', `/api/courses/${courseId}/assignments`, { body: { documentId: doc, title: '盗む', labelSchemeId: schemeId, referenceMapId: other.id }, cookie: as('instructor') }), params({ id: courseId }));
        expect(created.status).toBe(422);
      }
      expect((await getAssignment(db, asg))!.referenceMapId).toBeNull();
      expect((await listAssignments(db, courseId)).filter((a) => a.title === '盗む')).toEqual([]);
      const set = await patch({ referenceMapId: ref.id }, 'instructor');
      expect(set.status).toBe(200);
      expect((await set.json()).assignment).toMatchObject({ referenceMapId: ref.id, dueAt: '2030-05-01T01:00:00.000Z' });
      expect((await (await patch({ referenceMapId: null }, 'instructor')).json()).assignment.referenceMapId).toBeNull();
    });
  });

  describe('GET /api/assignments/:id/export', () => {
    let asg: string;
    const get = (format: string | null, role?: Role) =>
      exportRoute(request('GET', `/api/assignments/${asg}/export${format === null ? '' : `?format=${format}`}`, { cookie: role && as(role) }), params({ id: asg }));

    beforeAll(async () => {
      const doc2 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
      const ref = await getOrCreateMap(db, doc2, id.instructor);
      await applyOperations(db, ref.id, ref.version, [addUnitOp({ id: 'u1', label: 'claim', start: 8, end: 22, note: '' })]);
      const res = await createAssignmentRoute(request('POST', `/api/courses/${courseId}/assignments`, { body: { documentId: doc2, title: '第2回 書き出し', referenceMapId: ref.id }, cookie: as('instructor') }), params({ id: courseId }));
      asg = (await res.json()).assignment.id;
      const a = await getOrCreateMap(db, doc2, id.studentA);
      await applyOperations(db, a.id, 1, [
        addUnitOp({ id: 'u1', label: 'claim', start: 8, end: 22, note: 'なぜなら' }),
        addUnitOp({ id: 'u2', label: 'evidence', start: 22, end: 31, note: '' }),
        { op: 'addRelation', relation: { id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' } },
      ]);
      expect((await submitRoute(request('POST', `/api/assignments/${asg}/submit`, { body: {}, cookie: as('studentA') }), params({ id: asg }))).status).toBe(200);
      // student B has not started
    });

    it('answers each role as the dashboard does', async () => {
      const statuses = await Promise.all(ROLES.map(async (role) => [role, (await get('json', role === 'anonymous' ? undefined : role)).status]));
      expect(Object.fromEntries(statuses)).toEqual({ admin: 200, instructor: 200, otherInstructor: 404, studentA: 403, studentB: 403, outsider: 404, anonymous: 401 });
      const unknown = await get('docx', 'instructor');
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).error).toMatch(/unknown format "docx" \(available: json, w3c, aif, brat, hypothesis, recogito, argdown, csv\)/);
    });

    it.each(['json', 'w3c', 'aif', 'brat', 'argdown', 'csv'] as const)('%s: a ZIP with every student’s map, the reference and the manifest', async (format: FormatId) => {
      const res = await get(format, 'instructor');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`第2回-書き出し-${format}.zip`)}`);
      const files = unzipText(new Uint8Array(await res.arrayBuffer()));
      const manifest = JSON.parse(files.get('manifest.json')!) as ClassManifest;
      expect(manifest).toMatchObject({ exportFormat: format, assignment: { id: asg }, reference: { name: 'instructor' } });
      expect(manifest.students.map((s) => [s.name, s.submitted, s.files.length > 0])).toEqual([
        ['studenta', true, true],
        ['studentb', false, false],
      ]);
      const perMap = format === 'brat' || format === 'csv' ? 2 : 1;
      expect(files.size).toBe(1 + 2 * perMap + manifest.companions.length);
      expect(manifest.companions).toEqual(format === 'brat' ? ['annotation.conf'] : []);
      for (const name of manifest.companions) expect(files.get(name)).toBeTruthy();
      for (const entry of [manifest.students[0], manifest.reference!]) {
        expect(entry.files).toHaveLength(perMap);
        for (const f of entry.files) expect(files.get(f)).toBeTruthy();
        if (!formats[format].canImport) continue;
        const stored = (await getMap(db, entry.mapId!))!;
        const annotated = await loadAnnotatedMap(db, stored);
        const content = format === 'brat' ? { txt: files.get(entry.files[0])!, ann: files.get(entry.files[1])! } : files.get(entry.files[0])!;
        const back = importAnnotated(content, { format, document: annotated.document, labels: annotated.labels });
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(back.value.map).toEqual(annotated.map);
      }
    });
  });

  describe('POST /api/users/:id/role', () => {
    const post = (target: string, body: unknown, role?: Role, origin: string | null = ORIGIN) => roleRoute(request('POST', `/api/users/${target}/role`, { body, cookie: role && as(role), origin }), params({ id: target }));

    it('admins only: others 403, anonymous 401, cross-site 403', async () => {
      for (const role of ['instructor', 'studentA', 'outsider'] as const) expect((await post(id.outsider, { role: 'instructor' }, role)).status).toBe(403);
      expect((await post(id.outsider, { role: 'instructor' })).status).toBe(401);
      expect((await post(id.outsider, { role: 'instructor' }, 'admin', 'https://evil.example')).status).toBe(403);
      expect((await getUser(db, id.outsider))!.role).toBe('student');
    });

    it('changes a role; 404 for unknown users, 422 for a bad role, 409 for the last admin', async () => {
      const res = await post(id.outsider, { role: 'instructor' }, 'admin');
      expect(res.status).toBe(200);
      expect((await res.json()).user).toMatchObject({ id: id.outsider, role: 'instructor' });
      expect((await getUser(db, id.outsider))!.role).toBe('instructor');
      expect((await post('no-such-user', { role: 'student' }, 'admin')).status).toBe(404);
      expect((await post('local', { role: 'admin' }, 'admin')).status).toBe(404);
      const bad = await post(id.outsider, { role: 'owner' }, 'admin');
      expect(bad.status).toBe(422);
      expect((await bad.json()).error).toMatch(/role must be one of student, instructor, admin/);
      const last = await post(id.admin, { role: 'student' }, 'admin');
      expect(last.status).toBe(409);
      expect((await last.json()).error).toMatch(/last admin/);
      expect((await getUser(db, id.admin))!.role).toBe('admin');
      // with a second admin the first may step down
      expect((await post(id.outsider, { role: 'admin' }, 'admin')).status).toBe(200);
      expect((await post(id.admin, { role: 'instructor' }, 'admin')).status).toBe(200);
      expect((await post(id.admin, { role: 'admin' }, 'admin')).status).toBe(403); // no longer admin
      expect((await post(id.admin, { role: 'admin' }, 'outsider')).status).toBe(200);
    });
  });
});

// classroom.test.ts checks that every classroom-only route answers 404 in solo mode.
describe('instructor routes in solo mode', () => {
  const t = useApiDb(testBackends()[0], 'solo');

  it('the local user imports a text (the CLI and scripts send no Origin)', async () => {
    const res = await importDocument(request('POST', '/api/documents', { body: { title: 'solo', text: essay, reflow: 'auto' }, origin: null }));
    expect(res.status).toBe(201);
    const stored = await getDocument(t.db, (await res.json()).id);
    expect(stored!.tokens.map((token) => token.surface).join('')).toBe(stored!.canonical.text);
  });
});
