// Argument maps: one per (document, user), holding units (labelled spans of the document's
// canonical text, UTF-16 offsets) and support/attack relations between them.
//
// Concurrency is optimistic: every write names the version it was based on and bumps it; a
// write based on an older version is refused with StaleVersionError and changes nothing.
// The version check is the transaction's first statement and is itself a write
// (UPDATE … WHERE version = expected), so that concurrent writers serialize on the map row in
// PostgreSQL and take SQLite's write lock at once (a deferred read-then-write transaction can
// fail to upgrade its lock in WAL mode). Unit and relation ids are unique within a map only.
//
// This module is deliberately small: whole-contents replacement is enough for autosave of a
// map value. Fine-grained operations come later on the same schema.

import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from './connect';
import type { Database, RelationsTable, UnitsTable } from './schema';
import type { ArgumentUnit, Relation, TextUnit } from '@/lib/argument/types';
import { InvalidDataError, MapLockedError, NotFoundError, StaleVersionError, constraintViolation } from './errors';
import { schemeForUserDocument } from './label-schemes';
import { writeCache } from './writeCache';
import { archivedOnly, editRefusal, pastDueLocks } from './editLock';

export type RelationType = 'support' | 'attack';

/// A unit as the core has it (lib/argument/types): offsets UTF-16 into the canonical text.
export type StoredUnit = ArgumentUnit;

/// A relation as the core has it.
export type StoredRelation = Relation;

/// T without its note, which may be left out (it defaults to '').
type NoteOptional<T> = T extends unknown ? Omit<T, 'note'> & { note?: string } : never;

export interface StoredMap {
  id: string;
  documentId: string;
  userId: string;
  labelSchemeId: string;
  version: number;
  mainClaimId: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /// Sorted by (start, end, id).
  units: StoredUnit[];
  /// Sorted by id.
  relations: StoredRelation[];
}

export interface MapContents {
  units: Array<NoteOptional<StoredUnit>>;
  relations: Array<NoteOptional<StoredRelation>>;
  mainClaimId: string | null;
}

/// The user's map of the document, created on first use (empty, version 1) with the given label
/// scheme, or else the one schemeForUserDocument picks (the newest assignment on the document
/// in the user's courses; the default otherwise). A map never written yet (version 1) whose
/// scheme differs takes the wanted one: a student — or an instructor making a reference — who
/// opened the text before the assignment was set annotates in the assignment's labels all the
/// same. A map that has been written keeps its scheme. Race-safe: concurrent calls get the same
/// map. Throws NotFoundError when the document or the user does not exist.
export async function getOrCreateMap(db: Db, documentId: string, userId: string, labelSchemeId?: string): Promise<StoredMap> {
  const existing = await db.kysely
    .selectFrom('argument_maps')
    .select(['id', 'version', 'label_scheme_id'])
    .where('document_id', '=', documentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (existing && Number(existing.version) > 1) return getMapOrThrow(db, existing.id);
  const wanted = labelSchemeId ?? (await schemeForUserDocument(db, userId, documentId));
  if (existing) {
    if (existing.label_scheme_id !== wanted) {
      // `version = 1` keeps a write that got in first: then the map keeps its scheme.
      await db.kysely.updateTable('argument_maps').set({ label_scheme_id: wanted }).where('id', '=', existing.id).where('version', '=', 1).execute();
    }
    return getMapOrThrow(db, existing.id);
  }
  const now = new Date().toISOString();
  try {
    await db.kysely
      .insertInto('argument_maps')
      .values({
        id: randomUUID(),
        document_id: documentId,
        user_id: userId,
        label_scheme_id: wanted,
        version: 1,
        main_claim_id: null,
        submitted_at: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['document_id', 'user_id']).doNothing())
      .execute();
  } catch (err) {
    if (constraintViolation(err) === 'foreign_key') {
      const doc = await db.kysely.selectFrom('documents').select('id').where('id', '=', documentId).executeTakeFirst();
      throw doc ? new NotFoundError('user', userId, { cause: err }) : new NotFoundError('document', documentId, { cause: err });
    }
    throw err;
  }
  const row = await db.kysely
    .selectFrom('argument_maps')
    .select('id')
    .where('document_id', '=', documentId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return getMapOrThrow(db, row.id);
}

async function getMapOrThrow(db: Db, mapId: string): Promise<StoredMap> {
  const map = await getMap(db, mapId);
  if (!map) throw new NotFoundError('argument map', mapId); // deleted between the two reads
  return map;
}

/// The map with its units and relations, or null. Reads in one snapshot so that the version
/// always matches the contents returned (PostgreSQL's default READ COMMITTED would give each
/// statement its own snapshot; SQLite ignores the setting: its transactions are snapshots).
export async function getMap(db: Db, mapId: string): Promise<StoredMap | null> {
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => readMap(trx, mapId));
}

/// Replaces the map's units, relations and main claim in one transaction and returns the new
/// version. Throws StaleVersionError (nothing changed) when the map is no longer at
/// `expectedVersion`, NotFoundError when there is no such map, InvalidDataError when the main
/// claim is not one of the units; a constraint violation (duplicate id, relation to a missing
/// unit, empty span) rolls everything back, version included. `alongside` runs last in the same
/// transaction (an import's comments), so its failure rolls the replacement back too.
export async function replaceMapContents(
  db: Db,
  mapId: string,
  expectedVersion: number,
  contents: MapContents,
  alongside?: (trx: Transaction<Database>) => Promise<void>,
): Promise<number> {
  const { units, relations, mainClaimId } = contents;
  if (mainClaimId !== null && !units.some((u) => u.id === mainClaimId)) {
    throw new InvalidDataError(`main claim "${mainClaimId}" is not one of the map's units`);
  }
  writeCache.forgetSnapshot(db.url, mapId);
  return db.kysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await bumpVersion(trx, mapId, expectedVersion, now);
    await trx.updateTable('argument_maps').set({ main_claim_id: mainClaimId }).where('id', '=', mapId).execute();

    // Keep creation times of units and relations that survive the replacement.
    const unitBorn = new Map(
      (await trx.selectFrom('units').select(['id', 'created_at']).where('map_id', '=', mapId).execute()).map(
        (r) => [r.id, r.created_at] as const,
      ),
    );
    const relationBorn = new Map(
      (await trx.selectFrom('relations').select(['id', 'created_at']).where('map_id', '=', mapId).execute()).map(
        (r) => [r.id, r.created_at] as const,
      ),
    );

    // Relations go first: they reference units.
    await trx.deleteFrom('relations').where('map_id', '=', mapId).execute();
    await trx.deleteFrom('units').where('map_id', '=', mapId).execute();
    await insertUnits(trx, mapId, units, (id) => unitBorn.get(id) ?? now);
    await insertRelations(trx, mapId, relations, (id) => relationBorn.get(id) ?? now);
    await alongside?.(trx);
    return expectedVersion + 1;
  });
}

/// The first statement of every write: bump the version if it is still `expectedVersion` and
/// the map is not submitted (nor, given `openAt`, closed for edits then by a deadline or an
/// archived course: editLock.ts). Being a
/// write, it serializes concurrent writers on the map row (PostgreSQL) and takes SQLite's write
/// lock at once; a submitted map (MapLockedError), a stale base (StaleVersionError) or a closed
/// assignment (GradingRefusal 'grading.closed') is refused before anything else is touched. One
/// statement when it passes; only a refusal reads why.
export async function bumpVersion(trx: Transaction<Database>, mapId: string, expectedVersion: number, now: string, openAt?: Date): Promise<void> {
  let bump = trx
    .updateTable('argument_maps')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', mapId)
    .where('version', '=', expectedVersion)
    .where('submitted_at', 'is', null);
  if (openAt) bump = bump.where((eb) => eb.and([eb.not(eb.exists(pastDueLocks(eb, openAt))), eb.not(archivedOnly(eb))]));
  const bumped = await bump.executeTakeFirst();
  if (Number(bumped.numUpdatedRows) === 0) {
    const current = await trx.selectFrom('argument_maps').select(['version', 'submitted_at']).where('id', '=', mapId).executeTakeFirst();
    if (!current) throw new NotFoundError('argument map', mapId);
    if (current.submitted_at !== null) throw new MapLockedError(mapId, current.submitted_at);
    if (Number(current.version) !== expectedVersion) throw new StaleVersionError(mapId, expectedVersion, Number(current.version));
    const refusal = openAt && (await editRefusal(trx, mapId, openAt));
    if (refusal) throw refusal;
    throw new Error(`argument map "${mapId}": the version bump changed nothing, and nothing says why`);
  }
}

// Rows per INSERT: 7 parameters each stays far below SQLite's 32766 and PostgreSQL's 65535
// bound-parameter limits, and one statement (compiled and, on SQLite, run synchronously) stays a
// few milliseconds of the event loop.
const INSERT_CHUNK = 200;

/// The items in chunks, letting the event loop run other requests between two chunks: storing
/// a 20,000-unit import is a hundred-odd statements, which in one go held every other request
/// (health checks, other students' saves) for seconds. The transaction stays open meanwhile;
/// other writers wait for it as they would anyway.
async function* chunks<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    yield items.slice(i, i + size);
  }
}

type NewUnit = NoteOptional<StoredUnit>;
type NewRelation = NoteOptional<StoredRelation>;

/// Until migration 016 the tables hold only the first model: a unit of the text, a relation
/// from one unit to one unit without a scheme.
function storable(units: readonly NewUnit[], relations: readonly NewRelation[]): void {
  const implicit = units.find((u) => u.implicit === true);
  if (implicit) throw new InvalidDataError(`unit ${implicit.id}: implicit units cannot be stored yet`);
  const deeper = relations.find((r) => r.from.length !== 1 || r.scheme !== undefined || (r.criticalQuestions?.length ?? 0) > 0);
  if (deeper) throw new InvalidDataError(`relation ${deeper.id}: linked premises and schemes cannot be stored yet`);
}

/// Inserts units in a few multi-row statements (both write paths: a batch of operations may add
/// thousands); `createdAt` gives each its creation time.
export async function insertUnits(trx: Transaction<Database>, mapId: string, units: readonly NewUnit[], createdAt: (id: string) => string): Promise<void> {
  storable(units, []);
  for await (const chunk of chunks(units as ReadonlyArray<NoteOptional<TextUnit>>, INSERT_CHUNK)) {
    await trx
      .insertInto('units')
      .values(chunk.map((u) => ({ map_id: mapId, id: u.id, label: u.label, start_offset: u.start, end_offset: u.end, note: u.note ?? '', created_at: createdAt(u.id) })))
      .execute();
  }
}

/// As insertUnits, for relations (insert them after the units they reference).
export async function insertRelations(trx: Transaction<Database>, mapId: string, relations: readonly NewRelation[], createdAt: (id: string) => string): Promise<void> {
  storable([], relations);
  for await (const chunk of chunks(relations, INSERT_CHUNK)) {
    await trx
      .insertInto('relations')
      .values(chunk.map((r) => ({ map_id: mapId, id: r.id, type: r.type, from_unit: r.from[0], to_unit: r.to, note: r.note ?? '', created_at: createdAt(r.id) })))
      .execute();
  }
}

/// A map's units (sorted by start, end, id) and relations (by id): the order the argument core
/// keeps them in, so stored and computed maps compare equal.
export async function readUnitsAndRelations(trx: Transaction<Database>, mapId: string): Promise<Pick<StoredMap, 'units' | 'relations'>> {
  const [units, relations] = await Promise.all([
    trx
      .selectFrom('units')
      .select(['id', 'label', 'start_offset', 'end_offset', 'note'])
      .where('map_id', '=', mapId)
      .orderBy('start_offset')
      .orderBy('end_offset')
      .orderBy('id')
      .execute(),
    trx.selectFrom('relations').select(['id', 'type', 'from_unit', 'to_unit', 'note']).where('map_id', '=', mapId).orderBy('id').execute(),
  ]);
  return { units: units.map(toStoredUnit), relations: relations.map(toStoredRelation) };
}

/// A units row as a StoredUnit (Number(): offsets may come back from PostgreSQL as strings).
export function toStoredUnit(u: Pick<UnitsTable, 'id' | 'label' | 'start_offset' | 'end_offset' | 'note'>): StoredUnit {
  return { id: u.id, label: u.label, start: Number(u.start_offset), end: Number(u.end_offset), note: u.note };
}

/// A relations row as a StoredRelation.
export function toStoredRelation(r: Pick<RelationsTable, 'id' | 'type' | 'from_unit' | 'to_unit' | 'note'>): StoredRelation {
  return { id: r.id, type: r.type, from: [r.from_unit], to: r.to_unit, note: r.note };
}

async function readMap(trx: Transaction<Database>, mapId: string): Promise<StoredMap | null> {
  const map = await trx.selectFrom('argument_maps').selectAll().where('id', '=', mapId).executeTakeFirst();
  if (!map) return null;
  return {
    id: map.id,
    documentId: map.document_id,
    userId: map.user_id,
    labelSchemeId: map.label_scheme_id,
    version: Number(map.version),
    mainClaimId: map.main_claim_id,
    submittedAt: map.submitted_at,
    createdAt: map.created_at,
    updatedAt: map.updated_at,
    ...(await readUnitsAndRelations(trx, mapId)),
  };
}
