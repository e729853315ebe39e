// POST /api/courses/:id/instructors — { name } → 201 { instructor: { userId, name, displayName } }:
// the course's instructors add a co-instructor, who then has the same rights in the course
// (a student of the course becomes its instructor). 422 { code: 'course.unknownUser' } for a
// name no account has; 409 { code: 'course.notInstructorAccount' } for a student account (an
// admin makes it an instructor first); 423 for an archived course. Classroom mode only.
import { addInstructor, NotFoundError } from '@/lib/db';
import { addInstructorSchema } from '@/lib/classroom/schemas';
import { handle, HttpError, json, BODY_LIMITS, pathParams, readBody } from '@/app/_shared/http';
import { classroomUser, requireCourseInstructor } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id } = await pathParams(params);
    await requireCourseInstructor(db, user, id);
    const body = await readBody(request, addInstructorSchema, BODY_LIMITS.form);
    try {
      return json({ instructor: await addInstructor(db, id, body.name) }, 201);
    } catch (e) {
      if (e instanceof NotFoundError && e.entity === 'user') throw new HttpError(422, `no account has the user name "${body.name}"`, { field: 'name', code: 'course.unknownUser', params: { name: body.name } });
      throw e;
    }
  });
}
