// Classroom mode through the real route handlers, on SQLite and (when available) PostgreSQL:
// sign-up, sign-in (and its limits), sign-out, /me and changing one's password (its limit); 401 without a session, 404 for another student's map,
// 403 and nothing written for a cross-site mutation; and every auth route 404 in solo mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, getMap, getOrCreateMap, type Db } from '@/lib/db';
import { MAX_PASSWORD_FAILURES_PER_ACCOUNT, RATE_PAIR_FREE } from '@/lib/auth/throttle';
import { PEER_HEADER } from '@/lib/net/client';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { ORIGIN, PASSWORD as password, params, request as apiRequest, useApiDb } from '../_test/support';
import { POST as signupRoute } from './signup/route';
import { POST as signinRoute } from './signin/route';
import { POST as signoutRoute } from './signout/route';
import { POST as passwordRoute } from './password/route';
import { GET as meRoute } from './me/route';
import { GET as getDocumentMap } from '../documents/[id]/map/route';
import { GET as getMapRoute } from '../maps/[mapId]/route';
import { GET as exportMap } from '../maps/[mapId]/export/route';
import { POST as postOperations } from '../maps/[mapId]/operations/route';
import { POST as postImport } from '../maps/[mapId]/import/route';

interface Opts {
  cookie?: string;
  origin?: string | null;
  /// The socket peer, as scripts/server.mjs reports it (sign-in failures are counted per client).
  ip?: string;
  headers?: Record<string, string>;
}
// What scripts/server.mjs sets at start; the peer header must carry it to be believed.
const PEER_TOKEN = 'auth-test-peer-token';
const savedEnv = { token: process.env.RONTEN_PEER_TOKEN, proxies: process.env.RONTEN_TRUSTED_PROXIES };
beforeAll(() => {
  process.env.RONTEN_PEER_TOKEN = PEER_TOKEN;
  delete process.env.RONTEN_TRUSTED_PROXIES;
});
afterAll(() => {
  for (const [key, value] of [['RONTEN_PEER_TOKEN', savedEnv.token], ['RONTEN_TRUSTED_PROXIES', savedEnv.proxies]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});
/// As a browser at `ip` sends it, through our server.
function request(path: string, method: 'GET' | 'POST', body: unknown, opts: Opts = {}) {
  const headers = { [PEER_HEADER]: `${PEER_TOKEN} ${opts.ip ?? '192.0.2.1'} tcp`, ...opts.headers };
  return apiRequest(method, path, { body, cookie: opts.cookie, origin: opts.origin, headers });
}
const signup = (body: unknown, opts?: Opts) => signupRoute(request('/api/auth/signup', 'POST', body, opts));
const signin = (body: unknown, opts?: Opts) => signinRoute(request('/api/auth/signin', 'POST', body, opts));
const signout = (opts?: Opts) => signoutRoute(request('/api/auth/signout', 'POST', {}, opts));
const changePassword = (body: unknown, opts?: Opts) => passwordRoute(request('/api/auth/password', 'POST', body, opts));
const me = (opts?: Opts) => meRoute(request('/api/auth/me', 'GET', null, opts));
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0];

const add = { op: 'addUnit', unit: { id: 'u1', label: 'claim', start: 8, end: 22, note: '' }, relations: [], mainClaim: false };
let batch = 0;
const operations = (mapId: string, opts: Opts) =>
  postOperations(request(`/api/maps/${mapId}/operations`, 'POST', { batchId: `auth-batch-${++batch}-xxxx`, baseVersion: 1, operations: [add] }, opts), params({ mapId }));

describe.each(testBackends())('classroom accounts API on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let docId: string;

  beforeAll(async () => {
    db = t.db;
    docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
  });

  it('signs up: the first account is admin and signed in at once, the next a student', async () => {
    const first = await signup({ name: 'Sensei', displayName: '先生 𠮷田', password });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ user: { id: expect.any(String), name: 'sensei', displayName: '先生 𠮷田', role: 'admin', mustChangePassword: false } });
    expect(first.headers.get('set-cookie')).toMatch(/^ronten_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const meRes = await me({ cookie: cookieOf(first) });
    expect((await meRes.json()).user).toMatchObject({ name: 'sensei', role: 'admin' });

    const second = await signup({ name: 'aki', password });
    expect(second.status).toBe(201);
    expect((await second.json()).user.role).toBe('student');
  });

  it.each([
    [{ name: 'AKI', password }, 409, /taken/, { code: 'auth.nameTaken', params: { name: 'aki' } }],
    [{ name: 'a b', password }, 422, /user name/, { code: 'account.nameChars', params: {} }],
    [{ name: 'ab', password }, 422, /user name/, { code: 'account.nameLength', params: { min: 3, max: 40 } }],
    [{ name: 'ok_name', password: 'short' }, 422, /password.*at least 8/, { code: 'account.passwordShort', params: { min: 8 } }],
    [{ name: 'ok_name', displayName: 'a\u0007', password }, 422, /control/, { code: 'account.displayNameControl', params: {} }],
    [{ name: 'ok_name' }, 422, /invalid request: password/, {}],
    [{ name: 'ok_name', password, role: 'admin' }, 422, /invalid request/, {}], // no choosing one's role
    ['{not json', 400, /not valid JSON/, {}],
  ])('refuses the sign-up %j with %i', async (body, status, message, coded) => {
    const res = await signup(body);
    expect(res.status).toBe(status);
    const answer = await res.json();
    expect(answer.error).toMatch(message);
    // The code and its parameters, for the client to say it in the UI's language.
    expect(answer).toMatchObject(coded);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs in and out; /me answers 401 without a live session', async () => {
    expect((await me()).status).toBe(401);
    const wrong = await signin({ name: 'aki', password: 'not the password' });
    expect(wrong.status).toBe(401);
    const unknown = await signin({ name: 'nobody', password });
    const wrongAnswer = await wrong.json();
    expect(await unknown.json()).toEqual(wrongAnswer);
    expect(wrongAnswer).toMatchObject({ code: 'auth.wrongCredentials', params: {} });

    const ok = await signin({ name: 'Aki', password });
    expect(ok.status).toBe(200);
    const cookie = cookieOf(ok);
    expect((await (await me({ cookie })).json()).user.name).toBe('aki');

    const out = await signout({ cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^ronten_session=; .*Max-Age=0/);
    expect((await me({ cookie })).status).toBe(401);
    expect((await signout({ cookie })).status).toBe(200); // twice is fine
  });

  it('answers 429 with Retry-After to a client guessing one name; rotating X-Forwarded-For gains nothing', async () => {
    await signup({ name: 'target', password });
    const guess = (i: number, extra: Partial<Opts> = {}) =>
      signin({ name: 'target', password: 'guess-guess' }, { ip: '198.51.100.66', headers: { 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `203.0.113.${i}` }, ...extra });
    for (let i = 0; i < RATE_PAIR_FREE; i++) {
      const r = await guess(i);
      expect(r.status, JSON.stringify(await r.clone().json())).toBe(401);
    }
    for (let i = RATE_PAIR_FREE; i < RATE_PAIR_FREE + 5; i++) {
      const res = await guess(i);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({ error: expect.stringMatching(/too many/), code: 'auth.rateLimited', params: { seconds: Number(res.headers.get('retry-after')) } });
    }
    // A forged peer header (without the server's token) is no way out either: it counts as one
    // unknown client, which a forged X-Forwarded-For does not split.
    const forged = (i: number) => guess(i, { ip: undefined, headers: { [PEER_HEADER]: `wrong-token 192.0.2.${i} tcp`, 'x-forwarded-for': `192.0.2.${i}` } });
    for (let i = 0; i < RATE_PAIR_FREE; i++) expect((await forged(i)).status).toBe(401);
    expect((await forged(99)).status).toBe(429);
    // The owner, from their own address, signs in.
    expect((await signin({ name: 'target', password }, { ip: '203.0.113.9' })).status).toBe(200);
  });

  it('limits wrong current passwords on POST /api/auth/password per account: 429 with Retry-After, even for the right one, from any address', async () => {
    await signup({ name: 'keeper', password });
    const cookie = cookieOf(await signin({ name: 'keeper', password }, { ip: '203.0.113.50' }));
    const wrong = (i: number) => changePassword({ currentPassword: `guess number ${i}`, newPassword: 'a brand new password' }, { cookie, ip: `198.51.100.${i}` });
    for (let i = 0; i < MAX_PASSWORD_FAILURES_PER_ACCOUNT; i++) {
      const r = await wrong(i);
      expect(r.status, JSON.stringify(await r.clone().json())).toBe(422);
    }
    const limited = await changePassword({ currentPassword: password, newPassword: 'a brand new password' }, { cookie, ip: '203.0.113.51' });
    expect(limited.status).toBe(429);
    const seconds = Number(limited.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'auth.rateLimitedPassword', params: { seconds }, retryAfter: seconds });
    // Nothing changed: the old password still signs in, the new one does not.
    expect((await signin({ name: 'keeper', password }, { ip: '203.0.113.52' })).status).toBe(200);
    expect((await signin({ name: 'keeper', password: 'a brand new password' }, { ip: '203.0.113.53' })).status).toBe(401);
  });

  it('a right current password is not counted: changing it twice in a row works', async () => {
    await signup({ name: 'changer', password });
    const cookie = cookieOf(await signin({ name: 'changer', password }));
    expect((await changePassword({ currentPassword: 'not the password', newPassword: 'second password' }, { cookie })).status).toBe(422);
    expect((await changePassword({ currentPassword: password, newPassword: 'second password' }, { cookie })).status).toBe(200);
    expect((await changePassword({ currentPassword: 'second password', newPassword: 'third password' }, { cookie })).status).toBe(200);
    const changerId = (await (await me({ cookie })).json()).user.id;
    const counted = await db.kysely.selectFrom('login_attempts').select('id').where('key', '=', `password-user:${changerId}`).execute();
    expect(counted).toHaveLength(1); // the wrong one only
  });

  it('believes X-Forwarded-For only from a trusted proxy (RONTEN_TRUSTED_PROXIES)', async () => {
    process.env.RONTEN_TRUSTED_PROXIES = '10.0.0.0/8, ::1';
    try {
      const viaProxy = (client: string) => signin({ name: 'target', password: 'guess-guess' }, { ip: '10.1.2.3', headers: { 'x-forwarded-for': `6.6.6.6, ${client}` } });
      // Each forwarded client has its own budget; the left-most (client-written) entry is not it.
      for (let i = 0; i < RATE_PAIR_FREE; i++) expect((await viaProxy('198.51.100.200')).status).toBe(401);
      expect((await viaProxy('198.51.100.200')).status).toBe(429);
      expect((await viaProxy('198.51.100.201')).status).toBe(401);
      // ...and the cookie is Secure when the proxy says the client used https.
      const ok = await signin({ name: 'aki', password }, { ip: '10.1.2.3', headers: { 'x-forwarded-for': '198.51.100.202', 'x-forwarded-proto': 'https' } });
      expect(ok.headers.get('set-cookie')).toMatch(/; Secure$/);
      const untrusted = await signin({ name: 'aki', password }, { ip: '192.0.2.77', headers: { 'x-forwarded-proto': 'https' } });
      expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/);
    } finally {
      delete process.env.RONTEN_TRUSTED_PROXIES;
    }
  });

  it('answers 401 on the maps API without a session', async () => {
    const aki = (await db.kysely.selectFrom('users').select('id').where('name', '=', 'aki').executeTakeFirstOrThrow()).id;
    const map = await getOrCreateMap(db, docId, aki);
    expect((await getDocumentMap(request(`/api/documents/${docId}/map`, 'GET', null), params({ id: docId }))).status).toBe(401);
    expect((await getMapRoute(request(`/api/maps/${map.id}`, 'GET', null), params({ mapId: map.id }))).status).toBe(401);
    expect((await operations(map.id, {})).status).toBe(401);
    expect((await getMapRoute(request(`/api/maps/${map.id}`, 'GET', null, { cookie: 'ronten_session=forged' }), params({ mapId: map.id }))).status).toBe(401);
  });

  it('hides a student’s map from another student (404) and lets its owner edit it', async () => {
    await signup({ name: 'mio', password });
    const akiCookie = cookieOf(await signin({ name: 'aki', password }));
    const mioCookie = cookieOf(await signin({ name: 'mio', password }));
    const akiId = (await (await me({ cookie: akiCookie })).json()).user.id;
    const map = await getOrCreateMap(db, docId, akiId);
    const before = await getMap(db, map.id);

    const peek = await getMapRoute(request(`/api/maps/${map.id}`, 'GET', null, { cookie: mioCookie }), params({ mapId: map.id }));
    expect(peek.status).toBe(404);
    const exported = await exportMap(request(`/api/maps/${map.id}/export?format=json`, 'GET', null, { cookie: mioCookie }), params({ mapId: map.id }));
    expect(exported.status).toBe(404);
    expect((await operations(map.id, { cookie: mioCookie })).status).toBe(404);
    expect(await getMap(db, map.id)).toEqual(before);

    // Mio's own map of the same document is a different one.
    const mine = await (await getDocumentMap(request(`/api/documents/${docId}/map`, 'GET', null, { cookie: mioCookie }), params({ id: docId }))).json();
    expect(mine.mapId).not.toBe(map.id);

    const own = await getMapRoute(request(`/api/maps/${map.id}`, 'GET', null, { cookie: akiCookie }), params({ mapId: map.id }));
    expect(own.status).toBe(200);
    const edit = await operations(map.id, { cookie: akiCookie });
    expect(edit.status).toBe(200);
    expect((await getMap(db, map.id))!.units).toHaveLength(1);
  });

  it('refuses cross-site mutations with 403 and writes nothing', async () => {
    const akiCookie = cookieOf(await signin({ name: 'aki', password }));
    const akiId = (await (await me({ cookie: akiCookie })).json()).user.id;
    const map = await getOrCreateMap(db, docId, akiId);
    const before = await getMap(db, map.id);
    const sessionsBefore = await db.kysely.selectFrom('sessions').select('id').execute();

    for (const opts of [{ cookie: akiCookie, origin: 'https://evil.example' }, { cookie: akiCookie, origin: null }]) {
      const res = await postOperations(
        request(`/api/maps/${map.id}/operations`, 'POST', { batchId: `evil-batch-${++batch}-xx`, baseVersion: before!.version, operations: [{ op: 'removeUnit', unit: before!.units[0], relations: [], mainClaim: false }] }, opts),
        params({ mapId: map.id }),
      );
      expect(res.status).toBe(403);
      const imported = await postImport(
        request(`/api/maps/${map.id}/import`, 'POST', { fileName: 'x.argmap.json', content: '{}', baseVersion: before!.version }, opts),
        params({ mapId: map.id }),
      );
      expect(imported.status).toBe(403);
    }
    expect(await getMap(db, map.id)).toEqual(before);

    // Sign-up, sign-in and sign-out are mutations too.
    expect((await signup({ name: 'csrf_made', password }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await signin({ name: 'aki', password }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await signout({ cookie: akiCookie, origin: 'https://evil.example' })).status).toBe(403);
    expect(await db.kysely.selectFrom('users').select('id').where('name', '=', 'csrf_made').execute()).toEqual([]);
    expect(await db.kysely.selectFrom('sessions').select('id').execute()).toEqual(sessionsBefore);
    expect((await me({ cookie: akiCookie })).status).toBe(200);
  });
});

describe('accounts API in solo mode', () => {
  const t = useApiDb(testBackends()[0], 'solo');

  it('has no accounts: every auth route answers 404 and creates nothing', async () => {
    for (const res of [await signup({ name: 'someone', password }), await signin({ name: 'someone', password }), await signout(), await me(), await changePassword({ currentPassword: password, newPassword: 'another password' })]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await t.db.kysely.selectFrom('users').select('name').where('role', '<>', 'local').execute()).toEqual([]);
  });

  it('still serves the local user without a cookie, and refuses a cross-site POST', async () => {
    const db = t.db;
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const res = await getDocumentMap(request(`/api/documents/${docId}/map`, 'GET', null), params({ id: docId }));
    expect(res.status).toBe(200);
    const { mapId } = await res.json();
    expect((await getMap(db, mapId))!.userId).toBe('local');
    expect((await operations(mapId, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await operations(mapId, { origin: null })).status).toBe(200); // CLI-style: no Origin
    expect((await operations(mapId, { origin: ORIGIN })).status).toBe(409); // same origin, stale base now
  });
});
