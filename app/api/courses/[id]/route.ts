// GET /api/courses/:id — members only (404 otherwise): { course, role, assignments, members? }.
// Instructors (and admins) also get the join code, whether it works, and the member list.
// PATCH /api/courses/:id — the course's instructors: { archived?, joinCode?: regenerate |
// disable | enable } → { course }. An archived course refuses every other change with 423
// { code: 'course.archived' }; archived: false reopens it. Classroom mode only.
import { getCourse, listAssignments, listMembers, regenerateJoinCode, setCourseArchived, setJoinEnabled } from '@/lib/db';
import { courseChangeSchema } from '@/lib/classroom/schemas';
import { handle, json, BODY_LIMITS, pathParams, readBody } from '@/app/_shared/http';
import { classroomUser, courseAccess, publicCourse, requireCourseInstructor } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Params) {
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

export function PATCH(request: Request, { params }: Params) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id } = await pathParams(params);
    await requireCourseInstructor(db, user, id);
    const body = await readBody(request, courseChangeSchema, BODY_LIMITS.form);
    // Reopening comes first, so that { archived: false, joinCode: 'regenerate' } works in one go;
    // archiving last, so that a change sent with it is made before the course freezes.
    if (body.archived === false) await setCourseArchived(db, id, false);
    if (body.joinCode === 'regenerate') await regenerateJoinCode(db, id);
    else if (body.joinCode) await setJoinEnabled(db, id, body.joinCode === 'enable');
    const course = body.archived === true ? await setCourseArchived(db, id, true) : (await getCourse(db, id))!;
    return json({ course: publicCourse({ ...course, role: 'instructor' }) });
  });
}
