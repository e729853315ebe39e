// Opening Ronten's database: SQLite by default, PostgreSQL when DATABASE_URL says so.
//
//   unset / ''            → SQLite file data/ronten.sqlite under process.cwd()
//   file:PATH             → SQLite file PATH (relative to process.cwd()); file::memory: for RAM
//   file:///abs/path      → SQLite file at an absolute path
//   postgres://… / postgresql://… → PostgreSQL through a pg Pool
//
// Invariants: every Db returned is migrated to the latest schema; SQLite runs with WAL,
// foreign keys ON, write transactions that take the lock at BEGIN and wait for it without
// blocking (sqliteDialect.ts: the app and the CLI may share the file); one Db per URL
// per process, cached on globalThis because Next's dev server re-evaluates modules and would
// otherwise leak a pool or a file handle on every reload. close() drops the cache entry.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import type { Database } from './schema';
import { migrateKyselyToLatest } from './migrations';
import { BUSY_SLICE_MS, sqliteDialect } from './sqliteDialect';
import { namingPool } from './preparedStatements';
import { startWalCheckpoints } from './walCheckpoints';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /// The normalized URL this Db was opened with (its cache key); may contain a password:
  /// log describeDatabaseUrl(db.url) instead.
  url: string;
  close(): Promise<void>;
}

/// Where a database URL points, after defaults and relative paths are resolved.
export type DatabaseTarget =
  | { dialect: 'sqlite'; url: string; path: string | ':memory:' }
  | { dialect: 'postgres'; url: string };

export const DEFAULT_SQLITE_PATH = path.join('data', 'ronten.sqlite');

/// Resolves a DATABASE_URL-style string. Pure apart from reading the defaults passed in.
export function resolveDatabaseUrl(
  url: string | undefined = process.env.DATABASE_URL,
  cwd: string = process.cwd(),
): DatabaseTarget {
  const raw = (url ?? '').trim();
  if (raw === '') {
    const file = path.resolve(cwd, DEFAULT_SQLITE_PATH);
    return { dialect: 'sqlite', url: `file:${file}`, path: file };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    return { dialect: 'postgres', url: raw };
  }
  if (/^file:/i.test(raw)) {
    const rest = raw.slice('file:'.length);
    if (rest === ':memory:') return { dialect: 'sqlite', url: 'file::memory:', path: ':memory:' };
    // file:///abs (a real file URL, percent-encoded) versus the common file:relative/path.
    const file = rest.startsWith('//') ? fileURLToPath(raw) : path.resolve(cwd, rest);
    if (rest === '' || file.endsWith(path.sep)) {
      throw new Error(`DATABASE_URL "${raw}" names no SQLite file (expected file:PATH)`);
    }
    return { dialect: 'sqlite', url: `file:${file}`, path: file };
  }
  throw new Error(
    `unsupported DATABASE_URL "${describeDatabaseUrl(raw)}": use file:PATH for SQLite or postgres://… for PostgreSQL`,
  );
}

/// A description of a database URL that is safe to log: no password, no query string.
export function describeDatabaseUrl(url: string | undefined = process.env.DATABASE_URL): string {
  const raw = (url ?? '').trim();
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    try {
      const u = new URL(raw);
      const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
      return `postgres ${user}${u.host}${u.pathname}`;
    } catch {
      return 'postgres (unparsable URL)';
    }
  }
  if (raw === '' || /^file:/i.test(raw)) {
    try {
      const target = resolveDatabaseUrl(raw);
      if (target.dialect === 'sqlite') {
        return target.path === ':memory:' ? 'sqlite (in memory)' : `sqlite ${target.path}`;
      }
    } catch {
      return 'sqlite (invalid path)';
    }
  }
  // Unknown scheme: show the scheme only; the rest may hold credentials.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
  return scheme ? `${scheme}: (unsupported)` : '(unrecognized database URL)';
}

const CACHE_KEY = Symbol.for('ronten.db.cache');
type DbCache = Map<string, Promise<Db>>;

function cache(): DbCache {
  const g = globalThis as typeof globalThis & { [CACHE_KEY]?: DbCache };
  return (g[CACHE_KEY] ??= new Map());
}

/// Opens (or returns the already open) database for `url`, migrated to the latest schema.
export function openDb(url?: string): Promise<Db> {
  const target = resolveDatabaseUrl(url);
  const dbs = cache();
  const cached = dbs.get(target.url);
  if (cached) return cached;
  // Cache the promise, not the Db: two callers racing on first use must share one pool.
  // Forget this entry (and only this one: a newer Db may have replaced it) on close or failure,
  // synchronously, so that an openDb right after close() opens afresh.
  const forget = () => {
    if (dbs.get(target.url) === opening) dbs.delete(target.url);
  };
  const opening: Promise<Db> = connect(target, forget).catch((err) => {
    forget();
    throw err;
  });
  dbs.set(target.url, opening);
  return opening;
}

/// Closes every Db this process opened (CLI shutdown, test teardown).
export async function closeAllDbs(): Promise<void> {
  const dbs = [...cache().values()];
  await Promise.all(dbs.map(async (p) => (await p.catch(() => null))?.close()));
}

/// Applies pending migrations; openDb already does this, the CLI exposes it as a command.
export function migrateToLatest(db: Db): Promise<string[]> {
  return migrateKyselyToLatest(db.kysely);
}

/// Every statement sent to the database, transaction control (BEGIN, COMMIT) included.
export type StatementLog = (event: LogEvent) => void;

/// `owner`: the process's own Db for this URL (connect), which alone checkpoints a SQLite file's
/// log off the event loop (walCheckpoints.ts); a test's second connection does not.
function openKysely(target: DatabaseTarget, log?: StatementLog, owner = false): Promise<Kysely<Database>> {
  return target.dialect === 'sqlite' ? openSqlite(target.path, log, owner) : openPostgres(target.url, log);
}

/// A second, uncached connection to an already migrated database, passing every statement to
/// `log`: for tests that count a write's round trips. The caller destroys it.
export function openLoggedKysely(url: string, log: StatementLog): Promise<Kysely<Database>> {
  return openKysely(resolveDatabaseUrl(url), log);
}

async function connect(target: DatabaseTarget, forget: () => void): Promise<Db> {
  const kysely = await openKysely(target, undefined, true);
  let closed: Promise<void> | null = null;
  const db: Db = {
    kysely,
    dialect: target.dialect,
    url: target.url,
    close() {
      if (!closed) {
        forget();
        closed = kysely.destroy();
      }
      return closed;
    },
  };
  try {
    await migrateKyselyToLatest(kysely);
  } catch (err) {
    await kysely.destroy().catch(() => {});
    throw err;
  }
  return db;
}

async function openSqlite(file: string | ':memory:', log?: StatementLog, owner = false): Promise<Kysely<Database>> {
  // Loaded lazily: a PostgreSQL deployment should not need the native SQLite module to load.
  const { default: SQLite } = await import('better-sqlite3');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  try {
    // WAL lets the app read while the CLI writes; a short busy_timeout lets a writer wait a
    // moment for the lock inside SQLite (on the event loop), longer waits are sqliteDialect's
    // retries off it; foreign keys are off in SQLite unless asked for.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_SLICE_MS}`);
    // Safe with WAL (only the last transactions may be lost on power failure, never corrupted).
    sqlite.pragma('synchronous = NORMAL');
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const checkpoints = owner && file !== ':memory:' ? startWalCheckpoints(sqlite, file) : null;
  return new Kysely<Database>({ dialect: sqliteDialect(sqlite, checkpoints ? () => checkpoints.stop() : undefined), log });
}

export const PG_POOL_ENV = 'RONTEN_PG_POOL';

/// Opens `n` of the pool's connections at once and returns them to it, so that the first saves
/// of a class (every student's first, all in the same seconds) do not each wait for a backend to
/// start: on a fresh server they took up to 100–220 ms. Best effort: a server that refuses some
/// (max_connections) leaves them to be opened on demand, as before.
export async function openConnections(pool: Pick<import('pg').Pool, 'connect'>, n: number): Promise<number> {
  const opened = await Promise.allSettled(Array.from({ length: n }, () => pool.connect()));
  let count = 0;
  for (const o of opened) {
    if (o.status === 'fulfilled') {
      o.value.release();
      count++;
    }
  }
  return count;
}

/// Connections one app process keeps to PostgreSQL: RONTEN_PG_POOL, else twice the cores, 4 to
/// 10. More only adds backends competing for the same cores: on 2 cores, 4 connections against
/// 10 took the class-pace p99 from 75–90 ms to 44–47 ms and the saturated rate up 5–20%
/// (bench/storm), since a save holds its connection for one statement.
export function postgresPoolSize(raw = process.env[PG_POOL_ENV], cores = os.availableParallelism()): number {
  if (raw === undefined || raw.trim() === '') return Math.min(10, Math.max(4, 2 * cores));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`${PG_POOL_ENV} "${raw}" is not a number of connections (1–1000)`);
  return n;
}

async function openPostgres(url: string, log?: StatementLog): Promise<Kysely<Database>> {
  const { Pool } = await import('pg');
  const max = postgresPoolSize();
  // Connections are kept, not closed after 10 s idle (pg's default): a new one is a new backend
  // process, cold caches and every hot statement prepared again, and a class's burst after a
  // lull paid that on its first saves.
  const pool = new Pool({ connectionString: url, max, idleTimeoutMillis: 0 });
  // An idle client losing its connection (server restart) emits 'error' on the pool; without
  // a listener Node treats it as unhandled and kills the process.
  pool.on('error', (err) => {
    console.error(`[ronten] PostgreSQL pool error (${describeDatabaseUrl(url)}): ${err.message}`);
  });
  await openConnections(pool, max);
  // The hot statements go by name: parsed and planned once per connection (preparedStatements.ts).
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingPool(pool) }), log });
}
