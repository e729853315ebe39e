// POST /api/assignments/:id/unlock — { userId } → 200 { mapId, version }: the course's
// instructors (and admins) reopen a student's submitted map for editing (unlocking an open map
// changes nothing). 403 for the course's students; 404 for non-members, for a user who is not a
// student of the course, and for a student without a map. Classroom mode only.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { assertCourseActive, courseRole, findMap, unlockMap } from '@/lib/db';
import { handle, HttpError, json, BODY_LIMITS, readBody, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = withSafeText(z.strictObject({ userId: z.string().min(1).max(200) }));

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors unlock a submission');
    await assertCourseActive(db, assignment.courseId);
    const body = await readBody(request, requestSchema, BODY_LIMITS.form);
    if ((await courseRole(db, assignment.courseId, body.userId)) !== 'student') throw new HttpError(404, `user "${body.userId}" is not a student of this course`, { code: 'course.notStudent', params: { user: body.userId } });
    const map = await findMap(db, assignment.documentId, body.userId);
    if (!map) throw new HttpError(404, 'this student has no map of the assignment’s document', { code: 'assignment.noStudentMap', params: {} });
    const { version } = await unlockMap(db, map.id);
    return json({ mapId: map.id, version });
  });
}
