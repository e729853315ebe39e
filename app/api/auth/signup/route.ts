// POST /api/auth/signup — { name, displayName?, password, joinCode? } → 201 { user } (plus `course` when a join code enrolled it)
// and the session cookie (signed in at once). The first account on the server is admin, later
// ones students. The admin's sign-up setting decides who may (lib/auth/enrolment.ts): 403 when
// it is off; with 'code', a course's join code is needed and the account joins that course
// (422 field joinCode when missing or wrong). 429 beyond the per-address sign-up limit or for
// too many wrong codes. 409 when the name is taken, 422 naming the field for a bad name,
// display name or password.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { openDb } from '@/lib/db';
import { startSession } from '@/lib/auth/accounts';
import { gatedSignUp } from '@/lib/auth/enrolment';
import { json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { assertSameOrigin, sessionCookie } from '@/app/_shared/session';
import { clientKey, handleCredentials, NO_STORE, publicUser } from '../_lib/auth-route';
import { publicCourse } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = withSafeText(
  z.strictObject({
    name: z.string().max(200),
    displayName: z.string().max(400).optional(),
    password: z.string().max(2000),
    joinCode: z.string().max(40).optional(),
  }),
);

export function POST(request: Request) {
  return handleCredentials(request, async () => {
    assertSameOrigin(request);
    const body = await readBody(request, requestSchema, BODY_LIMITS.auth);
    const db = await openDb();
    const { user, course } = await gatedSignUp(db, { ...body, clientKey: clientKey(request) });
    const { token } = await startSession(db, user);
    return json({ user: publicUser(user), ...(course && { course: publicCourse(course) }) }, 201, { ...NO_STORE, 'set-cookie': sessionCookie(request, token) });
  });
}
