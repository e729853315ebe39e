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
//   ("alreadyInReference") or when both ends land on one reference unit ("selfRelation"). A linked
//   argument's premises are mapped each alike. The scheme and its answers come along.
// - Taking an UNDERCUTTER (its target a relation): the attacked inference must already be in the
//   reference — the reference relation whose type, premise set and target are the student
//   inference's mapped through the same rule without copying anything (an undercutter of an
//   undercutter likewise) — else it is refused ("targetNotInReference": take the inference
//   first). Its attackers are mapped, and copied when new, as above.
// - Unknown ids (the student's map changed since the page was drawn) are refused as
//   "unknownItem". A reference that changed meanwhile is the save route's 409, not a case here.

import { addUnitOp, relationValue, type Operation } from '@/lib/argument/operations';
import { isImplicit, relationKey, type ArgumentMap, type ArgumentUnit, type Relation } from '@/lib/argument/types';

export type TakeItem = { kind: 'unit'; id: string } | { kind: 'relation'; id: string };
export type TakeRefusal = 'unknownItem' | 'alreadyInReference' | 'selfRelation' | 'targetNotInReference';

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
  const sameAs = (u: ArgumentUnit) =>
    reference.units.find((r) => r.label === u.label && (isImplicit(u) ? isImplicit(r) && r.text === u.text : !isImplicit(r) && r.start === u.start && r.end === u.end));
  const copy = (u: ArgumentUnit): ArgumentUnit => ({ ...u, id: newId('u') });

  if (item.kind === 'unit') {
    const unit = student.units.find((u) => u.id === item.id);
    if (!unit) return { ok: false, reason: 'unknownItem' };
    if (sameAs(unit)) return { ok: false, reason: 'alreadyInReference' };
    return { ok: true, operations: [addUnitOp(copy(unit))], addedUnits: 1, addedRelations: 0 };
  }

  const relation = student.relations.find((r) => r.id === item.id);
  const unitOf = (id: string) => student.units.find((u) => u.id === id);
  const from = relation?.from.map(unitOf);
  if (!relation || !from || from.some((u) => !u)) return { ok: false, reason: 'unknownItem' };
  const partner = new Map(found.map((p) => [p.student, p.reference]));
  const existing = (u: ArgumentUnit): string | undefined => partner.get(u.id) ?? sameAs(u)?.id;
  // The reference relation a student relation corresponds to, copying nothing (undercutters).
  const studentRelations = new Map(student.relations.map((r) => [r.id, r]));
  const inReference = (r: Relation, depth: number): string | undefined => {
    if (depth > student.relations.length) return undefined;
    const premises = r.from.map((id) => {
      const u = unitOf(id);
      return u && existing(u);
    });
    const targetUnit = unitOf(r.to);
    const targetRelation = studentRelations.get(r.to);
    const target = targetUnit ? existing(targetUnit) : targetRelation && inReference(targetRelation, depth + 1);
    if (target === undefined || premises.some((p) => p === undefined)) return undefined;
    const key = relationKey({ type: r.type, from: premises as string[], to: target });
    return reference.relations.find((x) => relationKey(x) === key)?.id;
  };
  const toUnit = unitOf(relation.to);
  const toRelation = studentRelations.get(relation.to);
  if (!toUnit && !toRelation) return { ok: false, reason: 'unknownItem' };
  const targetRelationId = toRelation && inReference(toRelation, 0);
  if (toRelation && targetRelationId === undefined) return { ok: false, reason: 'targetNotInReference' };
  const operations: Operation[] = [];
  const end = (u: ArgumentUnit): string => {
    const known = existing(u);
    if (known !== undefined) return known;
    const added = copy(u);
    operations.push(addUnitOp(added));
    return added.id;
  };
  const fromIds = [...new Set(from.map((u) => end(u!)))];
  const toId = toUnit ? end(toUnit) : targetRelationId!;
  if (fromIds.includes(toId)) return { ok: false, reason: 'selfRelation' };
  const taken = { type: relation.type, from: fromIds, to: toId };
  if (reference.relations.some((r) => relationKey(r) === relationKey(taken))) return { ok: false, reason: 'alreadyInReference' };
  const addedUnits = operations.length;
  // The scheme and its answers are the student's reasoning about the inference: they come along.
  const { scheme, criticalQuestions } = relation;
  operations.push({ op: 'addRelation', relation: relationValue({ id: newId('r'), ...taken, scheme, criticalQuestions, note: relation.note }) });
  return { ok: true, operations, addedUnits, addedRelations: 1 };
}

