// The client's side of saving, as a pure state machine (the hook in components/annotate only
// does I/O around it). Operations the user made wait in `pending`; at most one `inFlight` batch
// is on its way to the server, with an id that makes re-sending it safe. The local map is always
// confirmed map + in-flight + pending, kept up to date as operations arrive (not replayed on each
// change: that cost a pass over the map per unsent operation on every key — hundreds of
// operations while offline — and gave every unsent unit a new identity each time, so the views
// redrew them). When another tab or device wrote first, the unconfirmed
// operations are replayed on the server's newer map (a rebase); if they no longer fit they are
// reported, never silently dropped or forced over the other change.
import { applyChecked, type DocumentContext } from './check';
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
  /// The map the user sees: always equal to `localMap` of the other fields.
  local: ArgumentMap;
}

/// What survives a reload (kept in the browser's storage).
export interface StoredSync {
  mapId: string;
  inFlight: Batch | null;
  pending: Operation[];
}

export function initialSync(version: number, map: ArgumentMap): SyncState {
  return { confirmed: { version, map }, inFlight: null, pending: [], local: map };
}

/// `state` with its local map worked out afresh (after the confirmed map was replaced).
function withLocal(state: Omit<SyncState, 'local'>, ctx: DocumentContext): SyncState {
  return { ...state, local: localMap(state, ctx) };
}

export function unconfirmed(state: Pick<SyncState, 'inFlight' | 'pending'>): Operation[] {
  return [...(state.inFlight?.operations ?? []), ...state.pending];
}

export function hasUnsaved(state: SyncState): boolean {
  return state.inFlight !== null || state.pending.length > 0;
}

/// Checks operations the user made against the local map, and queues them if they apply; else
/// answers the problem and queues nothing. (The caller's view may be a render behind: a rebase
/// or the server's map may have arrived since.)
export function enqueue(
  state: SyncState,
  operations: readonly Operation[],
  ctx: DocumentContext,
): { ok: true; state: SyncState } | Extract<ReturnType<typeof applyChecked>, { ok: false }> {
  const local = applyChecked(state.local, operations, ctx);
  if (!local.ok) return local;
  return { ok: true, state: { ...state, pending: [...state.pending, ...operations], local: local.map } };
}

/// Moves the pending operations (at most LIMITS.operationsPerBatch, the server's limit; the
/// rest wait for the next batch) into a batch to send; null when one is already on its way or
/// there is nothing to send.
export function startBatch(state: SyncState, batchId: string): { state: SyncState; batch: Batch } | null {
  if (state.inFlight || state.pending.length === 0) return null;
  const operations = state.pending.slice(0, LIMITS.operationsPerBatch);
  const batch = { batchId, baseVersion: state.confirmed.version, operations };
  return { state: { ...state, inFlight: batch, pending: state.pending.slice(operations.length) }, batch };
}

/// The server applied the in-flight batch. `map` is given when the server says the batch was
/// already applied earlier (then our idea of the confirmed map may be stale).
export function acknowledge(state: SyncState, version: number, map: ArgumentMap | undefined, ctx: DocumentContext): SyncState {
  if (!state.inFlight) return state;
  if (map) return withLocal({ confirmed: { version, map }, inFlight: null, pending: state.pending }, ctx);
  const result = applyChecked(state.confirmed.map, state.inFlight.operations, ctx);
  // The server applied exactly these operations to exactly this map, so this cannot fail unless
  // the two disagree about the rules; fall back to asking for the map in that case.
  if (!result.ok) throw new Error(`acknowledged batch does not apply locally: ${result.error}`);
  return { confirmed: { version, map: result.map }, inFlight: null, pending: state.pending, local: state.local };
}

export type RebaseResult =
  | { ok: true; state: SyncState }
  | { ok: false; state: SyncState; dropped: Operation[]; error: string };

/// The server has a newer map: replay everything unconfirmed on it, all or nothing (a partial
/// replay could leave a relation without the unit it was made for).
export function rebase(state: SyncState, server: { version: number; map: ArgumentMap }, ctx: DocumentContext): RebaseResult {
  const operations = unconfirmed(state);
  const result = applyChecked(server.map, operations, ctx);
  if (!result.ok) return { ok: false, state: initialSync(server.version, server.map), dropped: operations, error: result.error };
  return { ok: true, state: { confirmed: server, inFlight: null, pending: operations, local: result.map } };
}

/// The map the user sees, worked out afresh: confirmed plus everything not yet confirmed. After
/// a reload the in-flight batch may already be applied on the server (its acknowledgement was
/// lost), so when it does not fit, the map is shown without it until the server answers.
export function localMap(state: Omit<SyncState, 'local'>, ctx: DocumentContext): ArgumentMap {
  const all = applyChecked(state.confirmed.map, unconfirmed(state), ctx);
  if (all.ok) return all.map;
  const withoutInFlight = applyChecked(state.confirmed.map, state.pending, ctx);
  return withoutInFlight.ok ? withoutInFlight.map : state.confirmed.map;
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

/// Restores what a previous page load left unsent, on top of the map the server has now.
export function restore(state: SyncState, stored: StoredSync | null, ctx: DocumentContext): SyncState {
  if (!stored || (stored.inFlight === null && stored.pending.length === 0)) return state;
  return withLocal({ ...state, inFlight: stored.inFlight, pending: stored.pending }, ctx);
}
