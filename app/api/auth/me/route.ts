// GET /api/auth/me — { user: { id, name, displayName, role, mustChangePassword } } of the
// session (also while a roster account must still choose its password); 401 without one.
import { openDb } from '@/lib/db';
import { json } from '@/app/_shared/http';
import { currentUser } from '@/app/_shared/session';
import { handleAuth, NO_STORE, publicUser } from '../_lib/auth-route';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handleAuth(request, async () => {
    const user = await currentUser(await openDb(), request, { pendingPassword: 'allow' });
    return json({ user: publicUser(user) }, 200, NO_STORE);
  });
}
