// GET /api/assignments/:id/export?format=json|w3c|aif|brat|argdown|csv — one ZIP with every
// student's map of the assignment in that format, the reference map (reference/) when set, and
// manifest.json (lib/formats/classArchive.ts says the layout). The course's instructors (and
// admins); 403 for its students, 404 for everyone else, 400 for an unknown format. The maps
// are loaded in a fixed number of queries (lib/db/classExport.ts). Classroom mode only.
import { loadClassExport, openDb } from '@/lib/db';
import { formatIds, isFormatId } from '@/lib/formats';
import { classArchive, safeFileName } from '@/lib/formats/classArchive';
import { handle, HttpError } from '@/app/_shared/http';
import { currentUser } from '@/app/_shared/session';
import { assignmentAccess, requireClassroom } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    requireClassroom();
    const db = await openDb();
    const user = await currentUser(db, request);
    const { assignment, role } = await assignmentAccess(db, user, (await params).id);
    if (role !== 'instructor') throw new HttpError(403, 'only the course’s instructors export the class’s maps');
    const format = new URL(request.url).searchParams.get('format') ?? 'json';
    if (!isFormatId(format)) throw new HttpError(400, `unknown format "${format}" (available: ${formatIds.join(', ')})`);
    const loaded = await loadClassExport(db, assignment.id);
    const archive = classArchive({
      format,
      exportedAt: new Date().toISOString(),
      assignment: { id: assignment.id, title: assignment.title, courseId: assignment.courseId, dueAt: assignment.dueAt },
      document: { id: loaded.document.id, title: loaded.document.title, textSha256: loaded.document.canonical.sha256 },
      students: loaded.students,
      reference: loaded.reference,
    });
    const name = encodeURIComponent(`${safeFileName(assignment.title, 'assignment')}-${format}.zip`);
    return new Response(Buffer.from(archive), {
      headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${name}`, 'cache-control': 'no-store' },
    });
  });
}
