// Serializable changes to an argument map, each with an exact inverse — one mechanism for undo
// and redo, saving, conflict detection and tests (as prosemirror-state does with steps).
// `apply` never mutates its input and throws OperationError when an operation does not fit the
// map; callers that take operations from outside run `checkOperation` first for a message.
import type { ArgumentMap, ArgumentUnit, Relation } from './types';
import { compareIds, compareUnits } from './types';

type UnitFields = Partial<Pick<ArgumentUnit, 'label' | 'start' | 'end' | 'note'>>;
type RelationFields = Partial<Pick<Relation, 'type' | 'note'>>;

export type Operation =
  /// Adding and removing a unit carry its relations and main-claim status, so that each is the
  /// exact inverse of the other (removal takes the unit's relations with it).
  | { op: 'addUnit'; unit: ArgumentUnit; relations: Relation[]; mainClaim: boolean }
  | { op: 'removeUnit'; unit: ArgumentUnit; relations: Relation[]; mainClaim: boolean }
  | { op: 'updateUnit'; id: string; before: UnitFields; after: UnitFields }
  | { op: 'addRelation'; relation: Relation }
  | { op: 'removeRelation'; relation: Relation }
  | { op: 'updateRelation'; id: string; before: RelationFields; after: RelationFields }
  | { op: 'setMainClaim'; before: string | null; after: string | null };

/// Refusals a user can run into by hand (the rest are stale or malformed operations): the UI
/// says these in its own language, by this name.
export type Refusal = 'selfRelation' | 'duplicateRelation';

export class OperationError extends Error {
  constructor(
    message: string,
    readonly refusal?: Refusal,
  ) {
    super(message);
    this.name = 'OperationError';
  }
}

function fail(message: string, refusal?: Refusal): never {
  throw new OperationError(message, refusal);
}

/// `units` with `unit` in its place. A map's units are kept in compareUnits order (the store
/// reads them so, and every operation keeps it), so this is a binary search and one copy, not
/// a sort: a label key adds one unit to a map of thousands.
function withUnit(units: readonly ArgumentUnit[], unit: ArgumentUnit): ArgumentUnit[] {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareUnits(units[mid], unit) < 0) lo = mid + 1;
    else hi = mid;
  }
  const next = units.slice();
  next.splice(lo, 0, unit);
  return next;
}

/// Whether `actual` has every field `expected` names, with the same value.
export function sameFields<T extends object>(actual: T, expected: Partial<T>): boolean {
  return (Object.keys(expected) as Array<keyof T>).every((k) => actual[k] === expected[k]);
}

/// An update's `before` must name exactly the fields its `after` changes (and at least one):
/// a `before` that leaves a changed field out would overwrite it blind, whatever it now holds,
/// and its inverse would not restore it.
function checkUpdateFields(what: string, before: object, after: object): void {
  const changed = Object.keys(after).sort();
  const known = Object.keys(before).sort();
  if (changed.length === 0) fail(`${what}: the update changes nothing`);
  if (changed.join() !== known.join()) fail(`${what}: before must give the current value of exactly the fields after changes (${changed.join(', ')})`);
}

/// Applies one operation. `before` values are checked, so a stale operation fails loudly
/// instead of silently overwriting someone's change.
export function apply(map: ArgumentMap, operation: Operation): ArgumentMap {
  switch (operation.op) {
    case 'addUnit': {
      const { unit } = operation;
      if (map.units.some((u) => u.id === unit.id)) fail(`unit ${unit.id} already exists`);
      if (unit.start >= unit.end) fail(`unit ${unit.id} is empty`);
      if (operation.mainClaim && map.mainClaimId !== null) fail('the main claim has changed since this operation was made');
      let next: ArgumentMap = { ...map, units: withUnit(map.units, { ...unit }) };
      for (const relation of operation.relations) {
        if (relation.from !== unit.id && relation.to !== unit.id) fail(`relation ${relation.id} does not involve unit ${unit.id}`);
        next = apply(next, { op: 'addRelation', relation });
      }
      return operation.mainClaim ? { ...next, mainClaimId: unit.id } : next;
    }
    case 'removeUnit': {
      const { unit } = operation;
      const current = map.units.find((u) => u.id === unit.id) ?? fail(`unit ${unit.id} does not exist`);
      if (!sameFields(current, unit)) fail(`unit ${unit.id} has changed since this operation was made`);
      const attached = map.relations.filter((r) => r.from === unit.id || r.to === unit.id);
      const carried = new Set(operation.relations.map((r) => r.id));
      if (attached.length !== carried.size || attached.some((r) => !carried.has(r.id))) {
        fail(`the relations of unit ${unit.id} have changed since this operation was made`);
      }
      for (const r of operation.relations) {
        if (!sameFields(attached.find((x) => x.id === r.id)!, r)) fail(`relation ${r.id} has changed since this operation was made`);
      }
      if ((map.mainClaimId === unit.id) !== operation.mainClaim) fail('the main claim has changed since this operation was made');
      return {
        units: map.units.filter((u) => u.id !== unit.id),
        relations: map.relations.filter((r) => !carried.has(r.id)),
        mainClaimId: operation.mainClaim ? null : map.mainClaimId,
      };
    }
    case 'updateUnit': {
      checkUpdateFields(`unit ${operation.id}`, operation.before, operation.after);
      const current = map.units.find((u) => u.id === operation.id) ?? fail(`unit ${operation.id} does not exist`);
      if (!sameFields(current, operation.before)) fail(`unit ${operation.id} has changed since this operation was made`);
      const next = { ...current, ...operation.after };
      if (next.start >= next.end) fail(`unit ${operation.id} would be empty`);
      return { ...map, units: withUnit(map.units.filter((u) => u !== current), next) };
    }
    case 'addRelation': {
      const r = operation.relation;
      if (map.relations.some((x) => x.id === r.id)) fail(`relation ${r.id} already exists`);
      if (r.from === r.to) fail('a unit cannot support or attack itself', 'selfRelation');
      for (const end of [r.from, r.to]) if (!map.units.some((u) => u.id === end)) fail(`relation ${r.id} refers to missing unit ${end}`);
      if (map.relations.some((x) => x.type === r.type && x.from === r.from && x.to === r.to)) fail(`that ${r.type} relation already exists`, 'duplicateRelation');
      return { ...map, relations: [...map.relations, { ...r }].sort(compareIds) };
    }
    case 'removeRelation': {
      const current = map.relations.find((x) => x.id === operation.relation.id) ?? fail(`relation ${operation.relation.id} does not exist`);
      if (!sameFields(current, operation.relation)) fail(`relation ${current.id} has changed since this operation was made`);
      return { ...map, relations: map.relations.filter((x) => x.id !== current.id) };
    }
    case 'updateRelation': {
      checkUpdateFields(`relation ${operation.id}`, operation.before, operation.after);
      const current = map.relations.find((x) => x.id === operation.id) ?? fail(`relation ${operation.id} does not exist`);
      if (!sameFields(current, operation.before)) fail(`relation ${operation.id} has changed since this operation was made`);
      const next = { ...current, ...operation.after };
      if (map.relations.some((x) => x.id !== next.id && x.type === next.type && x.from === next.from && x.to === next.to)) {
        fail(`that ${next.type} relation already exists`, 'duplicateRelation');
      }
      return { ...map, relations: map.relations.map((x) => (x.id === operation.id ? next : x)) };
    }
    case 'setMainClaim': {
      if (map.mainClaimId !== operation.before) fail('the main claim has changed since this operation was made');
      if (operation.after !== null && !map.units.some((u) => u.id === operation.after)) fail(`unit ${operation.after} does not exist`);
      return { ...map, mainClaimId: operation.after };
    }
  }
}

export function applyAll(map: ArgumentMap, operations: readonly Operation[]): ArgumentMap {
  return operations.reduce(apply, map);
}

/// The operation that undoes `operation`: apply(apply(m, op), invert(op)) equals m.
export function invert(operation: Operation): Operation {
  switch (operation.op) {
    case 'addUnit':
      return { ...operation, op: 'removeUnit' };
    case 'removeUnit':
      return { ...operation, op: 'addUnit' };
    case 'updateUnit':
      return { op: 'updateUnit', id: operation.id, before: operation.after, after: operation.before };
    case 'addRelation':
      return { op: 'removeRelation', relation: operation.relation };
    case 'removeRelation':
      return { op: 'addRelation', relation: operation.relation };
    case 'updateRelation':
      return { op: 'updateRelation', id: operation.id, before: operation.after, after: operation.before };
    case 'setMainClaim':
      return { op: 'setMainClaim', before: operation.after, after: operation.before };
  }
}

/// Inverts a sequence: undoing [a, b] is [invert(b), invert(a)].
export function invertAll(operations: readonly Operation[]): Operation[] {
  return operations.map(invert).reverse();
}

// --- Constructors that read the current map, so the operations carry correct `before` values.

export function addUnitOp(unit: ArgumentUnit): Operation {
  return { op: 'addUnit', unit, relations: [], mainClaim: false };
}

export function removeUnitOp(map: ArgumentMap, id: string): Operation {
  const unit = map.units.find((u) => u.id === id) ?? fail(`unit ${id} does not exist`);
  return {
    op: 'removeUnit',
    unit: { ...unit },
    relations: map.relations.filter((r) => r.from === id || r.to === id).map((r) => ({ ...r })),
    mainClaim: map.mainClaimId === id,
  };
}

export function updateUnitOp(map: ArgumentMap, id: string, after: UnitFields): Operation {
  const unit = map.units.find((u) => u.id === id) ?? fail(`unit ${id} does not exist`);
  const before: UnitFields = {};
  for (const key of Object.keys(after) as Array<keyof UnitFields>) (before as Record<string, unknown>)[key] = unit[key];
  return { op: 'updateUnit', id, before, after };
}

export function updateRelationOp(map: ArgumentMap, id: string, after: RelationFields): Operation {
  const relation = map.relations.find((r) => r.id === id) ?? fail(`relation ${id} does not exist`);
  const before: RelationFields = {};
  for (const key of Object.keys(after) as Array<keyof RelationFields>) (before as Record<string, unknown>)[key] = relation[key];
  return { op: 'updateRelation', id, before, after };
}

export function removeRelationOp(map: ArgumentMap, id: string): Operation {
  const relation = map.relations.find((r) => r.id === id) ?? fail(`relation ${id} does not exist`);
  return { op: 'removeRelation', relation: { ...relation } };
}

export function setMainClaimOp(map: ArgumentMap, id: string | null): Operation {
  return { op: 'setMainClaim', before: map.mainClaimId, after: id };
}
