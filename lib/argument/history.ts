// Undo and redo over operations. An entry is the list of operations one user action made; undo
// applies their inverses, redo applies them again. Pure values, like the map itself.
import { applyAll, invertAll, type Operation } from './operations';
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

/// The operations to send for an undo, and the history after it; null when nothing to undo.
export function undo(history: History, map: ArgumentMap): { map: ArgumentMap; operations: Operation[]; history: History } | null {
  const last = history.done[history.done.length - 1];
  if (!last) return null;
  const operations = invertAll(last);
  return { map: applyAll(map, operations), operations, history: { done: history.done.slice(0, -1), undone: [...history.undone, last] } };
}

export function redo(history: History, map: ArgumentMap): { map: ArgumentMap; operations: Operation[]; history: History } | null {
  const next = history.undone[history.undone.length - 1];
  if (!next) return null;
  const operations = [...next];
  return { map: applyAll(map, operations), operations, history: { done: [...history.done, next], undone: history.undone.slice(0, -1) } };
}
