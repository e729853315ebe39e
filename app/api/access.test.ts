// Who gets in and what they see, through the real route handlers on SQLite and (when available)
// PostgreSQL: the admin's sign-up setting (open / code / off) and its per-address limit, join
// codes limited per address and per account, and document visibility — students see their
// courses' texts and the public ones, and count only the maps they may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssignment, createDocument, getOrCreateMap, listDocuments, type Db } from '@/lib/db';
import { MAX_JOIN_FAILURES_PER_ACCOUNT, MAX_SIGNUPS_PER_CLIENT } from '@/lib/auth/throttle';
import { PEER_HEADER } from '@/lib/net/client';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { PASSWORD as password, params, request, signUpAll, useApiDb } from './_test/support';
import { POST as signupRoute } from './auth/signup/route';
import { POST as createCourseRoute } from './courses/route';
import { POST as joinRoute } from './courses/join/route';
import { GET as getSettings, POST as postSettings } from './settings/route';
import { POST as publicRoute } from './documents/[id]/public/route';
import { GET as documentMapRoute } from './documents/[id]/map/route';

const PEER_TOKEN = 'access-test-peer-token';
const saved = process.env.RONTEN_PEER_TOKEN;
beforeAll(() => {
  process.env.RONTEN_PEER_TOKEN = PEER_TOKEN;
});
afterAll(() => {
  if (saved === undefined) delete process.env.RONTEN_PEER_TOKEN;
  else process.env.RONTEN_PEER_TOKEN = saved;
});
const from = (ip: string) => ({ [PEER_HEADER]: `${PEER_TOKEN} ${ip} tcp` });

describe.each(testBackends())('sign-up, join codes and visibility on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let cookie: Record<'admin' | 'teacher' | 'pupil' | 'outsider' | 'stranger', string>;
  let id: Record<keyof typeof cookie, string>;
  let joinCode: string;
  let courseId: string;

  const signup = (body: Record<string, unknown>, ip = '192.0.2.10') => signupRoute(request('POST', '/api/auth/signup', { body, headers: from(ip) }));
  const setSignUp = (mode: string, who: keyof typeof cookie = 'admin') => postSettings(request('POST', '/api/settings', { body: { signUp: mode }, cookie: cookie[who] }));
  const users = async () => (await db.kysely.selectFrom('users').select('name').execute()).map((u) => u.name).sort();

  beforeAll(async () => {
    db = t.db;
    ({ cookie, id } = await signUpAll(db, ['admin', 'teacher', 'pupil', 'outsider', 'stranger'] as const, { instructors: ['teacher', 'stranger'] }));
    const course = (await (await createCourseRoute(request('POST', '/api/courses', { body: { title: '読解' }, cookie: cookie.teacher }))).json()).course;
    ({ joinCode, id: courseId } = course);
    expect((await joinRoute(request('POST', '/api/courses/join', { body: { code: joinCode }, cookie: cookie.pupil }))).status).toBe(200);
  });

  it('lets only an admin read and change the sign-up setting', async () => {
    expect((await getSettings(request('GET', '/api/settings', { cookie: cookie.admin }))).status).toBe(200);
    expect(await (await getSettings(request('GET', '/api/settings', { cookie: cookie.admin }))).json()).toEqual({ signUp: 'open' });
    for (const who of ['teacher', 'pupil'] as const) expect((await setSignUp('off', who)).status).toBe(403);
    expect((await setSignUp('sometimes')).status).toBe(422);
    expect(await (await getSettings(request('GET', '/api/settings', { cookie: cookie.admin }))).json()).toEqual({ signUp: 'open' });
  });

  it('off: nobody signs up; code: only with a course join code, joining it; open: anyone', async () => {
    const before = await users();
    expect((await setSignUp('off')).status).toBe(200);
    const closed = await signup({ name: 'newcomer', password });
    expect(closed.status).toBe(403);
    expect((await closed.json()).error).toMatch(/sign-up is closed/);

    expect((await setSignUp('code')).status).toBe(200);
    for (const body of [{ name: 'newcomer', password }, { name: 'newcomer', password, joinCode: 'ZZZZZZZZ' }]) {
      const refused = await signup(body);
      expect(refused.status).toBe(422);
      expect((await refused.json()).field).toBe('joinCode');
    }
    expect(await users()).toEqual(before);
    const joined = await signup({ name: 'newcomer', password, joinCode: joinCode.toLowerCase() });
    expect(joined.status).toBe(201);
    expect((await joined.json()).course).toMatchObject({ id: courseId, role: 'student' });

    expect((await setSignUp('open')).status).toBe(200);
    expect((await signup({ name: 'walkin', password })).status).toBe(201);
  });

  it(`limits sign-ups to ${MAX_SIGNUPS_PER_CLIENT} per address in the window; other addresses are not affected`, async () => {
    for (let i = 0; i < MAX_SIGNUPS_PER_CLIENT; i++) expect((await signup({ name: `bot${i}`, password: 'short' }, '198.51.100.99')).status).toBe(422);
    const limited = await signup({ name: 'bot-real', password }, '198.51.100.99');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signup({ name: 'bot-real', password }, '198.51.100.100')).status).toBe(201);
  });

  it(`limits wrong join codes per account (${MAX_JOIN_FAILURES_PER_ACCOUNT}) whatever the address`, async () => {
    const join = (code: string, i: number) => joinRoute(request('POST', '/api/courses/join', { body: { code }, cookie: cookie.outsider, headers: from(`203.0.113.${i}`) }));
    for (let i = 0; i < MAX_JOIN_FAILURES_PER_ACCOUNT; i++) expect((await join(`WRONG${String(i).padStart(3, '0')}`, i)).status).toBe(404);
    const limited = await join(joinCode, 99);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toMatch(/too many wrong join codes/);
  });

  it('shows a student their courses’ texts and public ones, with counts of only the maps they may read', async () => {
    const assigned = await createDocument(db, fixtureDocument(NON_BMP_SURFACES, { title: 'assigned' }));
    const hidden = await createDocument(db, fixtureDocument(NON_BMP_SURFACES, { title: 'hidden' }));
    await createAssignment(db, courseId, { documentId: assigned, title: '第1回' });
    for (const who of ['pupil', 'teacher', 'outsider'] as const) await getOrCreateMap(db, assigned, id[who]);
    const newcomer = (await db.kysely.selectFrom('users').select('id').where('name', '=', 'newcomer').executeTakeFirstOrThrow()).id;
    await getOrCreateMap(db, assigned, newcomer); // enrolled through the join code at sign-up

    const seen = async (who: keyof typeof cookie) => {
      const list = await listDocuments(db, { id: id[who], role: who === 'admin' ? 'admin' : who === 'teacher' || who === 'stranger' ? 'instructor' : 'student' });
      return Object.fromEntries(list.filter((d) => d.id === assigned || d.id === hidden).map((d) => [d.title, d.maps]));
    };
    expect(await seen('pupil')).toEqual({ assigned: 1 });
    expect(await seen('outsider')).toEqual({}); // not enrolled: not even the text their stray map is on
    expect(await seen('teacher')).toEqual({ assigned: 3, hidden: 0 }); // own + the two enrolled students
    expect(await seen('stranger')).toEqual({ assigned: 0, hidden: 0 });
    expect(await seen('admin')).toEqual({ assigned: 2, hidden: 0 }); // the enrolled students'
    expect((await listDocuments(db)).find((d) => d.id === assigned)!.maps).toBe(4); // the CLI: all

    const mapOf = (doc: string, who: keyof typeof cookie) => documentMapRoute(request('GET', `/api/documents/${doc}/map`, { cookie: cookie[who] }), params({ id: doc }));
    expect((await mapOf(assigned, 'pupil')).status).toBe(200);
    expect((await mapOf(hidden, 'pupil')).status).toBe(404);
    expect((await mapOf(hidden, 'teacher')).status).toBe(200);

    const makePublic = (who: keyof typeof cookie, doc = hidden, value = true) => publicRoute(request('POST', `/api/documents/${doc}/public`, { body: { public: value }, cookie: cookie[who] }), params({ id: doc }));
    expect((await makePublic('teacher')).status).toBe(403);
    expect((await makePublic('pupil')).status).toBe(403);
    expect((await makePublic('admin', 'no-such-document')).status).toBe(404);
    expect((await mapOf(hidden, 'outsider')).status).toBe(404);
    expect((await makePublic('admin')).status).toBe(200);
    expect((await mapOf(hidden, 'outsider')).status).toBe(200);
    expect(await seen('outsider')).toEqual({ hidden: 1 });
    expect((await makePublic('admin', hidden, false)).status).toBe(200);
    expect((await mapOf(hidden, 'outsider')).status).toBe(404);
  });
});
