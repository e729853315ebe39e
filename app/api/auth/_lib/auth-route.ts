// Plumbing shared by the /api/auth route handlers: they exist only in classroom mode (404 in
// solo mode: there are no accounts), translate lib/auth's errors into HTTP answers, and never
// let a browser or proxy cache what they answer.
import { NextResponse } from 'next/server';
import { rontenMode } from '@/lib/auth/mode';
import { AuthError, ForbiddenError, InvalidAccountInputError, InvalidCredentialsError, NameTakenError, RateLimitedError } from '@/lib/auth/errors';
import type { User } from '@/lib/db';
import { requestClient } from '@/lib/net/client';
import { handle, HttpError } from '@/app/_shared/http';
import { credentialQueue } from '@/app/_shared/overload';

export const NO_STORE = { 'cache-control': 'no-store' };

/// Runs an auth handler: 404 in solo mode, lib/auth errors as 401/403/409/422/429. Every error
/// answer carries the error's `code` and `params` besides the English `error`, for the client
/// to word it in the UI's language.
export function handleAuth(request: Request, fn: () => Promise<Response>): Promise<Response> {
  return handle(request, async () => {
    if (rontenMode() !== 'classroom') throw new HttpError(404, 'there are no accounts in solo mode (set RONTEN_MODE=classroom)', { code: 'auth.soloMode', params: {} });
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      const coded = { code: e.code, params: e.params };
      if (e instanceof RateLimitedError) {
        return NextResponse.json(
          { error: e.message, retryAfter: e.retryAfterSeconds, ...coded },
          { status: 429, headers: { ...NO_STORE, 'retry-after': String(e.retryAfterSeconds) } },
        );
      }
      if (e instanceof InvalidAccountInputError) throw new HttpError(422, e.message, { field: e.field, ...coded });
      if (e instanceof NameTakenError) throw new HttpError(409, e.message, { field: 'name', ...coded });
      if (e instanceof InvalidCredentialsError) throw new HttpError(401, e.message, coded);
      if (e instanceof ForbiddenError) throw new HttpError(403, e.message, coded);
      throw e;
    }
  });
}

/// handleAuth for the routes that check or set a password (sign-in, sign-up, password change): the whole handler
/// — its argon2id and its session writes — waits its turn in the credential queue
/// (app/_shared/overload), and is answered 503 + Retry-After when too many are waiting, before
/// anything is read or written.
export function handleCredentials(request: Request, fn: () => Promise<Response>): Promise<Response> {
  return handleAuth(request, () => credentialQueue().run(fn));
}

/// What the client learns about a user.
export function publicUser(user: User) {
  return { id: user.id, name: user.name, displayName: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword };
}

/// The key the per-client limits count under: the client's address (lib/net/client.ts: the
/// socket peer, or what a trusted proxy reports).
export function clientKey(request: Request): string {
  return requestClient(request).address;
}
