// GET /api/documents/:id/map — the current user's map of the document (created empty on first
// use): { mapId, version, map }.
import { getOrCreateMap, openDb } from '@/lib/db';
import { handle, json, pathParams } from '@/app/_shared/http';
import { currentUser } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const db = await openDb();
    const map = await getOrCreateMap(db, (await pathParams(params)).id, (await currentUser(db, request)).id);
    return json({ mapId: map.id, version: map.version, map: { units: map.units, relations: map.relations, mainClaimId: map.mainClaimId } });
  });
}
