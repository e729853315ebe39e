import { describe, expect, it } from 'vitest';
import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import type { Pool } from 'pg';
import { hotStatement, namingPool, prepared } from './preparedStatements';
import type { Database } from './schema';

// A pg Pool standing in for PostgreSQL: it records what each query call was given.
function recordingPool() {
  const calls: unknown[][] = [];
  const client = { query: (...args: unknown[]) => (calls.push(args), Promise.resolve({ rows: [], command: 'SELECT' })), release: () => {} };
  return { calls, pool: { connect: async () => client, end: async () => {} } as unknown as Pool };
}

describe('namingPool', () => {
  it('sends a marked statement by a name derived from its text, and any other unnamed', async () => {
    const { calls, pool } = recordingPool();
    const client = await namingPool(pool).connect();
    const hot = prepared(CompiledQuery.raw('select $1::int as hot', [1]));
    await client.query(hot.sql, [1]);
    await client.query(CompiledQuery.raw('select $1::int as hot', []).sql, [2]); // the same text, compiled again
    await client.query('select $1::int as cold', [3]);
    const [first, again, cold] = calls;
    expect(first).toEqual([{ name: expect.stringMatching(/^ronten_[0-9a-f]{24}$/), text: 'select $1::int as hot', values: [1] }]);
    expect(again).toEqual([{ name: (first[0] as { name: string }).name, text: 'select $1::int as hot', values: [2] }]);
    expect(cold).toEqual(['select $1::int as cold', [3]]);
  });

  it('gives different texts different names', async () => {
    const { calls, pool } = recordingPool();
    const client = await namingPool(pool).connect();
    for (const text of ['select 1 as a', 'select 1 as b']) await client.query(prepared(CompiledQuery.raw(text)).sql, []);
    const [a, b] = calls.map((c) => (c[0] as { name: string }).name);
    expect(a).not.toBe(b);
  });
});

// Kysely compiling for PostgreSQL (or SQLite), with nothing behind it.
const compiler = () =>
  new Kysely<Database>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() },
  });
const sqliteCompiler = () =>
  new Kysely<Database>({
    dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() },
  });

describe('hotStatement', () => {
  type Values = { mapId: string; version: number; claim?: string | null };
  const build = (kysely: Kysely<Database>) => (v: Values) => {
    const set = { version: v.version, updated_at: 'now', ...(v.claim !== undefined && { main_claim_id: v.claim }) };
    return kysely.updateTable('argument_maps').set(set).where('id', '=', v.mapId).where('submitted_at', 'is', null).returning('id');
  };

  it("binds each call's own values into the shape compiled once, as compiling it afresh would", () => {
    const kysely = compiler();
    const calls: Values[] = [];
    const counting = (v: Values) => (calls.push(v), build(kysely)(v));
    for (const values of [{ mapId: 'm1', version: 2 }, { mapId: 'm2', version: 7 }, { mapId: 'm3', version: 1, claim: 'u1' }, { mapId: 'm4', version: 3, claim: null }]) {
      const shape = values.claim === undefined ? 'binds plain' : 'binds claim';
      const hot = hotStatement('postgres', shape, values, counting);
      const fresh = build(kysely)(values).compile();
      expect(hot.sql).toBe(fresh.sql);
      expect(hot.parameters).toEqual(fresh.parameters);
    }
    // Built once per shape, with stand-ins: never with a caller's values.
    expect(calls).toHaveLength(2);
    expect(calls.map((v) => v.mapId)).not.toContain('m1');
  });

  it('keeps shapes apart per dialect (SQLite and PostgreSQL texts differ), and shares them within one', () => {
    const [pg, otherPg, sqlite] = [compiler(), compiler(), sqliteCompiler()];
    const values = { mapId: 'm1', version: 2 };
    const onPg = hotStatement('postgres', 'per dialect', values, build(pg));
    let built = 0;
    const onSqlite = hotStatement('sqlite', 'per dialect', values, (v) => (built++, build(sqlite)(v)));
    expect(built).toBe(1);
    expect(onSqlite.sql).toBe(build(sqlite)(values).compile().sql);
    expect(onSqlite.sql).not.toBe(onPg.sql);
    hotStatement('postgres', 'per dialect', values, (v) => (built++, build(otherPg)(v)));
    expect(built).toBe(1);
  });

  it('refuses a builder that puts a value into the text instead of a parameter', () => {
    const kysely = compiler();
    expect(() => hotStatement('postgres', 'inlined', { mapId: 'm1' }, (v) => kysely.selectFrom('argument_maps').select('id').where('id', '=', sql.lit(v.mapId)))).toThrow(/compiled into its text/);
  });
});
