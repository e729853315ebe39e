// Curating a reference map from the class's work: taking one student's unit or relation into
// the reference, as OPERATIONS on the reference map (lib/argument/operations.ts) — so the change
// is saved through the normal map-operations route, undone by its inverse, and checked by the
// same rules as a change made by hand. Pure.
//
// Definitions:
// - Taking a unit adds a copy of it (span, label, note) under a fresh id. Refused when the
//   reference already has a unit with the same span AND label ("alreadyInReference"): a second
//   copy would make the reference count that passage twice.
// - Taking a relation (type, from → to) maps each end to the reference: to the reference unit
//   that end FOUND (the pairs of teacherMatch, teacher.ts — the unit a teacher sees as "the same";
//   the caller passes them, as the compare view has them already), else to a
//   reference unit with the same span and label, else the end unit is taken too (one click keeps
//   the relation's meaning). Refused when the reference already has that relation
//   ("alreadyInReference") or when both ends land on one reference unit ("selfRelation").
// - Unknown ids (the student's map changed since the page was drawn) are refused as
//   "unknownItem". A reference that changed meanwhile is the save route's 409, not a case here.

import { addUnitOp, type Operation } from '@/lib/argument/operations';
import type { ArgumentMap, ArgumentUnit } from '@/lib/argument/types';

export type TakeItem = { kind: 'unit'; id: string } | { kind: 'relation'; id: string };
export type TakeRefusal = 'unknownItem' | 'alreadyInReference' | 'selfRelation';

export type TakeResult =
  | { ok: true; operations: Operation[]; /** reference units the operations add (for the message) */ addedUnits: number; addedRelations: number }
  | { ok: false; reason: TakeRefusal };

/// The operations that take `item` of `student` into `reference` (see the header). `found`:
/// teacherMatch(reference, student, tokens).units.pairs. `newId` makes a fresh id for a unit
/// ('u') or a relation ('r') of the reference.
export function takeIntoReference(
  reference: ArgumentMap,
  student: ArgumentMap,
  item: TakeItem,
  found: ReadonlyArray<{ reference: string; student: string }>,
  newId: (kind: 'u' | 'r') => string,
): TakeResult {
  const sameAs = (u: ArgumentUnit) => reference.units.find((r) => r.start === u.start && r.end === u.end && r.label === u.label);
  const copy = (u: ArgumentUnit): ArgumentUnit => ({ id: newId('u'), label: u.label, start: u.start, end: u.end, note: u.note });

  if (item.kind === 'unit') {
    const unit = student.units.find((u) => u.id === item.id);
    if (!unit) return { ok: false, reason: 'unknownItem' };
    if (sameAs(unit)) return { ok: false, reason: 'alreadyInReference' };
    return { ok: true, operations: [addUnitOp(copy(unit))], addedUnits: 1, addedRelations: 0 };
  }

  const relation = student.relations.find((r) => r.id === item.id);
  const from = relation && student.units.find((u) => u.id === relation.from);
  const to = relation && student.units.find((u) => u.id === relation.to);
  if (!relation || !from || !to) return { ok: false, reason: 'unknownItem' };
  const partner = new Map(found.map((p) => [p.student, p.reference]));
  const operations: Operation[] = [];
  const end = (u: ArgumentUnit): string => {
    const known = partner.get(u.id) ?? sameAs(u)?.id;
    if (known !== undefined) return known;
    const added = copy(u);
    operations.push(addUnitOp(added));
    return added.id;
  };
  const fromId = end(from);
  const toId = end(to);
  if (fromId === toId) return { ok: false, reason: 'selfRelation' };
  if (reference.relations.some((r) => r.type === relation.type && r.from === fromId && r.to === toId)) return { ok: false, reason: 'alreadyInReference' };
  const addedUnits = operations.length;
  operations.push({ op: 'addRelation', relation: { id: newId('r'), type: relation.type, from: fromId, to: toId, note: relation.note } });
  return { ok: true, operations, addedUnits, addedRelations: 1 };
}

