// Courses, assignments and submission through the real route handlers, on SQLite and (when
// available) PostgreSQL. The authorization matrix: every role × every route, one row per cell,
// with the status expected; then the submission lock over HTTP and solo mode (404 everywhere).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllDbs, createDocument, getMap, getOrCreateMap, openDb, updateAccountRole, type Db } from '@/lib/db';
import { signUp, startSession } from '@/lib/auth/accounts';
import { NON_BMP_SURFACES, fixtureDocument, testBackends, type TestDatabase } from '@/lib/db/test-support';
import { GET as listCourses, POST as createCourseRoute } from './route';
import { POST as joinRoute } from './join/route';
import { GET as getCourseRoute } from './[id]/route';
import { GET as listAssignmentsRoute, POST as createAssignmentRoute } from './[id]/assignments/route';
import { GET as dashboardRoute } from '../assignments/[id]/dashboard/route';
import { POST as submitRoute } from '../assignments/[id]/submit/route';
import { POST as unlockRoute } from '../assignments/[id]/unlock/route';
import { GET as getMapRoute } from '../maps/[mapId]/route';
import { POST as operationsRoute } from '../maps/[mapId]/operations/route';
import { GET as exportRoute } from '../maps/[mapId]/export/route';
import { POST as importRoute } from '../maps/[mapId]/import/route';

const ORIGIN = 'http://localhost';
const password = 'long enough password';
const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });

function request(path: string, method: 'GET' | 'POST', body?: unknown, cookie?: string, origin: string | null = ORIGIN) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (method === 'POST' && origin !== null) headers.origin = origin;
  return new Request(`${ORIGIN}${path}`, { method, headers, body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined });
}

const ROLES = ['admin', 'instructor', 'otherInstructor', 'studentA', 'studentB', 'outsider', 'anonymous'] as const;
type Role = (typeof ROLES)[number];

interface World {
  db: Db;
  cookie: Partial<Record<Role, string>>;
  id: Record<Role, string>;
  courseA: string;
  sandboxCode: string;
  asg1: string;
  asg2: string;
  mapA: string;
  doc1: string;
}

type Call = (w: World, cookie?: string) => Promise<Response>;
let batch = 0;
const routes: Record<string, Call> = {
  'GET /api/courses': (_w, c) => listCourses(request('/api/courses', 'GET', undefined, c)),
  'POST /api/courses': (_w, c) => createCourseRoute(request('/api/courses', 'POST', { title: '新しい授業' }, c)),
  'POST /api/courses/join': (w, c) => joinRoute(request('/api/courses/join', 'POST', { code: w.sandboxCode }, c)),
  'GET /api/courses/:id': (w, c) => getCourseRoute(request(`/api/courses/${w.courseA}`, 'GET', undefined, c), params({ id: w.courseA })),
  'GET /api/courses/:id/assignments': (w, c) => listAssignmentsRoute(request(`/api/courses/${w.courseA}/assignments`, 'GET', undefined, c), params({ id: w.courseA })),
  'POST /api/courses/:id/assignments': (w, c) =>
    createAssignmentRoute(request(`/api/courses/${w.courseA}/assignments`, 'POST', { documentId: w.doc1, title: '追加課題', dueAt: '2030-04-01T09:00:00+09:00' }, c), params({ id: w.courseA })),
  'GET /api/assignments/:id/dashboard': (w, c) => dashboardRoute(request(`/api/assignments/${w.asg1}/dashboard`, 'GET', undefined, c), params({ id: w.asg1 })),
  'POST /api/assignments/:id/submit': (w, c) => submitRoute(request(`/api/assignments/${w.asg2}/submit`, 'POST', {}, c), params({ id: w.asg2 })),
  'POST /api/assignments/:id/unlock': (w, c) => unlockRoute(request(`/api/assignments/${w.asg2}/unlock`, 'POST', { userId: w.id.studentA }, c), params({ id: w.asg2 })),
  'GET /api/maps/:id (student A’s)': (w, c) => getMapRoute(request(`/api/maps/${w.mapA}`, 'GET', undefined, c), params({ mapId: w.mapA })),
  'POST /api/maps/:id/operations (student A’s)': async (w, c) => {
    const base = (await getMap(w.db, w.mapA))!;
    const unit = { id: `m${++batch}`, label: 'claim', start: 0, end: 4, note: '' };
    const body = { batchId: `matrix-batch-${batch}-xxxx`, baseVersion: base.version, operations: [{ op: 'addUnit', unit, relations: [], mainClaim: false }] };
    if (base.units.some((u) => u.start === 0)) body.operations = [{ op: 'removeUnit', unit: base.units.find((u) => u.start === 0)!, relations: [], mainClaim: false }] as never;
    return operationsRoute(request(`/api/maps/${w.mapA}/operations`, 'POST', body, c), params({ mapId: w.mapA }));
  },
  'GET /api/maps/:id/export (student A’s)': (w, c) => exportRoute(request(`/api/maps/${w.mapA}/export?format=json`, 'GET', undefined, c), params({ mapId: w.mapA })),
};

//                                          admin instr other  stuA  stuB  outs  anon
const EXPECTED: Record<string, number[]> = {
  'GET /api/courses':                      [200,  200,  200,  200,  200,  200,  401],
  'POST /api/courses':                     [201,  201,  201,  403,  403,  403,  401],
  'POST /api/courses/join':                [200,  200,  200,  200,  200,  200,  401],
  'GET /api/courses/:id':                  [200,  200,  404,  200,  200,  404,  401],
  'GET /api/courses/:id/assignments':      [200,  200,  404,  200,  200,  404,  401],
  'POST /api/courses/:id/assignments':     [201,  201,  404,  403,  403,  404,  401],
  'GET /api/assignments/:id/dashboard':    [200,  200,  404,  403,  403,  404,  401],
  'POST /api/assignments/:id/submit':      [403,  403,  404,  200,  200,  404,  401],
  'POST /api/assignments/:id/unlock':      [200,  200,  404,  403,  403,  404,  401],
  'GET /api/maps/:id (student A’s)':       [200,  200,  404,  200,  404,  404,  401],
  'POST /api/maps/:id/operations (student A’s)': [404, 404, 404, 200, 404, 404, 401],
  'GET /api/maps/:id/export (student A’s)': [200, 200,  404,  200,  404,  404,  401],
};
const CELLS = Object.entries(EXPECTED).flatMap(([route, statuses]) => ROLES.map((role, i) => [role, route, statuses[i]] as const));

const savedMode = process.env.RONTEN_MODE;
function restoreMode() {
  if (savedMode === undefined) delete process.env.RONTEN_MODE;
  else process.env.RONTEN_MODE = savedMode;
}

describe.each(testBackends())('classroom courses API on $name', (backend) => {
  let target: TestDatabase;
  const w = { cookie: {}, id: {} } as World;

  beforeAll(async () => {
    target = await backend.create();
    process.env.DATABASE_URL = target.url;
    process.env.RONTEN_MODE = 'classroom';
    const db = (w.db = await openDb());
    for (const role of ROLES) {
      if (role === 'anonymous') continue;
      const user = await signUp(db, { name: role.toLowerCase(), password }); // the first becomes admin
      if (role === 'instructor' || role === 'otherInstructor') await updateAccountRole(db, user.id, 'instructor');
      w.id[role] = user.id;
      w.cookie[role] = `ronten_session=${(await startSession(db, user)).token}`;
    }
    w.doc1 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const doc2 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const create = async (role: Role, title: string) => (await (await createCourseRoute(request('/api/courses', 'POST', { title }, w.cookie[role]))).json()).course;
    const courseA = await create('instructor', '論証入門 A');
    const courseB = await create('otherInstructor', '別の授業 B');
    w.courseA = courseA.id;
    w.sandboxCode = (await create('admin', 'sandbox')).joinCode;
    for (const s of ['studentA', 'studentB'] as const) {
      expect((await joinRoute(request('/api/courses/join', 'POST', { code: courseA.joinCode }, w.cookie[s]))).status).toBe(200);
    }
    const assign = async (course: string, documentId: string, role: Role) =>
      (await (await createAssignmentRoute(request(`/api/courses/${course}/assignments`, 'POST', { documentId, title: 't' }, w.cookie[role]), params({ id: course }))).json()).assignment.id;
    w.asg1 = await assign(courseA.id, w.doc1, 'instructor');
    w.asg2 = await assign(courseA.id, doc2, 'instructor');
    await assign(courseB.id, w.doc1, 'otherInstructor'); // same document, but student A is not in course B
    w.mapA = (await getOrCreateMap(db, w.doc1, w.id.studentA)).id;
    await getOrCreateMap(db, doc2, w.id.studentA);
  });
  afterAll(async () => {
    await closeAllDbs();
    delete process.env.DATABASE_URL;
    restoreMode();
    await target?.teardown();
  });

  it.each(CELLS)('%s: %s → %i', async (role, route, status) => {
    const res = await routes[route](w, w.cookie[role as Role]);
    const body = await res.clone().text();
    expect(res.status, body).toBe(status);
    if (status >= 400) expect(JSON.parse(body).error).toEqual(expect.any(String));
  });

  it('hides the join code from students and shows instructors the members', async () => {
    const asStudent = await (await routes['GET /api/courses/:id'](w, w.cookie.studentA)).json();
    expect(asStudent.course.joinCode).toBeUndefined();
    expect(asStudent.members).toBeUndefined();
    const asInstructor = await (await routes['GET /api/courses/:id'](w, w.cookie.instructor)).json();
    expect(asInstructor.course.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(asInstructor.members.map((m: { name: string }) => m.name)).toEqual(['instructor', 'studenta', 'studentb']);
    const unknown = await joinRoute(request('/api/courses/join', 'POST', { code: 'ZZZZ-ZZZZ' }, w.cookie.outsider));
    expect(unknown.status).toBe(404);
    const badDoc = await createAssignmentRoute(request(`/api/courses/${w.courseA}/assignments`, 'POST', { documentId: 'nope', title: 'x' }, w.cookie.instructor), params({ id: w.courseA }));
    expect(badDoc.status).toBe(422);
    const crossSite = await createCourseRoute(request('/api/courses', 'POST', { title: 'evil' }, w.cookie.instructor, 'https://evil.example'));
    expect(crossSite.status).toBe(403);
  });

  it('locks a submitted map (423, nothing written) until an instructor unlocks it; the dashboard shows it', async () => {
    const doc3 = await createDocument(w.db, fixtureDocument(NON_BMP_SURFACES));
    const asg = (await (await createAssignmentRoute(request(`/api/courses/${w.courseA}/assignments`, 'POST', { documentId: doc3, title: 'lock' }, w.cookie.instructor), params({ id: w.courseA }))).json()).assignment.id;
    const submitted = await submitRoute(request(`/api/assignments/${asg}/submit`, 'POST', {}, w.cookie.studentB), params({ id: asg }));
    expect(submitted.status).toBe(200);
    const { mapId, version, submittedAt } = await submitted.json();
    const before = await getMap(w.db, mapId);
    expect(before).toMatchObject({ version, submittedAt, units: [] });

    const unit = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
    const edit = await operationsRoute(
      request(`/api/maps/${mapId}/operations`, 'POST', { batchId: 'locked-batch-xxxx', baseVersion: version, operations: [{ op: 'addUnit', unit, relations: [], mainClaim: false }] }, w.cookie.studentB),
      params({ mapId }),
    );
    expect(edit.status).toBe(423);
    expect(await edit.json()).toMatchObject({ error: expect.stringMatching(/submitted.*locked/), submittedAt });
    const file = { format: 'ronten-argmap', version: 1 };
    const imported = await importRoute(request(`/api/maps/${mapId}/import`, 'POST', { fileName: 'x.argmap.json', content: JSON.stringify(file), baseVersion: version }, w.cookie.studentB), params({ mapId }));
    expect([422, 423]).toContain(imported.status); // an invalid file is refused before the lock; either way nothing is written
    expect(await getMap(w.db, mapId)).toEqual(before);

    const dash = await (await dashboardRoute(request(`/api/assignments/${asg}/dashboard`, 'GET', undefined, w.cookie.instructor), params({ id: asg }))).json();
    expect(dash.students.find((s: { name: string }) => s.name === 'studentb')).toMatchObject({ mapId, submittedAt, relations: 0, units: { claim: 0 } });
    expect(dash.students.find((s: { name: string }) => s.name === 'studenta')).toMatchObject({ mapId: null, submittedAt: null });

    const unlocked = await unlockRoute(request(`/api/assignments/${asg}/unlock`, 'POST', { userId: w.id.studentB }, w.cookie.instructor), params({ id: asg }));
    expect(unlocked.status).toBe(200);
    const after = await operationsRoute(
      request(`/api/maps/${mapId}/operations`, 'POST', { batchId: 'unlocked-batch-xxx', baseVersion: (await unlocked.json()).version, operations: [{ op: 'addUnit', unit, relations: [], mainClaim: false }] }, w.cookie.studentB),
      params({ mapId }),
    );
    expect(after.status).toBe(200);
    const notStudent = await unlockRoute(request(`/api/assignments/${asg}/unlock`, 'POST', { userId: w.id.outsider }, w.cookie.instructor), params({ id: asg }));
    expect(notStudent.status).toBe(404);
  });
});

describe('courses API in solo mode', () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await testBackends()[0].create();
    process.env.DATABASE_URL = target.url;
    delete process.env.RONTEN_MODE;
  });
  afterAll(async () => {
    await closeAllDbs();
    delete process.env.DATABASE_URL;
    restoreMode();
    await target?.teardown();
  });

  it.each(Object.keys(routes).filter((r) => !r.includes('/maps/')))('%s answers 404', async (route) => {
    const w = { courseA: 'c', sandboxCode: 'AAAAAAAA', asg1: 'a', asg2: 'a', doc1: 'd', id: { studentA: 's' } } as unknown as World;
    const res = await routes[route](w);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/solo mode/);
  });
});
