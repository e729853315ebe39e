// POST /api/assignments/:id/late-policy — { latePolicy: 'accept' | 'lock' } → 200 { latePolicy }:
// take late work and mark it late, or take nothing after the due time (per-student extensions
// move it). The course's instructors (and admins); 403 for students, 404 for non-members.
import { setLatePolicy } from '@/lib/db';
import { latePolicySchema } from '@/lib/grading/requests';
import { BODY_LIMITS, handle, json, pathParams, readBody } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors set the late policy');
    const { latePolicy } = await readBody(request, latePolicySchema, BODY_LIMITS.form);
    await setLatePolicy(db, assignment.id, latePolicy);
    return json({ latePolicy });
  });
}
