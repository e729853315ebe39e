// The few statements every autosave sends — its write (mapWrite.ts, rows.ts, the bump in
// maps.ts) and the session lookup (sessions.ts) — made cheap on both sides of the wire.
//
// In Node: compiled once per shape (hotStatement). Kysely builds a statement as a tree and
// compiles it to text on every call; for the write, whose version bump carries the edit-lock
// subqueries, that was a tenth of the event loop's time in a class's saturated saves (issue 12:
// the CPU profile of 200 students saving). A shape's builder is run once with stand-ins for its
// values; each call then binds its own values in their places.
//
// In PostgreSQL: named (server-side prepared) statements. An unnamed statement is
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
// statement simply goes unnamed. Naming leaves SQLite untouched (its statements never leave the
// process, and sqliteDialect.ts keeps them prepared by text).
import { createHash } from 'node:crypto';
import type { Compilable, CompiledQuery, PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool } from 'pg';
import type { Dialect } from './connect';

const MAX_NAMED = 1_000;
const names = new Map<string, string>();

/// A stand-in's prefix: a value no caller sends (a NUL starts it).
const SLOT = '\u0000ronten-slot:';
/// A compiled shape's parameters: a stand-in's value name, or a constant of the shape's text.
type Parameter = { slot: string } | { constant: unknown };
/// Compiled shapes by dialect (SQLite's text is not PostgreSQL's; every Kysely of a dialect
/// compiles alike: connect.ts gives them no plugins), then by shape.
const shapes: Record<Dialect, Map<string, { compiled: CompiledQuery<unknown>; parameters: Parameter[] }>> = { sqlite: new Map(), postgres: new Map() };

/// The statement `build` makes of `values`, compiled once per `shape` and marked as prepared().
/// `build` gets every value through its argument and nothing of them from elsewhere (a value it
/// took from its closure would be compiled into the shape as a constant and bound to every later
/// call): it is run with stand-ins — strings in the value's place, so a value may only be passed
/// on to Kysely as a whole (a parameter), never looked into. Whatever else decides the
/// statement's text (which parts it has, their columns) belongs in `shape`. `dialect` is that of
/// the Kysely `build` uses (the statement may be run on any of that dialect, in a transaction or
/// not). Past MAX_NAMED shapes a statement is compiled afresh.
export function hotStatement<V extends object, O>(dialect: Dialect, shape: string, values: V, build: (values: V) => Compilable<O>): CompiledQuery<O> {
  const known = shapes[dialect];
  let compiledShape = known.get(shape);
  if (!compiledShape) {
    if (known.size >= MAX_NAMED) return prepared(build(values).compile());
    // An undefined value stays undefined: it is the shape's to say what is left out.
    const standIns = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === undefined ? v : SLOT + k])) as V;
    const compiled = build(standIns).compile();
    // Kysely puts values in parameters; one in the text would be a stand-in bound to every call.
    if (compiled.sql.includes(SLOT)) throw new Error(`hot statement "${shape}": a value was compiled into its text`);
    const parameters = compiled.parameters.map((p): Parameter => (typeof p === 'string' && p.startsWith(SLOT) ? { slot: p.slice(SLOT.length) } : { constant: p }));
    compiledShape = { compiled, parameters };
    known.set(shape, compiledShape);
  }
  const parameters = compiledShape.parameters.map((p) => ('slot' in p ? (values as Record<string, unknown>)[p.slot] : p.constant));
  return prepared({ ...(compiledShape.compiled as CompiledQuery<O>), parameters });
}

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
