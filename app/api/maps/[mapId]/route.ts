// GET /api/maps/:mapId — the map and its version (what a client reloads after a conflict).
import { openDb } from '@/lib/db';
import { handle, json, pathParams } from '@/app/_shared/http';
import { currentUser, readableMap } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ mapId: string }> }) {
  return handle(request, async () => {
    const db = await openDb();
    const map = await readableMap(db, await currentUser(db, request), (await pathParams(params)).mapId);
    return json({ version: map.version, map: { units: map.units, relations: map.relations, mainClaimId: map.mainClaimId } });
  });
}
