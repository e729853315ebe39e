// GET /api/courses — the courses the user teaches or takes: { courses: [{ id, title, role,
// createdAt, joinCode (instructors only) }] }.
// POST /api/courses — { title } → 201 { course } (with its join code); instructors and admins
// only (403 for students). Classroom mode only (404 in solo mode).
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { createCourse, listCoursesOf } from '@/lib/db';
import { handle, json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { requireRole } from '@/app/_shared/session';
import { classroomUser, publicCourse } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = withSafeText(z.strictObject({ title: z.string().trim().min(1).max(200) }));

export function GET(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    return json({ courses: (await listCoursesOf(db, user.id)).map(publicCourse) });
  });
}

export function POST(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    requireRole(user, 'instructor', 'admin');
    const body = await readBody(request, requestSchema, BODY_LIMITS.form);
    const course = await createCourse(db, user.id, body.title);
    return json({ course: publicCourse({ ...course, role: 'instructor' }) }, 201);
  });
}
