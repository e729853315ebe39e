// POST /api/assignments/:id/submit — a student of the course hands in their map of the
// assignment's document (created, empty, with the assignment's label scheme if they have none):
// 200 { mapId, version, submittedAt, lateByMs } (lateByMs null when on time). The map is then
// locked (423 on edits) until an instructor unlocks it or returns it for revision; submitting
// again changes nothing; the course's instructors are told of a first submission. 423 when the
// course is archived. Past the student's due time under the 'lock' policy: 423
// { code: 'grading.closed', params: { due } }. 403 for instructors, 404 for non-members.
import { assertCourseActive, submitAssignment } from '@/lib/db';
import { announceGrading } from '@/app/_shared/gradingNotices';
import { handle, json, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'student', 'only the course’s students submit');
    await assertCourseActive(db, assignment.courseId);
    const { mapId, version, submittedAt, lateByMs, already } = await submitAssignment(db, assignment, user.id);
    if (!already) await announceGrading(db, { kind: 'submitted', assignmentId: assignment.id, userId: user.id, mapId, submittedAt, lateByMs }, user.id);
    return json({ mapId, version, submittedAt, lateByMs });
  });
}
