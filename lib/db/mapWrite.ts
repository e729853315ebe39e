// What a batch of operations writes to a stored map, computed once as rows from the map before
// and after it (mapWrite), and the two ways of sending those rows:
// - writeInTransaction: statement by statement, inside the caller's transaction, after its
//   version bump (bumpVersion). SQLite always (in process a statement is a function call, and it
//   has no data-modifying CTEs); PostgreSQL for a write the one statement does not take.
// - writeInOneStatement (PostgreSQL): the bump and every write as ONE statement in autocommit.
//   The bump is its first CTE (UPDATE … RETURNING id) and every other part writes only when the
//   bump matched (EXISTS (SELECT FROM bump)), so a refused bump writes nothing, and a failing
//   part (the applied_batches key of a resent batch) undoes the bump: a statement is atomic as a
//   transaction is. One round trip instead of BEGIN, the bump, one per table and COMMIT: on a
//   server whose cores PostgreSQL shares, each costs Node CPU (compile, protocol), backend CPU
//   (parse, plan) and context switches (issue 12: 200 students saving).
//
// The one statement lives by PostgreSQL's rules for data-modifying CTEs: all parts see one
// snapshot and run in no set order, foreign keys are checked at the statement's end, and no row
// may be modified twice. Hence the rows of a table travel as one JSON parameter, read back by
// json_populate_recordset(null::<table>, …) (the table's own column types: no casts, and one
// parameter however many rows); ids to delete as one array; the main claim is set by the bump
// (the map's row is the bump's); and a relation whose premises change (its rows deleted and
// inserted again under the same keys, where order matters) goes the transaction's way
// (fitsOneStatement).
import { sql, type DeleteQueryBuilder, type Insertable, type InsertQueryBuilder, type Kysely, type QueryCreator, type Transaction, type UpdateQueryBuilder } from 'kysely';
import { sameValue, type ArgumentMap } from '@/lib/argument';
import type { Dialect } from './connect';
import type { AppliedBatchesTable, Database } from './schema';
import {
  bumpStatement,
  anyOf,
  insertRows,
  premiseRows,
  recordset,
  relationRow,
  relationRows,
  relationUpdated,
  unitRow,
  unitUpdated,
  type Bump,
  type ContentTable,
  type PremiseRow,
  type RelationRow,
  type UnitRow,
} from './maps';
import { prepared } from './preparedStatements';

export type AppliedBatchRow = Insertable<AppliedBatchesTable>;

/// The rows a batch changes, by table and kind of change.
export interface MapWrite {
  mapId: string;
  goneRelations: string[];
  goneUnits: string[];
  newUnits: UnitRow[];
  /// Rows of edited units (only unitUpdated's columns are written).
  changedUnits: UnitRow[];
  /// In an order they can be inserted in (relationRows).
  newRelations: RelationRow[];
  /// Rows of edited relations (only relationUpdated's columns are written).
  changedRelations: RelationRow[];
  /// Relations whose premise rows are replaced: the old rows go before newPremises come in.
  repremised: string[];
  /// Premises of new relations and of repremised ones.
  newPremises: PremiseRow[];
  /// The new main claim; undefined when it stays.
  mainClaimId?: string | null;
  /// What makes the batch idempotent (operations.ts), when it has an id.
  batch: AppliedBatchRow | null;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/// What differs between two versions of the map, as rows; `now` is the new rows' creation time.
export function mapWrite(mapId: string, before: ArgumentMap, after: ArgumentMap, now: string, batch: AppliedBatchRow | null): MapWrite {
  const oldUnits = byId(before.units);
  const newUnitIds = new Set(after.units.map((u) => u.id));
  const oldRelations = byId(before.relations);
  const newRelationIds = new Set(after.relations.map((r) => r.id));
  const isRelation = (id: string) => newRelationIds.has(id);
  const edited = <T extends { id: string }>(items: readonly T[], old: Map<string, T>) =>
    items.filter((x) => {
      const was = old.get(x.id);
      return was !== undefined && !sameValue(was, x);
    });
  const addedRelations = after.relations.filter((r) => !oldRelations.has(r.id));
  const editedRelations = edited(after.relations, oldRelations);
  const repremised = editedRelations.filter((r) => !sameValue(oldRelations.get(r.id)!.from, r.from));
  return {
    mapId,
    goneRelations: before.relations.filter((r) => !newRelationIds.has(r.id)).map((r) => r.id),
    goneUnits: before.units.filter((u) => !newUnitIds.has(u.id)).map((u) => u.id),
    newUnits: after.units.filter((u) => !oldUnits.has(u.id)).map((u) => unitRow(mapId, u, now)),
    changedUnits: edited(after.units, oldUnits).map((u) => unitRow(mapId, u, now)),
    newRelations: relationRows(mapId, addedRelations, () => now, isRelation),
    changedRelations: editedRelations.map((r) => relationRow(mapId, r, now, isRelation)),
    repremised: repremised.map((r) => r.id),
    newPremises: premiseRows(mapId, [...addedRelations, ...repremised]),
    mainClaimId: before.mainClaimId !== after.mainClaimId ? after.mainClaimId : undefined,
    batch,
  };
}

function pick<T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}

/// Sends the write statement by statement, after the caller's bump in the same transaction.
/// Relations are removed before the units they reference and added after them.
export async function writeInTransaction(trx: Transaction<Database>, dialect: Dialect, w: MapWrite): Promise<void> {
  const { mapId } = w;
  if (w.goneRelations.length) await trx.deleteFrom('relations').where('map_id', '=', mapId).where('id', 'in', w.goneRelations).execute();
  if (w.goneUnits.length) await trx.deleteFrom('units').where('map_id', '=', mapId).where('id', 'in', w.goneUnits).execute();
  await insertRows(trx, dialect, 'units', w.newUnits);
  for (const row of w.changedUnits) {
    await trx.updateTable('units').set(pick(row, unitUpdated)).where('map_id', '=', mapId).where('id', '=', row.id).execute();
  }
  await insertRows(trx, dialect, 'relations', w.newRelations);
  for (const row of w.changedRelations) {
    await trx.updateTable('relations').set(pick(row, relationUpdated)).where('map_id', '=', mapId).where('id', '=', row.id).execute();
  }
  if (w.repremised.length) await trx.deleteFrom('relation_premises').where('map_id', '=', mapId).where('relation_id', 'in', w.repremised).execute();
  await insertRows(trx, dialect, 'relation_premises', w.newPremises);
  if (w.mainClaimId !== undefined) await trx.updateTable('argument_maps').set({ main_claim_id: w.mainClaimId }).where('id', '=', mapId).execute();
  if (w.batch) await trx.insertInto('applied_batches').values(w.batch).execute();
}

/// Whether writeInOneStatement takes this write (see the header: not a change of premises).
export function fitsOneStatement(w: MapWrite): boolean {
  return w.repremised.length === 0;
}

type WithBump = Database & { bump: { id: string } };
/// A CTE of the statement besides the bump.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a part's table and output are its own
type Part = (qc: QueryCreator<WithBump>) => InsertQueryBuilder<WithBump, any, any> | UpdateQueryBuilder<WithBump, any, any, any> | DeleteQueryBuilder<WithBump, any, any>;

/// The bump's row, if it matched one: every part but the bump writes only where it exists.
const bumpedRow = (qc: QueryCreator<WithBump>) => qc.selectFrom('bump').select('bump.id');

/// INSERT INTO table (the rows' columns) SELECT them FROM the recordset, when the bump matched.
function insertPart<T extends ContentTable | 'applied_batches'>(table: T, rows: ReadonlyArray<Insertable<Database[T]>>): Part {
  // The columns are the rows' keys (a table's rows are built by one function: maps.ts). Kysely
  // cannot type a generic table's columns: they are `table`'s, typed as one table's here.
  const columns = Object.keys(rows[0]) as Array<keyof Database['units'] & string>;
  const typed = { table: table as 'units', rows: rows as unknown as UnitRow[] };
  return (qc) => qc.insertInto(typed.table).columns(columns).expression(qc.selectFrom(recordset(typed.table, typed.rows)).select(columns).where((eb) => eb.exists(bumpedRow(qc))));
}

/// UPDATE table SET `columns` to the recordset's, row for row (by map and id), when the bump matched.
function updatePart<T extends 'units' | 'relations'>(table: T, rows: ReadonlyArray<Insertable<Database[T]>>, columns: ReadonlyArray<keyof Database[T] & string>): Part {
  // Typed as the units table, as insertPart does; `t` is the table whichever it is.
  const typed = { table: table as 'units', rows: rows as unknown as UnitRow[], columns: columns as ReadonlyArray<(typeof unitUpdated)[number]> };
  return (qc) =>
    qc
      .updateTable(`${typed.table} as t`)
      .from(recordset(typed.table, typed.rows))
      .set((eb) => Object.fromEntries(typed.columns.map((c) => [c, eb.ref(`r.${c}`)])))
      .whereRef('t.map_id', '=', 'r.map_id')
      .whereRef('t.id', '=', 'r.id')
      .where((eb) => eb.exists(bumpedRow(qc)));
}

/// Sends the bump and the write as one statement; false (and nothing written) when the bump
/// matched no row: the caller asks why (refuseBump).
export async function writeInOneStatement(kysely: Kysely<Database>, bump: Bump, w: MapWrite): Promise<boolean> {
  const { mapId } = w;
  const parts: Part[] = [];
  if (w.goneRelations.length) parts.push((qc) => qc.deleteFrom('relations').where('map_id', '=', mapId).where('id', '=', anyOf(w.goneRelations)).where((eb) => eb.exists(bumpedRow(qc))));
  if (w.goneUnits.length) parts.push((qc) => qc.deleteFrom('units').where('map_id', '=', mapId).where('id', '=', anyOf(w.goneUnits)).where((eb) => eb.exists(bumpedRow(qc))));
  if (w.newUnits.length) parts.push(insertPart('units', w.newUnits));
  if (w.changedUnits.length) parts.push(updatePart('units', w.changedUnits, unitUpdated));
  if (w.newRelations.length) parts.push(insertPart('relations', w.newRelations));
  if (w.changedRelations.length) parts.push(updatePart('relations', w.changedRelations, relationUpdated));
  if (w.newPremises.length) parts.push(insertPart('relation_premises', w.newPremises));
  if (w.batch) parts.push(insertPart('applied_batches', [w.batch]));

  let statement: QueryCreator<WithBump> = kysely.with('bump', (qc) => bumpStatement(qc, { ...bump, mainClaimId: w.mainClaimId }).returning('id'));
  parts.forEach((part, i) => {
    // The parts are named for SQL's sake only: nothing selects from them, so no type need say so.
    statement = statement.with(`w${i}`, part) as unknown as QueryCreator<WithBump>;
  });
  const matched = await kysely.executeQuery(prepared(statement.selectFrom('bump').select('bump.id').compile()));
  return matched.rows.length === 1;
}
