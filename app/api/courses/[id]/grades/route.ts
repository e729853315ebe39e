// GET /api/courses/:id/grades?format=json|csv — the course's gradebook: a row per student with,
// for each assignment (oldest first), status, hours late, total and max, and the sums over the
// returned grades. The course's instructors (and admins); 403 for students, 404 for
// non-members, 400 for another format. Classroom mode only.
import { getCourse, listAssignments } from '@/lib/db';
import { courseGradebook, courseGradebookCsv } from '@/lib/grading/gradebook';
import { safeFileName } from '@/lib/formats/classArchive';
import { download, handle, HttpError, json, pathParams } from '@/app/_shared/http';
import { classroomUser, requireCourseInstructor } from '@/app/_shared/classroom';
import { loadGradebook } from '@/app/assignments/_lib/grading';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id } = await pathParams(params);
    await requireCourseInstructor(db, user, id);
    const format = new URL(request.url).searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new HttpError(400, `unknown format "${format}" (available: json, csv)`, { code: 'grading.format', params: { format } });
    const course = (await getCourse(db, id))!;
    // One assignment after another: each loads its class's maps, and a course's few assignments
    // in a row keep one request from holding every connection.
    const books = [];
    for (const a of await listAssignments(db, id)) books.push({ id: a.id, title: a.title, book: await loadGradebook(db, a) });
    const book = courseGradebook(books);
    if (format === 'csv') return download(courseGradebookCsv(book), 'text/csv; charset=utf-8', `${safeFileName(course.title, 'course')}-grades.csv`);
    return json({ course: { id: course.id, title: course.title }, ...book });
  });
}
