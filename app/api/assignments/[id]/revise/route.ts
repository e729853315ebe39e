// POST /api/assignments/:id/revise — { userId, message } → 200 { mapId, version }: the course's
// instructors (and admins) return a student's submitted map for revision — it unlocks, and the
// message is added as a comment on the whole map, in one transaction. 409
// { code: 'grading.notSubmitted' } for a map that is not submitted; 422 for an empty message;
// 403 for students; 404 for non-members and non-students. Classroom mode only.
import { courseRole, returnForRevision } from '@/lib/db';
import { announceGrading } from '@/app/_shared/gradingNotices';
import { revisionSchema } from '@/lib/grading/requests';
import { BODY_LIMITS, handle, HttpError, json, pathParams, readBody } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors return a map for revision');
    const body = await readBody(request, revisionSchema, BODY_LIMITS.comment);
    if ((await courseRole(db, assignment.courseId, body.userId)) !== 'student') throw new HttpError(404, `user "${body.userId}" is not a student of this course`, { code: 'course.notStudent', params: { user: body.userId } });
    const result = await returnForRevision(db, assignment, body.userId, user.id, body.message);
    await announceGrading(db, { kind: 'revisionRequested', assignmentId: assignment.id, userId: body.userId, mapId: result.mapId, byUserId: user.id, message: body.message.trim() }, user.id);
    return json(result);
  });
}
