// The attacks of issue 13 that bad input made into 500s or silent damage, one test each,
// through proxy.ts and the real route handlers (app/api/_test/server.ts), in classroom mode on
// SQLite and (when available) PostgreSQL — where U+0000 used to fail inside the database.
// Every refusal is a 4xx with `{ error }` that names the problem, and writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { getMap, getOrCreateMap, getUser, loadAnnotatedMap, type Db } from '@/lib/db';
import { sessionId, startSession } from '@/lib/auth/accounts';
import { serializeNative } from '@/lib/formats/native';
import { testBackends } from '@/lib/db/test-support';
import { ORIGIN, useApiDb } from './_test/support';
import { apiRoutes, proxyRuns, serve, type ApiRoute } from './_test/server';
import { buildWorld, CLAIM, dumpTables, type World } from './_test/world';
import { GET as getMapRoute } from './maps/[mapId]/route';

const EVIDENCE = { id: 'u2', label: 'evidence', start: 22, end: 31, note: '' };
const addUnit = (unit: typeof CLAIM) => ({ op: 'addUnit', unit, relations: [], mainClaim: false });
let batches = 0;
const newBatchId = () => `security-batch-${++batches}-xxxx`;

describe.each(testBackends())('attacks on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let w: World;
  let routes: ApiRoute[];

  beforeAll(async () => {
    db = t.db;
    w = await buildWorld(db);
    routes = await apiRoutes();
  }, 60_000);

  function send(method: string, path: string, opts: { body?: unknown; as?: keyof World['cookie'] | null } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', origin: ORIGIN };
    const as = opts.as === undefined ? 'student' : opts.as;
    if (as) headers.cookie = w.cookie[as];
    const body = method === 'GET' ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body ?? {});
    return serve(routes, new Request(`${ORIGIN}${path}`, { method, headers, body }));
  }

  /// `attack`'s answer, with the check that it wrote nothing.
  async function refused(attack: () => Promise<Response>): Promise<{ status: number; body: { error: string; field?: string } }> {
    const before = await dumpTables(db);
    const res = await attack();
    const body = await res.json();
    expect(await dumpTables(db)).toBe(before);
    return { status: res.status, body };
  }

  const version = async () => (await getMap(db, w.map))!.version;
  const operations = async (ops: unknown[], batchId = newBatchId()) => send('POST', `/api/maps/${w.map}/operations`, { body: { batchId, baseVersion: await version(), operations: ops } });

  it.each(['%ED%A0%80', '%', '%ud800', '%E8%AB', 'a%00b', '%00'])('refuses the path segment %s with 400 JSON on every API route', async (segment) => {
    for (const path of [`/api/maps/${segment}`, `/api/maps/${segment}/operations`, `/api/assignments/${segment}/export`, `/api/courses/${segment}`]) {
      const { status, body } = await refused(() => send(path.endsWith('operations') ? 'POST' : 'GET', path, { body: { batchId: newBatchId(), baseVersion: 1, operations: [] } }));
      expect(status, path).toBe(400);
      expect(body.error).toMatch(/percent-encoded|U\+0000/);
    }
  });

  it('runs the proxy for every API path but the autosave and the map import, whose routes refuse a foreign Host (421) and set the security headers themselves', async () => {
    const unproxiedRoutes = ['/api/maps/[mapId]/operations', '/api/maps/[mapId]/import'];
    for (const route of routes) {
      const path = route.segments.map((s) => (s.startsWith('[') ? 'x1' : s)).join('/');
      expect(proxyRuns(`/${path}`), path).toBe(!unproxiedRoutes.includes(route.pattern));
    }
    const autosave = `/api/maps/${w.map}/operations`;
    expect(proxyRuns(autosave)).toBe(false);
    expect(proxyRuns(`/api/maps/${w.map}/import`)).toBe(false);
    for (const odd of [`/api/maps/${w.map}%41/operations`, `/api/maps/${w.map}%41/import`, `/api/maps/${w.map}/import/x`, `/api/maps/${w.map}/imports`]) expect(proxyRuns(odd), odd).toBe(true); // anything encoded or else meets the proxy
    const post = async (host: string) => {
      const body = JSON.stringify({ batchId: newBatchId(), baseVersion: await version(), operations: [addUnit(EVIDENCE)] });
      return serve(routes, new Request(`${ORIGIN}${autosave}`, { method: 'POST', headers: { host, origin: ORIGIN, cookie: w.cookie.student, 'content-type': 'application/json' }, body }));
    };
    const before = await dumpTables(db);
    const foreign = await post('evil.example:3000');
    expect(foreign.status).toBe(421);
    expect((await foreign.json()).error).toMatch(/RONTEN_ORIGIN/);
    expect(await dumpTables(db)).toBe(before);
    const saved = await post(new URL(ORIGIN).host);
    expect(saved.status).toBe(200);
    for (const res of [foreign, saved]) {
      expect(Object.fromEntries(res.headers)).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' });
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'.*frame-ancestors 'none'/);
    }
    const stored = (await getMap(db, w.map))!.units.find((u) => u.id === EVIDENCE.id)!;
    expect((await operations([{ op: 'removeUnit', unit: stored, relations: [], mainClaim: false }])).status).toBe(200);

    // The import the same way, refused before its body is read.
    const beforeImport = await dumpTables(db);
    const body = JSON.stringify({ fileName: 'map.argmap.json', content: '{}', baseVersion: await version(), accept: true });
    const imported = await serve(routes, new Request(`${ORIGIN}/api/maps/${w.map}/import`, { method: 'POST', headers: { host: 'evil.example:3000', origin: ORIGIN, cookie: w.cookie.student, 'content-type': 'application/json' }, body }));
    expect(imported.status).toBe(421);
    expect(imported.headers.get('x-frame-options')).toBe('DENY');
    expect(imported.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(await dumpTables(db)).toBe(beforeImport);
  });

  it('refuses U+0000 in a query string with 400', async () => {
    const { status } = await refused(() => send('GET', `/api/maps/${w.map}/export?format=%00`));
    expect(status).toBe(400);
  });

  it('refuses U+0000 and lone surrogates in path parameters even without the proxy in front (400)', async () => {
    const route = routes.find((r) => r.pattern === '/api/maps/[mapId]')!;
    for (const mapId of ['\u0000', `${w.map}\u0000`, 'x\ud800y', '\udc00']) {
      const { status, body } = await refused(async () =>
        route.methods.GET(new Request(`${ORIGIN}/api/maps/x`, { headers: { cookie: w.cookie.student } }), { params: Promise.resolve({ mapId }) }),
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({ field: 'mapId', error: expect.stringMatching(/U\+0000|lone surrogate/) });
    }
  });

  it('refuses U+0000 in the unauthenticated sign-in body with 422 naming the field', async () => {
    for (const [body, field] of [
      [{ name: 'student\u0000', password: 'long enough password' }, 'name'],
      [{ name: 'student', password: 'long enough\u0000password' }, 'password'],
    ] as const) {
      const { status, body: answer } = await refused(() => send('POST', '/api/auth/signin', { body, as: null }));
      expect(status).toBe(422);
      expect(answer).toMatchObject({ field, error: expect.stringMatching(/U\+0000/) });
    }
  });

  // Every request schema takes the one refinement: a field of each, with U+0000 and a lone surrogate.
  it.each([
    ['sign-up name', 'POST', '/api/auth/signup', { name: 'new\u0000user', password: 'long enough password' }, 'name', null],
    ['sign-up display name', 'POST', '/api/auth/signup', { name: 'newuser', displayName: 'x\ud800y', password: 'long enough password' }, 'displayName', null],
    ['a unit note', 'POST', '/api/maps/:map/operations', null, 'operations.0.unit.note', 'student'],
    ['a comment', 'POST', '/api/maps/:map/comments', { targetKind: 'map', body: 'よい\u0000' }, 'body', 'teacher'],
    ['a course title', 'POST', '/api/courses', { title: '授業\ud800' }, 'title', 'teacher'],
    ['a join code', 'POST', '/api/courses/join', { code: 'ABCD\u0000EFG' }, 'code', 'student'],
    ['an assignment title', 'POST', '/api/courses/:course/assignments', { documentId: ':doc', title: '課題\u0000' }, 'title', 'teacher'],
    ['a reference map id', 'PATCH', '/api/assignments/:assignment', { referenceMapId: '\udc00' }, 'referenceMapId', 'teacher'],
    ['an unlock user id', 'POST', '/api/assignments/:assignment/unlock', { userId: '\u0000' }, 'userId', 'teacher'],
    ['a label name', 'POST', '/api/label-schemes', { name: '体系', labels: [{ id: 'thesis', ja: '主題\u0000', en: 'Thesis' }] }, 'labels.0.ja', 'teacher'],
    ['an imported text', 'POST', '/api/documents', { title: '題', text: '本文\u0000です。', reflow: 'off' }, 'text', 'teacher'],
    ['an import file name', 'POST', '/api/maps/:map/import', { fileName: 'x\ud800.argmap.json', content: '{}', baseVersion: 1 }, 'fileName', 'student'],
  ] as const)('refuses U+0000 or a lone surrogate in %s with 422 naming the field', async (_name, method, template, body, field, as) => {
    const path = template.replace(':map', w.map).replace(':course', w.course).replace(':assignment', w.assignment);
    const sent = body === null ? { batchId: newBatchId(), baseVersion: await version(), operations: [addUnit({ ...EVIDENCE, note: 'a\u0000b' })] } : JSON.parse(JSON.stringify(body).replace('":doc"', JSON.stringify(w.doc)));
    const { status, body: answer } = await refused(() => send(method, path, { body: sent, as }));
    expect(status).toBe(422);
    expect(answer).toMatchObject({ field, error: expect.stringMatching(/U\+0000|lone surrogate/) });
  });

  it('refuses a lone surrogate in a note instead of storing it altered, so the unit stays removable', async () => {
    const { status, body } = await refused(() => operations([addUnit({ ...EVIDENCE, note: 'x\ud800y' })]));
    expect(status).toBe(422);
    expect(body.error).toMatch(/operations\.0\.unit\.note: contains a lone surrogate/);
    // With a well-formed note the unit is stored exactly as sent, and its removal (which carries it) fits.
    const unit = { ...EVIDENCE, note: 'x\u{1F600}y' };
    expect((await operations([addUnit(unit)])).status).toBe(200);
    const stored = (await getMap(db, w.map))!.units.find((u) => u.id === unit.id);
    expect(stored).toEqual(unit);
    const removed = await operations([{ op: 'removeUnit', unit: stored, relations: [], mainClaim: false }]);
    expect(removed.status).toBe(200);
  });

  it('refuses U+0000 inside an imported file with 422 naming the unit', async () => {
    const map = (await getMap(db, w.map))!;
    const file = serializeNative(await loadAnnotatedMap(db, map));
    file.units[0].note = 'x\u0000y';
    const { status, body } = await refused(() => send('POST', `/api/maps/${w.map}/import`, { body: { fileName: 'x.argmap.json', content: JSON.stringify(file), baseVersion: map.version } }));
    expect(status).toBe(422);
    expect(body).toMatchObject({ ok: false, errors: [{ at: 'unit u1: note', message: expect.stringMatching(/U\+0000/) }] });
  });

  it('refuses a save once its session has ended elsewhere (401, nothing written), though this process remembers the session from the save before', async () => {
    const { token } = await startSession(db, (await getUser(db, w.id.student))!);
    const save = async (unit: typeof CLAIM) => {
      const headers = { 'content-type': 'application/json', origin: ORIGIN, cookie: `ronten_session=${token}` };
      const body = JSON.stringify({ batchId: newBatchId(), baseVersion: await version(), operations: [addUnit(unit)] });
      return serve(routes, new Request(`${ORIGIN}/api/maps/${w.map}/operations`, { method: 'POST', headers, body }));
    };
    expect((await save({ ...CLAIM, id: 'ended-1' })).status).toBe(200);
    // Signed out on another app instance: the row goes, this process is not told.
    await db.kysely.deleteFrom('sessions').where('id', '=', sessionId(token)).execute();
    const { status, body } = await refused(() => save({ ...CLAIM, id: 'ended-2' }));
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'auth.signedOut' });
    // The map as the tests after this one expect it (the student's own session saves).
    expect((await operations([{ op: 'removeUnit', unit: { ...CLAIM, id: 'ended-1' }, relations: [], mainClaim: false }])).status).toBe(200);
  });

  it('refuses a batch id reused with other operations (422), and answers a true resend as duplicate', async () => {
    const batchId = newBatchId();
    const base = await version();
    expect((await operations([addUnit(EVIDENCE)], batchId)).status).toBe(200);
    const reused = await refused(() => send('POST', `/api/maps/${w.map}/operations`, { body: { batchId, baseVersion: base, operations: [{ op: 'updateUnit', id: 'u1', before: { note: '' }, after: { note: 'overwritten' } }] } }));
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatch(/already applied with other operations/);
    const resend = await send('POST', `/api/maps/${w.map}/operations`, { body: { batchId, baseVersion: base, operations: [addUnit(EVIDENCE)] } });
    expect(await resend.json()).toMatchObject({ duplicate: true, version: base + 1 });
    const removed = (await getMap(db, w.map))!.units.find((u) => u.id === EVIDENCE.id)!;
    expect((await operations([{ op: 'removeUnit', unit: removed, relations: [], mainClaim: false }])).status).toBe(200);
  });

  it('answers concurrent resends of one batch as duplicates, never 409', async () => {
    const body = { batchId: newBatchId(), baseVersion: await version(), operations: [addUnit(EVIDENCE)] };
    const answers = await Promise.all(Array.from({ length: 5 }, () => send('POST', `/api/maps/${w.map}/operations`, { body })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const duplicates = await Promise.all(answers.map(async (a) => (await a.json()).duplicate === true));
    expect(duplicates.filter(Boolean)).toHaveLength(4);
    const removed = (await getMap(db, w.map))!.units.find((u) => u.id === EVIDENCE.id)!;
    expect((await operations([{ op: 'removeUnit', unit: removed, relations: [], mainClaim: false }])).status).toBe(200);
  });

  it.each([
    ['before: {}', { op: 'updateUnit', id: 'u1', before: {}, after: { note: 'blind' } }],
    ['a before missing a changed field', { op: 'updateUnit', id: 'u1', before: { note: '' }, after: { note: 'blind', label: 'evidence' } }],
    ['a relation update with before: {}', { op: 'updateRelation', id: 'r1', before: {}, after: { type: 'attack' } }],
  ])('refuses an update with %s (422), writing nothing', async (_name, op) => {
    const { status, body } = await refused(() => operations([op]));
    expect(status).toBe(422);
    expect(body).toMatchObject({ index: 0, error: expect.stringMatching(/exactly the fields after changes|does not exist/) });
  });

  it('keeps the map readable: the owner still reads it as before', async () => {
    const res = await getMapRoute(new Request(`${ORIGIN}/api/maps/${w.map}`, { headers: { cookie: w.cookie.student } }), { params: Promise.resolve({ mapId: w.map }) });
    expect((await res.json()).map.units).toEqual([CLAIM]);
    expect(await getOrCreateMap(db, w.doc, w.id.student)).toMatchObject({ id: w.map });
  });
});
