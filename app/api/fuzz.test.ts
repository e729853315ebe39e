// The API under a seeded fuzz, on SQLite and (when available) PostgreSQL, in classroom mode:
// every route in app/api × malformed paths (bad percent-encoding, U+0000, lone surrogates,
// huge and odd ids), junk query strings, bodies (wrong types, huge numbers, NaN strings,
// nested junk, U+0000, lone surrogates, huge strings, not JSON, empty) under wrong content
// types, signed in as anyone. Every request goes through proxy.ts and then the route handler,
// as on the server; some go straight to the handler with junk parameters, as if the proxy
// were not there. Nothing may answer 5xx or log an unexpected error, and a refused request
// (4xx) must leave every table as it was.
//
// RONTEN_FUZZ_REQUESTS (default 1,000 per database) and RONTEN_FUZZ_SEED (default 13) set
// the run; the same seed sends the same requests.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '@/lib/seededRandom';
import { testBackends } from '@/lib/db/test-support';
import { ORIGIN, useApiDb } from './_test/support';
import { apiRoutes, serve, withHost, type ApiRoute } from './_test/server';
import { buildWorld, dumpTables, type World } from './_test/world';

const REQUESTS = Number(process.env.RONTEN_FUZZ_REQUESTS ?? 1_000);
const SEED = Number(process.env.RONTEN_FUZZ_SEED ?? 13);

type Random = () => number;
const pick = <T,>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/// Junk a path segment may hold, percent-encoded as sent (some not validly).
const RAW_SEGMENTS = ['%', '%00', 'a%00b', '%ud800', '%ED%A0%80', '%ED%B0%80', '%E8%AB', '%FF', '%C0%AF', '%2e%2e', '..', '%2F', 'null', '-1', '0', '1e308', 'NaN', '%F0%A0%AE%B7', encodeURIComponent('x'.repeat(5_000)), encodeURIComponent('\u{1F600}'.repeat(50))];
/// Junk a decoded path parameter may hold when the proxy is not in front.
const RAW_PARAMS = ['\u0000', 'a\u0000b', 'x\ud800y', '\udc00', '\ud83d', '', ' ', '../../etc', 'x'.repeat(10_000), '𠮷'];
const QUERIES = ['', '', '', '?format=csv', '?format=%00', '?format=NaN', '?format=', `?format=${'z'.repeat(3_000)}`, '?format=json&format=csv', '?a=%00&b=%ud800', '?format=%ED%A0%80', '?%=%'];

/// Values that replace a part of a valid body.
const JUNK: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 'NaN', 'Infinity', '', ' ', '\u0000', 'a\u0000b', 'x\ud800y', '\udc00', '\ud83d',
  'x'.repeat(300_000), '1'.repeat(400), [], {}, [null], [[[[[[]]]]]], { nested: { deeper: [{ x: '\u0000' }] } }, JSON.parse('{"__proto__":{"polluted":true}}'),
  Array.from({ length: 2_000 }, (_, i) => i), '<script>alert(1)</script>', '=HYPERLINK("http://evil")', '2030-02-30T25:61:00Z',
];

/// Bodies that are not a JSON object, or not JSON at all, sent as they are.
const RAW_BODIES = ['', ' ', 'not json', '{', '{"a":', '[]', 'null', '0', '"string"', '1e400', 'NaN', '{"__proto__":{"x":1}}', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, `{"a":"${'\\u0000'}"}`, `{"a":"\\ud800"}`, '\u0000', '\ufeff{}'];
const CONTENT_TYPES = ['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', ''];

/// A valid body per route, for the mutations to start from (others get raw junk).
function template(w: World, method: string, pattern: string, n: number): unknown {
  switch (`${method} ${pattern}`) {
    case 'POST /api/auth/signin': return { name: 'student', password: 'wrong password, surely' };
    case 'POST /api/auth/signup': return { name: `fuzz${n}`, displayName: '試し', password: 'long enough password' };
    case 'POST /api/users/[id]/role': return { role: 'student' };
    case 'POST /api/documents': return { title: `題 ${n}`, text: '主張。なぜなら根拠。', reflow: 'off' };
    case 'POST /api/label-schemes': return { name: `体系 ${n}`, labels: [{ id: 'thesis', ja: '主題', en: 'Thesis' }] };
    case 'POST /api/courses': return { title: `授業 ${n}` };
    case 'POST /api/courses/join': return { code: w.joinCode };
    case 'POST /api/courses/[id]/assignments': return { documentId: w.doc, title: `課題 ${n}`, dueAt: '2030-04-01T09:00:00+09:00' };
    case 'PATCH /api/assignments/[id]': return { dueAt: null, referenceMapId: null };
    case 'POST /api/assignments/[id]/unlock': return { userId: w.id.student };
    case 'POST /api/maps/[mapId]/operations':
      return { batchId: `fuzz-batch-${n}-xxxx`, baseVersion: 2, operations: [{ op: 'updateUnit', id: 'u1', before: { note: '' }, after: { note: `メモ ${n}` } }] };
    case 'POST /api/maps/[mapId]/import': return { fileName: 'x.argmap.json', content: '{"format":"ronten-argmap"}', baseVersion: 2, dryRun: true };
    case 'POST /api/maps/[mapId]/comments': return { targetKind: 'unit', targetId: 'u1', body: `コメント ${n}` };
    default: return {};
  }
}

/// `value` with one part replaced by junk, removed, or an unknown key added.
function mutate(r: Random, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || r() < 0.15) return pick(r, JUNK);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const roll = r();
  if (keys.length === 0 || roll < 0.1) {
    (copy as Record<string, unknown>)[pick(r, ['extra', '\u0000', 'x\ud800', 'constructor'])] = pick(r, JUNK);
    return copy;
  }
  const key = pick(r, keys);
  if (roll < 0.2 && !Array.isArray(copy)) delete copy[key];
  else (copy as Record<string, unknown>)[key] = mutate(r, (copy as Record<string, unknown>)[key]);
  return copy;
}

function realId(r: Random, w: World, segment: string, pattern: string): string {
  if (segment === '[mapId]') return w.map;
  if (segment === '[commentId]') return w.comment;
  if (pattern.startsWith('/api/courses')) return w.course;
  if (pattern.startsWith('/api/assignments')) return w.assignment;
  if (pattern.startsWith('/api/documents')) return w.doc;
  return pick(r, [w.id.student, w.id.teacher]);
}

interface Attempt {
  request: Request;
  /// Junk parameters handed straight to the handler (no proxy), or undefined to serve the URL.
  params?: Record<string, string>;
  route: ApiRoute;
  describe: string;
}

function attempt(r: Random, w: World, routes: readonly ApiRoute[], n: number): Attempt {
  const route = pick(r, routes);
  const method = r() < 0.9 ? pick(r, Object.keys(route.methods)) : pick(r, ['GET', 'POST', 'PATCH', 'DELETE', 'PUT']);
  const direct = r() < 0.1 && route.segments.some((s) => s.startsWith('['));
  const params: Record<string, string> = {};
  const path = route.segments
    .map((s) => {
      const dynamic = /^\[(\w+)\]$/.exec(s);
      if (!dynamic) return s;
      const real = realId(r, w, s, route.pattern);
      if (direct) return (params[dynamic[1]] = r() < 0.7 ? pick(r, RAW_PARAMS) : real), 'x';
      return r() < 0.5 ? encodeURIComponent(real) : pick(r, RAW_SEGMENTS);
    })
    .join('/');
  const url = `${ORIGIN}/${path}${pick(r, QUERIES)}`;
  const headers: Record<string, string> = { origin: ORIGIN };
  const contentType = pick(r, CONTENT_TYPES);
  if (contentType) headers['content-type'] = contentType;
  // Signing out would end the session every later request is sent with.
  const who = route.pattern === '/api/auth/signout' ? null : pick(r, ['student', 'teacher', 'admin', 'student', 'teacher', null] as const);
  if (who) headers.cookie = w.cookie[who];
  let body: string | undefined;
  if (method !== 'GET') {
    body = r() < 0.3 ? pick(r, RAW_BODIES) : JSON.stringify(mutate(r, template(w, method, route.pattern, n)));
  }
  const request = new Request(url, { method, headers, body });
  return { request, params: direct ? params : undefined, route, describe: `#${n} ${who ?? 'anonymous'} ${method} ${url.slice(0, 200)}${direct ? ` params=${JSON.stringify(params).slice(0, 80)}` : ''} body=${(body ?? '').slice(0, 200)}` };
}

async function send(routes: readonly ApiRoute[], a: Attempt): Promise<Response> {
  if (!a.params) return serve(routes, a.request);
  const handler = a.route.methods[a.request.method];
  if (!handler) return new Response(null, { status: 405 });
  return handler(withHost(a.request), { params: Promise.resolve(a.params) });
}

describe.each(testBackends())('fuzz of every API route on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let world: World;
  let routes: ApiRoute[];
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});

  beforeAll(async () => {
    world = await buildWorld(t.db);
    routes = await apiRoutes();
  }, 60_000);
  afterAll(() => errors.mockRestore());

  it('finds every route in app/api', () => {
    expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/api/maps/[mapId]/operations', '/api/auth/signin', '/api/maps/[mapId]/comments/[commentId]', '/api/courses/join']));
    expect(routes.length).toBeGreaterThanOrEqual(25);
  });

  it(`answers ${REQUESTS} malformed requests (seed ${SEED}) with no 5xx and no unexpected error, and a refusal writes nothing`, async () => {
    const r = seededRandom(SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let dump = await dumpTables(t.db);
    for (let n = 0; n < REQUESTS && failures.length < 10; n++) {
      const a = attempt(r, world, routes, n);
      errors.mockClear();
      let status: number;
      try {
        const response = await send(routes, a);
        status = response.status;
        const text = await response.text();
        if (status >= 400 && status !== 405 && !(status === 404 && !text) && !JSON.parse(text).error) failures.push(`${a.describe}: ${status} without { error }`);
      } catch (e) {
        failures.push(`${a.describe}: threw ${(e as Error).stack}`);
        continue;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) failures.push(`${a.describe}: answered ${status}`);
      if (errors.mock.calls.length) failures.push(`${a.describe}: logged ${String(errors.mock.calls[0][0]).slice(0, 300)}`);
      const after = await dumpTables(t.db);
      if (status >= 400 && after !== dump) failures.push(`${a.describe}: refused with ${status} but changed the database`);
      dump = after;
    }
    // The figures of a run, for the record (`npx vitest run app/api/fuzz.test.ts` prints them).
    console.info(`fuzz on ${backend.name}: ${REQUESTS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(failures).toEqual([]);
    // The fuzz reached the routes: had the proxy refused every request (a foreign Host), it would
    // prove nothing.
    expect(statuses.get(421) ?? 0).toBe(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 20);
  }, 600_000);
});
