// What the autosave write path remembers between batches, in this process: per map its owner
// and document (never change), its label scheme and contents at the version this process last
// wrote; per label scheme its label ids (never change once stored).
//
// The database stays authoritative. Contents are kept *keyed by version*: a batch based on
// version v uses them only when they were stored at v, and the write's conditional
// UPDATE … WHERE version = v (bumpStatement) still runs, atomically with the write. Every change to a
// map's contents bumps its version (operations, replaceMapContents, submit, unlock), and
// versions only grow, so "the database is at v" and "this process saw the contents at v" imply
// the same contents — whichever process or app instance wrote them. Anything else (another
// writer moved the map on, a restart, an evicted entry) is a miss and the caller reads.
// Contents are only stored after a commit and at versions ≥ 2: at version 1 a map is empty but
// its scheme may still be changed by getOrCreateMap without a bump.
//
// Keyed by the database's URL, so tests on several databases in one process do not mix.
// Bounded: the oldest entries go first (a class is a few hundred maps).
import type { ArgumentMap } from '@/lib/argument';

export interface MapOwner {
  userId: string;
  documentId: string;
}

export interface MapSnapshot {
  version: number;
  labelSchemeId: string;
  map: ArgumentMap;
}

const MAX_MAPS = 2_000;
const MAX_SCHEMES = 200;

const owners = new Map<string, MapOwner>();
const snapshots = new Map<string, MapSnapshot>();
const schemes = new Map<string, readonly string[]>();

const key = (dbUrl: string, id: string) => `${dbUrl}\u0000${id}`;

function remember<V>(cache: Map<string, V>, k: string, value: V, max: number): void {
  cache.delete(k); // re-inserting moves it to the young end
  cache.set(k, value);
  if (cache.size > max) cache.delete(cache.keys().next().value!);
}

export const writeCache = {
  owner: (dbUrl: string, mapId: string) => owners.get(key(dbUrl, mapId)),
  rememberOwner: (dbUrl: string, mapId: string, owner: MapOwner) => remember(owners, key(dbUrl, mapId), owner, MAX_MAPS),

  /// The map as this process last wrote it, if that was at `version`.
  snapshotAt(dbUrl: string, mapId: string, version: number): MapSnapshot | undefined {
    const s = snapshots.get(key(dbUrl, mapId));
    return s && s.version === version ? s : undefined;
  },
  rememberSnapshot(dbUrl: string, mapId: string, snapshot: MapSnapshot): void {
    if (snapshot.version >= 2) remember(snapshots, key(dbUrl, mapId), snapshot, MAX_MAPS);
  },
  /// For writers that replace contents wholesale: no use keeping what they replaced.
  forgetSnapshot: (dbUrl: string, mapId: string) => void snapshots.delete(key(dbUrl, mapId)),

  labels: (dbUrl: string, schemeId: string) => schemes.get(key(dbUrl, schemeId)),
  rememberLabels: (dbUrl: string, schemeId: string, labels: readonly string[]) => remember(schemes, key(dbUrl, schemeId), labels, MAX_SCHEMES),
};
