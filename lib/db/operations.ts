// Applies argument-map operations (lib/argument) to a stored map: the write path of autosave.
// One transaction per request: the version is bumped first (refusing a stale base or a
// submitted map, as in replaceMapContents), the operations are checked against the map and the document, and only
// the rows that changed are written. Any refusal rolls everything back, version included.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { applyChecked, tokenBoundaries, type ArgumentMap, type DocumentContext, type Operation } from '@/lib/argument';
import type { Db } from './connect';
import type { Database } from './schema';
import { BatchReusedError, constraintViolation, NotFoundError, OperationRejectedError, StaleVersionError } from './errors';
import { bumpVersion, insertRelations, insertUnits, readUnitsAndRelations } from './maps';
import { getLabelScheme } from './label-schemes';

/// Token boundaries and labels of a map's document. Documents never change once imported, so
/// the boundaries are computed once per process and document.
const contextCache = new Map<string, { textLength: number; boundaries: number[] }>();

export async function documentContext(db: Db, documentId: string, labelSchemeId: string): Promise<DocumentContext> {
  let cached = contextCache.get(documentId);
  if (!cached) {
    const row = await db.kysely.selectFrom('documents').select(['canonical_text', 'tokens_json']).where('id', '=', documentId).executeTakeFirst();
    if (!row) throw new NotFoundError('document', documentId);
    const tokens = JSON.parse(row.tokens_json) as Array<{ start: number; end: number }>;
    cached = { textLength: row.canonical_text.length, boundaries: tokenBoundaries(tokens) };
    contextCache.set(documentId, cached);
  }
  const scheme = await getLabelScheme(db, labelSchemeId);
  if (!scheme) throw new NotFoundError('label scheme', labelSchemeId);
  return { ...cached, labels: scheme.labels.map((l) => l.id) };
}

export interface AppliedOperations {
  version: number;
  map: ArgumentMap;
  /// True when this batch had already been applied (at `version`); `map` is then the current map.
  duplicate: boolean;
}

/// `batchId`, when given, makes the call idempotent: a batch applied before is not applied again
/// (the same id with other operations is refused with BatchReusedError). A submitted map
/// refuses every new batch with MapLockedError and nothing is written.
export async function applyOperations(
  db: Db,
  mapId: string,
  expectedVersion: number,
  operations: readonly Operation[],
  batchId?: string,
): Promise<AppliedOperations> {
  const header = await db.kysely.selectFrom('argument_maps').select(['document_id', 'label_scheme_id']).where('id', '=', mapId).executeTakeFirst();
  if (!header) throw new NotFoundError('argument map', mapId);
  const ctx = await documentContext(db, header.document_id, header.label_scheme_id);
  const contentHash = batchId ? batchHash(operations) : null;

  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      if (batchId) {
        const done = await appliedBefore(trx, mapId, batchId, contentHash!);
        if (done) return done;
      }
      await bumpVersion(trx, mapId, expectedVersion, now);
      const before = await readContents(trx, mapId);
      const result = applyChecked(before, operations, ctx);
      if (!result.ok) throw new OperationRejectedError(result.index, result.error);
      await writeDiff(trx, mapId, before, result.map, now);
      if (batchId) {
        await trx
          .insertInto('applied_batches')
          .values({ map_id: mapId, batch_id: batchId, version: expectedVersion + 1, created_at: now, content_hash: contentHash })
          .execute();
      }
      return { version: expectedVersion + 1, map: result.map, duplicate: false };
    });
  } catch (e) {
    // Two sends of one batch at once (a resend racing the original): on PostgreSQL both find no
    // applied row, one bumps the version, and the other then fails the version check (or, with
    // another base, the batch's primary key). Once the winner has committed this is a duplicate.
    if (!batchId || !(e instanceof StaleVersionError || constraintViolation(e) === 'unique')) throw e;
    const done = await db.kysely.transaction().execute((trx) => appliedBefore(trx, mapId, batchId, contentHash!));
    if (!done) throw e;
    return done;
  }
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
async function appliedBefore(trx: Transaction<Database>, mapId: string, batchId: string, contentHash: string): Promise<AppliedOperations | null> {
  const done = await trx
    .selectFrom('applied_batches')
    .select(['version', 'content_hash'])
    .where('map_id', '=', mapId)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  if (!done) return null;
  if (done.content_hash !== null && done.content_hash !== contentHash) throw new BatchReusedError(batchId);
  return { version: Number(done.version), map: await readContents(trx, mapId), duplicate: true };
}

async function readContents(trx: Transaction<Database>, mapId: string): Promise<ArgumentMap> {
  const map = await trx.selectFrom('argument_maps').select('main_claim_id').where('id', '=', mapId).executeTakeFirstOrThrow();
  return { mainClaimId: map.main_claim_id, ...(await readUnitsAndRelations(trx, mapId)) };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/// Writes only what differs between two versions of the map. Relations are removed before the
/// units they reference and added after them.
async function writeDiff(trx: Transaction<Database>, mapId: string, before: ArgumentMap, after: ArgumentMap, now: string) {
  const oldUnits = byId(before.units);
  const newUnits = byId(after.units);
  const oldRelations = byId(before.relations);
  const newRelations = byId(after.relations);

  const goneRelations = before.relations.filter((r) => !newRelations.has(r.id)).map((r) => r.id);
  if (goneRelations.length) await trx.deleteFrom('relations').where('map_id', '=', mapId).where('id', 'in', goneRelations).execute();
  const goneUnits = before.units.filter((u) => !newUnits.has(u.id)).map((u) => u.id);
  if (goneUnits.length) await trx.deleteFrom('units').where('map_id', '=', mapId).where('id', 'in', goneUnits).execute();

  const addedAt = () => now;
  await insertUnits(trx, mapId, after.units.filter((u) => !oldUnits.has(u.id)), addedAt);
  for (const u of after.units) {
    const old = oldUnits.get(u.id);
    if (old && (old.label !== u.label || old.start !== u.start || old.end !== u.end || old.note !== u.note)) {
      await trx
        .updateTable('units')
        .set({ label: u.label, start_offset: u.start, end_offset: u.end, note: u.note })
        .where('map_id', '=', mapId)
        .where('id', '=', u.id)
        .execute();
    }
  }
  await insertRelations(trx, mapId, after.relations.filter((r) => !oldRelations.has(r.id)), addedAt);
  for (const r of after.relations) {
    const old = oldRelations.get(r.id);
    if (old && (old.type !== r.type || old.note !== r.note)) {
      await trx.updateTable('relations').set({ type: r.type, note: r.note }).where('map_id', '=', mapId).where('id', '=', r.id).execute();
    }
  }
  if (before.mainClaimId !== after.mainClaimId) {
    await trx.updateTable('argument_maps').set({ main_claim_id: after.mainClaimId }).where('id', '=', mapId).execute();
  }
}
