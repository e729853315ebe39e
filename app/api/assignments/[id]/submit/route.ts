// POST /api/assignments/:id/submit — a student of the course hands in their map of the
// assignment's document (created, empty, with the assignment's label scheme if they have none):
// 200 { mapId, version, submittedAt }. The map is then locked (423 on edits) until an instructor
// unlocks it; submitting again changes nothing. 403 for instructors, 404 for non-members.
import { getOrCreateMap, openDb, submitMap } from '@/lib/db';
import { handle, HttpError, json } from '@/app/_shared/http';
import { assertSameOrigin, currentUser } from '@/app/_shared/session';
import { assignmentAccess, requireClassroom } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    requireClassroom();
    assertSameOrigin(request);
    const db = await openDb();
    const user = await currentUser(db, request);
    const { assignment, role } = await assignmentAccess(db, user, (await params).id);
    if (role !== 'student') throw new HttpError(403, 'only the course’s students submit');
    const map = await getOrCreateMap(db, assignment.documentId, user.id, assignment.labelSchemeId);
    const { submittedAt, version } = await submitMap(db, map.id);
    return json({ mapId: map.id, version, submittedAt });
  });
}
