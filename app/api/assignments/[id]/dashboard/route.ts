// GET /api/assignments/:id/dashboard — the course's instructors (and admins): { assignment,
// students: [{ userId, name, displayName, mapId, units: { label: n }, relations, lastEdit,
// submittedAt }] }. 403 for the course's students, 404 for everyone else. Classroom mode only.
import { courseDashboard, openDb } from '@/lib/db';
import { handle, HttpError, json } from '@/app/_shared/http';
import { currentUser } from '@/app/_shared/session';
import { assignmentAccess, requireClassroom } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    requireClassroom();
    const db = await openDb();
    const user = await currentUser(db, request);
    const { assignment, role } = await assignmentAccess(db, user, (await params).id);
    if (role !== 'instructor') throw new HttpError(403, 'only the course’s instructors see the dashboard');
    return json({ assignment, students: await courseDashboard(db, assignment.id) });
  });
}
