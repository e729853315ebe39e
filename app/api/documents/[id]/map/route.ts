// GET /api/documents/:id/map — the current user's map of the document (created empty on first
// use): { mapId, version, map }. 404 for a document the user does not see (a student: one that
// is neither public nor a text of their courses' assignments).
import { documentVisibleTo, getOrCreateMap, openDb } from '@/lib/db';
import { handle, json, notFound, pathParams } from '@/app/_shared/http';
import { currentUser } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const db = await openDb();
    const [{ id }, user] = await Promise.all([pathParams(params), currentUser(db, request)]);
    if (!(await documentVisibleTo(db, user, id))) throw notFound('document', id);
    const map = await getOrCreateMap(db, id, user.id);
    return json({ mapId: map.id, version: map.version, map: { units: map.units, relations: map.relations, mainClaimId: map.mainClaimId } });
  });
}
