// GET /api/assignments/:id/grades?format=json|csv — the gradebook (README "Grading"): a row per
// student with status, due, submittedAt, lateness, grade state, points per criterion of the
// current rubric, total, max and the agreement with the reference (unit and relation F1, two
// decimals). json (default): { assignment, criteria, rubricVersion, rows }; csv: a download
// through lib/formats/csv.ts. The course's instructors (and admins); 403 for students, 404 for
// non-members, 400 for another format. Classroom mode only.
import { gradebookCsv } from '@/lib/grading/gradebook';
import { safeFileName } from '@/lib/formats/classArchive';
import { download, handle, HttpError, json, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';
import { loadGradebook } from '@/app/assignments/_lib/grading';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors read the gradebook');
    const format = new URL(request.url).searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new HttpError(400, `unknown format "${format}" (available: json, csv)`, { code: 'grading.format', params: { format } });
    const book = await loadGradebook(db, assignment);
    if (format === 'csv') return download(gradebookCsv(book), 'text/csv; charset=utf-8', `${safeFileName(assignment.title, 'assignment')}-grades.csv`);
    return json({ assignment: { id: assignment.id, title: assignment.title, dueAt: assignment.dueAt }, ...book });
  });
}
