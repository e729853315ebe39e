// Serializable changes to an argument map, each with an exact inverse — one mechanism for undo
// and redo, saving, conflict detection and tests (as prosemirror-state does with steps).
// `apply` never mutates its input and throws OperationError when an operation does not fit the
// map; callers that take operations from outside run `checkOperation` first for a message.
//
// Cascades (issue 17's deeper model, ./types): removing a unit takes with it every relation it
// is the target or the only premise of, drops it from the premises of the others (a relation
// whose remaining premise set would repeat another relation's goes too), and takes every
// relation aimed at a relation that goes (undercutters, transitively). The operation carries
// each affected relation as it was before, ordered so that targets come before what targets
// them; its inverse puts the unit back and restores each of them exactly. Removing a relation
// likewise carries its undercutters.
import type { ArgumentMap, ArgumentUnit, CriticalQuestionAnswer, ImplicitUnit, Relation, TextUnit } from './types';
import { compareIds, compareUnits, isImplicit, relationKey, touches } from './types';
import { schemeById } from './schemes';

type UnitFields = Partial<Pick<TextUnit, 'label' | 'start' | 'end' | 'note'> & Pick<ImplicitUnit, 'text'>>;
type RelationFields = Partial<Pick<Relation, 'type' | 'note'>>;

/// A relation's scheme and its answered critical questions (null and [] when none).
export interface SchemeState {
  scheme: string | null;
  answers: CriticalQuestionAnswer[];
}

export type Operation =
  /// Adding and removing a unit carry the relations its removal changes or removes (./types
  /// header: cascades) and its main-claim status, so that each is the exact inverse of the other.
  | { op: 'addUnit'; unit: ArgumentUnit; relations: Relation[]; mainClaim: boolean }
  | { op: 'removeUnit'; unit: ArgumentUnit; relations: Relation[]; mainClaim: boolean }
  | { op: 'updateUnit'; id: string; before: UnitFields; after: UnitFields }
  /// `undercutters`: relations aimed at this one (transitively), added after it or removed with
  /// it; left out when there are none.
  | { op: 'addRelation'; relation: Relation; undercutters?: Relation[] }
  | { op: 'removeRelation'; relation: Relation; undercutters?: Relation[] }
  | { op: 'updateRelation'; id: string; before: RelationFields; after: RelationFields }
  | { op: 'setMainClaim'; before: string | null; after: string | null }
  /// A premise `unit` at `position` in relation `id`'s premise list.
  | { op: 'addPremise'; id: string; unit: string; position: number }
  | { op: 'removePremise'; id: string; unit: string; position: number }
  /// Changing the scheme clears the answers to the old one's critical questions (they were
  /// answers to other questions): `before` carries them, so the inverse restores them.
  | { op: 'setScheme'; id: string; before: SchemeState; after: SchemeState }
  /// null: unanswered.
  | { op: 'answerCriticalQuestion'; id: string; question: string; before: string | null; after: string | null };

/// Refusals a user can run into by hand (the rest are stale or malformed operations): the UI
/// says these in its own language, by this name. `relationLimit`: a unit's load (./limits —
/// its relations with those aimed at them) would pass the limit, or a map saved before that
/// limit holds a removal too big for one operation (./check).
export type Refusal = 'selfRelation' | 'duplicateRelation' | 'relationLimit';

/// What went wrong, for callers (routes, imports, tests) that act on the kind of problem.
export type OperationCode =
  | Refusal
  | 'invalid'
  | 'stale'
  | 'duplicateId'
  | 'missingUnit'
  | 'missingTarget'
  | 'emptySpan'
  | 'wrongUnitKind'
  | 'emptyImplicitText'
  | 'noPremises'
  | 'repeatedPremise'
  | 'premiseIsTarget'
  | 'premiseNotUnit'
  | 'selfTarget'
  | 'backingNotAllowed'
  | 'undercutterCycle'
  | 'lastPremise'
  | 'unknownScheme'
  | 'schemeOnAttack'
  | 'unknownCriticalQuestion'
  | 'emptyAnswer';

export class OperationError extends Error {
  constructor(
    message: string,
    readonly refusal?: Refusal,
    readonly code: OperationCode = refusal ?? 'invalid',
  ) {
    super(message);
    this.name = 'OperationError';
  }
}

function fail(message: string, code: OperationCode = 'invalid', refusal?: Refusal): never {
  throw new OperationError(message, refusal, code);
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
  // One pass: slice and splice copied a map of thousands twice.
  const next = new Array<ArgumentUnit>(units.length + 1);
  for (let i = 0; i < lo; i++) next[i] = units[i];
  next[lo] = unit;
  for (let i = lo; i < units.length; i++) next[i + 1] = units[i];
  return next;
}

/// Structural equality of plain values; object keys whose value is undefined count as absent.
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => sameValue(x, bs[i]));
  }
  const ar = a as Record<string, unknown>;
  const br = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ar), ...Object.keys(br)]);
  for (const k of keys) if (!sameValue(ar[k], br[k])) return false;
  return true;
}

/// Whether `actual` has every field `expected` names, with the same value.
export function sameFields<T extends object>(actual: T, expected: Partial<T>): boolean {
  return (Object.keys(expected) as Array<keyof T>).every((k) => sameValue(actual[k], expected[k]));
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

/// A copy of the unit in its canonical shape.
function unitValue(unit: ArgumentUnit): ArgumentUnit {
  return isImplicit(unit)
    ? { id: unit.id, label: unit.label, implicit: true, text: unit.text, note: unit.note }
    : { id: unit.id, label: unit.label, start: unit.start, end: unit.end, note: unit.note };
}

/// A copy of the relation in its canonical shape (no undefined scheme, no empty answer list).
export function relationValue(r: Relation): Relation {
  const value: Relation = { id: r.id, type: r.type, from: [...r.from], to: r.to, note: r.note };
  if (r.scheme !== undefined) value.scheme = r.scheme;
  if (r.criticalQuestions?.length) value.criticalQuestions = r.criticalQuestions.map((q) => ({ id: q.id, answer: q.answer }));
  return value;
}

function checkUnitShape(unit: ArgumentUnit, verb = 'is'): void {
  const what = `unit ${unit.id}`;
  if (isImplicit(unit)) {
    if (typeof unit.text !== 'string' || unit.text.trim() === '') fail(`${what}: an implicit unit needs a text`, 'emptyImplicitText');
    if (unit.text !== unit.text.trim()) fail(`${what}: an implicit unit's text must not begin or end with spaces`, 'emptyImplicitText');
  } else if (!(unit.start < unit.end)) fail(`${what} ${verb} empty`, 'emptySpan');
}

const findUnit = (map: ArgumentMap, id: string) => map.units.find((u) => u.id === id);
const findRelation = (map: ArgumentMap, id: string) => map.relations.find((r) => r.id === id);

function checkFreeId(map: ArgumentMap, id: string, what: string): void {
  if (findUnit(map, id)) fail(`${what} ${id} already exists${what === 'unit' ? '' : ' as a unit'}`, 'duplicateId');
  if (findRelation(map, id)) fail(`${what} ${id} already exists${what === 'relation' ? '' : ' as a relation'}`, 'duplicateId');
}

/// What checkRelation looks up: by scanning a map (apply: one operation at a time) or through
/// indexes (mapProblems: a whole imported map).
interface Lookup {
  unit(id: string): ArgumentUnit | undefined;
  relation(id: string): Relation | undefined;
  /// Whether another relation has r's type, premise set and target.
  duplicate(r: Relation): boolean;
}

const samePremises = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p) => b.includes(p));
const isDuplicate = (x: Relation, r: Relation) => x.id !== r.id && x.to === r.to && x.type === r.type && samePremises(x.from, r.from);

function scan(map: ArgumentMap): Lookup {
  return {
    unit: (id) => findUnit(map, id),
    relation: (id) => findRelation(map, id),
    duplicate: (r) => map.relations.some((x) => isDuplicate(x, r)),
  };
}

/// Checks that `r` fits `map` (where a relation with r's id, if any, is the one r replaces).
function checkRelation(map: ArgumentMap, r: Relation, lookup: Lookup = scan(map)): void {
  const what = `relation ${r.id}`;
  if (r.from.length === 0) fail(`${what} has no premise`, 'noPremises');
  if (new Set(r.from).size !== r.from.length) fail(`${what} names a premise twice`, 'repeatedPremise');
  if (r.to === r.id) fail(`${what} cannot target itself`, 'selfTarget');
  if (r.from.includes(r.id)) fail(`${what} cannot be its own premise`, 'selfTarget');
  if (r.from.includes(r.to)) fail('a unit cannot support or attack itself', 'premiseIsTarget', 'selfRelation');
  for (const p of r.from) {
    if (lookup.unit(p)) continue;
    if (lookup.relation(p)) fail(`${what}: premise ${p} is a relation; premises are units`, 'premiseNotUnit');
    fail(`${what} refers to missing unit ${p}`, 'missingUnit');
  }
  if (!lookup.unit(r.to)) {
    if (!lookup.relation(r.to)) fail(`${what} refers to missing unit or relation ${r.to}`, 'missingTarget');
    if (r.type !== 'attack') fail(`${what}: only an attack may target a relation (an undercutter); backing is not supported`, 'backingNotAllowed');
    // A new relation cannot close a cycle, but an imported map could hold one.
    const seen = new Set([r.id]);
    for (let at = lookup.relation(r.to); at; at = lookup.relation(at.to)) {
      if (seen.has(at.id)) fail(`${what}: relations targeting relations would form a cycle`, 'undercutterCycle');
      seen.add(at.id);
    }
  }
  if (r.scheme !== undefined) {
    if (r.type !== 'support') fail(`${what}: only a support names an argumentation scheme`, 'schemeOnAttack');
    const scheme = schemeById(r.scheme) ?? fail(`${what}: unknown argumentation scheme "${r.scheme}"`, 'unknownScheme');
    const order = scheme.criticalQuestions.map((q) => q.id);
    let last = -1;
    for (const a of r.criticalQuestions ?? []) {
      const i = order.indexOf(a.id);
      if (i < 0) fail(`${what}: "${a.id}" is not a critical question of ${scheme.id}`, 'unknownCriticalQuestion');
      if (i <= last) fail(`${what}: critical questions must be answered once each, in the scheme's order`, 'unknownCriticalQuestion');
      last = i;
      if (a.answer.trim() === '') fail(`${what}: the answer to ${a.id} is empty`, 'emptyAnswer');
    }
  } else if (r.criticalQuestions?.length) fail(`${what}: critical questions are answered only for a scheme`, 'unknownCriticalQuestion');
  if (lookup.duplicate(r)) fail(`that ${r.type} relation already exists`, 'duplicateRelation', 'duplicateRelation');
}

/// Every way a whole map (an import) breaks the invariants of ./types, one error per unit or
/// relation at fault, instead of apply's first. Indexed: linear in the map's size.
export function mapProblems(map: ArgumentMap): Array<{ kind: 'unit' | 'relation' | 'mainClaim'; id: string; error: OperationError }> {
  const out: Array<{ kind: 'unit' | 'relation' | 'mainClaim'; id: string; error: OperationError }> = [];
  const units = new Map<string, ArgumentUnit>();
  const relations = new Map<string, Relation>();
  const byKey = new Map<string, string>();
  const attempt = (kind: 'unit' | 'relation' | 'mainClaim', id: string, check: () => void) => {
    try {
      check();
    } catch (e) {
      if (!(e instanceof OperationError)) throw e;
      out.push({ kind, id, error: e });
    }
  };
  for (const u of map.units) {
    attempt('unit', u.id, () => {
      if (units.has(u.id)) fail(`unit ${u.id} appears twice`, 'duplicateId');
      units.set(u.id, u);
      checkUnitShape(u);
    });
  }
  for (const r of map.relations) {
    attempt('relation', r.id, () => {
      if (relations.has(r.id)) fail(`relation ${r.id} appears twice`, 'duplicateId');
      if (units.has(r.id)) fail(`relation ${r.id} has the id of a unit`, 'duplicateId');
      relations.set(r.id, r);
    });
  }
  for (const r of map.relations) {
    if (relations.get(r.id) !== r) continue;
    attempt('relation', r.id, () => {
      const key = relationKey(r);
      checkRelation(map, r, {
        unit: (id) => units.get(id),
        relation: (id) => relations.get(id),
        duplicate: () => byKey.has(key) && byKey.get(key) !== r.id,
      });
      byKey.set(key, r.id);
    });
  }
  if (map.mainClaimId !== null && !units.has(map.mainClaimId)) attempt('mainClaim', map.mainClaimId, () => fail(`the main claim ${map.mainClaimId} is not a unit`, 'missingUnit'));
  return out;
}

/// How many links of relations-targeting-relations lead from `r` down to a unit.
function depth(map: ArgumentMap, r: Relation): number {
  let n = 0;
  for (let at = findRelation(map, r.to); at && n <= map.relations.length; at = findRelation(map, at.to)) n++;
  return n;
}

/// Targets before what targets them, then by id: the order carried relations are re-added in.
function inAddingOrder(map: ArgumentMap, relations: Relation[]): Relation[] {
  const d = new Map(relations.map((r) => [r.id, depth(map, r)]));
  return relations.sort((a, b) => d.get(a.id)! - d.get(b.id)! || compareIds(a, b));
}

/// The relations aimed at `ids` and, transitively, at those.
function undercuttersOf(map: ArgumentMap, ids: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const queue = [...ids];
  while (queue.length) {
    const id = queue.pop()!;
    for (const r of map.relations) if (r.to === id && !out.has(r.id)) { out.add(r.id); queue.push(r.id); }
  }
  return out;
}

interface RemovalPlan {
  /// Every affected relation as it is now, in adding order.
  affected: Relation[];
  removed: Set<string>;
  /// The relations that stay, without the unit among their premises.
  rewritten: Map<string, Relation>;
}

function removalPlan(map: ArgumentMap, unitId: string): RemovalPlan {
  const direct = map.relations.filter((r) => touches(r, unitId));
  const removed = new Set(direct.filter((r) => r.to === unitId || (r.from.length === 1 && r.from[0] === unitId)).map((r) => r.id));
  for (const id of undercuttersOf(map, removed)) removed.add(id);
  const rewritten = new Map<string, Relation>();
  const directIds = new Set(direct.map((r) => r.id));
  const targets = new Set(direct.map((r) => r.to));
  const keys = new Set(map.relations.filter((r) => targets.has(r.to) && !directIds.has(r.id) && !removed.has(r.id)).map(relationKey));
  const collided: string[] = [];
  for (const r of direct) {
    if (removed.has(r.id)) continue;
    const next = { ...relationValue(r), from: r.from.filter((p) => p !== unitId) };
    if (keys.has(relationKey(next))) collided.push(r.id);
    else rewritten.set(r.id, next);
  }
  for (const id of collided) removed.add(id);
  for (const id of undercuttersOf(map, collided)) removed.add(id);
  const affected = map.relations.filter((r) => removed.has(r.id) || rewritten.has(r.id));
  return { affected: inAddingOrder(map, affected.slice()), removed, rewritten };
}

function checkCarried(what: string, current: readonly Relation[], carried: readonly Relation[]): void {
  const byId = new Map(current.map((r) => [r.id, r]));
  if (current.length !== carried.length || carried.some((r) => !byId.has(r.id))) fail(`the relations of ${what} have changed since this operation was made`, 'stale');
  for (const r of carried) if (!sameValue(relationValue(byId.get(r.id)!), relationValue(r))) fail(`relation ${r.id} has changed since this operation was made`, 'stale');
}

function insertRelation(map: ArgumentMap, r: Relation): ArgumentMap {
  return { ...map, relations: [...map.relations, relationValue(r)].sort(compareIds) };
}

function replaceRelation(map: ArgumentMap, r: Relation): ArgumentMap {
  return { ...map, relations: map.relations.map((x) => (x.id === r.id ? relationValue(r) : x)) };
}

const schemeState = (r: Relation): SchemeState => ({ scheme: r.scheme ?? null, answers: r.criticalQuestions ?? [] });

function withSchemeState(r: Relation, state: SchemeState): Relation {
  return relationValue({ id: r.id, type: r.type, from: r.from, to: r.to, scheme: state.scheme ?? undefined, criticalQuestions: state.answers, note: r.note });
}

/// Applies one operation. `before` values are checked, so a stale operation fails loudly
/// instead of silently overwriting someone's change.
export function apply(map: ArgumentMap, operation: Operation): ArgumentMap {
  switch (operation.op) {
    case 'addUnit': {
      const { unit } = operation;
      checkFreeId(map, unit.id, 'unit');
      checkUnitShape(unit);
      if (operation.mainClaim && map.mainClaimId !== null) fail('the main claim has changed since this operation was made', 'stale');
      let next: ArgumentMap = { ...map, units: withUnit(map.units, unitValue(unit)) };
      const carried = new Set<string>();
      for (const relation of operation.relations) {
        if (!touches(relation, unit.id) && !carried.has(relation.to)) fail(`relation ${relation.id} does not involve unit ${unit.id}`);
        const kept = findRelation(next, relation.id);
        if (kept) {
          // A relation the removal kept with its other premises: the unit goes back in its place.
          if (!relation.from.includes(unit.id) || !sameValue(kept, relationValue({ ...relation, from: relation.from.filter((p) => p !== unit.id) }))) {
            fail(`relation ${relation.id} has changed since this operation was made`, 'stale');
          }
          checkRelation(next, relation);
          next = replaceRelation(next, relation);
        } else {
          next = apply(next, { op: 'addRelation', relation });
        }
        carried.add(relation.id);
      }
      return operation.mainClaim ? { ...next, mainClaimId: unit.id } : next;
    }
    case 'removeUnit': {
      const { unit } = operation;
      const current = findUnit(map, unit.id) ?? fail(`unit ${unit.id} does not exist`, 'missingUnit');
      if (!sameValue(unitValue(current), unitValue(unit))) fail(`unit ${unit.id} has changed since this operation was made`, 'stale');
      const plan = removalPlan(map, unit.id);
      checkCarried(`unit ${unit.id}`, plan.affected, operation.relations);
      if ((map.mainClaimId === unit.id) !== operation.mainClaim) fail('the main claim has changed since this operation was made', 'stale');
      return {
        units: map.units.filter((u) => u.id !== unit.id),
        relations: map.relations.filter((r) => !plan.removed.has(r.id)).map((r) => plan.rewritten.get(r.id) ?? r),
        mainClaimId: operation.mainClaim ? null : map.mainClaimId,
      };
    }
    case 'updateUnit': {
      checkUpdateFields(`unit ${operation.id}`, operation.before, operation.after);
      const current = findUnit(map, operation.id) ?? fail(`unit ${operation.id} does not exist`, 'missingUnit');
      const fields = Object.keys(operation.after);
      if (isImplicit(current) ? fields.some((f) => f === 'start' || f === 'end') : fields.includes('text')) {
        fail(`unit ${operation.id}: ${isImplicit(current) ? 'an implicit unit has no offsets' : 'a unit of the text has no text of its own'}`, 'wrongUnitKind');
      }
      if (!sameFields(current as UnitFields, operation.before)) fail(`unit ${operation.id} has changed since this operation was made`, 'stale');
      const next = { ...current, ...operation.after } as ArgumentUnit;
      checkUnitShape(next, 'would be');
      return { ...map, units: withUnit(map.units.filter((u) => u !== current), next) };
    }
    case 'addRelation': {
      const r = operation.relation;
      checkFreeId(map, r.id, 'relation');
      checkRelation(map, r);
      let next = insertRelation(map, r);
      const added = new Set([r.id]);
      for (const u of operation.undercutters ?? []) {
        if (!added.has(u.to)) fail(`relation ${u.id} does not target relation ${r.id} or its undercutters`);
        next = apply(next, { op: 'addRelation', relation: u });
        added.add(u.id);
      }
      return next;
    }
    case 'removeRelation': {
      const current = findRelation(map, operation.relation.id) ?? fail(`relation ${operation.relation.id} does not exist`, 'missingTarget');
      if (!sameValue(current, relationValue(operation.relation))) fail(`relation ${current.id} has changed since this operation was made`, 'stale');
      const gone = undercuttersOf(map, [current.id]);
      checkCarried(`relation ${current.id}`, map.relations.filter((r) => gone.has(r.id)), operation.undercutters ?? []);
      gone.add(current.id);
      return { ...map, relations: map.relations.filter((x) => !gone.has(x.id)) };
    }
    case 'updateRelation': {
      checkUpdateFields(`relation ${operation.id}`, operation.before, operation.after);
      const current = findRelation(map, operation.id) ?? fail(`relation ${operation.id} does not exist`, 'missingTarget');
      if (!sameFields(current, operation.before)) fail(`relation ${operation.id} has changed since this operation was made`, 'stale');
      const next = { ...current, ...operation.after };
      checkRelation(map, next);
      return replaceRelation(map, next);
    }
    case 'setMainClaim': {
      if (map.mainClaimId !== operation.before) fail('the main claim has changed since this operation was made', 'stale');
      if (operation.after !== null && !findUnit(map, operation.after)) fail(`unit ${operation.after} does not exist`, 'missingUnit');
      return { ...map, mainClaimId: operation.after };
    }
    case 'addPremise': {
      const current = findRelation(map, operation.id) ?? fail(`relation ${operation.id} does not exist`, 'missingTarget');
      const { position } = operation;
      if (!Number.isInteger(position) || position < 0 || position > current.from.length) fail(`relation ${operation.id} has no premise position ${position}`, 'stale');
      const from = [...current.from.slice(0, position), operation.unit, ...current.from.slice(position)];
      const next = { ...current, from };
      checkRelation(map, next);
      return replaceRelation(map, next);
    }
    case 'removePremise': {
      const current = findRelation(map, operation.id) ?? fail(`relation ${operation.id} does not exist`, 'missingTarget');
      if (current.from[operation.position] !== operation.unit) fail(`relation ${operation.id} has changed since this operation was made`, 'stale');
      if (current.from.length === 1) fail(`relation ${operation.id} keeps at least one premise (remove the relation instead)`, 'lastPremise');
      const next = { ...current, from: current.from.filter((_, i) => i !== operation.position) };
      checkRelation(map, next);
      return replaceRelation(map, next);
    }
    case 'setScheme': {
      const current = findRelation(map, operation.id) ?? fail(`relation ${operation.id} does not exist`, 'missingTarget');
      if (!sameValue(schemeState(current), operation.before)) fail(`relation ${operation.id} has changed since this operation was made`, 'stale');
      const next = withSchemeState(current, operation.after);
      checkRelation(map, next);
      return replaceRelation(map, next);
    }
    case 'answerCriticalQuestion': {
      const current = findRelation(map, operation.id) ?? fail(`relation ${operation.id} does not exist`, 'missingTarget');
      const answers = current.criticalQuestions ?? [];
      if ((answers.find((a) => a.id === operation.question)?.answer ?? null) !== operation.before) fail(`relation ${operation.id} has changed since this operation was made`, 'stale');
      const scheme = (current.scheme !== undefined ? schemeById(current.scheme) : undefined) ?? fail(`relation ${operation.id} names no argumentation scheme`, 'unknownCriticalQuestion');
      if (!scheme.criticalQuestions.some((q) => q.id === operation.question)) fail(`"${operation.question}" is not a critical question of ${scheme.id}`, 'unknownCriticalQuestion');
      if (operation.after !== null && operation.after.trim() === '') fail(`the answer to ${operation.question} is empty (clear it instead)`, 'emptyAnswer');
      const kept = answers.filter((a) => a.id !== operation.question);
      if (operation.after !== null) kept.push({ id: operation.question, answer: operation.after });
      const order = scheme.criticalQuestions.map((q) => q.id);
      kept.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      const next = withSchemeState(current, { scheme: scheme.id, answers: kept });
      checkRelation(map, next);
      return replaceRelation(map, next);
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
      return { ...operation, op: 'removeRelation' };
    case 'removeRelation':
      return { ...operation, op: 'addRelation' };
    case 'updateRelation':
      return { op: 'updateRelation', id: operation.id, before: operation.after, after: operation.before };
    case 'setMainClaim':
      return { op: 'setMainClaim', before: operation.after, after: operation.before };
    case 'addPremise':
      return { ...operation, op: 'removePremise' };
    case 'removePremise':
      return { ...operation, op: 'addPremise' };
    case 'setScheme':
      return { op: 'setScheme', id: operation.id, before: operation.after, after: operation.before };
    case 'answerCriticalQuestion':
      return { op: 'answerCriticalQuestion', id: operation.id, question: operation.question, before: operation.after, after: operation.before };
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

/// An implicit unit with this text (trimmed).
export function addImplicitUnitOp(id: string, label: string, text: string, note = ''): Operation {
  return addUnitOp({ id, label, implicit: true, text: text.trim(), note });
}

export function removeUnitOp(map: ArgumentMap, id: string): Operation {
  const unit = findUnit(map, id) ?? fail(`unit ${id} does not exist`, 'missingUnit');
  return {
    op: 'removeUnit',
    unit: unitValue(unit),
    relations: removalPlan(map, id).affected.map(relationValue),
    mainClaim: map.mainClaimId === id,
  };
}

export function updateUnitOp(map: ArgumentMap, id: string, after: UnitFields): Operation {
  const unit = findUnit(map, id) ?? fail(`unit ${id} does not exist`, 'missingUnit');
  const before: UnitFields = {};
  for (const key of Object.keys(after) as Array<keyof UnitFields>) (before as Record<string, unknown>)[key] = (unit as unknown as Record<string, unknown>)[key];
  return { op: 'updateUnit', id, before, after };
}

export function addRelationOp(relation: Relation): Operation {
  return { op: 'addRelation', relation };
}

export function updateRelationOp(map: ArgumentMap, id: string, after: RelationFields): Operation {
  const relation = findRelation(map, id) ?? fail(`relation ${id} does not exist`, 'missingTarget');
  const before: RelationFields = {};
  for (const key of Object.keys(after) as Array<keyof RelationFields>) (before as Record<string, unknown>)[key] = relation[key];
  return { op: 'updateRelation', id, before, after };
}

export function removeRelationOp(map: ArgumentMap, id: string): Operation {
  const relation = findRelation(map, id) ?? fail(`relation ${id} does not exist`, 'missingTarget');
  const gone = undercuttersOf(map, [id]);
  const undercutters = inAddingOrder(map, map.relations.filter((r) => gone.has(r.id))).map(relationValue);
  return undercutters.length ? { op: 'removeRelation', relation: relationValue(relation), undercutters } : { op: 'removeRelation', relation: relationValue(relation) };
}

export function setMainClaimOp(map: ArgumentMap, id: string | null): Operation {
  return { op: 'setMainClaim', before: map.mainClaimId, after: id };
}

/// Adds `unit` to relation `id`'s premises, at the end unless `position` says where.
export function addPremiseOp(map: ArgumentMap, id: string, unit: string, position?: number): Operation {
  const relation = findRelation(map, id) ?? fail(`relation ${id} does not exist`, 'missingTarget');
  return { op: 'addPremise', id, unit, position: position ?? relation.from.length };
}

export function removePremiseOp(map: ArgumentMap, id: string, unit: string): Operation {
  const relation = findRelation(map, id) ?? fail(`relation ${id} does not exist`, 'missingTarget');
  const position = relation.from.indexOf(unit);
  if (position < 0) fail(`unit ${unit} is not a premise of relation ${id}`, 'missingUnit');
  return { op: 'removePremise', id, unit, position };
}

/// Names (or, with null, clears) the relation's scheme; the old scheme's answers go with it.
export function setSchemeOp(map: ArgumentMap, id: string, scheme: string | null): Operation {
  const relation = findRelation(map, id) ?? fail(`relation ${id} does not exist`, 'missingTarget');
  const before = schemeState(relation);
  return { op: 'setScheme', id, before: { scheme: before.scheme, answers: before.answers.map((a) => ({ ...a })) }, after: { scheme, answers: [] } };
}

/// Answers (or, with null, un-answers) one of the relation's scheme's critical questions.
export function answerCriticalQuestionOp(map: ArgumentMap, id: string, question: string, answer: string | null): Operation {
  const relation = findRelation(map, id) ?? fail(`relation ${id} does not exist`, 'missingTarget');
  const before = relation.criticalQuestions?.find((a) => a.id === question)?.answer ?? null;
  return { op: 'answerCriticalQuestion', id, question, before, after: answer };
}

/// An operation saved before the deeper model (a relation's `from` one id, not a list) in its
/// current shape; others unchanged. For operations a page queued in the browser's storage.
export function upgradeOperation(operation: Operation): Operation {
  const list = (r: Relation): Relation => (typeof (r.from as unknown) === 'string' ? { ...r, from: [r.from as unknown as string] } : r);
  switch (operation.op) {
    case 'addUnit':
    case 'removeUnit':
      return { ...operation, relations: operation.relations.map(list) };
    case 'addRelation':
    case 'removeRelation':
      return { ...operation, relation: list(operation.relation), ...(operation.undercutters ? { undercutters: operation.undercutters.map(list) } : {}) };
    default:
      return operation;
  }
}
