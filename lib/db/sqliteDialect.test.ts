// Several writers on one SQLite file (the app and the CLI's import): they wait for each other,
// and none of them ever sees SQLITE_BUSY.
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUnitOp } from '@/lib/argument';
import type { Db } from './connect';
import type { Database } from './schema';
import { createDocument } from './documents';
import { getMap, getOrCreateMap } from './maps';
import { applyOperations } from './operations';
import { sqliteDialect } from './sqliteDialect';
import { countTurns, insertUsers, NON_BMP_SURFACES, fixtureDocument, sqliteBackend, useTestDb } from './test-support';

const unit = (i: number) => ({ id: `u${i}`, label: 'claim', start: 8, end: 22, note: `${i}` });

describe('SQLite shared by two connections', () => {
  const t = useTestDb(sqliteBackend);
  let file: string;
  let docId: string;
  let users: Record<string, string>;

  beforeAll(async () => {
    file = t.db.url.slice('file:'.length);
    docId = await createDocument(t.db, fixtureDocument(NON_BMP_SURFACES));
    users = await insertUsers(t.db, ['a', 'b']);
  });

  /// A second handle on the same file, as another process (the CLI) would open it.
  function secondHandle(): Db {
    const sqlite = new SQLite(file);
    sqlite.pragma('busy_timeout = 20');
    const kysely = new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
    return { kysely, dialect: 'sqlite', url: `${t.db.url}#second`, close: () => kysely.destroy() };
  }

  it('interleaves two writers’ transactions without a single failure', async () => {
    const other = secondHandle();
    try {
      const mapA = await getOrCreateMap(t.db, docId, users.a);
      const mapB = await getOrCreateMap(other, docId, users.b);
      // Each batch reads (duplicate check) before it writes: with a deferred BEGIN one of two
      // interleaved transactions fails to take the write lock.
      const write = async (db: Db, mapId: string) => {
        for (let v = 1; v <= 25; v++) await applyOperations(db, mapId, v, [addUnitOp(unit(v))], `batch-${mapId}-${v}`);
      };
      await Promise.all([write(t.db, mapA.id), write(other, mapB.id)]);
      expect((await getMap(t.db, mapA.id))!.units).toHaveLength(25);
      expect((await getMap(t.db, mapB.id))!.units).toHaveLength(25);
    } finally {
      await other.close();
    }
  });

  it('waits, without stopping the event loop, for a writer that holds the lock, then saves', async () => {
    const map = await getOrCreateMap(t.db, docId, users.a);
    const version = (await getMap(t.db, map.id))!.version;
    const holder = new SQLite(file);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare("UPDATE users SET display_name = 'busy' WHERE id = ?").run(users.b);
    let released = false;
    setTimeout(() => {
      holder.exec('COMMIT');
      holder.close();
      released = true;
    }, 300);
    const saved = await applyOperations(t.db, map.id, version, [addUnitOp(unit(99))]);
    expect(released).toBe(true); // the save could only finish after the lock was given up
    expect(saved.version).toBe(version + 1);
  });
});

describe('the one connection, queued for', () => {
  it('lets the event loop turn between the users that waited for it', async () => {
    const kysely = new Kysely<{ t: { n: number } }>({ dialect: sqliteDialect(new SQLite(':memory:')) });
    try {
      await kysely.schema.createTable('t').addColumn('n', 'integer').execute();
      // Twenty writers queue at once, as saves do behind a long import. Statements are
      // synchronous: without a turn between two of them, the queue drains in microtasks and
      // nothing else (an immediate here, another request's I/O in the server) runs meanwhile.
      const loop = countTurns();
      await Promise.all(Array.from({ length: 20 }, (_, n) => kysely.transaction().execute((trx) => trx.insertInto('t').values({ n }).execute())));
      expect(loop.stop()).toBeGreaterThanOrEqual(19);
      expect(await kysely.selectFrom('t').select((eb) => eb.fn.countAll<number>().as('rows')).executeTakeFirst()).toEqual({ rows: 20 });
    } finally {
      await kysely.destroy();
    }
  });
});
