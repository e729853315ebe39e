// POST /api/courses/:id/members/:userId/password — a lost slip: the course's instructors give a
// student of the course a new one-time password. 200 { account: { userId, name, displayName,
// oneTimePassword } } — the password is in this answer only (the course page prints it as a
// sign-in slip); the student must choose their own password at the next sign-in, and their
// sessions end. 409 { code } 'course.notMember' for anyone not in this course,
// 'course.notStudentAccount' for an instructor or admin account; 423 for an archived course; 403 for
// the course's students, 404 for everyone else. Classroom mode only.
import { reissueSlip } from '@/lib/auth/roster';
import { handle, json, pathParams } from '@/app/_shared/http';
import { classroomUser, requireCourseInstructor } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string; userId: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id, userId } = await pathParams(params);
    await requireCourseInstructor(db, user, id);
    const account = await reissueSlip(db, id, userId);
    return json({ account }, 200, { 'cache-control': 'no-store' });
  });
}
