// POST /api/assignments/:id/reference — { from: "majority", replace?: boolean } → 200
// { mapId, version, operations, voters, units, relations, votes }: build the assignment's
// reference map from the class's majority (lib/agreement/majority.ts for the definitions), for
// the course's instructors (and admins) to adjust afterwards.
//
// Where it is written: the assignment's reference map when one is set (whoever of the course's
// instructors owns it: co-instructors curate it with the same rights); otherwise the caller's
// own map of the document, which then becomes the reference. The change is ordinary map
// operations (removing what the map held when `replace`, then adding the majority's units,
// relations and main claim), returned so the client can undo them through
// POST /api/maps/:mapId/operations with their inverses.
//
// Refusals (422 unless said; `reason` names them for the client's words): `tooFewMaps` (fewer
// than two students have started), `noMajority` (no unit has a majority), `referenceNotEmpty`
// (409: the target map has units and `replace` is not true; `units` says how many),
// `schemeMismatch` (the caller's map uses another label scheme than the assignment); 423
// `course.archived` for an archived course. 403 for the course's students, 404 for everyone
// else. Classroom mode only.
//
// Writes: the operations are one transaction (applyOperations); setting the assignment's
// reference comes after it, and should that fail the operations are undone (their inverses), so
// nothing is left half-done.
import { z } from 'zod';
import { majorityMap } from '@/lib/agreement/majority';
import { addUnitOp, apply, invertAll, removeUnitOp, type Operation } from '@/lib/argument/operations';
import type { ArgumentMap } from '@/lib/argument/types';
import { withSafeText } from '@/lib/text/safeText';
import { applyOperations, assertCourseActive, getDocument, getMap, getOrCreateMap, loadAssignmentMaps, updateAssignment } from '@/lib/db';
import { handle, HttpError, json, BODY_LIMITS, readBody, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = withSafeText(z.strictObject({ from: z.literal('majority'), replace: z.boolean().optional() }));

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors change the reference map');
    const body = await readBody(request, requestSchema, BODY_LIMITS.form);
    await assertCourseActive(db, assignment.courseId);

    const target = assignment.referenceMapId ? await getMap(db, assignment.referenceMapId) : await getOrCreateMap(db, assignment.documentId, user.id, assignment.labelSchemeId);
    if (!target) throw new HttpError(404, 'the assignment’s reference map is gone', { code: 'assignment.referenceGone', params: {} });
    if (target.labelSchemeId !== assignment.labelSchemeId) {
      throw new HttpError(422, `your map of this text uses the label scheme "${target.labelSchemeId}", the assignment "${assignment.labelSchemeId}"`, { reason: 'schemeMismatch' });
    }
    if (target.units.length > 0 && body.replace !== true) {
      throw new HttpError(409, `the reference map already has ${target.units.length} units: send replace: true to replace them`, { reason: 'referenceNotEmpty', units: target.units.length });
    }

    const [maps, document] = await Promise.all([loadAssignmentMaps(db, assignment.id), getDocument(db, assignment.documentId)]);
    if (!document) throw new HttpError(404, 'the assignment’s document is gone', { code: 'assignment.documentGone', params: {} });
    // Students who have started (classAgreement.ts's rule): a map with units, or a submitted one.
    const voters = maps.students.flatMap((s) => (s.map && (s.map.units.length > 0 || s.map.submittedAt !== null) ? [s.map] : []));
    if (voters.length < 2) throw new HttpError(422, `a majority needs at least two students’ maps; ${voters.length} student(s) have started`, { reason: 'tooFewMaps', maps: voters.length });
    const majority = majorityMap(voters, document.tokens);
    if (majority.map.units.length === 0) throw new HttpError(422, `no passage was marked alike by most of the ${voters.length} students`, { reason: 'noMajority', maps: voters.length });

    const current: ArgumentMap = { units: target.units, relations: target.relations, mainClaimId: target.mainClaimId };
    const operations = replaceWith(current, majority.map, target.id);
    const applied = await applyOperations(db, target.id, target.version, operations);
    if (assignment.referenceMapId !== target.id) {
      try {
        await updateAssignment(db, assignment.id, { referenceMapId: target.id });
      } catch (e) {
        await applyOperations(db, target.id, applied.version, invertAll(operations));
        throw e;
      }
    }
    return json({ mapId: target.id, version: applied.version, operations, voters: majority.voters, units: majority.map.units.length, relations: majority.map.relations.length, votes: majority.votes });
  });
}

/// Operations turning `current` into `next` under fresh ids: every unit of `current` removed
/// (each removal carries the relations still attached at that point), then `next` added.
function replaceWith(current: ArgumentMap, next: ArgumentMap, mapId: string): Operation[] {
  const operations: Operation[] = [];
  let map = current;
  const push = (op: Operation) => {
    operations.push(op);
    map = apply(map, op);
  };
  if (map.mainClaimId !== null) push({ op: 'setMainClaim', before: map.mainClaimId, after: null });
  for (const u of current.units) push(removeUnitOp(map, u.id));
  // Fresh ids: the removed units' ids could come back with other spans in an undo's history.
  const stamp = `${Date.now().toString(36)}${mapId.slice(-4)}`;
  const ids = new Map(next.units.map((u, i) => [u.id, `u-maj${stamp}-${i + 1}`]));
  for (const u of next.units) push(addUnitOp({ ...u, id: ids.get(u.id)! }));
  next.relations.forEach((r, i) => push({ op: 'addRelation', relation: { ...r, id: `r-maj${stamp}-${i + 1}`, from: r.from.map((p) => ids.get(p)!), to: ids.get(r.to)! } }));
  if (next.mainClaimId !== null) push({ op: 'setMainClaim', before: null, after: ids.get(next.mainClaimId)! });
  return operations;
}
