// POST /api/assignments/:id/submit — a student of the course hands in their map of the
// assignment's document (created, empty, with the assignment's label scheme if they have none):
// 200 { mapId, version, submittedAt }. The map is then locked (423 on edits) until an instructor
// unlocks it; submitting again changes nothing. 403 for instructors, 404 for non-members, 423
// when the course is archived. A first submission is announced to the course's instructors.
import { assertCourseActive, getOrCreateMap, notify, submitMap } from '@/lib/db';
import { handle, json, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'student', 'only the course’s students submit');
    await assertCourseActive(db, assignment.courseId);
    const map = await getOrCreateMap(db, assignment.documentId, user.id, assignment.labelSchemeId);
    const { submittedAt, version } = await submitMap(db, map.id);
    if (map.submittedAt === null) await notify(db, { kind: 'submitted', assignmentId: assignment.id, mapId: map.id, actorId: user.id });
    return json({ mapId: map.id, version, submittedAt });
  });
}
