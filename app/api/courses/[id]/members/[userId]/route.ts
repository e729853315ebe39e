// DELETE /api/courses/:id/members/:userId — the course's instructors take a student or a
// co-instructor out of the course: 200 { ok: true }. Their maps stay theirs; they no longer see
// the course, and its instructors no longer read their maps through it. 409 { code } for the
// course's owner ('course.removeOwner') and for someone not in it ('course.notMember'); 423 for
// an archived course. Classroom mode only.
import { removeMember } from '@/lib/db';
import { handle, json, pathParams } from '@/app/_shared/http';
import { classroomUser, requireCourseInstructor } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function DELETE(request: Request, { params }: { params: Promise<{ id: string; userId: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id, userId } = await pathParams(params);
    await requireCourseInstructor(db, user, id);
    await removeMember(db, id, userId);
    return json({ ok: true });
  });
}
