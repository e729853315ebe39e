// GET /api/assignments/:id/agreement — how the class agrees on the assignment: one row per
// student against the reference map (unit exact and overlap P/R/F1, label accuracy, relation
// P/R/F1, counts), the class means, and Krippendorff's alpha per label over the document's
// words among the students' maps (the reference is not a coder). Definitions:
// lib/agreement/classAgreement.ts. Without a reference map the rows' `vsReference` and `means`
// are null and `note` says so; alpha is computed all the same.
// `?format=csv` — the same as one CSV table (UTF-8 with BOM), as a download named after the
// assignment. The course's instructors (and admins); 403 for its students, 404 for everyone
// else, 401 without a session, 400 for an unknown format. Classroom mode only.
import { classAgreementCsv } from '@/lib/agreement/classAgreement';
import { safeFileName } from '@/lib/formats/classArchive';
import { download, handle, HttpError, json, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';
import { loadAssignmentReview } from '@/app/assignments/_lib/review';

export const dynamic = 'force-dynamic';

const FORMATS = ['json', 'csv'] as const;

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors see the class’s agreement');
    const format = new URL(request.url).searchParams.get('format') ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) throw new HttpError(400, `unknown format "${format}" (available: ${FORMATS.join(', ')})`, { code: 'export.unknownFormat', params: { format, formats: FORMATS.join(', ') } });

    const { maps, agreement } = await loadAssignmentReview(db, assignment);
    if (format === 'csv') {
      return download(classAgreementCsv(agreement), 'text/csv; charset=utf-8', `${safeFileName(assignment.title, 'assignment')}-agreement.csv`);
    }
    const ref = maps.reference;
    return json(
      {
        assignment: { id: assignment.id, title: assignment.title, documentId: assignment.documentId, dueAt: assignment.dueAt, referenceMapId: assignment.referenceMapId },
        reference: ref && { mapId: ref.id, userId: ref.userId, name: ref.name, displayName: ref.displayName, ...agreement.reference },
        ...(ref
          ? {}
          : { note: 'this assignment has no reference map: every student’s vsReference and the means are null; alpha is computed among the students’ maps all the same' }),
        students: agreement.students,
        means: agreement.means,
        alpha: { ...agreement.alpha, coders: 'students' },
        labels: agreement.labels,
      },
      200,
      { 'cache-control': 'no-store' },
    );
  });
}
