// The request checks of app/_shared/session.ts that need no database: the cross-site check in
// both modes, roles, and the session cookie's attributes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@/lib/db';
import { assertSameOrigin, clearedSessionCookie, requireRole, sessionCookie, sessionToken } from './session';
import { HttpError } from './http';

const saved = { RONTEN_MODE: process.env.RONTEN_MODE, RONTEN_ORIGIN: process.env.RONTEN_ORIGIN };
beforeEach(() => {
  process.env.RONTEN_ORIGIN = 'http://ronten.example:3000, https://ronten.school.jp';
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function status(fn: () => unknown): number {
  try {
    fn();
    return 200;
  } catch (e) {
    if (e instanceof HttpError) return e.status;
    throw e;
  }
}

const post = (headers: Record<string, string>, url = 'http://ronten.example:3000/api/maps/m/operations') => new Request(url, { method: 'POST', headers });

describe.each([
  // [headers, solo, classroom]
  [{}, 200, 403],
  [{ origin: 'http://ronten.example:3000' }, 200, 200],
  [{ origin: 'https://evil.example' }, 403, 403],
  [{ origin: 'http://ronten.example:3001' }, 403, 403],
  [{ origin: 'null' }, 403, 403],
  [{ referer: 'http://ronten.example:3000/documents/d1' }, 200, 200],
  [{ referer: 'https://evil.example/page' }, 403, 403],
  [{ origin: 'https://evil.example', referer: 'http://ronten.example:3000/' }, 403, 403],
  [{ origin: 'https://ronten.school.jp' }, 200, 200],
  [{ origin: 'http://ronten.school.jp' }, 403, 403], // the scheme counts too
  // DNS rebinding: the sender picks Host and Origin alike; only the configured origins count.
  [{ origin: 'http://evil.example:3000', host: 'evil.example:3000' }, 403, 403],
  [{ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }, 403, 403],
])('assertSameOrigin(POST with %j)', (headers, solo, classroom) => {
  it(`solo → ${solo}`, () => {
    delete process.env.RONTEN_MODE;
    expect(status(() => assertSameOrigin(post(headers)))).toBe(solo);
  });
  it(`classroom → ${classroom}`, () => {
    process.env.RONTEN_MODE = 'classroom';
    expect(status(() => assertSameOrigin(post(headers)))).toBe(classroom);
  });
});

it('lets safe methods through in either mode', () => {
  process.env.RONTEN_MODE = 'classroom';
  expect(status(() => assertSameOrigin(new Request('http://x/', { headers: { origin: 'https://evil.example' } })))).toBe(200);
});

it('requireRole answers 403 for a missing role; the solo local user passes', () => {
  const user = (role: User['role']): User => ({ id: 'u', name: 'u', displayName: 'u', role, createdAt: '', mustChangePassword: false });
  expect(status(() => requireRole(user('student'), 'instructor', 'admin'))).toBe(403);
  expect(status(() => requireRole(user('instructor'), 'instructor', 'admin'))).toBe(200);
  expect(status(() => requireRole(user('local'), 'admin'))).toBe(200);
});

it('sets an httpOnly, SameSite=Lax, Path=/ cookie, Secure when the configured origin is https, and reads it back', () => {
  const token = 'a'.repeat(43);
  const at = (host: string, headers: Record<string, string> = {}) => new Request(`http://${host}/api/auth/signin`, { headers: { host, ...headers } });
  const plain = sessionCookie(at('ronten.example:3000'), token);
  expect(plain).toBe(`ronten_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`);
  expect(sessionCookie(at('ronten.school.jp'), token)).toMatch(/; Secure$/);
  // X-Forwarded-Proto from a client that is not a trusted proxy proves nothing.
  expect(sessionCookie(at('ronten.example:3000', { 'x-forwarded-proto': 'https' }), token)).not.toMatch(/Secure/);
  expect(clearedSessionCookie(new Request('http://localhost/'))).toMatch(/^ronten_session=; .*Max-Age=0/);
  expect(sessionToken(new Request('http://x/', { headers: { cookie: `theme=dark; ronten_session=${token}; x=1` } }))).toBe(token);
  expect(sessionToken(new Request('http://x/', { headers: { cookie: 'not_ronten_session=zzz' } }))).toBeNull();
});
