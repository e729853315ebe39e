// POST /api/auth/signup — { name, displayName?, password } → 201 { user } and the session
// cookie (signed in at once). The first account on the server is admin, later ones students.
// 409 when the name is taken, 422 naming the field for a bad name, display name or password.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { openDb } from '@/lib/db';
import { signUp, startSession } from '@/lib/auth/accounts';
import { json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { assertSameOrigin, sessionCookie } from '@/app/_shared/session';
import { handleAuth, NO_STORE, publicUser } from '../_lib/auth-route';

export const dynamic = 'force-dynamic';

const requestSchema = withSafeText(
  z.strictObject({
    name: z.string().max(200),
    displayName: z.string().max(400).optional(),
    password: z.string().max(2000),
  }),
);

export function POST(request: Request) {
  return handleAuth(request, async () => {
    assertSameOrigin(request);
    const body = await readBody(request, requestSchema, BODY_LIMITS.auth);
    const db = await openDb();
    const user = await signUp(db, body);
    const { token } = await startSession(db, user);
    return json({ user: publicUser(user) }, 201, { ...NO_STORE, 'set-cookie': sessionCookie(request, token) });
  });
}
