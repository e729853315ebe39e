// GET /api/assignments/:id/export?format=json|w3c|aif|brat|argdown|csv|hypothesis|recogito — one ZIP with every
// student's map of the assignment in that format, the reference map (reference/) when set, and
// manifest.json (lib/formats/classArchive.ts says the layout). The course's instructors (and
// admins); the manifest says how late each submission was (lateByMs). 403 for its students, 404 for everyone else, 400 for an unknown format. The maps
// are loaded in a fixed number of queries (lib/db/classExport.ts) and zipped on the worker pool.
// Classroom mode only.
import { listExtensions, loadClassExport } from '@/lib/db';
import { effectiveDue } from '@/lib/grading/deadline';
import { formatIds, isFormatId } from '@/lib/formats';
import { safeFileName } from '@/lib/formats/classArchive';
import { runTask } from '@/lib/server/workerPool';
import { download, handle, HttpError, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors export the class’s maps');
    const format = new URL(request.url).searchParams.get('format') ?? 'json';
    if (!isFormatId(format)) throw new HttpError(400, `unknown format "${format}" (available: ${formatIds.join(', ')})`, { code: 'export.unknownFormat', params: { format, formats: formatIds.join(', ') } });
    const [loaded, extensions] = await Promise.all([loadClassExport(db, assignment.id), listExtensions(db, assignment.id)]);
    // Serializing every student's map and zipping them: on a worker thread, not this event loop.
    const archive = await runTask('classArchive', {
      format,
      exportedAt: new Date().toISOString(),
      assignment: { id: assignment.id, title: assignment.title, courseId: assignment.courseId, dueAt: assignment.dueAt },
      document: { id: loaded.document.id, title: loaded.document.title, textSha256: loaded.document.canonical.sha256 },
      students: loaded.students.map((s) => ({ ...s, due: effectiveDue(assignment.dueAt, extensions.get(s.userId)) })),
      reference: loaded.reference,
    });
    return download(archive, 'application/zip', `${safeFileName(assignment.title, 'assignment')}-${format}.zip`);
  });
}
