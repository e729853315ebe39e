// POST /api/auth/password — { currentPassword, newPassword } → 200 { user }: the signed-in user
// chooses a new password (argon2id). The only thing an account on the one-time password of its
// roster slip may do besides signing out; afterwards it may do everything else.
// 422 { field: 'currentPassword' } for a wrong current password, { field: 'password' } for a
// new one the policy refuses or that equals the current one; 401 without a session; 429 with
// Retry-After and { code: 'auth.rateLimitedPassword', retryAfter } after too many wrong current
// passwords for the account or from the client (lib/auth/throttle.ts); 503 + Retry-After when the
// credential queue is full (its argon2id waits its turn there, as sign-in's and sign-up's).
import { openDb } from '@/lib/db';
import { changePassword } from '@/lib/auth/accounts';
import { passwordChangeSchema } from '@/lib/classroom/schemas';
import { json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { assertSameOrigin, currentUser } from '@/app/_shared/session';
import { clientKey, handleCredentials, NO_STORE, publicUser } from '../_lib/auth-route';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleCredentials(request, async () => {
    assertSameOrigin(request);
    const db = await openDb();
    const user = await currentUser(db, request, { pendingPassword: 'allow' });
    const body = await readBody(request, passwordChangeSchema, BODY_LIMITS.auth);
    await changePassword(db, user.id, body.currentPassword, body.newPassword, clientKey(request));
    return json({ user: publicUser({ ...user, mustChangePassword: false }) }, 200, NO_STORE);
  });
}
