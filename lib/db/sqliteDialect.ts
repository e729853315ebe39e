// Kysely's SQLite dialect, adjusted for a file shared by several processes (the app and the
// CLI's `import`) without ever holding up the event loop for long.
//
// - Transactions start with BEGIN IMMEDIATE: the write lock is taken at the start, so a
//   read-write transaction never fails half-way when it tries to upgrade a read lock another writer
//   holds (in WAL mode a deferred BEGIN then gets SQLITE_BUSY at once, whatever busy_timeout).
// - Waiting for the lock is asynchronous. better-sqlite3 is synchronous, so SQLite's own
//   busy_timeout would sleep on the event loop; it is kept short (BUSY_SLICE_MS) and a statement
//   refused with SQLITE_BUSY — BEGIN IMMEDIATE or one outside a transaction, where retrying is
//   safe because nothing happened — is retried after a timer, until BUSY_DEADLINE_MS. Only then
//   does DatabaseBusyError surface (answered 503, never 500).
// - Statements are prepared once per SQL text (a bounded cache): the write path runs the same
//   few statements for every batch.
//
// Everything else is Kysely's: one connection, a mutex around it, the same query compiler.
import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult, type TransactionSettings } from 'kysely';
import { DatabaseBusyError } from './errors';

/// How long one attempt may wait inside SQLite (on the event loop).
export const BUSY_SLICE_MS = 20;
/// How long a statement keeps trying before DatabaseBusyError.
const BUSY_DEADLINE_MS = 30_000;
const MAX_STATEMENTS = 200;

/// `onDestroy` runs before the connection closes (the file's checkpoint worker: walCheckpoints.ts).
export function sqliteDialect(db: Database.Database, onDestroy?: () => Promise<void>): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SharedFileDriver(db, onDestroy),
    createIntrospector: (k: Kysely<unknown>) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class SharedFileConnection implements DatabaseConnection {
  private statements = new Map<string, Database.Statement>();
  inTransaction = false;

  constructor(private readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
      if (this.statements.size > MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
    }
    return stmt;
  }

  private run<R>(query: CompiledQuery): QueryResult<R> {
    const stmt = this.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  /// Runs the query; when SQLite is busy and retrying is safe, waits (off the event loop) and retries.
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const giveUp = Date.now() + BUSY_DEADLINE_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      try {
        return this.run<R>(query);
      } catch (err) {
        if (!isBusy(err) || this.inTransaction) throw err;
        if (Date.now() >= giveUp) throw new DatabaseBusyError({ cause: err });
        await sleep(pause + Math.random() * pause);
      }
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used with SQLite here');
  }
}

class SharedFileDriver implements Driver {
  private readonly connection: SharedFileConnection;
  private lock: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  /// Holding the connection or waiting for it.
  private users = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly onDestroy?: () => Promise<void>,
  ) {
    this.connection = new SharedFileConnection(db);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: queue behind whoever holds it.
    const previous = this.lock;
    const queued = this.users++ > 0;
    let release!: () => void;
    this.lock = new Promise((resolve) => (release = resolve));
    await previous;
    // A turn of the event loop before a queued user goes on. Statements are synchronous, so a
    // queue drained from one release to the next runs in microtasks alone: the saves that
    // waited behind a 2-second import then ran back to back and held every other request (a
    // health check: 270–390 ms) until the last was done.
    if (queued) await new Promise((resolve) => setImmediate(resolve));
    this.release = release;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    this.users--;
    const release = this.release;
    this.release = null;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    // A read-only transaction needs no write lock: in WAL mode it reads its snapshot beside writers.
    await connection.executeQuery(CompiledQuery.raw(settings.accessMode === 'read only' ? 'begin' : 'begin immediate'));
    (connection as SharedFileConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection, 'rollback');
  }

  private async end(connection: DatabaseConnection, statement: 'commit' | 'rollback'): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw(statement));
    } finally {
      (connection as SharedFileConnection).inTransaction = this.db.inTransaction;
    }
  }

  async destroy(): Promise<void> {
    // The worker first: the last connection to close checkpoints the log and removes it.
    await this.onDestroy?.();
    this.db.close();
  }
}
