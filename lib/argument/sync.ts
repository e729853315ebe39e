// The client's side of saving, as a pure state machine (the hook in components/annotate only
// does I/O around it). Operations the user made wait in `pending`; at most one `inFlight` batch
// is on its way to the server, with an id that makes re-sending it safe. The local map is always
// confirmed map + in-flight + pending, kept up to date as operations arrive (not replayed on each
// change: that cost a pass over the map per unsent operation on every key — hundreds of
// operations while offline — and gave every unsent unit a new identity each time, so the views
// redrew them).
//
// The state also owns the map's undo history (./history), so that whatever replaces the map
// under it — another tab's change merged, a refused batch taken out — rebases the history in
// the same step; undo and redo answer a refusal, never throw.
//
// Nothing is dropped silently: when another tab or device wrote first the unconfirmed
// operations are replayed on the server's newer map (a rebase), and those that no longer fit,
// like a batch the server refuses, come back in the answer for the user to be told.
import { applyChecked, type DocumentContext } from './check';
import { emptyHistory, rebaseHistory, record, redo, undo, type History } from './history';
import { LIMITS } from './limits';
import { sameFields, type Operation } from './operations';
import type { ArgumentMap } from './types';

export interface Batch {
  batchId: string;
  /// The server version the operations were made against.
  baseVersion: number;
  operations: Operation[];
}

export interface SyncState {
  confirmed: { version: number; map: ArgumentMap };
  inFlight: Batch | null;
  pending: Operation[];
  /// The map the user sees: the confirmed map with the in-flight batch (unless, after a reload,
  /// it no longer fits: then it was applied already or will be refused) and the pending
  /// operations applied — which always fit.
  local: ArgumentMap;
  /// Undo and redo, fitting `local`.
  history: History;
}

/// What survives a reload (kept in the browser's storage). The history does not: it is a
/// session's, as in every editor.
export interface StoredSync {
  mapId: string;
  inFlight: Batch | null;
  pending: Operation[];
}

/// What the server answered to a batch, classified (./delivery).
export type Answer =
  | { kind: 'acknowledged'; version: number; map?: ArgumentMap }
  /// 409: someone else wrote first; the server's map comes with it.
  | { kind: 'stale'; version: number; map: ArgumentMap }
  /// A 4xx other than 409: the batch will never be accepted as it is. `index` names the refused
  /// operation when the server said which.
  | { kind: 'refused'; status: number; index: number | null }
  /// Nothing was decided (unreachable, overloaded, signed out): send the same batch later.
  | { kind: 'retry'; why: RetryReason; retryAfterMs: number | null };

export type RetryReason = 'offline' | 'busy' | 'signedOut';

/// What the user must be told after the state changed under them.
export type SyncNotice =
  | { kind: 'merged'; droppedHistory: number }
  /// Unconfirmed operations that no longer fit the server's newer map, taken out.
  | { kind: 'conflict'; dropped: Operation[]; droppedHistory: number }
  /// A batch the server refused: `refused` were refused, `dropped` were queued after them and
  /// no longer fit without them.
  | { kind: 'refused'; status: number; refused: Operation[]; dropped: Operation[]; droppedHistory: number };

/// The most operations sent in one batch: the server's limit (lib/argument/limits), so a long
/// offline session is sent in several batches instead of refused as one.
export const maxBatchOperations = LIMITS.operationsPerBatch;

export function initialSync(version: number, map: ArgumentMap): SyncState {
  return { confirmed: { version, map }, inFlight: null, pending: [], local: map, history: emptyHistory };
}

export function unconfirmed(state: Pick<SyncState, 'inFlight' | 'pending'>): Operation[] {
  return [...(state.inFlight?.operations ?? []), ...state.pending];
}

export function hasUnsaved(state: SyncState): boolean {
  return state.inFlight !== null || state.pending.length > 0;
}

/// Checks a user action's operations against the local map, and queues and records them if
/// they apply; else answers the problem and changes nothing. (The caller's view may be a render
/// behind: a rebase or the server's map may have arrived since.)
export function enqueue(
  state: SyncState,
  operations: readonly Operation[],
  ctx: DocumentContext,
): { ok: true; state: SyncState } | Extract<ReturnType<typeof applyChecked>, { ok: false }> {
  const local = applyChecked(state.local, operations, ctx);
  if (!local.ok) return local;
  return { ok: true, state: { ...state, pending: [...state.pending, ...operations], local: local.map, history: record(state.history, operations) } };
}

/// Undoes or redoes one user action, queueing what it takes to save it. A step that no longer
/// fits (its entry is then taken off the history) or an empty history is answered, not thrown.
export function travel(
  state: SyncState,
  direction: 'undo' | 'redo',
  ctx: DocumentContext,
): { ok: true; state: SyncState } | { ok: false; reason: 'empty' | 'conflict'; state: SyncState } {
  const step = (direction === 'undo' ? undo : redo)(state.history, state.local, ctx);
  if (!step.ok) return { ok: false, reason: step.reason, state: { ...state, history: step.history } };
  return { ok: true, state: { ...state, pending: [...state.pending, ...step.operations], local: step.map, history: step.history } };
}

/// Moves pending operations into a batch to send; null when one is already on its way or
/// there is nothing to send.
export function startBatch(state: SyncState, batchId: string): { state: SyncState; batch: Batch } | null {
  if (state.inFlight || state.pending.length === 0) return null;
  const operations = state.pending.slice(0, maxBatchOperations);
  const batch = { batchId, baseVersion: state.confirmed.version, operations };
  return { state: { ...state, inFlight: batch, pending: state.pending.slice(operations.length) }, batch };
}

/// The server applied the in-flight batch (to our confirmed map). Null when the batch does not
/// apply to our confirmed map — the two disagree, which they should not: then take the
/// server's map with `adopt`.
export function acknowledge(state: SyncState, version: number, ctx: DocumentContext): SyncState | null {
  if (!state.inFlight) return state;
  const result = applyChecked(state.confirmed.map, state.inFlight.operations, ctx);
  if (!result.ok) return null;
  return { ...state, confirmed: { version, map: result.map }, inFlight: null };
}

/// Applies what fits of `operations` to `map`, one by one; each is checked, so one that
/// depended on a dropped one (a relation to a refused unit) is dropped too.
function replay(map: ArgumentMap, operations: readonly Operation[], ctx: DocumentContext) {
  const kept: Operation[] = [];
  const dropped: Operation[] = [];
  let current = map;
  for (const operation of operations) {
    const result = applyChecked(current, [operation], ctx);
    if (result.ok) {
      current = result.map;
      kept.push(operation);
    } else dropped.push(operation);
  }
  return { map: current, kept, dropped };
}

/// `operations` (not yet confirmed) replayed on `confirmed`, with the history rebased onto the
/// result.
function rebuild(state: SyncState, confirmed: SyncState['confirmed'], operations: readonly Operation[], ctx: DocumentContext) {
  const replayed = replay(confirmed.map, operations, ctx);
  const history = rebaseHistory(state.history, replayed.map, ctx);
  const next: SyncState = { confirmed, inFlight: null, pending: replayed.kept, local: replayed.map, history: history.history };
  return { state: next, dropped: replayed.dropped, droppedHistory: history.dropped };
}

/// The server has a newer map: replay everything unconfirmed on it. What no longer fits is
/// taken out and reported.
export function rebase(state: SyncState, server: { version: number; map: ArgumentMap }, ctx: DocumentContext): { state: SyncState; notice: SyncNotice } {
  const { state: next, dropped, droppedHistory } = rebuild(state, server, unconfirmed(state), ctx);
  return { state: next, notice: dropped.length ? { kind: 'conflict', dropped, droppedHistory } : { kind: 'merged', droppedHistory } };
}

/// The server's map (fetched after a disagreement, or another tab's save seen on focus) with
/// the in-flight batch already on it: what is pending is replayed on it.
export function adopt(state: SyncState, server: { version: number; map: ArgumentMap }, ctx: DocumentContext) {
  return rebase({ ...state, inFlight: null }, server, ctx);
}

/// The server refused the in-flight batch: it is taken out (only the named operation when the
/// server said which), and the rest of the queue replayed on the confirmed map.
export function refuse(state: SyncState, status: number, index: number | null, ctx: DocumentContext): { state: SyncState; notice: SyncNotice | null } {
  const batch = state.inFlight;
  if (!batch) return { state, notice: null };
  const named = index !== null && index >= 0 && index < batch.operations.length;
  const refused = named ? [batch.operations[index]] : batch.operations;
  const rest = named ? batch.operations.filter((_, i) => i !== index) : [];
  const { state: next, dropped, droppedHistory } = rebuild(state, state.confirmed, [...rest, ...state.pending], ctx);
  return { state: next, notice: { kind: 'refused', status, refused, dropped, droppedHistory } };
}

/// The state after the server's answer to the in-flight batch. `fetchMap`: our confirmed map
/// disagrees with the server's; fetch it and `adopt` it.
export function receive(state: SyncState, answer: Answer, ctx: DocumentContext): { state: SyncState; notice: SyncNotice | null; fetchMap?: true } {
  switch (answer.kind) {
    case 'acknowledged': {
      // With the map: the batch had been applied before (its answer was lost), and our idea of
      // the confirmed map may be stale.
      if (answer.map) {
        const adopted = adopt(state, { version: answer.version, map: answer.map }, ctx);
        const quiet = adopted.notice.kind === 'merged' && adopted.notice.droppedHistory === 0;
        return { state: adopted.state, notice: quiet ? null : adopted.notice };
      }
      const next = acknowledge(state, answer.version, ctx);
      return next ? { state: next, notice: null } : { state, notice: null, fetchMap: true };
    }
    case 'stale':
      return rebase(state, answer, ctx);
    case 'refused':
      return refuse(state, answer.status, answer.index, ctx);
    case 'retry':
      return { state, notice: null };
  }
}

/// `next`, reusing `previous`'s units and relations arrays (or `previous` itself) where their
/// contents are equal. A rebase, or the server's map taken over, builds new arrays that often
/// hold what the user already sees, and views that compare by identity (the essay's unit boxes,
/// the unit list, the map) would redo their work for it.
export function reuseUnchanged(previous: ArgumentMap | null, next: ArgumentMap): ArgumentMap {
  if (!previous) return next;
  const units = sameItems(previous.units, next.units) ? previous.units : next.units;
  const relations = sameItems(previous.relations, next.relations) ? previous.relations : next.relations;
  if (units === previous.units && relations === previous.relations && next.mainClaimId === previous.mainClaimId) return previous;
  return { units, relations, mainClaimId: next.mainClaimId };
}

/// Units and relations are flat records of one shape: equal fields, equal item.
function sameItems<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameFields(a[i], b[i])) return false;
  return true;
}

/// Restores what a previous page load left unsent, on top of the map the server has now. The
/// in-flight batch is kept whole to be sent again (the server knows by its id whether it was
/// applied, and answers so); when it does not fit, it is taken as applied for the map shown.
/// Pending operations that no longer fit (another tab changed the same things meanwhile) are
/// taken out and reported.
export function restore(state: SyncState, stored: StoredSync | null, ctx: DocumentContext): { state: SyncState; notice: SyncNotice | null } {
  if (!stored || (stored.inFlight === null && stored.pending.length === 0)) return { state, notice: null };
  const base = applyChecked(state.confirmed.map, stored.inFlight?.operations ?? [], ctx);
  const replayed = replay(base.ok ? base.map : state.confirmed.map, stored.pending, ctx);
  const next: SyncState = { ...state, inFlight: stored.inFlight, pending: replayed.kept, local: replayed.map };
  return { state: next, notice: replayed.dropped.length ? { kind: 'conflict', dropped: replayed.dropped, droppedHistory: 0 } : null };
}
