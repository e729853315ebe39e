// The client's side of saving: operations not yet acknowledged by the server, based on a known
// server version. When another tab or device has written first, the pending operations are
// replayed on the server's map (a rebase); those that no longer fit are reported, never
// silently dropped or forced over the other change.
import { applyChecked, type DocumentContext } from './check';
import type { Operation } from './operations';
import type { ArgumentMap } from './types';

export interface PendingChanges {
  mapId: string;
  /// The server version the operations were made against.
  baseVersion: number;
  operations: Operation[];
}

export type RebaseResult =
  | { ok: true; map: ArgumentMap; pending: PendingChanges }
  | { ok: false; map: ArgumentMap; dropped: Operation[]; error: string };

/// Replays `pending` on the server's newer map. All or nothing: a partial replay could leave a
/// relation without the unit it was made for.
export function rebase(pending: PendingChanges, server: { version: number; map: ArgumentMap }, ctx: DocumentContext): RebaseResult {
  const result = applyChecked(server.map, pending.operations, ctx);
  if (!result.ok) return { ok: false, map: server.map, dropped: pending.operations, error: result.error };
  return { ok: true, map: result.map, pending: { ...pending, baseVersion: server.version } };
}
