// POST /api/courses/join — { code } → 200 { course } (enrolled as student; joining again, or as
// the course's instructor, changes nothing). 404 for an unknown code. Classroom mode only.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { joinCourse, NotFoundError } from '@/lib/db';
import { handle, HttpError, json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { classroomUser, publicCourse } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = withSafeText(z.strictObject({ code: z.string().trim().min(1).max(40) }));

export function POST(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const body = await readBody(request, requestSchema, BODY_LIMITS.form);
    try {
      return json({ course: publicCourse(await joinCourse(db, user.id, body.code)) });
    } catch (e) {
      if (e instanceof NotFoundError) throw new HttpError(404, `no course has the join code "${body.code}"`);
      throw e;
    }
  });
}
