// Applies argument-map operations (lib/argument) to a stored map: the write path of autosave.
// Atomic per request: the version is bumped (refusing a stale base, a submitted map or one
// closed by its assignment's deadline, as in replaceMapContents), the operations are checked
// against the map and the document, and only the rows that changed are written (mapWrite.ts).
// Any refusal leaves everything as it was, version included.
//
// Cheap per batch: the document's token boundaries, the scheme's labels and the map's contents
// at the version this process last wrote come from writeCache (see its invariants); a batch
// based on that version reads nothing, and is checked against the cached map before anything is
// sent. Then PostgreSQL gets the bump and the rows as one statement (writeInOneStatement: one
// round trip), SQLite a transaction: BEGIN, the bump, one INSERT per table written (units,
// relations, applied_batches), COMMIT (in process, where a round trip is a function call). A
// miss first reads the map's row and contents without a transaction (readSnapshot), then
// writes the same way: the bump's version check makes the read safe (operations.test.ts counts
// the statements).
//
// Idempotent by applied_batches' primary key (map, batch id), not by a read before the write:
// a batch applied before can only come again on the base it was applied on, which its own
// application moved past (versions only grow), so its bump is refused; and one carried to a new
// base anyway trips the key. Either way nothing is written and the applied row is read then,
// answering the batch as the duplicate it is.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { applyCheckedSteps, type ArgumentMap, type DocumentContext, type Operation } from '@/lib/argument';
import type { Db, Dialect } from './connect';
import type { Database } from './schema';
import { BatchReusedError, constraintViolation, GradingRefusal, MapLockedError, NotFoundError, OperationRejectedError, StaleVersionError } from './errors';
import { bumpVersion, readUnitsAndRelations, refuseBump } from './maps';
import { fitsOneStatement, mapWrite, writeInOneStatement, writeInTransaction } from './mapWrite';
import { getLabelScheme } from './label-schemes';
import { inSlices } from './turns';
import { writeCache, type MapSnapshot } from './writeCache';
import type { PackedTokens } from '@/lib/tokens/wire';

/// Token boundaries of a document. Documents never change once imported, so the boundaries
/// are computed once per process, database and document (the oldest forgotten past a bound:
/// a big text's boundaries are a few MB). The promise is what is kept, so that a class's first
/// batches, arriving together, read and parse the document's tokens once, not once each.
const contextCache = new Map<string, Promise<{ textLength: number; boundaries: number[] }>>();
const MAX_DOCUMENTS = 100;

/// From the packed tokens (lib/tokens/wire: a length per token), not tokens_json: the boundaries
/// are the lengths' running sums, and the packed form is a fraction of the full tokens to read
/// and parse (tens of MB for a 1 MiB text).
async function readBoundaries(db: Db, documentId: string): Promise<{ textLength: number; boundaries: number[] }> {
  const row = await db.kysely.selectFrom('documents').select(['canonical_text', 'tokens_packed']).where('id', '=', documentId).executeTakeFirst();
  if (!row) throw new NotFoundError('document', documentId);
  const { len } = JSON.parse(row.tokens_packed) as PackedTokens;
  const boundaries = [0];
  for (const n of len) boundaries.push(boundaries[boundaries.length - 1] + n);
  return { textLength: row.canonical_text.length, boundaries };
}

export async function documentContext(db: Db, documentId: string, labelSchemeId: string): Promise<DocumentContext> {
  const key = `${db.url}\u0000${documentId}`;
  let reading = contextCache.get(key);
  if (!reading) {
    const started = readBoundaries(db, documentId);
    reading = started;
    contextCache.set(key, started);
    started.catch(() => contextCache.get(key) === started && contextCache.delete(key)); // retry a failed read next time
    if (contextCache.size > MAX_DOCUMENTS) contextCache.delete(contextCache.keys().next().value!);
  }
  const cached = await reading;
  let labels = writeCache.labels(db.url, labelSchemeId);
  if (!labels) {
    const scheme = await getLabelScheme(db, labelSchemeId);
    if (!scheme) throw new NotFoundError('label scheme', labelSchemeId);
    labels = scheme.labels.map((l) => l.id);
    writeCache.rememberLabels(db.url, labelSchemeId, labels);
  }
  return { ...cached, labels };
}

/// Who owns the map and which document it annotates (both fixed when the map is created), or
/// undefined when there is no such map. Cached: the ownership check of every autosave.
export async function mapOwner(db: Db, mapId: string): Promise<{ userId: string; documentId: string } | undefined> {
  const known = writeCache.owner(db.url, mapId);
  if (known) return known;
  const row = await db.kysely.selectFrom('argument_maps').select(['user_id', 'document_id']).where('id', '=', mapId).executeTakeFirst();
  if (!row) return undefined;
  const owner = { userId: row.user_id, documentId: row.document_id };
  writeCache.rememberOwner(db.url, mapId, owner);
  return owner;
}

export interface AppliedOperations {
  version: number;
  map: ArgumentMap;
  /// True when this batch had already been applied (at `version`); `map` is then the current map.
  duplicate: boolean;
}

/// `batchId`, when given, makes the call idempotent: a batch applied before is not applied again
/// (the same id with other operations is refused with BatchReusedError). A submitted map
/// refuses every new batch with MapLockedError, one closed by its deadline at `now` with
/// GradingRefusal 'grading.closed' (editLock.ts), and nothing is written. `session`, when given,
/// is the id of the session the batch was sent in: the write is made only while it lives
/// (SessionEndedError otherwise), checked by the write's own version bump.
export async function applyOperations(
  db: Db,
  mapId: string,
  expectedVersion: number,
  operations: readonly Operation[],
  batchId?: string,
  now = new Date(),
  session?: string,
): Promise<AppliedOperations> {
  const owner = await mapOwner(db, mapId);
  if (!owner) throw new NotFoundError('argument map', mapId);
  const contentHash = batchId ? batchHash(operations) : null;
  const at = now.toISOString();
  const batch = batchId ? { map_id: mapId, batch_id: batchId, version: expectedVersion + 1, created_at: at, content_hash: contentHash } : null;

  let result: AppliedOperations;
  let labelSchemeId: string;
  try {
    const snapshot = writeCache.snapshotAt(db.url, mapId, expectedVersion) ?? (await readSnapshot(db, mapId, expectedVersion));
    // A stale base is answered as such (or as submitted, closed…) without checking the batch.
    if (snapshot.version !== expectedVersion) await refuseBump(db.kysely, mapId, expectedVersion, now, session);
    labelSchemeId = snapshot.labelSchemeId;
    const ctx = await documentContext(db, owner.documentId, labelSchemeId);
    // The batch is checked before anything is sent; a refusal of it is thrown only after the
    // bump passed (a stale or locked map is answered as such first). In slices: 500 operations
    // on a map of 20,000 units are ~200 ms of copying (each makes new lists), which in one piece
    // held every other request.
    const applied = await inSlices(applyCheckedSteps(snapshot.map, operations, ctx));
    const changed = applied.ok ? { map: applied.map, write: mapWrite(mapId, snapshot.map, applied.map, at, batch) } : new OperationRejectedError(applied.index, applied.error, applied.code);
    const saved = (map: ArgumentMap): AppliedOperations => ({ version: expectedVersion + 1, map, duplicate: false });
    if (db.dialect === 'postgres' && !(changed instanceof Error) && fitsOneStatement(changed.write)) {
      const bump = { mapId, expectedVersion, now: at, openAt: at, session };
      if (!(await writeInOneStatement(db.kysely, bump, changed.write))) await refuseBump(db.kysely, mapId, expectedVersion, now, session);
      result = saved(changed.map);
    } else {
      result = await db.kysely.transaction().execute(async (trx): Promise<AppliedOperations> => {
        // The bump passing means the database still holds the snapshot's version, so its contents.
        await bumpVersion(trx, db.dialect, mapId, expectedVersion, at, now, session);
        if (changed instanceof Error) throw changed;
        await writeInTransaction(trx, db.dialect, changed.write);
        return saved(changed.map);
      });
    }
  } catch (e) {
    // Refused: a batch applied before (a resend, two sends racing whose loser waited for the
    // winner's commit, or a resend rebased onto a map that already holds it) is answered as
    // such, whatever refused it; anything else stands.
    const refusal = e instanceof StaleVersionError || e instanceof MapLockedError || e instanceof GradingRefusal || e instanceof OperationRejectedError || constraintViolation(e) === 'unique';
    if (!batchId || !refusal) throw e;
    const done = await db.kysely.transaction().execute((trx) => appliedBefore(trx, db.dialect, mapId, batchId, contentHash!));
    if (!done) throw e;
    return done;
  }
  // Only after the commit: a rolled-back write must leave nothing behind.
  writeCache.rememberSnapshot(db.url, mapId, { version: result.version, labelSchemeId, map: result.map });
  return result;
}

/// sha256 of a batch's operations (object keys sorted, so key order does not count), to tell a
/// resend from a reused id.
export function batchHash(operations: readonly Operation[]): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(sorted(operations))).digest('hex');
}

/// The answer to a batch already applied to the map, or null when it is new; BatchReusedError
/// when its id was applied with other operations.
async function appliedBefore(trx: Transaction<Database>, dialect: Dialect, mapId: string, batchId: string, contentHash: string): Promise<AppliedOperations | null> {
  const done = await trx
    .selectFrom('applied_batches')
    .select(['version', 'content_hash'])
    .where('map_id', '=', mapId)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  if (!done) return null;
  if (done.content_hash !== null && done.content_hash !== contentHash) throw new BatchReusedError(batchId);
  return { version: Number(done.version), map: await readContents(trx, dialect, mapId), duplicate: true };
}

/// The map as stored now, read without a transaction, so that no connection is held across
/// the reads: a miss (a class's first saves, or any save after a restart) once read it inside
/// the write's transaction, where on PostgreSQL under load each round trip kept a pool
/// connection waiting on the busy event loop. Safe because
/// the write's bump (WHERE version = v) refuses if anything was committed since the row was read
/// at v: every change of contents bumps the version, and the row is read before the contents.
/// On another version than the batch's base the contents are not needed: then only the row is
/// read. Nor at version 1, a map never written to (every change of contents bumps the version,
/// from 1 on creation): a class's first saves on a new assignment are 200 reads of nothing,
/// three queries each.
async function readSnapshot(db: Db, mapId: string, expectedVersion: number): Promise<MapSnapshot> {
  const row = await db.kysely.selectFrom('argument_maps').select(['version', 'label_scheme_id', 'main_claim_id']).where('id', '=', mapId).executeTakeFirst();
  if (!row) throw new NotFoundError('argument map', mapId);
  const version = Number(row.version);
  const contents = version !== expectedVersion || version === 1 ? { units: [], relations: [] } : await readUnitsAndRelations(db.kysely, db.dialect, mapId);
  return { version, labelSchemeId: row.label_scheme_id, map: { mainClaimId: row.main_claim_id, ...contents } };
}

async function readContents(trx: Transaction<Database>, dialect: Dialect, mapId: string): Promise<ArgumentMap> {
  const map = await trx.selectFrom('argument_maps').select('main_claim_id').where('id', '=', mapId).executeTakeFirstOrThrow();
  return { mainClaimId: map.main_claim_id, ...(await readUnitsAndRelations(trx, dialect, mapId)) };
}
