// Course administration, roster import, first sign-in, a lost slip reissued, archived courses'
// maps and notifications through the real route handlers, on SQLite and (when available) PostgreSQL: who may do what, the reason code of every
// refusal, nothing half-written, and the webhook reached without the request waiting for it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssignment, createCourse, createDocument, findCredentials, getMap, getOrCreateMap, joinCourse, listMembers, type Db } from '@/lib/db';
import type { Operation } from '@/lib/argument';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { params, request, signUpAll, useApiDb } from '../_test/support';
import { GET as getCourseRoute, PATCH as patchCourseRoute } from './[id]/route';
import { DELETE as removeMemberRoute } from './[id]/members/[userId]/route';
import { POST as reissueRoute } from './[id]/members/[userId]/password/route';
import { POST as addInstructorRoute } from './[id]/instructors/route';
import { POST as rosterRoute } from './[id]/roster/route';
import { POST as joinRoute } from './join/route';
import { GET as listCoursesRoute } from './route';
import { POST as createAssignmentRoute } from './[id]/assignments/route';
import { POST as submitRoute } from '../assignments/[id]/submit/route';
import { POST as signinRoute } from '../auth/signin/route';
import { POST as signupRoute } from '../auth/signup/route';
import { POST as passwordRoute } from '../auth/password/route';
import { GET as meRoute } from '../auth/me/route';
import { POST as addCommentRoute } from '../maps/[mapId]/comments/route';
import { POST as operationsRoute } from '../maps/[mapId]/operations/route';
import { GET as getMapRoute } from '../maps/[mapId]/route';
import { GET as exportMapRoute } from '../maps/[mapId]/export/route';
import { GET as notificationsRoute } from '../notifications/route';
import { POST as readRoute } from '../notifications/read/route';

const get = (path: string, cookie?: string) => request('GET', path, { cookie });
const post = (path: string, body: unknown, cookie?: string) => request('POST', path, { body, cookie });
const patch = (path: string, body: unknown, cookie?: string) => request('PATCH', path, { body, cookie });
const csv = (path: string, bytes: Uint8Array, cookie: string) =>
  new Request(`http://localhost:3000${path}`, { method: 'POST', headers: { cookie, origin: 'http://localhost:3000', 'content-type': 'text/csv' }, body: Buffer.from(bytes) });
const body = async (res: Response) => (await res.json()) as Record<string, any>;

describe.each(testBackends())('course administration API on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let id: Record<'admin' | 'sensei' | 'fukuda' | 'mio' | 'ren', string>;
  let cookie: Record<'admin' | 'sensei' | 'fukuda' | 'mio' | 'ren', string>;
  let course: { id: string; joinCode: string };
  let docId: string;
  let assignmentId: string;
  const hooks: any[] = [];
  let hookServer: http.Server;
  const saved = process.env.RONTEN_WEBHOOK_URL;

  beforeAll(async () => {
    db = t.db;
    ({ id, cookie } = await signUpAll(db, ['admin', 'sensei', 'fukuda', 'mio', 'ren'] as const, { instructors: ['sensei', 'fukuda'] }));
    course = await createCourse(db, id.sensei, '論証入門');
    await joinCourse(db, id.mio, course.joinCode);
    await joinCourse(db, id.ren, course.joinCode);
    docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    assignmentId = (await createAssignment(db, course.id, { documentId: docId, title: '第1回' })).id;
    hookServer = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        hooks.push(JSON.parse(text));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    process.env.RONTEN_WEBHOOK_URL = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.RONTEN_WEBHOOK_URL;
    else process.env.RONTEN_WEBHOOK_URL = saved;
    await new Promise<void>((r) => hookServer.close(() => r()));
  });

  const patchCourse = (b: unknown, c: string) => patchCourseRoute(patch(`/api/courses/${course.id}`, b, c), params({ id: course.id }));

  it('only the course’s instructors administer it; students get 403, outsiders 404, each with a code', async () => {
    const student = await patchCourse({ joinCode: 'disable' }, cookie.mio);
    expect([student.status, (await body(student)).code]).toEqual([403, 'course.instructorsOnly']);
    const outsider = await patchCourse({ joinCode: 'disable' }, cookie.fukuda);
    expect([outsider.status, (await body(outsider)).code]).toEqual([404, 'course.notFound']);
    const bad = await patchCourse({ joinCode: 'scramble' }, cookie.sensei);
    expect(bad.status).toBe(422);
    const admin = await patchCourse({ joinCode: 'enable' }, cookie.admin);
    expect(admin.status).toBe(200);
  });

  it('regenerates and switches off the join code', async () => {
    const res = await patchCourse({ joinCode: 'regenerate' }, cookie.sensei);
    const fresh = (await body(res)).course;
    expect(fresh.joinCode).not.toBe(course.joinCode);
    expect((await joinRoute(post('/api/courses/join', { code: course.joinCode }, cookie.fukuda))).status).toBe(404);
    course.joinCode = fresh.joinCode;
    expect((await body(await patchCourse({ joinCode: 'disable' }, cookie.sensei))).course.joinEnabled).toBe(false);
    expect((await joinRoute(post('/api/courses/join', { code: course.joinCode }, cookie.fukuda))).status).toBe(404);
    expect((await body(await patchCourse({ joinCode: 'enable' }, cookie.sensei))).course.joinEnabled).toBe(true);
  });

  it('adds a co-instructor with the same rights; refuses unknown names and student accounts', async () => {
    const add = (name: string, c = cookie.sensei) => addInstructorRoute(post(`/api/courses/${course.id}/instructors`, { name }, c), params({ id: course.id }));
    const unknown = await add('nobody');
    expect([unknown.status, (await body(unknown)).code]).toEqual([422, 'course.unknownUser']);
    const student = await add('ren');
    expect([student.status, (await body(student)).code]).toEqual([409, 'course.notInstructorAccount']);
    expect((await add('fukuda')).status).toBe(201);
    expect((await patchCourse({ joinCode: 'enable' }, cookie.fukuda)).status).toBe(200);
    expect((await getCourseRoute(get(`/api/courses/${course.id}`, cookie.fukuda), params({ id: course.id })).then(body)).members).toHaveLength(4);
  });

  it('removes a member but not the owner', async () => {
    const remove = (userId: string) => removeMemberRoute(request('DELETE', `/api/courses/${course.id}/members/${userId}`, { cookie: cookie.fukuda }), params({ id: course.id, userId }));
    const owner = await remove(id.sensei);
    expect([owner.status, (await body(owner)).code]).toEqual([409, 'course.removeOwner']);
    expect((await remove(id.ren)).status).toBe(200);
    const again = await remove(id.ren);
    expect([again.status, (await body(again)).code]).toEqual([409, 'course.notMember']);
    expect((await getCourseRoute(get(`/api/courses/${course.id}`, cookie.ren), params({ id: course.id }))).status).toBe(404);
  });

  it('notifies a comment’s map owner, a reply’s and a submission’s instructors, and posts the webhook', async () => {
    const map = await getOrCreateMap(db, docId, id.mio);
    const comment = (c: string, text: string) => addCommentRoute(post(`/api/maps/${map.id}/comments`, { targetKind: 'map', body: text }, c), params({ mapId: map.id }));
    expect((await comment(cookie.sensei, 'もう少し根拠を')).status).toBe(201);
    let mine = await body(await notificationsRoute(get('/api/notifications', cookie.mio)));
    expect(mine.unread).toBe(1);
    expect(mine.notifications[0]).toMatchObject({ kind: 'comment', actor: { name: 'sensei' }, commentBody: 'もう少し根拠を', assignmentTitle: '第1回', path: `/documents/${docId}` });
    expect((await comment(cookie.mio, '直しました')).status).toBe(201);
    expect((await submitRoute(post(`/api/assignments/${assignmentId}/submit`, {}, cookie.mio), params({ id: assignmentId }))).status).toBe(200);
    expect((await submitRoute(post(`/api/assignments/${assignmentId}/submit`, {}, cookie.mio), params({ id: assignmentId }))).status).toBe(200);
    for (const teacher of ['sensei', 'fukuda'] as const) {
      const theirs = await body(await notificationsRoute(get('/api/notifications', cookie[teacher])));
      expect(theirs.notifications.map((n: { kind: string }) => n.kind)).toEqual(['submitted', 'reply']); // the second submit changed nothing
      expect(theirs.notifications[0].path).toBe(`/maps/${map.id}`);
    }
    // Read: one's own only, then all.
    const foreign = await body(await readRoute(post('/api/notifications/read', { ids: [mine.notifications[0].id] }, cookie.sensei)));
    expect(foreign.unread).toBe(2);
    expect((await body(await readRoute(post('/api/notifications/read', { all: true }, cookie.mio)))).unread).toBe(0);
    mine = await body(await notificationsRoute(get('/api/notifications', cookie.mio)));
    expect(mine.notifications[0].readAt).not.toBeNull();
    expect((await readRoute(post('/api/notifications/read', { ids: [] }, cookie.mio))).status).toBe(422);
    // The webhook: each event arrives, recipients named; the requests did not wait for it.
    for (let i = 0; i < 100 && hooks.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(hooks.map((h) => h.kind)).toEqual(['comment', 'reply', 'submitted']);
    expect(hooks[0].recipients).toEqual([{ userId: id.mio, name: 'mio', displayName: 'mio' }]);
    expect(hooks[2].recipients.map((r: { name: string }) => r.name).sort()).toEqual(['fukuda', 'sensei']);
  });

  it('imports a Shift_JIS roster; a slip signs in only to choose a password, then everything works', async () => {
    const sjis = new Uint8Array([...new TextEncoder().encode('user,name\r\nsato-h,'), 0x8d, 0xb2, 0x93, 0xa1, 0x0d, 0x0a]); // 佐藤 = 8D B2 93 A1
    const res = await rosterRoute(csv(`/api/courses/${course.id}/roster`, sjis, cookie.sensei), params({ id: course.id }));
    expect(res.status).toBe(201);
    const answer = await body(res);
    expect(answer).toMatchObject({ created: 1, encoding: 'shift_jis', accounts: [{ name: 'sato-h', displayName: '佐藤' }] });
    const otp = answer.accounts[0].oneTimePassword as string;

    const signedIn = await signinRoute(post('/api/auth/signin', { name: 'sato-h', password: otp.toLowerCase() }));
    expect(signedIn.status).toBe(200);
    expect((await body(signedIn)).user.mustChangePassword).toBe(true);
    const session = signedIn.headers.get('set-cookie')!.split(';')[0];
    const blocked = await listCoursesRoute(get('/api/courses', session));
    expect([blocked.status, (await body(blocked)).code]).toEqual([403, 'auth.passwordChangeRequired']);
    expect((await meRoute(get('/api/auth/me', session))).status).toBe(200);
    const wrong = await passwordRoute(post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'my own password' }, session));
    expect([wrong.status, (await body(wrong)).code]).toEqual([422, 'account.currentPasswordWrong']);
    const same = await passwordRoute(post('/api/auth/password', { currentPassword: otp, newPassword: otp }, session));
    expect([same.status, (await body(same)).code]).toEqual([422, 'account.passwordUnchanged']);
    expect((await passwordRoute(post('/api/auth/password', { currentPassword: otp, newPassword: 'my own password' }, session))).status).toBe(200);
    const courses = await body(await listCoursesRoute(get('/api/courses', session)));
    expect(courses.courses.map((c: { title: string }) => c.title)).toEqual(['論証入門']);
    // The slip's password no longer works.
    expect((await signinRoute(post('/api/auth/signin', { name: 'sato-h', password: otp }))).status).toBe(401);
  });

  it('refuses a roster with problems line by line, writing nothing; students may not import', async () => {
    const before = (await listMembers(db, course.id)).length;
    const text = new TextEncoder().encode('\ufeffuser,氏名\na-1,山田\n\na-1,佐藤\na-3,' + 'あ'.repeat(81) + '\na-4,""\n');
    const res = await rosterRoute(csv(`/api/courses/${course.id}/roster`, text, cookie.sensei), params({ id: course.id }));
    const answer = await body(res);
    expect(res.status).toBe(422);
    expect(answer.code).toBe('roster.invalid');
    expect(answer.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [4, 'roster.duplicateUserName'],
      [5, 'roster.nameTooLong'],
      [6, 'roster.emptyName'],
    ]);
    expect((await listMembers(db, course.id)).length).toBe(before);
    const student = await rosterRoute(csv(`/api/courses/${course.id}/roster`, new TextEncoder().encode('誰か\n'), cookie.mio), params({ id: course.id }));
    expect(student.status).toBe(403);
    const garbage = await rosterRoute(csv(`/api/courses/${course.id}/roster`, new Uint8Array([0x82, 0xff, 0xfe]), cookie.sensei), params({ id: course.id }));
    expect((await body(garbage)).problems[0].code).toBe('roster.encoding');
  });

  it('an archived course refuses changes with 423 course.archived, stays readable, and reopens', async () => {
    expect((await patchCourse({ archived: true }, cookie.sensei)).status).toBe(200);
    const refusals = [
      await createAssignmentRoute(post(`/api/courses/${course.id}/assignments`, { documentId: docId, title: '第2回' }, cookie.sensei), params({ id: course.id })),
      await submitRoute(post(`/api/assignments/${assignmentId}/submit`, {}, cookie.mio), params({ id: assignmentId })),
      await joinRoute(post('/api/courses/join', { code: course.joinCode }, cookie.ren)),
      await patchCourse({ joinCode: 'regenerate' }, cookie.sensei),
      await rosterRoute(csv(`/api/courses/${course.id}/roster`, new TextEncoder().encode('新人\n'), cookie.sensei), params({ id: course.id })),
    ];
    for (const res of refusals) expect([res.status, (await body(res)).code]).toEqual([423, 'course.archived']);
    // Signing up with the code of an archived course makes no account.
    const signup = await signupRoute(post('/api/auth/signup', { name: 'late-comer', password: 'long enough password', joinCode: course.joinCode }));
    expect([signup.status, (await body(signup)).code]).toEqual([423, 'course.archived']);
    expect(await findCredentials(db, 'late-comer')).toBeNull();
    const read = await body(await getCourseRoute(get(`/api/courses/${course.id}`, cookie.mio), params({ id: course.id })));
    expect(read.course.archivedAt).not.toBeNull();
    expect((await patchCourse({ archived: false }, cookie.sensei)).status).toBe(200);
    expect((await createAssignmentRoute(post(`/api/courses/${course.id}/assignments`, { documentId: docId, title: '第2回' }, cookie.sensei), params({ id: course.id }))).status).toBe(201);
  });
  it('archiving stops students editing the maps of its assignments (423 course.archived), which stay readable and exportable; a map also in an active course stays open', async () => {
    const { id: more, cookie: as } = await signUpAll(db, ['kai', 'kuroda'] as const, { instructors: ['kuroda'] });
    const text = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const seminar = await createCourse(db, id.sensei, 'ゼミ');
    await joinCourse(db, more.kai, seminar.joinCode);
    await createAssignment(db, seminar.id, { documentId: text, title: 'ゼミの課題' });
    const map = await getOrCreateMap(db, text, more.kai);
    const own = await getOrCreateMap(db, text, id.sensei);
    let n = 0;
    const edit = async (mapId: string, c: string) => {
      const [start, end] = ++n % 2 ? [8, 22] : [22, 31]; // never a span the map already has
      const unit = { id: `arch-${n}`, label: 'claim', start, end, note: '' };
      const operations: Operation[] = [{ op: 'addUnit', unit, relations: [], mainClaim: false }];
      const baseVersion = (await getMap(db, mapId))!.version;
      return operationsRoute(post(`/api/maps/${mapId}/operations`, { batchId: `archived-batch-${n}-${mapId}`, baseVersion, operations }, c), params({ mapId }));
    };
    expect((await edit(map.id, as.kai)).status).toBe(200);

    expect((await patchCourseRoute(patch(`/api/courses/${seminar.id}`, { archived: true }, cookie.sensei), params({ id: seminar.id }))).status).toBe(200);
    const before = await getMap(db, map.id);
    const refused = await edit(map.id, as.kai);
    expect(refused.status).toBe(423);
    expect(await body(refused)).toMatchObject({ code: 'course.archived', params: { title: 'ゼミ' } });
    expect(await getMap(db, map.id)).toEqual(before);
    // Read and exported by the student and the instructors alike.
    for (const c of [as.kai, cookie.sensei]) {
      expect((await getMapRoute(get(`/api/maps/${map.id}`, c), params({ mapId: map.id }))).status).toBe(200);
      expect((await exportMapRoute(get(`/api/maps/${map.id}/export?format=json`, c), params({ mapId: map.id }))).status).toBe(200);
    }
    // The instructor's own map of the text is no student's: it stays theirs to edit.
    expect((await edit(own.id, cookie.sensei)).status).toBe(200);
    // The same text assigned in a course still active: the one map per text is open again there.
    const other = await createCourse(db, more.kuroda, '別のゼミ');
    await joinCourse(db, more.kai, other.joinCode);
    await createAssignment(db, other.id, { documentId: text, title: '同じ文章' });
    expect((await edit(map.id, as.kai)).status).toBe(200);
  });

  it('reissues a lost slip: a new one-time password for a student of the course, sessions ended; never for instructors or others’ students', async () => {
    const { id: more, cookie: as } = await signUpAll(db, ['nao', 'kuroki'] as const, { instructors: ['kuroki'] });
    const elsewhere = await createCourse(db, more.kuroki, '他の授業');
    await joinCourse(db, more.nao, elsewhere.joinCode);
    const reissue = (courseId: string, userId: string, c: string) => reissueRoute(post(`/api/courses/${courseId}/members/${userId}/password`, {}, c), params({ id: courseId, userId }));
    const naoHash = (await findCredentials(db, 'nao'))!.passwordHash;

    // Refusals, each with its code, writing nothing.
    const student = await reissue(course.id, id.mio, cookie.mio);
    expect([student.status, (await body(student)).code]).toEqual([403, 'course.instructorsOnly']);
    const outsider = await reissue(course.id, id.mio, as.kuroki);
    expect([outsider.status, (await body(outsider)).code]).toEqual([404, 'course.notFound']);
    const othersStudent = await reissue(course.id, more.nao, cookie.sensei);
    expect([othersStudent.status, (await body(othersStudent)).code]).toEqual([409, 'course.notMember']);
    for (const teacher of [id.sensei, id.fukuda]) {
      const res = await reissue(course.id, teacher, cookie.sensei);
      expect([res.status, (await body(res)).code]).toEqual([409, 'course.notStudentAccount']);
    }
    expect((await findCredentials(db, 'nao'))!.passwordHash).toBe(naoHash);
    expect((await meRoute(get('/api/auth/me', cookie.mio))).status).toBe(200);

    // A co-instructor reissues Mio's slip: her session ends, her old password stops working, the
    // new one-time password signs in only to choose a password.
    const res = await reissue(course.id, id.mio, cookie.fukuda);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { account } = await body(res);
    expect(account).toMatchObject({ userId: id.mio, name: 'mio', displayName: 'mio', oneTimePassword: expect.stringMatching(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/) });
    expect((await meRoute(get('/api/auth/me', cookie.mio))).status).toBe(401);
    expect((await signinRoute(post('/api/auth/signin', { name: 'mio', password: 'long enough password' }))).status).toBe(401);
    const signedIn = await signinRoute(post('/api/auth/signin', { name: 'mio', password: account.oneTimePassword }));
    expect(signedIn.status).toBe(200);
    expect((await body(signedIn)).user.mustChangePassword).toBe(true);

    // An archived course reissues nothing.
    expect((await patchCourse({ archived: true }, cookie.sensei)).status).toBe(200);
    const archived = await reissue(course.id, id.mio, cookie.sensei);
    expect([archived.status, (await body(archived)).code]).toEqual([423, 'course.archived']);
    expect((await patchCourse({ archived: false }, cookie.sensei)).status).toBe(200);
  });
});
