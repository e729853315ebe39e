// GET /api/assignments/:id/rubric — members of the course: { rubric: { version, criteria,
// createdAt } | null, latePolicy }. POST — the course's instructors (and admins):
// { baseVersion, criteria: [{ title, suggest?, levels: [{ title, points }] }] } → 200 { rubric }
// with the next version (grades keep the version they were given with); 409
// { code: 'grading.rubricStale', params: { current } } when baseVersion is not the newest; 422
// for a bad rubric. 403 for students, 404 for non-members. Classroom mode only.
import { currentRubric, getLatePolicy, saveRubric } from '@/lib/db';
import { rubricRequestSchema, toCriteria } from '@/lib/grading/rubric';
import { BODY_LIMITS, handle, json, pathParams, readBody } from '@/app/_shared/http';
import { assignmentAccess, classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { assignment } = await assignmentAccess(db, user, (await pathParams(params)).id);
    const [rubric, latePolicy] = await Promise.all([currentRubric(db, assignment.id), getLatePolicy(db, assignment.id)]);
    return json({ rubric, latePolicy });
  });
}

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors change the rubric');
    const body = await readBody(request, rubricRequestSchema, BODY_LIMITS.form * 4);
    return json({ rubric: await saveRubric(db, assignment.id, user.id, body.baseVersion, toCriteria(body.criteria)) });
  });
}
