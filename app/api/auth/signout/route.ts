// POST /api/auth/signout — ends the session of the cookie (if any) and clears the cookie.
// Always 200 { ok: true }: signing out twice is not an error.
import { openDb } from '@/lib/db';
import { signOut } from '@/lib/auth/accounts';
import { json } from '@/app/_shared/http';
import { assertSameOrigin, clearedSessionCookie, sessionToken } from '@/app/_shared/session';
import { handleAuth, NO_STORE } from '../_lib/auth-route';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleAuth(request, async () => {
    assertSameOrigin(request);
    const token = sessionToken(request);
    if (token) await signOut(await openDb(), token);
    return json({ ok: true }, 200, { ...NO_STORE, 'set-cookie': clearedSessionCookie(request) });
  });
}
