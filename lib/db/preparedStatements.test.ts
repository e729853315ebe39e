import { describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import type { Pool } from 'pg';
import { namingPool, prepared } from './preparedStatements';

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
