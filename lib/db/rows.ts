// A map's rows written a list at a time, on both databases: every statement carries its rows (as
// JSON) or its ids as ONE parameter, however many there are, so its text is one of a fixed few
// and is compiled once (hotStatement, preparedStatements.ts) — and on PostgreSQL sent by name.
// Kysely builds a statement as a tree and compiles it to text on every call: for SQLite's
// autosave (a bump, the new rows and the batch's key, each built and compiled afresh) that was a
// tenth of the server's CPU for a class saving at once (issue 12), and an import compiled
// hundreds of multi-row INSERTs with a bound value per column of every row.
//
// PostgreSQL reads JSON rows with json_populate_recordset(null::<table>, …) (the table's own
// column types: no casts) and a list of ids as an array (`= any($1)`); SQLite reads both with
// json_each (JSON's strings, numbers and nulls are SQLite's values as they are).
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './connect';
import type { Database } from './schema';
import { hotStatement } from './preparedStatements';
import { chunks } from './turns';

/// The tables whose rows are written here.
export type RowTable = 'units' | 'relations' | 'relation_premises' | 'comments' | 'applied_batches';

/// Rows per INSERT or UPDATE. On SQLite a statement runs synchronously on the event loop: 50
/// rows stay well under a millisecond of it (200 rows, 5–10 ms a statement under the server's
/// load, let a 20,000-unit import hold other requests for 250 ms: each of them needs several
/// turns of the event loop, and every turn ran a chunk). On PostgreSQL a statement is a round
/// trip: a 20,000-unit import is 20 statements, not 400.
const ROW_CHUNK: Record<Dialect, number> = { sqlite: 50, postgres: 1000 };
/// Ids per DELETE: on SQLite its cascades run in process (one DELETE of a 20,000-unit map held
/// the event loop for ~100 ms), about a millisecond each at 200; on PostgreSQL they run in the
/// backend.
const DELETE_CHUNK: Record<Dialect, number> = { sqlite: 200, postgres: 1000 };

/// The rows given as JSON (`json`: an array of objects keyed by column), as a table `r` of
/// `table`'s columns (SQLite needs their names; PostgreSQL reads all of the table's).
export function rowsOf<T extends RowTable>(dialect: Dialect, table: T, columns: readonly string[], json: string) {
  if (dialect === 'postgres') return sql<Database[T]>`json_populate_recordset(null::${sql.table(table)}, ${json})`.as('r');
  // A column name is a key of our own rows, never user data, so it may go into the text.
  const fields = columns.map((c) => sql`value ->> ${sql.lit(`$.${c}`)} as ${sql.ref(c)}`);
  return sql<Database[T]>`(select ${sql.join(fields)} from json_each(${json}))`.as('r');
}

/// A list of ids as the one parameter `isOneOf` reads: an array for PostgreSQL, JSON for SQLite.
const idList = (dialect: Dialect, ids: readonly string[]): unknown => (dialect === 'postgres' ? ids : JSON.stringify(ids));

/// Inserts rows, a chunk a statement, letting the event loop turn between chunks (turns.ts). The
/// columns are the first row's keys, and every row must have those keys and no undefined value
/// (each table's rows are built by one function: unitRow and the others in maps.ts, the batch's
/// in operations.ts, comments' in imports.ts): JSON would leave an undefined out, and the
/// statement would store NULL where a multi-row VALUES let the column's default apply.
export async function insertRows<T extends RowTable>(trx: Transaction<Database>, dialect: Dialect, table: T, rows: ReadonlyArray<Insertable<Database[T]>>): Promise<void> {
  if (rows.length === 0) return;
  // Kysely cannot type a generic table's columns: they are `table`'s, typed as one table's here.
  const typed = { table: table as 'units', columns: Object.keys(rows[0]) as Array<keyof Database['units'] & string> };
  if (!rows.every((row) => hasExactly(row, typed.columns))) throw new Error(`insertRows ${table}: every row must have the columns ${typed.columns} and no undefined value`);
  for await (const chunk of chunks(rows, ROW_CHUNK[dialect])) {
    const statement = hotStatement(dialect, `insertRows ${table} ${typed.columns}`, { rows: JSON.stringify(chunk) }, (v) =>
      trx.insertInto(typed.table).columns(typed.columns).expression(trx.selectFrom(rowsOf(dialect, typed.table, typed.columns, v.rows)).select(typed.columns)),
    );
    await trx.executeQuery(statement);
  }
}

/// Whether `row` has exactly `columns` as its keys, none of them undefined.
function hasExactly(row: object, columns: readonly string[]): boolean {
  let keys = 0;
  for (const key in row) {
    if ((row as Record<string, unknown>)[key] === undefined) return false;
    keys++;
  }
  return keys === columns.length && columns.every((c) => c in row);
}

/// Sets `columns` of map `mapId`'s rows to the given rows' values (rows of that map), row for row
/// by id.
export async function updateRows<T extends 'units' | 'relations'>(trx: Transaction<Database>, dialect: Dialect, table: T, mapId: string, columns: ReadonlyArray<keyof Database[T] & string>, rows: ReadonlyArray<Insertable<Database[T]>>): Promise<void> {
  if (rows.length === 0) return;
  if (!rows.every((row) => (row as Record<string, unknown>).map_id === mapId)) throw new Error(`updateRows ${table}: every row must be of map ${mapId}`);
  // Typed as the units table, as insertRows does; `t` is the table whichever it is.
  const typed = { table: table as 'units', columns: columns as ReadonlyArray<'label'> };
  for await (const chunk of chunks(rows, ROW_CHUNK[dialect])) {
    const statement = hotStatement(dialect, `updateRows ${table} ${columns}`, { mapId, rows: JSON.stringify(chunk) }, (v) => {
      const update = trx
        .updateTable(`${typed.table} as t`)
        .from(rowsOf(dialect, typed.table, ['map_id', 'id', ...columns], v.rows))
        .set((eb) => Object.fromEntries(typed.columns.map((c) => [c, eb.ref(`r.${c}`)])))
        .whereRef('t.id', '=', 'r.id');
      // Each planner must be told the map its own way to look each row up by the key (map_id,
      // id). PostgreSQL, which cannot know how many rows the JSON holds, joined them with a scan
      // of every map's rows unless the map is a value; SQLite (no statistics) given the map as a
      // value scans the whole map for every row — 500 edits on a 20,000-unit map took 7 s.
      return dialect === 'postgres' ? update.where('t.map_id', '=', v.mapId) : update.whereRef('t.map_id', '=', 'r.map_id');
    });
    await trx.executeQuery(statement);
  }
}

/// Deletes the map's rows of `table` whose `column` is one of `ids`, a chunk a statement.
export async function deleteRows(trx: Transaction<Database>, dialect: Dialect, table: 'units' | 'relations' | 'relation_premises', column: 'id' | 'relation_id', mapId: string, ids: readonly string[]): Promise<void> {
  const typed = { table: table as 'relation_premises', column: column as 'relation_id' };
  for await (const chunk of chunks(ids, DELETE_CHUNK[dialect])) {
    const statement = hotStatement(dialect, `deleteRows ${table} ${column}`, { mapId, ids: idList(dialect, chunk) }, (v) =>
      trx.deleteFrom(typed.table).where('map_id', '=', v.mapId).where(isOneOf(dialect, typed.column, v.ids)),
    );
    await trx.executeQuery(statement);
  }
}

/// `column` is one of the ids in `list` (idList's parameter).
export function isOneOf(dialect: Dialect, column: string, list: unknown) {
  return dialect === 'postgres' ? sql<boolean>`${sql.ref(column)} = any(${list})` : sql<boolean>`${sql.ref(column)} in (select value from json_each(${list}))`;
}

/// Sets the map's main claim (replaceMapContents; a batch that changes it, sent statement by statement).
export async function setMainClaim(kysely: Kysely<Database>, dialect: Dialect, mapId: string, mainClaimId: string | null): Promise<void> {
  await kysely.executeQuery(hotStatement(dialect, 'setMainClaim', { mapId, mainClaimId }, (v) => kysely.updateTable('argument_maps').set({ main_claim_id: v.mainClaimId }).where('id', '=', v.mapId)));
}
