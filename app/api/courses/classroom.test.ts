// Courses, assignments, the instructor and admin routes, reading and commenting on a student's
// map — every classroom route — through the real route handlers, on SQLite and (when
// available) PostgreSQL. The authorization matrix: every role × every route, one test per cell,
// with the status expected; then the submission lock over HTTP; then solo mode, where every
// classroom-only route answers 404.
import { beforeAll, describe, expect, it } from 'vitest';
import { addComment, createDocument, getMap, getOrCreateMap, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { params, request, signUpAll, useApiDb } from '../_test/support';
import { GET as listCourses, POST as createCourseRoute } from './route';
import { POST as joinRoute } from './join/route';
import { GET as getCourseRoute, PATCH as patchCourseRoute } from './[id]/route';
import { GET as notificationsRoute } from '../notifications/route';
import { POST as notificationsReadRoute } from '../notifications/read/route';
import { GET as listAssignmentsRoute, POST as createAssignmentRoute } from './[id]/assignments/route';
import { PATCH as patchAssignmentRoute } from '../assignments/[id]/route';
import { GET as dashboardRoute } from '../assignments/[id]/dashboard/route';
import { POST as submitRoute } from '../assignments/[id]/submit/route';
import { POST as unlockRoute } from '../assignments/[id]/unlock/route';
import { POST as referenceRoute } from '../assignments/[id]/reference/route';
import { GET as classExportRoute } from '../assignments/[id]/export/route';
import { GET as agreementRoute } from '../assignments/[id]/agreement/route';
import { POST as importDocumentRoute } from '../documents/route';
import { GET as listSchemesRoute, POST as createSchemeRoute } from '../label-schemes/route';
import { POST as roleRoute } from '../users/[id]/role/route';
import { GET as getMapRoute } from '../maps/[mapId]/route';
import { POST as operationsRoute } from '../maps/[mapId]/operations/route';
import { GET as exportRoute } from '../maps/[mapId]/export/route';
import { POST as importRoute } from '../maps/[mapId]/import/route';
import { GET as listCommentsRoute, POST as addCommentRoute } from '../maps/[mapId]/comments/route';
import { DELETE as deleteCommentRoute } from '../maps/[mapId]/comments/[commentId]/route';
import { textUnits } from '@/lib/argument/types';

const get = (path: string, cookie?: string) => request('GET', path, { cookie });
const post = (path: string, body: unknown, cookie?: string, origin?: string | null) => request('POST', path, { body, cookie, origin });

const ROLES = ['admin', 'instructor', 'otherInstructor', 'studentA', 'studentB', 'outsider', 'anonymous'] as const;
type Role = (typeof ROLES)[number];
const ACCOUNTS = ROLES.filter((r) => r !== 'anonymous');

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
const ROUTES: Record<string, Call> = {
  'GET /api/courses': (_w, c) => listCourses(get('/api/courses', c)),
  'POST /api/courses': (_w, c) => createCourseRoute(post('/api/courses', { title: '新しい授業' }, c)),
  'POST /api/courses/join': (w, c) => joinRoute(post('/api/courses/join', { code: w.sandboxCode }, c)),
  'GET /api/courses/:id': (w, c) => getCourseRoute(get(`/api/courses/${w.courseA}`, c), params({ id: w.courseA })),
  'PATCH /api/courses/:id (join code on)': (w, c) => patchCourseRoute(request('PATCH', `/api/courses/${w.courseA}`, { body: { joinCode: 'enable' }, cookie: c }), params({ id: w.courseA })),
  'GET /api/notifications': (_w, c) => notificationsRoute(get('/api/notifications', c)),
  'POST /api/notifications/read': (_w, c) => notificationsReadRoute(post('/api/notifications/read', { all: true }, c)),
  'GET /api/courses/:id/assignments': (w, c) => listAssignmentsRoute(get(`/api/courses/${w.courseA}/assignments`, c), params({ id: w.courseA })),
  'POST /api/courses/:id/assignments': (w, c) =>
    createAssignmentRoute(post(`/api/courses/${w.courseA}/assignments`, { documentId: w.doc1, title: '追加課題', dueAt: '2030-04-01T09:00:00+09:00' }, c), params({ id: w.courseA })),
  'PATCH /api/assignments/:id': (w, c) => patchAssignmentRoute(request('PATCH', `/api/assignments/${w.asg1}`, { body: { dueAt: null }, cookie: c }), params({ id: w.asg1 })),
  'GET /api/assignments/:id/dashboard': (w, c) => dashboardRoute(get(`/api/assignments/${w.asg1}/dashboard`, c), params({ id: w.asg1 })),
  'POST /api/assignments/:id/submit': (w, c) => submitRoute(post(`/api/assignments/${w.asg2}/submit`, {}, c), params({ id: w.asg2 })),
  'POST /api/assignments/:id/unlock': (w, c) => unlockRoute(post(`/api/assignments/${w.asg2}/unlock`, { userId: w.id.studentA }, c), params({ id: w.asg2 })),
  // A body it refuses (422) once the caller may: who may is decided first (reference.test.ts does the rest).
  'POST /api/assignments/:id/reference (bad body)': (w, c) => referenceRoute(post(`/api/assignments/${w.asg1}/reference`, { from: 'nobody' }, c), params({ id: w.asg1 })),
  'GET /api/assignments/:id/export': (w, c) => classExportRoute(get(`/api/assignments/${w.asg1}/export?format=json`, c), params({ id: w.asg1 })),
  'GET /api/assignments/:id/agreement': (w, c) => agreementRoute(get(`/api/assignments/${w.asg1}/agreement`, c), params({ id: w.asg1 })),
  'POST /api/documents': (_w, c) => importDocumentRoute(post('/api/documents', { title: `取り込み ${++batch}`, text: '主張。なぜなら根拠。', reflow: 'off' }, c)),
  'GET /api/label-schemes': (_w, c) => listSchemesRoute(get('/api/label-schemes', c)),
  'POST /api/label-schemes': (_w, c) => createSchemeRoute(post('/api/label-schemes', { name: `体系 ${++batch}`, labels: [{ id: 'thesis', ja: '主題', en: 'thesis' }] }, c)),
  'POST /api/users/:id/role (student B, as student)': (w, c) => roleRoute(post(`/api/users/${w.id.studentB}/role`, { role: 'student' }, c), params({ id: w.id.studentB })),
  'GET /api/maps/:id (student A’s)': (w, c) => getMapRoute(get(`/api/maps/${w.mapA}`, c), params({ mapId: w.mapA })),
  'POST /api/maps/:id/operations (student A’s)': async (w, c) => {
    const base = (await getMap(w.db, w.mapA))!;
    const unit = { id: `m${++batch}`, label: 'claim', start: 0, end: 4, note: '' };
    const body = { batchId: `matrix-batch-${batch}-xxxx`, baseVersion: base.version, operations: [{ op: 'addUnit', unit, relations: [], mainClaim: false }] };
    if (textUnits(base.units).some((u) => u.start === 0)) body.operations = [{ op: 'removeUnit', unit: textUnits(base.units).find((u) => u.start === 0)!, relations: [], mainClaim: false }] as never;
    return operationsRoute(post(`/api/maps/${w.mapA}/operations`, body, c), params({ mapId: w.mapA }));
  },
  'GET /api/maps/:id/export (student A’s)': (w, c) => exportRoute(get(`/api/maps/${w.mapA}/export?format=json`, c), params({ mapId: w.mapA })),
  'GET /api/maps/:id/comments (student A’s)': (w, c) => listCommentsRoute(get(`/api/maps/${w.mapA}/comments`, c), params({ mapId: w.mapA })),
  'POST /api/maps/:id/comments (student A’s)': (w, c) =>
    addCommentRoute(post(`/api/maps/${w.mapA}/comments`, { targetKind: 'map', body: 'もう少し根拠を' }, c), params({ mapId: w.mapA })),
  // Each call deletes a comment of its own, written by the course's instructor: only its
  // author may take it back; other readers of the map get 403, the rest 404.
  'DELETE /api/maps/:id/comments/:commentId (the instructor’s, on student A’s)': async (w, c) => {
    const { id: commentId } = await addComment(w.db, { mapId: w.mapA, authorId: w.id.instructor, targetKind: 'map', body: '消されるかもしれない' });
    return deleteCommentRoute(request('DELETE', `/api/maps/${w.mapA}/comments/${commentId}`, { cookie: c }), params({ mapId: w.mapA, commentId }));
  },
};

// On a solo server the local user imports texts and reads, edits and comments on their own maps
// (api.test.ts and comments.test.ts test the map routes there); every other route is
// classroom-only and answers 404.
const soloToo = (route: string) => route === 'POST /api/documents' || route.includes('/api/maps/');

//                                                       admin instr other  stuA  stuB  outs  anon
const EXPECTED: Record<keyof typeof ROUTES, number[]> = {
  'GET /api/courses':                                   [200,  200,  200,  200,  200,  200,  401],
  'POST /api/courses':                                  [201,  201,  201,  403,  403,  403,  401],
  'POST /api/courses/join':                             [200,  200,  200,  200,  200,  200,  401],
  'GET /api/courses/:id':                               [200,  200,  404,  200,  200,  404,  401],
  'GET /api/courses/:id/assignments':                   [200,  200,  404,  200,  200,  404,  401],
  'PATCH /api/courses/:id (join code on)':              [200,  200,  404,  403,  403,  404,  401],
  'GET /api/notifications':                             [200,  200,  200,  200,  200,  200,  401],
  'POST /api/notifications/read':                       [200,  200,  200,  200,  200,  200,  401],
  'POST /api/courses/:id/assignments':                  [201,  201,  404,  403,  403,  404,  401],
  'PATCH /api/assignments/:id':                         [200,  200,  404,  403,  403,  404,  401],
  'GET /api/assignments/:id/dashboard':                 [200,  200,  404,  403,  403,  404,  401],
  'POST /api/assignments/:id/submit':                   [403,  403,  404,  200,  200,  404,  401],
  'POST /api/assignments/:id/unlock':                   [200,  200,  404,  403,  403,  404,  401],
  'POST /api/assignments/:id/reference (bad body)':     [422,  422,  404,  403,  403,  404,  401],
  'GET /api/assignments/:id/export':                    [200,  200,  404,  403,  403,  404,  401],
  'GET /api/assignments/:id/agreement':                 [200,  200,  404,  403,  403,  404,  401],
  'POST /api/documents':                                [201,  201,  201,  403,  403,  403,  401],
  'GET /api/label-schemes':                             [200,  200,  200,  403,  403,  403,  401],
  'POST /api/label-schemes':                            [201,  201,  201,  403,  403,  403,  401],
  'POST /api/users/:id/role (student B, as student)':   [200,  403,  403,  403,  403,  403,  401],
  'GET /api/maps/:id (student A’s)':                    [200,  200,  404,  200,  404,  404,  401],
  'POST /api/maps/:id/operations (student A’s)':        [404,  404,  404,  200,  404,  404,  401],
  'GET /api/maps/:id/export (student A’s)':             [200,  200,  404,  200,  404,  404,  401],
  'GET /api/maps/:id/comments (student A’s)':           [200,  200,  404,  200,  404,  404,  401],
  'POST /api/maps/:id/comments (student A’s)':          [201,  201,  404,  201,  404,  404,  401],
  'DELETE /api/maps/:id/comments/:commentId (the instructor’s, on student A’s)': [403, 200, 404, 403, 404, 404, 401],
};
const CELLS = Object.entries(EXPECTED).flatMap(([route, statuses]) => ROLES.map((role, i) => [role, route, statuses[i]] as const));

describe('the authorization matrix', () => {
  it('has a row of one status per role for every route, and a route for every row', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const statuses of Object.values(EXPECTED)) expect(statuses).toHaveLength(ROLES.length);
  });
});

describe.each(testBackends())('classroom API on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  const w = { cookie: {}, id: {} } as World;

  beforeAll(async () => {
    const db = (w.db = t.db);
    const accounts = await signUpAll(db, ACCOUNTS, { instructors: ['instructor', 'otherInstructor'] }); // the first becomes admin
    Object.assign(w.id, accounts.id);
    Object.assign(w.cookie, accounts.cookie);
    w.doc1 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const doc2 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const create = async (role: Role, title: string) => (await (await createCourseRoute(post('/api/courses', { title }, w.cookie[role]))).json()).course;
    const courseA = await create('instructor', '論証入門 A');
    const courseB = await create('otherInstructor', '別の授業 B');
    w.courseA = courseA.id;
    w.sandboxCode = (await create('admin', 'sandbox')).joinCode;
    for (const s of ['studentA', 'studentB'] as const) {
      expect((await joinRoute(post('/api/courses/join', { code: courseA.joinCode }, w.cookie[s]))).status).toBe(200);
    }
    const assign = async (course: string, documentId: string, role: Role) =>
      (await (await createAssignmentRoute(post(`/api/courses/${course}/assignments`, { documentId, title: 't' }, w.cookie[role]), params({ id: course }))).json()).assignment.id;
    w.asg1 = await assign(courseA.id, w.doc1, 'instructor');
    w.asg2 = await assign(courseA.id, doc2, 'instructor');
    await assign(courseB.id, w.doc1, 'otherInstructor'); // same document, but student A is not in course B
    w.mapA = (await getOrCreateMap(db, w.doc1, w.id.studentA)).id;
    await getOrCreateMap(db, doc2, w.id.studentA);
  });

  it.each(CELLS)('%s: %s → %i', async (role, route, status) => {
    const res = await ROUTES[route](w, w.cookie[role]);
    const body = await res.clone().text();
    expect(res.status, body).toBe(status);
    if (status >= 400) expect(JSON.parse(body).error).toEqual(expect.any(String));
  });

  it('hides the join code from students and shows instructors the members', async () => {
    const asStudent = await (await ROUTES['GET /api/courses/:id'](w, w.cookie.studentA)).json();
    expect(asStudent.course.joinCode).toBeUndefined();
    expect(asStudent.members).toBeUndefined();
    const asInstructor = await (await ROUTES['GET /api/courses/:id'](w, w.cookie.instructor)).json();
    expect(asInstructor.course.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(asInstructor.members.map((m: { name: string }) => m.name)).toEqual(['instructor', 'studenta', 'studentb']);
    const unknown = await joinRoute(post('/api/courses/join', { code: 'ZZZZ-ZZZZ' }, w.cookie.outsider));
    expect(unknown.status).toBe(404);
    const badDoc = await createAssignmentRoute(post(`/api/courses/${w.courseA}/assignments`, { documentId: 'nope', title: 'x' }, w.cookie.instructor), params({ id: w.courseA }));
    expect(badDoc.status).toBe(422);
    const crossSite = await createCourseRoute(post('/api/courses', { title: 'evil' }, w.cookie.instructor, 'https://evil.example'));
    expect(crossSite.status).toBe(403);
  });

  it('locks a submitted map (423, nothing written) until an instructor unlocks it; the dashboard shows it', async () => {
    const doc3 = await createDocument(w.db, fixtureDocument(NON_BMP_SURFACES));
    const asg = (await (await createAssignmentRoute(post(`/api/courses/${w.courseA}/assignments`, { documentId: doc3, title: 'lock' }, w.cookie.instructor), params({ id: w.courseA }))).json()).assignment.id;
    const submitted = await submitRoute(post(`/api/assignments/${asg}/submit`, {}, w.cookie.studentB), params({ id: asg }));
    expect(submitted.status).toBe(200);
    const { mapId, version, submittedAt } = await submitted.json();
    const before = await getMap(w.db, mapId);
    expect(before).toMatchObject({ version, submittedAt, units: [] });

    const unit = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
    const edit = await operationsRoute(
      post(`/api/maps/${mapId}/operations`, { batchId: 'locked-batch-xxxx', baseVersion: version, operations: [{ op: 'addUnit', unit, relations: [], mainClaim: false }] }, w.cookie.studentB),
      params({ mapId }),
    );
    expect(edit.status).toBe(423);
    expect(await edit.json()).toMatchObject({ error: expect.stringMatching(/submitted.*locked/), submittedAt });
    const file = { format: 'ronten-argmap', version: 1 };
    const imported = await importRoute(post(`/api/maps/${mapId}/import`, { fileName: 'x.argmap.json', content: JSON.stringify(file), baseVersion: version }, w.cookie.studentB), params({ mapId }));
    expect([422, 423]).toContain(imported.status); // an invalid file is refused before the lock; either way nothing is written
    expect(await getMap(w.db, mapId)).toEqual(before);

    const dash = await (await dashboardRoute(get(`/api/assignments/${asg}/dashboard`, w.cookie.instructor), params({ id: asg }))).json();
    expect(dash.students.find((s: { name: string }) => s.name === 'studentb')).toMatchObject({ mapId, submittedAt, relations: 0, units: { claim: 0 } });
    expect(dash.students.find((s: { name: string }) => s.name === 'studenta')).toMatchObject({ mapId: null, submittedAt: null });

    const unlocked = await unlockRoute(post(`/api/assignments/${asg}/unlock`, { userId: w.id.studentB }, w.cookie.instructor), params({ id: asg }));
    expect(unlocked.status).toBe(200);
    const after = await operationsRoute(
      post(`/api/maps/${mapId}/operations`, { batchId: 'unlocked-batch-xxx', baseVersion: (await unlocked.json()).version, operations: [{ op: 'addUnit', unit, relations: [], mainClaim: false }] }, w.cookie.studentB),
      params({ mapId }),
    );
    expect(after.status).toBe(200);
    const notStudent = await unlockRoute(post(`/api/assignments/${asg}/unlock`, { userId: w.id.outsider }, w.cookie.instructor), params({ id: asg }));
    expect(notStudent.status).toBe(404);
  });
});

describe('classroom routes in solo mode', () => {
  const t = useApiDb(testBackends()[0], 'solo');
  const fake = { courseA: 'c', sandboxCode: 'AAAAAAAA', asg1: 'a', asg2: 'a', doc1: 'd', id: { studentA: 's', studentB: 's' } } as unknown as World;

  it.each(Object.keys(ROUTES).filter((r) => !soloToo(r)))('%s answers 404', async (route) => {
    const res = await ROUTES[route]({ ...fake, db: t.db });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/solo mode/);
  });

  it('POST /api/documents imports a text for the local user', async () => {
    const res = await ROUTES['POST /api/documents']({ ...fake, db: t.db });
    expect(res.status).toBe(201);
  });
});
