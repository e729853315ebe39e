// Argument maps: one per (document, user), holding units (labelled spans of the document's
// canonical text, UTF-16 offsets, or implicit units with their own text) and support/attack
// relations from premises (relation_premises rows, in order) to a unit or a relation
// (migration 016; lib/argument/types has the model).
//
// Concurrency is optimistic: every write names the version it was based on and bumps it; a
// write based on an older version is refused with StaleVersionError and changes nothing.
// The version check is the transaction's first statement (or the first CTE of a write sent as
// one statement: mapWrite.ts) and is itself a write (UPDATE … WHERE version = expected), so that
// concurrent writers serialize on the map row in PostgreSQL and take SQLite's write lock at once
// (a deferred read-then-write transaction can fail to upgrade its lock in WAL mode). Unit and
// relation ids are unique within a map only.
//
// This module is deliberately small: whole-contents replacement is enough for autosave of a
// map value. Fine-grained operations come later on the same schema.

import { randomUUID } from 'node:crypto';
import type { Db, Dialect } from './connect';
import { type Insertable, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import type { Database, RelationPremisesTable, RelationsTable, UnitsTable } from './schema';
import { compareIds, compareUnits, type ArgumentUnit, type Relation } from '@/lib/argument/types';
import { mapProblems, type OperationCode } from '@/lib/argument/operations';
import { InvalidDataError, MapLockedError, NotFoundError, SessionEndedError, StaleVersionError, constraintViolation } from './errors';
import { liveSessionRow, sessionIsLive } from './sessions';
import { schemeForUserDocument } from './label-schemes';
import { writeCache } from './writeCache';
import { archivedOnly, editRefusal, pastDueLocks } from './editLock';
import { isPacked, PACKED_CHUNK, targetsFirst, type NoteOptional, type PackedContents } from './packedContents';
import { chunks, slicedTurns } from './turns';
import { hotStatement } from './preparedStatements';
import { deleteRows, insertRows, setMainClaim } from './rows';

export type RelationType = 'support' | 'attack';

/// A unit as the core has it (lib/argument/types): offsets UTF-16 into the canonical text.
export type StoredUnit = ArgumentUnit;

/// A relation as the core has it.
export type StoredRelation = Relation;

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
  /// Units of the text by (start, end, id), then implicit units by id (compareUnits).
  units: StoredUnit[];
  /// Sorted by id.
  relations: StoredRelation[];
}

export interface MapContents {
  units: ReadonlyArray<NoteOptional<StoredUnit>>;
  relations: ReadonlyArray<NoteOptional<StoredRelation>>;
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
  return getMapOrThrow(db, (await getOrCreateMapRow(db, documentId, userId, labelSchemeId)).id);
}

/// getOrCreateMap without reading the map's units and relations: its id and version, what an
/// import needs before it replaces them (reading a 20,000-unit map only to drop it held the
/// event loop for a hundred ms on SQLite). Same decisions, same errors.
export async function getOrCreateMapRow(db: Db, documentId: string, userId: string, labelSchemeId?: string): Promise<{ id: string; version: number }> {
  const existing = await db.kysely
    .selectFrom('argument_maps')
    .select(['id', 'version', 'label_scheme_id'])
    .where('document_id', '=', documentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (existing && Number(existing.version) > 1) return { id: existing.id, version: Number(existing.version) };
  const wanted = labelSchemeId ?? (await schemeForUserDocument(db, userId, documentId));
  if (existing) {
    if (existing.label_scheme_id !== wanted) {
      // `version = 1` keeps a write that got in first: then the map keeps its scheme.
      await db.kysely.updateTable('argument_maps').set({ label_scheme_id: wanted }).where('id', '=', existing.id).where('version', '=', 1).execute();
    }
  } else {
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
  }
  const row = await db.kysely
    .selectFrom('argument_maps')
    .select(['id', 'version'])
    .where('document_id', '=', documentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('argument map', existing?.id ?? `of ${documentId} by ${userId}`); // deleted meanwhile
  return { id: row.id, version: Number(row.version) };
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
    .execute((trx) => readMap(trx, db.dialect, mapId));
}

export interface ReplaceOptions {
  /// Runs last in the same transaction (an import's comments), so its failure rolls the
  /// replacement back too.
  alongside?: (trx: Transaction<Database>) => Promise<void>;
}

/// Replaces the map's units, relations and main claim in one transaction and returns the new
/// version. Throws StaleVersionError (nothing changed) when the map is no longer at
/// `expectedVersion`, NotFoundError when there is no such map, InvalidDataError when the main
/// claim is not one of the units or (unless they are packed: ./packedContents, checked by their
/// packer) the contents break a rule of the model rows cannot state; a constraint violation
/// (duplicate id, relation to a missing unit, empty span) rolls everything back, version included.
///
/// However big the map, no step holds the event loop for long: the old rows are read and deleted
/// and the new ones built and inserted a chunk at a time, with event-loop turns between chunks
/// (the transaction stays open meanwhile; other writers wait for it as they would anyway).
export async function replaceMapContents(db: Db, mapId: string, expectedVersion: number, contents: MapContents | PackedContents, options: ReplaceOptions = {}): Promise<number> {
  const { mainClaimId } = contents;
  // What rows cannot say (a premise set is several rows): the model's rules on relations —
  // duplicates by premise set, a premise that is the target, backing, cycles, schemes. Missing
  // references, duplicate ids and empty spans are the constraints' to refuse.
  if (!isPacked(contents)) {
    const problem = mapProblems({ units: contents.units.map(withNote), relations: contents.relations.map(withNote), mainClaimId: null }).find((p) => !dbChecked.has(p.error.code));
    if (problem) throw new InvalidDataError(problem.error.message);
  }
  const units = isPacked(contents) ? unpacked<NewUnit>(contents.units) : chunks(contents.units, PACKED_CHUNK);
  const relations = isPacked(contents) ? unpacked<NewRelation>(contents.relations) : chunks(targetsFirst(contents.relations), PACKED_CHUNK);
  writeCache.forgetSnapshot(db.url, mapId);
  return db.kysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await bumpVersion(trx, db.dialect, mapId, expectedVersion, now);
    await setMainClaim(trx, db.dialect, mapId, mainClaimId);

    // Keep creation times of units and relations that survive the replacement.
    const unitBorn = await creationTimes(trx, 'units', mapId);
    const relationBorn = await creationTimes(trx, 'relations', mapId);

    // Relations go first: they reference units. A relation's cascade may take one of a later
    // chunk along: deleting that is a no-op.
    await deleteRows(trx, db.dialect, 'relations', 'id', mapId, [...relationBorn.keys()]);
    await deleteRows(trx, db.dialect, 'units', 'id', mapId, [...unitBorn.keys()]);
    // Rows are built a chunk at a time: all 20,000 at once held the event loop for ~35 ms.
    const unitIds = new Set<string>();
    for await (const part of units) {
      for (const u of part) unitIds.add(u.id);
      await insertRows(trx, db.dialect, 'units', part.map((u) => unitRow(mapId, u, unitBorn.get(u.id) ?? now)));
    }
    if (mainClaimId !== null && !unitIds.has(mainClaimId)) throw new InvalidDataError(`main claim "${mainClaimId}" is not one of the map's units`);
    // A target that is not a unit is a relation (an undercut); one that is neither breaks a
    // foreign key.
    const premises: PremiseRow[] = [];
    for await (const part of relations) {
      await insertRows(trx, db.dialect, 'relations', part.map((r) => relationRow(mapId, r, relationBorn.get(r.id) ?? now, (id) => !unitIds.has(id))));
      for (const row of premiseRows(mapId, part)) premises.push(row);
    }
    await insertRows(trx, db.dialect, 'relation_premises', premises);
    await options.alongside?.(trx);
    return expectedVersion + 1;
  });
}

/// The ids of the map's rows in `table` with their creation times, read a page at a time (readAll).
async function creationTimes(trx: Transaction<Database>, table: 'units' | 'relations', mapId: string): Promise<Map<string, string>> {
  const rows = await readAll<{ id: string; created_at: string }>(READ_PAGE, (last) => {
    const page = trx.selectFrom(table).select(['id', 'created_at']).where('map_id', '=', mapId);
    return (last ? page.where('id', '>', last.id) : page).orderBy('id').limit(READ_PAGE).execute();
  });
  return new Map(rows.map((r) => [r.id, r.created_at]));
}

/// The first statement of every write: bump the version if it is still `expectedVersion` and
/// the map is not submitted (nor, given `openAt`, closed for edits then by a deadline or an
/// archived course: editLock.ts). Being a
/// write, it serializes concurrent writers on the map row (PostgreSQL) and takes SQLite's write
/// lock at once; a submitted map (MapLockedError), a stale base (StaleVersionError) or a closed
/// assignment (GradingRefusal 'grading.closed') is refused before anything else is touched. One
/// statement when it passes; only a refusal reads why (refuseBump).
/// Compiled once per shape (hotStatement): whether it checks edit locks and a session.
export async function bumpVersion(trx: Transaction<Database>, dialect: Dialect, mapId: string, expectedVersion: number, now: string, openAt?: Date, session?: string): Promise<void> {
  // An empty session is none (as bumpStatement reads it), so the shape says what the text holds.
  const bump: Bump = { mapId, expectedVersion, now, openAt: openAt?.toISOString(), session: session || undefined };
  const shape = `bumpVersion ${bump.openAt !== undefined} ${bump.session !== undefined}`;
  const bumped = await trx.executeQuery(hotStatement(dialect, shape, bump, (v) => bumpStatement(trx, v)));
  if (Number(bumped.numAffectedRows ?? 0) === 0) await refuseBump(trx, mapId, expectedVersion, openAt, session);
}

/// What a version bump needs (bumpVersion's arguments); `mainClaimId`, when given, is set by the
/// bump itself (a write sent as one statement may not update the map's row twice: mapWrite.ts).
export interface Bump {
  mapId: string;
  expectedVersion: number;
  now: string;
  /// The instant (ISO) whose edit locks the bump respects (editLock.ts), if any.
  openAt?: string;
  mainClaimId?: string | null;
  /// The session the write is made in (its id), if the write must be refused once it has ended:
  /// the autosave, whose route trusts what this process remembers of a session (lib/auth
  /// sessionForWrite) and leaves it to the bump to check that it still lives.
  session?: string;
}

/// The bump as a statement, to run (bumpVersion) or to carry as the first CTE of a write sent as
/// one statement (mapWrite.ts): it updates one row or none.
export function bumpStatement(qc: QueryCreator<Database>, { mapId, expectedVersion, now, openAt, mainClaimId, session }: Bump) {
  let bump = qc
    .updateTable('argument_maps')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now, ...(mainClaimId !== undefined && { main_claim_id: mainClaimId }) }))
    .where('id', '=', mapId)
    .where('version', '=', expectedVersion)
    .where('submitted_at', 'is', null);
  if (openAt) bump = bump.where((eb) => eb.and([eb.not(eb.exists(pastDueLocks(eb, openAt))), eb.not(archivedOnly(eb))]));
  if (session) bump = bump.where((eb) => eb.exists(liveSessionRow(qc, session, now)));
  return bump;
}

/// Why a bump changed nothing, thrown: SessionEndedError (first: whoever is signed out learns
/// nothing of the map), NotFoundError, MapLockedError, StaleVersionError, the edit refusal of
/// `openAt` (editLock.ts) — or, when nothing says why (the map changed back between the bump and
/// these reads), a plain error.
export async function refuseBump(kysely: Kysely<Database>, mapId: string, expectedVersion: number, openAt?: Date, session?: string): Promise<never> {
  if (session && !(await sessionIsLive(kysely, session, (openAt ?? new Date()).toISOString()))) throw new SessionEndedError();
  const current = await kysely.selectFrom('argument_maps').select(['version', 'submitted_at']).where('id', '=', mapId).executeTakeFirst();
  if (!current) throw new NotFoundError('argument map', mapId);
  if (current.submitted_at !== null) throw new MapLockedError(mapId, current.submitted_at);
  if (Number(current.version) !== expectedVersion) throw new StaleVersionError(mapId, expectedVersion, Number(current.version));
  const refusal = openAt && (await editRefusal(kysely, mapId, openAt));
  if (refusal) throw refusal;
  throw new Error(`argument map "${mapId}": the version bump changed nothing, and nothing says why`);
}

/// Ids per page read of a map's creation times (creationTimes).
const READ_PAGE = 1000;
/// Rows per page of a map read (readUnitsAndRelations): on SQLite a page is a synchronous call
/// (1,000 rows, a few ms of the event loop); on PostgreSQL the driver parses rows as they
/// arrive, and smaller pages only cost the server: with a new map's rows not yet in the
/// planner's statistics, each page of 1,000 was a sort, and a 20,000-unit map took 350 ms to
/// read instead of 210 ms (5,000) or 130 ms (one statement).
const MAP_READ_PAGE: Record<Dialect, number> = { sqlite: 1_000, postgres: 5_000 };

/// Packed chunks (./packedContents) parsed one at a time, with a turn of the event loop whenever
/// the chunks since the last took TURN_SLICE_MS (their statements included).
async function* unpacked<T>(packed: readonly string[]): AsyncGenerator<T[]> {
  const turn = slicedTurns();
  for (const [i, text] of packed.entries()) {
    if (i > 0) await turn();
    yield JSON.parse(text) as T[];
  }
}

type NewUnit = NoteOptional<StoredUnit>;
type NewRelation = NoteOptional<StoredRelation>;

const withNote = <T extends { note?: string }>(x: T) => ({ ...x, note: x.note ?? '' }) as T & { note: string };
/// The model's problems the schema's constraints refuse on their own (replaceMapContents).
const dbChecked = new Set<OperationCode>(['missingUnit', 'missingTarget', 'duplicateId', 'emptySpan']);

/// The tables a map's contents are rows of.
export type ContentTable = 'units' | 'relations' | 'relation_premises';
export type UnitRow = Insertable<UnitsTable>;
export type RelationRow = Insertable<RelationsTable>;
export type PremiseRow = Insertable<RelationPremisesTable>;

/// A unit as its row's columns (all but map_id, id and created_at are what an update sets:
/// unitUpdated).
export function unitRow(mapId: string, u: NewUnit, createdAt: string) {
  const text = u.implicit === true ? { start_offset: null, end_offset: null, text: u.text } : { start_offset: u.start, end_offset: u.end, text: null };
  return { map_id: mapId, id: u.id, label: u.label, ...text, note: u.note ?? '', created_at: createdAt } satisfies UnitRow;
}

/// The columns an edit of a unit or a relation changes (a relation's target never changes: no
/// operation moves it; its premises are rows of their own).
export const unitUpdated = ['label', 'start_offset', 'end_offset', 'text', 'note'] as const;
export const relationUpdated = ['type', 'scheme', 'critical_questions_json', 'note'] as const;

/// A relation as its row's columns (its premises are rows of their own: premiseRows).
/// `isRelation` tells an undercutter's target from a unit.
export function relationRow(mapId: string, r: NewRelation, createdAt: string, isRelation: (id: string) => boolean) {
  const target = isRelation(r.to) ? { to_unit: null, to_relation: r.to } : { to_unit: r.to, to_relation: null };
  return {
    map_id: mapId,
    id: r.id,
    type: r.type,
    ...target,
    scheme: r.scheme ?? null,
    critical_questions_json: r.criticalQuestions?.length ? JSON.stringify(r.criticalQuestions.map((q) => ({ id: q.id, answer: q.answer }))) : null,
    note: r.note ?? '',
    created_at: createdAt,
  } satisfies RelationRow;
}

/// The rows of new relations, in the order they can be inserted in: a relation another targets
/// goes in first (its row must exist for the foreign key when they are sent in several
/// statements). `isRelation` tells a target relation from a unit (ids are unique across both:
/// the core). Their premises are premiseRows, inserted after them.
export function relationRows(mapId: string, relations: readonly NewRelation[], createdAt: (id: string) => string, isRelation: (id: string) => boolean): RelationRow[] {
  return targetsFirst(relations).map((r) => relationRow(mapId, r, createdAt(r.id), isRelation));
}

/// The premise rows of `relations` (a relation's old rows deleted first when they change).
export function premiseRows(mapId: string, relations: readonly Pick<NewRelation, 'id' | 'from'>[]): PremiseRow[] {
  return relations.flatMap((r) => r.from.map((unit, position) => ({ map_id: mapId, relation_id: r.id, unit_id: unit, position })));
}

/// The columns a unit and a relation are read with (toStoredUnit, toStoredRelation).
export const unitColumns = ['id', 'label', 'start_offset', 'end_offset', 'text', 'note'] as const;
export const relationColumns = ['id', 'type', 'to_unit', 'to_relation', 'scheme', 'critical_questions_json', 'note'] as const;

/// A map's units (units of the text by start, end, id, then implicit units by id: compareUnits)
/// and relations (by id): the order the argument core keeps them in, so stored and computed maps
/// compare equal. Read a page at a time (readAll) and put in that order here: sorting 20,000 rows
/// costs a few ms, where one statement returning them sorted held SQLite's event loop ~170 ms.
export async function readUnitsAndRelations(trx: Kysely<Database>, dialect: Dialect, mapId: string): Promise<Pick<StoredMap, 'units' | 'relations'>> {
  const size = MAP_READ_PAGE[dialect];
  const [units, relations, premises] = await Promise.all([
    readAll<Pick<UnitsTable, (typeof unitColumns)[number]>>(size, (last) => {
      const page = trx.selectFrom('units').select(unitColumns).where('map_id', '=', mapId);
      return (last ? page.where('id', '>', last.id) : page).orderBy('id').limit(size).execute();
    }),
    readAll<Pick<RelationsTable, (typeof relationColumns)[number]>>(size, (last) => {
      const page = trx.selectFrom('relations').select(relationColumns).where('map_id', '=', mapId);
      return (last ? page.where('id', '>', last.id) : page).orderBy('id').limit(size).execute();
    }),
    readAll<Pick<RelationPremisesTable, 'relation_id' | 'unit_id' | 'position'>>(size, (last) => {
      const page = trx.selectFrom('relation_premises').select(['relation_id', 'unit_id', 'position']).where('map_id', '=', mapId);
      const after = last ? page.where((eb) => eb(eb.refTuple('relation_id', 'position'), '>', eb.tuple(last.relation_id, last.position))) : page;
      return after.orderBy('relation_id').orderBy('position').limit(size).execute();
    }),
  ]);
  const from = premisesByRelation(premises.map((p) => ({ ...p, map_id: mapId })));
  return {
    units: units.map(toStoredUnit).sort(compareUnits),
    relations: relations.map((r) => toStoredRelation(r, from.get(premiseKey(mapId, r.id)) ?? [])).sort(compareIds),
  };
}

/// Every row of a query, `size` at a time (`page(last)`: the rows after `last` in the primary
/// key's order, LIMIT size: an index range each, where OFFSET re-read every page before it), with a turn of the event loop whenever the pages since the last turn took
/// TURN_SLICE_MS. Pages are consistent within a transaction (getMap's); read without one, a
/// write between pages bumps the version the reader checks (operations.ts readSnapshot), as a
/// write between any two of its reads would.
async function readAll<R>(size: number, page: (last: R | null) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  const turn = slicedTurns();
  for (let last: R | null = null; ; ) {
    const rows = await page(last);
    for (const row of rows) out.push(row);
    if (rows.length < size) return out;
    last = rows[rows.length - 1];
    await turn();
  }
}

const premiseKey = (mapId: string, relationId: string) => `${mapId}\u0000${relationId}`;

/// Premise rows grouped by relation (key: premiseKey), each list in position order.
export function premisesByRelation(rows: ReadonlyArray<Pick<RelationPremisesTable, 'map_id' | 'relation_id' | 'unit_id' | 'position'>>): Map<string, string[]> {
  const sorted = [...rows].sort((a, b) => Number(a.position) - Number(b.position));
  const out = new Map<string, string[]>();
  for (const p of sorted) {
    const key = premiseKey(p.map_id, p.relation_id);
    const list = out.get(key);
    if (list) list.push(p.unit_id);
    else out.set(key, [p.unit_id]);
  }
  return out;
}

/// The premises of relation `relationId` of map `mapId` in a premisesByRelation result.
export function premisesOf(grouped: Map<string, string[]>, mapId: string, relationId: string): string[] {
  return grouped.get(premiseKey(mapId, relationId)) ?? [];
}

/// A units row as a StoredUnit (Number(): offsets may come back from PostgreSQL as strings).
export function toStoredUnit(u: Pick<UnitsTable, (typeof unitColumns)[number]>): StoredUnit {
  if (u.text !== null) return { id: u.id, label: u.label, implicit: true, text: u.text, note: u.note };
  return { id: u.id, label: u.label, start: Number(u.start_offset), end: Number(u.end_offset), note: u.note };
}

/// A relations row and its premises as a StoredRelation, in the core's canonical shape.
export function toStoredRelation(r: Pick<RelationsTable, (typeof relationColumns)[number]>, from: string[]): StoredRelation {
  const relation: StoredRelation = { id: r.id, type: r.type, from, to: (r.to_unit ?? r.to_relation)!, note: r.note };
  if (r.scheme !== null) relation.scheme = r.scheme;
  if (r.critical_questions_json !== null) {
    const answers = JSON.parse(r.critical_questions_json) as Array<{ id: string; answer: string }>;
    if (answers.length) relation.criticalQuestions = answers;
  }
  return relation;
}

async function readMap(trx: Transaction<Database>, dialect: Dialect, mapId: string): Promise<StoredMap | null> {
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
    ...(await readUnitsAndRelations(trx, dialect, mapId)),
  };
}
