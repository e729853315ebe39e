// GET /api/courses/:id — members only (404 otherwise): { course, role, assignments, members? }.
// Instructors (and admins) also get the join code and the member list. Classroom mode only.
import { getCourse, listAssignments, listMembers } from '@/lib/db';
import { handle, json, pathParams } from '@/app/_shared/http';
import { classroomUser, courseAccess, publicCourse } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id } = await pathParams(params);
    const role = await courseAccess(db, user, id);
    const course = (await getCourse(db, id))!;
    const assignments = await listAssignments(db, id);
    return json({
      course: publicCourse({ ...course, role }),
      role,
      assignments,
      ...(role === 'instructor' ? { members: await listMembers(db, id) } : {}),
    });
  });
}
