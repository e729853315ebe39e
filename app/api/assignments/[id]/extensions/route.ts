// POST /api/assignments/:id/extensions — { userId, dueAt: ISO with zone | null } → 200
// { userId, dueAt }: a due time of the student's own (null removes it). The course's
// instructors (and admins); 403 for students; 404 for non-members and for a user who is not a
// student of the course. Classroom mode only.
import { courseRole, setExtension } from '@/lib/db';
import { toUtcIso } from '@/lib/classroom/schemas';
import { extensionSchema } from '@/lib/grading/requests';
import { BODY_LIMITS, handle, HttpError, json, pathParams, readBody } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors give extensions');
    const body = await readBody(request, extensionSchema, BODY_LIMITS.form);
    if ((await courseRole(db, assignment.courseId, body.userId)) !== 'student') throw new HttpError(404, `user "${body.userId}" is not a student of this course`, { code: 'course.notStudent', params: { user: body.userId } });
    const dueAt = body.dueAt === null ? null : toUtcIso(body.dueAt);
    await setExtension(db, assignment.id, body.userId, dueAt);
    return json({ userId: body.userId, dueAt });
  });
}
