// Undo and redo over operations. An entry is the list of operations one user action made; undo
// applies their inverses, redo applies them again. Pure values, like the map itself; the sync
// state (./sync) owns the one history of a map, so it can be rebased when other changes merge.
//
// Invariants: every `done` entry, undone newest first, applies to the map the history was last
// rebased on (and every `undone` entry, redone newest first, likewise). Operations check their
// `before` values rather than positions, so an entry survives another tab's change unless that
// change touched the same fields (the field-level equivalent of prosemirror-history mapping its
// steps through remote ones); entries that no longer fit are dropped and counted, never forced.
// Undo and redo never throw: a step that does not fit is answered as a refusal.
import { applyChecked, type DocumentContext } from './check';
import { invertAll, type Operation } from './operations';
import type { ArgumentMap } from './types';

export interface History {
  done: readonly (readonly Operation[])[];
  undone: readonly (readonly Operation[])[];
}

export const emptyHistory: History = { done: [], undone: [] };

/// Keeps memory bounded on long sessions; older steps fall off the bottom.
const maxDepth = 500;

export function record(history: History, operations: readonly Operation[]): History {
  if (operations.length === 0) return history;
  return { done: [...history.done, operations].slice(-maxDepth), undone: [] };
}

export type Step =
  | { ok: true; map: ArgumentMap; operations: Operation[]; history: History }
  /// 'empty': nothing to undo or redo. 'conflict': the step no longer fits the map (someone
  /// else changed the same things); it has been taken off the history.
  | { ok: false; reason: 'empty' | 'conflict'; history: History };

/// Undoes the newest action on `map` (the map the user sees).
export function undo(history: History, map: ArgumentMap, ctx: DocumentContext): Step {
  const last = history.done[history.done.length - 1];
  if (!last) return { ok: false, reason: 'empty', history };
  const operations = invertAll(last);
  const rest = history.done.slice(0, -1);
  const result = applyChecked(map, operations, ctx);
  if (!result.ok) return { ok: false, reason: 'conflict', history: { ...history, done: rest } };
  return { ok: true, map: result.map, operations, history: { done: rest, undone: [...history.undone, last] } };
}

export function redo(history: History, map: ArgumentMap, ctx: DocumentContext): Step {
  const next = history.undone[history.undone.length - 1];
  if (!next) return { ok: false, reason: 'empty', history };
  const operations = [...next];
  const rest = history.undone.slice(0, -1);
  const result = applyChecked(map, operations, ctx);
  if (!result.ok) return { ok: false, reason: 'conflict', history: { ...history, undone: rest } };
  return { ok: true, map: result.map, operations, history: { done: [...history.done, next], undone: rest } };
}

/// The history made to fit `map` after other changes merged under it: each stack is walked
/// from its top as undo (or redo) would, keeping the entries that still apply and dropping the
/// rest. `dropped` counts the entries lost, so the user can be told.
export function rebaseHistory(history: History, map: ArgumentMap, ctx: DocumentContext): { history: History; dropped: number } {
  const done = fitting(history.done, map, ctx, invertAll);
  const undone = fitting(history.undone, map, ctx, (entry) => entry);
  const dropped = history.done.length - done.length + history.undone.length - undone.length;
  return { history: dropped === 0 ? history : { done, undone }, dropped };
}

function fitting(
  stack: History['done'],
  map: ArgumentMap,
  ctx: DocumentContext,
  step: (entry: readonly Operation[]) => readonly Operation[],
): History['done'] {
  const kept: (readonly Operation[])[] = [];
  let current = map;
  for (let i = stack.length - 1; i >= 0; i--) {
    const result = applyChecked(current, step(stack[i]), ctx);
    if (!result.ok) continue;
    current = result.map;
    kept.push(stack[i]);
  }
  return kept.reverse();
}
