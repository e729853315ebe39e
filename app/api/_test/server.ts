// Test support for the security tests (imported by *.test.ts only): requests as the server
// takes them, with no server — the raw URL goes through proxy.ts first (when its matcher takes
// the path, compiled by Next's own code and tried on the raw and the decoded path, as Next's
// router does), then to the route handler its path names (found by walking app/api, so a new
// route is attacked too), with the decoded path parameters, as Next does. 404 when no route
// matches, 405 for another method.
// First, as in Next's server: the globals (AsyncLocalStorage) Next's modules expect when loaded.
import 'next/dist/server/node-environment-baseline';
import fs from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import * as pageStaticInfo from 'next/dist/build/analysis/get-page-static-info';
import { config, proxy } from '@/proxy';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

export interface ApiRoute {
  /// "/api/maps/[mapId]/operations"
  pattern: string;
  segments: string[];
  methods: Record<string, Handler>;
}

const API_DIR = path.resolve(__dirname, '..');

/// Every route.ts under app/api, with the methods it exports.
export async function apiRoutes(): Promise<ApiRoute[]> {
  const files = (fs.readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => path.basename(f) === 'route.ts' && !f.split(path.sep).some((p) => p.startsWith('_')));
  const routes: ApiRoute[] = [];
  for (const file of files.sort()) {
    const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
    const methods = Object.fromEntries(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].filter((m) => typeof mod[m] === 'function').map((m) => [m, mod[m] as Handler]));
    const segments = ['api', ...path.dirname(file).split(path.sep).filter((s) => s !== '.')];
    routes.push({ pattern: `/${segments.join('/')}`, segments, methods });
  }
  // Static segments before dynamic ones, as Next matches them (/api/courses/join before /api/courses/[id]).
  const dynamicCount = (r: ApiRoute) => r.segments.filter((s) => s.startsWith('[')).length;
  return routes.sort((a, b) => dynamicCount(a) - dynamicCount(b) || a.pattern.localeCompare(b.pattern));
}

// Next's compilation of a proxy matcher (not in its published types).
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers(matcher: string[], nextConfig: object): Array<{ regexp: string }> };
const proxyMatchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));

/// Whether Next runs proxy.ts for `pathname` (raw, as sent).
export function proxyRuns(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {}
  return proxyMatchers.some((re) => re.test(pathname) || re.test(decoded));
}

/// `request` with the Host header a server always sees (the URL's host): a Request made here has
/// none, and the routes the proxy leaves out (the autosave, the import) check it themselves.
export function withHost(request: Request): Request {
  if (request.headers.has('host')) return request;
  const headers = new Headers(request.headers);
  headers.set('host', new URL(request.url).host);
  return new Request(request, { headers });
}

/// The answer to `request` (its URL as sent, possibly malformed) from proxy.ts and the routes.
export async function serve(routes: readonly ApiRoute[], request: Request): Promise<Response> {
  request = withHost(request);
  if (proxyRuns(new URL(request.url).pathname)) {
    const proxied = proxy(new NextRequest(request.url, { method: request.method, headers: request.headers }));
    if (!proxied.headers.has('x-middleware-next')) return proxied;
  }
  const segments = new URL(request.url).pathname.split('/').slice(1).map((s) => decodeURIComponent(s));
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = route.segments.every((s, i) => {
      const dynamic = /^\[(\w+)\]$/.exec(s);
      if (dynamic) params[dynamic[1]] = segments[i];
      return dynamic !== null || s === segments[i];
    });
    if (!matches) continue;
    const handler = route.methods[request.method];
    if (!handler) return new Response(null, { status: 405 });
    return handler(request, { params: Promise.resolve(params) });
  }
  return new Response(null, { status: 404 });
}
