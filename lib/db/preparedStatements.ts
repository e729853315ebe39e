// Named (server-side prepared) statements on PostgreSQL for the few statements every autosave
// sends: its write (mapWrite.ts) and the session lookup (sessions.ts). An unnamed statement is
// parsed, analysed and planned on every execution; the write's version bump carries the
// edit-lock conditions (three subqueries with joins: editLock.ts), and planning them cost about
// 1.5 ms of backend CPU a batch, parsing another 0.5 — more than running the statement, on the
// cores the backends share with Node (issue 12). A named statement is parsed once per
// connection, and PostgreSQL plans it once for all (a generic plan) after five executions when
// that plan is no costlier than the custom ones: after that, each batch is bound and executed.
//
// How: a hot statement's builder compiles it and marks its SQL text (prepared()); the pool
// clients connect.ts hands Kysely (namingPool) send a marked text under a name derived from it.
// Bounded: only marked texts are named, and their builders keep them to a fixed set of shapes
// (no value is ever in the text: rows travel as JSON, ids as arrays); past MAX_NAMED texts, a
// statement simply goes unnamed. SQLite is untouched (its statements never leave the process).
import { createHash } from 'node:crypto';
import type { CompiledQuery, PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool } from 'pg';

const MAX_NAMED = 1_000;
const names = new Map<string, string>();

/// The compiled statement, its text marked to be sent as a named statement on PostgreSQL.
export function prepared<Q extends CompiledQuery>(compiled: Q): Q {
  if (!names.has(compiled.sql) && names.size < MAX_NAMED) names.set(compiled.sql, `ronten_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 24)}`);
  return compiled;
}

/// The pool Kysely gets: its clients send a marked text by name (node-postgres parses a named
/// statement on a connection the first time it is sent there, and binds it afterwards).
export function namingPool(pool: Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      const query = (sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) => {
        const name = typeof sqlOrCursor === 'string' ? names.get(sqlOrCursor) : undefined;
        if (name) return client.query({ name, text: sqlOrCursor as string, values: [...(parameters ?? [])] });
        return (client.query as (...args: unknown[]) => unknown)(sqlOrCursor, parameters);
      };
      return { query: query as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy) };
    },
    end: () => pool.end(),
  };
}
