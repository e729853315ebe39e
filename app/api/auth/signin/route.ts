// POST /api/auth/signin — { name, password } → 200 { user } and the session cookie.
// 401 "wrong user name or password" (the same for an unknown name); 429 with Retry-After
// (seconds) when this client is backing off for the name or has failed too often over all
// names (lib/auth/throttle.ts); others' failures for the name only slow it down.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { openDb } from '@/lib/db';
import { signIn } from '@/lib/auth/accounts';
import { json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { assertSameOrigin, sessionCookie } from '@/app/_shared/session';
import { clientKey, handleCredentials, NO_STORE, publicUser } from '../_lib/auth-route';

export const dynamic = 'force-dynamic';

const requestSchema = withSafeText(z.strictObject({ name: z.string().max(200), password: z.string().max(2000) }));

export function POST(request: Request) {
  return handleCredentials(request, async () => {
    assertSameOrigin(request);
    const body = await readBody(request, requestSchema, BODY_LIMITS.auth);
    const db = await openDb();
    const { token, user } = await signIn(db, { ...body, clientKey: clientKey(request) });
    return json({ user: publicUser(user) }, 200, { ...NO_STORE, 'set-cookie': sessionCookie(request, token) });
  });
}
