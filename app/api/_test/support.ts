// Test support for the API tests (imported by *.test.ts only; the _ folder is not a route).
// The tests call route handlers directly, with no server: a handler opens the database named
// by DATABASE_URL, reads the mode from RONTEN_MODE and the user from the request's session
// cookie. So this gives requests as a browser on this server sends them, a fresh database in
// solo or classroom mode for a describe block, and signed-in accounts.
import { afterAll, beforeAll } from 'vitest';
import { signUp, startSession } from '@/lib/auth/accounts';
import { changeAccountRole, closeAllDbs, openDb, type Db } from '@/lib/db';
import type { Backend, TestDatabase } from '@/lib/db/test-support';

/// This server's origin by default (lib/net/origins.ts: PORT unset → 3000).
export const ORIGIN = 'http://localhost:3000';
export const PASSWORD = 'long enough password';

/// The second argument of a dynamic route's handler.
export const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });

export interface RequestOptions {
  /// POST and PATCH only: sent as JSON, or as it is when a string (to send broken JSON).
  body?: unknown;
  cookie?: string;
  /// Sent on everything but GET, as browsers do; null sends none (as the CLI and scripts).
  origin?: string | null;
  headers?: Record<string, string>;
}

export function request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, opts: RequestOptions = {}): Request {
  // Every HTTP/1.1 request names its Host, and routes check it (hostCheck.ts: the proxy for most,
  // the autosave route itself): ours, unless a test says otherwise.
  const headers: Record<string, string> = { 'content-type': 'application/json', host: new URL(ORIGIN).host, ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  const origin = opts.origin === undefined ? ORIGIN : opts.origin;
  if (method !== 'GET' && origin !== null) headers.origin = origin;
  const body = method === 'POST' || method === 'PATCH' ? (typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body ?? {})) : undefined;
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

/// A fresh database of `backend` that the handlers open, in `mode`, for the enclosing describe
/// block; DATABASE_URL and RONTEN_MODE are put back afterwards. Read `.db` in hooks and tests.
export function useApiDb(backend: Backend, mode: 'solo' | 'classroom'): { readonly db: Db } {
  const handle = {} as { db: Db; target: TestDatabase };
  const saved: Record<'DATABASE_URL' | 'RONTEN_MODE', string | undefined> = { DATABASE_URL: undefined, RONTEN_MODE: undefined };
  beforeAll(async () => {
    saved.DATABASE_URL = process.env.DATABASE_URL;
    saved.RONTEN_MODE = process.env.RONTEN_MODE;
    handle.target = await backend.create();
    process.env.DATABASE_URL = handle.target.url;
    if (mode === 'solo') delete process.env.RONTEN_MODE;
    else process.env.RONTEN_MODE = mode;
    handle.db = await openDb();
  });
  afterAll(async () => {
    await closeAllDbs();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await handle.target?.teardown();
  });
  return handle;
}

/// An account per name, signed up in this order (so the first is the admin), those named in
/// `instructors` then made instructors, each with a live session: their ids and cookies.
export async function signUpAll<N extends string>(
  db: Db,
  names: readonly N[],
  opts: { instructors?: readonly N[]; displayName?: (name: N) => string | undefined } = {},
): Promise<{ id: Record<N, string>; cookie: Record<N, string> }> {
  const id = {} as Record<N, string>;
  const cookie = {} as Record<N, string>;
  for (const name of names) {
    const user = await signUp(db, { name: name.toLowerCase(), password: PASSWORD, displayName: opts.displayName?.(name) });
    if (opts.instructors?.includes(name)) await changeAccountRole(db, user.id, 'instructor');
    id[name] = user.id;
    cookie[name] = `ronten_session=${(await startSession(db, user)).token}`;
  }
  return { id, cookie };
}
