// POST /api/courses/join — { code } → 200 { course } (enrolled as student; joining again, or as
// the course's instructor, changes nothing). 404 for an unknown code; 429 after too many wrong
// codes from the address or the account (lib/auth/enrolment.ts). Classroom mode only.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { NotFoundError } from '@/lib/db';
import { gatedJoin } from '@/lib/auth/enrolment';
import { HttpError, json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { clientKey, handleAuth } from '@/app/api/auth/_lib/auth-route';
import { classroomUser, publicCourse } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = withSafeText(z.strictObject({ code: z.string().trim().min(1).max(40) }));

export function POST(request: Request) {
  return handleAuth(request, async () => {
    const { db, user } = await classroomUser(request);
    const body = await readBody(request, requestSchema, BODY_LIMITS.form);
    try {
      return json({ course: publicCourse(await gatedJoin(db, user.id, body.code, clientKey(request))) });
    } catch (e) {
      if (e instanceof NotFoundError) throw new HttpError(404, `no course has the join code "${body.code}"`, { code: 'account.joinCodeUnknown', params: {} });
      throw e;
    }
  });
}
