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
import { type DeleteQueryBuilder, type Insertable, type InsertQueryBuilder, type Kysely, type QueryCreator, type Transaction, type UpdateQueryBuilder } from 'kysely';
import { compareIds, compareUnits, sameValue, type ArgumentMap } from '@/lib/argument';
import type { Dialect } from './connect';
import type { AppliedBatchesTable, Database } from './schema';
import {
  bumpStatement,
  premiseRows,
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
import { hotStatement } from './preparedStatements';
import { deleteRows, insertRows, isOneOf, rowsOf, setMainClaim, updateRows } from './rows';

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

/// The items of `before` and of `after` that are not the same object in both, each in its list's
/// order. The argument core never changes an item in place: an operation makes new objects for
/// what it adds or edits and keeps every other one, and it keeps each list in `compare`'s order.
/// So one walk over both, comparing references, finds the changes — whatever the map's size,
/// nothing is hashed or copied for the items a batch did not touch (a 5,000-unit map cost ~1.5 ms
/// a batch when every item was looked up by id). Correct in any order: an item is passed over
/// only when the very same object stands in both; the order only keeps the lists short.
function changedItems<T>(before: readonly T[], after: readonly T[], compare: (a: T, b: T) => number): { was: T[]; now: T[] } {
  const was: T[] = [];
  const now: T[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    const a = before[i];
    const b = after[j];
    if (a === b) {
      i++;
      j++;
      continue;
    }
    const order = compare(a, b);
    if (order <= 0) was.push(before[i++]);
    if (order >= 0) now.push(after[j++]);
  }
  while (i < before.length) was.push(before[i++]);
  while (j < after.length) now.push(after[j++]);
  return { was, now };
}

/// What became of the items that changed (changedItems), by id: those only before are gone, those
/// only after are added, and those on both sides whose values differ are edited.
function diff<T extends { id: string }>(before: readonly T[], after: readonly T[], compare: (a: T, b: T) => number) {
  const { was, now } = changedItems(before, after, compare);
  const old = new Map(was.map((x) => [x.id, x]));
  const kept = new Set(now.map((x) => x.id));
  return {
    gone: was.filter((x) => !kept.has(x.id)),
    added: now.filter((x) => !old.has(x.id)),
    edited: now.filter((x) => old.has(x.id) && !sameValue(old.get(x.id), x)).map((x) => ({ before: old.get(x.id)!, after: x })),
  };
}

/// What differs between two versions of the map, as rows; `now` is the new rows' creation time.
/// `after` is `before` with operations applied (lib/argument apply): see changedItems.
export function mapWrite(mapId: string, before: ArgumentMap, after: ArgumentMap, now: string, batch: AppliedBatchRow | null): MapWrite {
  const units = diff(before.units, after.units, compareUnits);
  const relations = diff(before.relations, after.relations, compareIds);
  // Whether a new relation's target is a relation (an undercut) or a unit: asked only of a batch
  // that adds relations.
  let relationIds: Set<string> | undefined;
  const isRelation = (id: string) => (relationIds ??= new Set(after.relations.map((r) => r.id))).has(id);
  const repremised = relations.edited.filter((e) => !sameValue(e.before.from, e.after.from)).map((e) => e.after);
  return {
    mapId,
    goneRelations: relations.gone.map((r) => r.id),
    goneUnits: units.gone.map((u) => u.id),
    newUnits: units.added.map((u) => unitRow(mapId, u, now)),
    changedUnits: units.edited.map((e) => unitRow(mapId, e.after, now)),
    newRelations: relationRows(mapId, relations.added, () => now, isRelation),
    changedRelations: relations.edited.map((e) => relationRow(mapId, e.after, now, isRelation)),
    repremised: repremised.map((r) => r.id),
    newPremises: premiseRows(mapId, [...relations.added, ...repremised]),
    mainClaimId: before.mainClaimId !== after.mainClaimId ? after.mainClaimId : undefined,
    batch,
  };
}

/// Sends the write statement by statement, after the caller's bump in the same transaction: each
/// list of rows in one statement (rows.ts). Relations are removed before the units they
/// reference and added after them.
export async function writeInTransaction(trx: Transaction<Database>, dialect: Dialect, w: MapWrite): Promise<void> {
  const { mapId } = w;
  await deleteRows(trx, dialect, 'relations', 'id', mapId, w.goneRelations);
  await deleteRows(trx, dialect, 'units', 'id', mapId, w.goneUnits);
  await insertRows(trx, dialect, 'units', w.newUnits);
  await updateRows(trx, dialect, 'units', mapId, unitUpdated, w.changedUnits);
  await insertRows(trx, dialect, 'relations', w.newRelations);
  await updateRows(trx, dialect, 'relations', mapId, relationUpdated, w.changedRelations);
  await deleteRows(trx, dialect, 'relation_premises', 'relation_id', mapId, w.repremised);
  await insertRows(trx, dialect, 'relation_premises', w.newPremises);
  if (w.mainClaimId !== undefined) await setMainClaim(trx, dialect, mapId, w.mainClaimId);
  if (w.batch) await insertRows(trx, dialect, 'applied_batches', [w.batch]);
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

/// INSERT INTO table (columns) SELECT them FROM the rows (JSON), when the bump matched.
function insertPart<T extends ContentTable | 'applied_batches'>(table: T, columns: readonly string[], json: string): Part {
  // Kysely cannot type a generic table's columns: they are `table`'s, typed as one table's here.
  const typed = { table: table as 'units', columns: columns as Array<keyof Database['units'] & string> };
  return (qc) => qc.insertInto(typed.table).columns(typed.columns).expression(qc.selectFrom(rowsOf('postgres', typed.table, columns, json)).select(typed.columns).where((eb) => eb.exists(bumpedRow(qc))));
}

/// UPDATE table SET `columns` to the rows' (JSON), row for row by id in map `mapId`, when the bump matched.
function updatePart<T extends 'units' | 'relations'>(table: T, mapId: string, json: string, columns: ReadonlyArray<keyof Database[T] & string>): Part {
  // Typed as the units table, as insertPart does; `t` is the table whichever it is.
  const typed = { table: table as 'units', columns: columns as ReadonlyArray<(typeof unitUpdated)[number]> };
  return (qc) =>
    qc
      .updateTable(`${typed.table} as t`)
      .from(rowsOf('postgres', typed.table, columns, json))
      .set((eb) => Object.fromEntries(typed.columns.map((c) => [c, eb.ref(`r.${c}`)])))
      // The map as a value (rows.ts updateRows says why).
      .where('t.map_id', '=', mapId)
      .whereRef('t.id', '=', 'r.id')
      .where((eb) => eb.exists(bumpedRow(qc)));
}

/// The values of a write sent as one statement: the bump's, and each part's rows (JSON) or ids.
/// A part is in the statement when its value is given.
type OneStatementValues = Bump & {
  goneRelations?: readonly string[];
  goneUnits?: readonly string[];
  newUnits?: string;
  changedUnits?: string;
  newRelations?: string;
  changedRelations?: string;
  newPremises?: string;
  batch?: string;
};

/// The inserted parts' columns (their rows' keys: a table's rows are built by one function, maps.ts).
type InsertColumns = Partial<Record<'newUnits' | 'newRelations' | 'newPremises' | 'batch', readonly string[]>>;

/// The statement of a write's values, as hotStatement builds it: every value from `v`.
const oneStatement =
  (kysely: Kysely<Database>, columns: InsertColumns) =>
  (v: OneStatementValues) => {
    const parts: Part[] = [];
    const { mapId } = v;
    if (v.goneRelations) parts.push((qc) => qc.deleteFrom('relations').where('map_id', '=', mapId).where(isOneOf('postgres', 'id', v.goneRelations)).where((eb) => eb.exists(bumpedRow(qc))));
    if (v.goneUnits) parts.push((qc) => qc.deleteFrom('units').where('map_id', '=', mapId).where(isOneOf('postgres', 'id', v.goneUnits)).where((eb) => eb.exists(bumpedRow(qc))));
    if (v.newUnits) parts.push(insertPart('units', columns.newUnits!, v.newUnits));
    if (v.changedUnits) parts.push(updatePart('units', mapId, v.changedUnits, unitUpdated));
    if (v.newRelations) parts.push(insertPart('relations', columns.newRelations!, v.newRelations));
    if (v.changedRelations) parts.push(updatePart('relations', mapId, v.changedRelations, relationUpdated));
    if (v.newPremises) parts.push(insertPart('relation_premises', columns.newPremises!, v.newPremises));
    if (v.batch) parts.push(insertPart('applied_batches', columns.batch!, v.batch));
    let statement: QueryCreator<WithBump> = kysely.with('bump', (qc) => bumpStatement(qc, v).returning('id'));
    parts.forEach((part, i) => {
      // The parts are named for SQL's sake only: nothing selects from them, so no type need say so.
      statement = statement.with(`w${i}`, part) as unknown as QueryCreator<WithBump>;
    });
    return statement.selectFrom('bump').select('bump.id');
  };

/// Sends the bump and the write as one statement; false (and nothing written) when the bump
/// matched no row: the caller asks why (refuseBump). Compiled once per shape (hotStatement): the
/// parts present, their columns, and whether the bump sets the main claim, checks edit locks or
/// checks a session.
export async function writeInOneStatement(kysely: Kysely<Database>, bump: Bump, w: MapWrite): Promise<boolean> {
  const json = (rows: readonly unknown[]) => (rows.length ? JSON.stringify(rows) : undefined);
  const ids = (list: readonly string[]) => (list.length ? list : undefined);
  const keys = (rows: readonly object[]) => (rows.length ? Object.keys(rows[0]) : undefined);
  const values: OneStatementValues = {
    ...bump,
    mainClaimId: w.mainClaimId,
    goneRelations: ids(w.goneRelations),
    goneUnits: ids(w.goneUnits),
    newUnits: json(w.newUnits),
    changedUnits: json(w.changedUnits),
    newRelations: json(w.newRelations),
    changedRelations: json(w.changedRelations),
    newPremises: json(w.newPremises),
    batch: w.batch ? json([w.batch]) : undefined,
  };
  const columns: InsertColumns = { newUnits: keys(w.newUnits), newRelations: keys(w.newRelations), newPremises: keys(w.newPremises), batch: w.batch ? Object.keys(w.batch) : undefined };
  // The values given (an undefined one is a part left out) and the inserted columns.
  const given = Object.keys(values).filter((k) => values[k as keyof OneStatementValues] !== undefined);
  const shape = `mapWrite ${given.join(',')} ${JSON.stringify(columns)}`;
  const matched = await kysely.executeQuery(hotStatement('postgres', shape, values, oneStatement(kysely, columns)));
  return matched.rows.length === 1;
}
