// GET /api/settings — admins: { signUp: open|code|off }.
// POST /api/settings — admins: { signUp } → 200 { signUp }. Who may create an account: anyone
// (open), only with a course's join code (code), nobody (off); see lib/db/settings.ts. 403 for
// everyone else signed in. Classroom mode only (404 in solo mode).
import { z } from 'zod';
import { getSignUpMode, setSignUpMode, SIGN_UP_MODES } from '@/lib/db';
import { BODY_LIMITS, handle, json, readBody } from '@/app/_shared/http';
import { requireRole } from '@/app/_shared/session';
import { classroomUser } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = z.strictObject({ signUp: z.enum(SIGN_UP_MODES) });

export function GET(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    requireRole(user, 'admin');
    return json({ signUp: await getSignUpMode(db) });
  });
}

export function POST(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    requireRole(user, 'admin'); // 403 before the body is read
    const body = await readBody(request, requestSchema, BODY_LIMITS.form);
    await setSignUpMode(db, body.signUp);
    return json({ signUp: await getSignUpMode(db) });
  });
}
