// Validation of operations against a document and a map, with messages that name the problem.
// The server runs it on every write; the client runs it before applying locally.
import { isImplicit, relationEnds, type ArgumentMap, type ArgumentUnit } from './types';
import { apply, OperationError, type Operation, type OperationCode, type Refusal } from './operations';
import { isBoundary } from './snap';
import { LIMITS, unitLoads } from './limits';

export interface DocumentContext {
  textLength: number;
  /// From `tokenBoundaries(tokens)`.
  boundaries: readonly number[];
  /// The label ids of the map's label scheme.
  labels: readonly string[];
}

function checkSpan(ctx: DocumentContext, what: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `${what}: offsets must be whole numbers`;
  if (start < 0 || end > ctx.textLength) return `${what}: offsets ${start}–${end} are outside the text (0–${ctx.textLength})`;
  if (start >= end) return `${what}: the span ${start}–${end} is empty`;
  if (!isBoundary(ctx.boundaries, start)) return `${what}: start ${start} is not on a token boundary`;
  if (!isBoundary(ctx.boundaries, end)) return `${what}: end ${end} is not on a token boundary`;
  return null;
}

function checkLabel(ctx: DocumentContext, what: string, label: string): string | null {
  return ctx.labels.includes(label) ? null : `${what}: unknown label "${label}" (expected one of ${ctx.labels.join(', ')})`;
}

/// Null when `operation` can be applied to `map` in this document, else why not.
export function checkOperation(map: ArgumentMap, operation: Operation, ctx: DocumentContext): string | null {
  return step(map, operation, ctx).problem?.error ?? null;
}

interface Problem {
  error: string;
  refusal?: Refusal;
  /// The model's code for the problem (./operations), when apply named one.
  code?: OperationCode;
}

/// A unit's place in the document: a span on token boundaries, or an implicit unit's text.
function checkUnitPlace(ctx: DocumentContext, unit: ArgumentUnit): string | null {
  const what = `unit ${unit.id}`;
  if (isImplicit(unit)) {
    return unit.text.length > LIMITS.implicitTextChars ? `${what}: an implicit unit's text has at most ${LIMITS.implicitTextChars.toLocaleString('en')} characters` : null;
  }
  return checkSpan(ctx, what, unit.start, unit.end);
}

/// `operation` applied to `map` in this document: the map it makes, or why it does not fit. Each
/// operation is applied once, here: the check of a change is its application (./operations
/// apply throws what it refuses), and on a big map an application costs a copy of its lists.
function step(map: ArgumentMap, operation: Operation, ctx: DocumentContext): { map: ArgumentMap; problem?: undefined } | { problem: Problem } {
  const overLimit = sizeProblem(map, operation);
  if (overLimit) return { problem: typeof overLimit === 'string' ? { error: overLimit } : overLimit };
  // (An implicit unit's removal is never refused for its text's length: a limit may shrink.)
  if (operation.op === 'addUnit' || (operation.op === 'removeUnit' && !isImplicit(operation.unit))) {
    const { unit } = operation;
    const problem = checkUnitPlace(ctx, unit) ?? checkLabel(ctx, `unit ${unit.id}`, unit.label);
    if (problem) return { problem: { error: problem } };
  }
  if (operation.op === 'updateUnit') {
    const current = map.units.find((u) => u.id === operation.id);
    if (!current) return { problem: { error: `unit ${operation.id} does not exist`, code: 'missingUnit' } };
    const next = { ...current, ...operation.after } as ArgumentUnit;
    const problem = checkUnitPlace(ctx, next) ?? checkLabel(ctx, `unit ${operation.id}`, next.label);
    if (problem) return { problem: { error: problem } };
  }
  try {
    const next = apply(map, operation);
    const overLoad = loadProblem(next, operation);
    return overLoad ? { problem: { error: overLoad, refusal: 'relationLimit', code: 'relationLimit' } } : { map: next };
  } catch (e) {
    if (e instanceof OperationError) {
      const problem: Problem = { error: e.message };
      if (e.refusal) problem.refusal = e.refusal;
      if (e.code !== 'invalid') problem.code = e.code;
      return { problem };
    }
    throw e;
  }
}

/// Why `operation` would take the map past a limit of ./limits, or null. Checked before it is
/// applied (the unit loads, after: loadProblem), so a refused batch leaves nothing half-written;
/// removals always fit, since no unit's load passes what one removal may carry.
function sizeProblem(map: ArgumentMap, operation: Operation): string | Problem | null {
  const added = operation.op === 'addUnit' ? operation.relations.length : operation.op === 'addRelation' ? 1 + (operation.undercutters?.length ?? 0) : 0;
  if (operation.op === 'addUnit' && map.units.length >= LIMITS.unitsPerMap) {
    return `the map already has ${LIMITS.unitsPerMap.toLocaleString('en')} units, the limit`;
  }
  if (added > 0 && map.relations.length + added > LIMITS.relationsPerMap) {
    return `the map would have more than ${LIMITS.relationsPerMap.toLocaleString('en')} relations, the limit`;
  }
  if (operation.op === 'addUnit' && operation.relations.length > LIMITS.relationsPerUnit) {
    return `unit ${operation.unit.id} would have more than ${LIMITS.relationsPerUnit} relations, the limit for one unit`;
  }
  const fresh = operation.op === 'addRelation' ? [operation.relation, ...(operation.undercutters ?? [])] : operation.op === 'addUnit' ? operation.relations : [];
  for (const r of fresh) {
    if (r.from.length > LIMITS.premisesPerRelation) return `relation ${r.id} would have more than ${LIMITS.premisesPerRelation} premises, the limit`;
  }
  const premise = operation.op === 'addPremise' ? map.relations.find((r) => r.id === operation.id) : undefined;
  if (premise && premise.from.length >= LIMITS.premisesPerRelation) return `relation ${premise.id} already has ${LIMITS.premisesPerRelation} premises, the limit`;
  // A map saved before loads were limited (issue 17) may hold a removal too big for one
  // operation: refused here, in words, rather than as a request the server's schema rejects.
  const removal =
    operation.op === 'removeUnit' ? { what: `unit ${operation.unit.id}`, carried: operation.relations.length } : operation.op === 'removeRelation' ? { what: `relation ${operation.relation.id}`, carried: operation.undercutters?.length ?? 0 } : null;
  if (removal && removal.carried > LIMITS.relationsPerUnit) {
    const error = `removing ${removal.what} would take ${removal.carried} relations with it, more than the ${LIMITS.relationsPerUnit} one change may carry: remove the undercutters aimed at it first`;
    return { error, refusal: 'relationLimit', code: 'relationLimit' };
  }
  if (operation.op === 'answerCriticalQuestion' && operation.after !== null && operation.after.length > LIMITS.criticalAnswerChars) {
    return `an answer to a critical question has at most ${LIMITS.criticalAnswerChars.toLocaleString('en')} characters`;
  }
  return null;
}

/// Why the map `operation` made would pass a unit's load limit (./limits header: a unit's
/// relations with those aimed at them, what one removal carries), or null. Only the units whose
/// load the operation raised are measured: the premises and target of each relation it added (or
/// gave a premise), and of every relation down the chain that relation is aimed at.
function loadProblem(next: ArgumentMap, operation: Operation): string | null {
  const added =
    operation.op === 'addRelation' ? [operation.relation, ...(operation.undercutters ?? [])].map((r) => r.id) : operation.op === 'addUnit' ? operation.relations.map((r) => r.id) : operation.op === 'addPremise' ? [operation.id] : [];
  if (added.length === 0) return null;
  const byId = new Map(next.relations.map((r) => [r.id, r]));
  const raised = new Set<string>();
  for (const id of added) {
    for (let at = byId.get(id), hops = 0; at && hops <= byId.size; at = byId.get(at.to), hops++) {
      for (const end of relationEnds(at)) if (!byId.has(end)) raised.add(end);
    }
  }
  const load = unitLoads(next.relations, raised);
  for (const unit of raised) {
    if ((load.get(unit) ?? 0) > LIMITS.relationsPerUnit) return `unit ${unit} would carry more than ${LIMITS.relationsPerUnit} relations (its own and those aimed at them), the limit for one unit`;
  }
  return null;
}

type Checked = { ok: true; map: ArgumentMap } | ({ ok: false; index: number } & Problem);

/// Checks and applies a sequence; on the first problem returns its index and message, and the
/// refusal's name when it is one a user can run into by hand.
export function applyChecked(map: ArgumentMap, operations: readonly Operation[], ctx: DocumentContext): Checked {
  const steps = applyCheckedSteps(map, operations, ctx);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/// applyChecked an operation at a time: the generator yields after each one, so that a caller
/// may let other work run in between (the server, where a batch of 500 operations on a map of
/// 20,000 units is ~200 ms of copying lists: lib/db/operations.ts).
export function* applyCheckedSteps(map: ArgumentMap, operations: readonly Operation[], ctx: DocumentContext): Generator<void, Checked> {
  let current = map;
  for (let i = 0; i < operations.length; i++) {
    if (i > 0) yield;
    const result = step(current, operations[i], ctx);
    if (result.problem) return { ok: false, index: i, ...result.problem };
    current = result.map;
  }
  return { ok: true, map: current };
}
