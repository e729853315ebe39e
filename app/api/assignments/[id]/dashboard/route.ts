// GET /api/assignments/:id/dashboard — the course's instructors (and admins): { assignment,
// students: [{ userId, name, displayName, mapId, units: { label: n }, relations, lastEdit,
// submittedAt }] }. 403 for the course's students, 404 for everyone else. Classroom mode only.
import { courseDashboard } from '@/lib/db';
import { handle, json, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors see the dashboard');
    return json({ assignment, students: await courseDashboard(db, assignment.id) });
  });
}
