// POST /api/maps/:mapId/operations — autosave. Body: { batchId, baseVersion, operations }.
// 200 { version } when applied (with the map when the batch had been applied before);
// Its owner saves it, and so do the instructors of a course in which it is an assignment's
// reference (curation by co-instructors: assertMayEditMap); anyone else 404.
// 409 { version, map } when the base is stale; 422 { index, reason, operationCode? } when an operation does not
// fit the map or the document; 423 when the map is submitted, or its assignment closed at its
// owner's due time (the lock policy: { code: 'grading.closed' }), or it is a student's map of an
// archived course ({ code: 'course.archived', params: { title } }) — both checked by the write's
// own version bump — or a co-instructor's edit of a reference whose courses are archived
// (assertMayEditMap). 401 when the session has ended, even between the route's check and the
// write (another app instance signed it out). A refused request changes nothing.
// proxy.ts does not run for this route (its matcher leaves it out: it is the one every student
// sends every few seconds); unproxied() refuses a foreign Host and sets the security headers.
import { z } from 'zod';
import { applyOperations, getMap, openDb, StaleVersionError } from '@/lib/db';
import { operationsRequestSchema } from '@/lib/argument/schema';
import { gateWrite } from '@/app/_shared/overload';
import { handle, json, BODY_LIMITS, readBody, pathParams } from '@/app/_shared/http';
import { unproxied } from '@/app/_shared/unproxied';
import { assertSameOrigin, mapWriter } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

const requestSchema = operationsRequestSchema.extend({ batchId: z.string().min(8).max(100) });

export function POST(request: Request, { params }: { params: Promise<{ mapId: string }> }) {
  return unproxied(request, () => gateWrite(() => handle(request, async () => {
    assertSameOrigin(request);
    const db = await openDb();
    const { mapId } = await pathParams(params);
    // The write itself checks that the session still lives (mapWriter).
    const { session } = await mapWriter(db, request, mapId);
    const body = await readBody(request, requestSchema, BODY_LIMITS.operations);
    try {
      const result = await applyOperations(db, mapId, body.baseVersion, body.operations, body.batchId, undefined, session);
      return json(result.duplicate ? { version: result.version, map: result.map, duplicate: true } : { version: result.version });
    } catch (e) {
      if (!(e instanceof StaleVersionError)) throw e;
      const current = (await getMap(db, mapId))!;
      return json(
        { error: e.message, code: 'map.stale', params: {}, version: current.version, map: { units: current.units, relations: current.relations, mainClaimId: current.mainClaimId } },
        409,
      );
    }
  })));
}
