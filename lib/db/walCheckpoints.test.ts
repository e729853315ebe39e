import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { openDb } from './connect';
import { BACKSTOP_PAGES, startWalCheckpoints } from './walCheckpoints';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ronten-wal-'));
  dirs.push(dir);
  return path.join(dir, 'db.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function openWal(file: string) {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table t (x text)');
  return sqlite;
}

/// About 1 MB of rows: a quarter of what makes SQLite's own auto-checkpoint run (1,000 pages).
function writeAMegabyte(sqlite: SQLite.Database) {
  const insert = sqlite.prepare('insert into t (x) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 250; i++) insert.run('論'.repeat(1_300));
  })();
}

describe('WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file without a commit running the checkpoint', async () => {
    const file = tempFile();
    const sqlite = openWal(file);
    const checkpoints = startWalCheckpoints(sqlite, file, 50);
    try {
      const before = fs.statSync(file).size;
      writeAMegabyte(sqlite);
      // The commit left the pages in the log (the request thread's auto-checkpoint is far out)…
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
      // …and the worker copies them into the file.
      await vi.waitFor(() => expect(fs.statSync(file).size).toBeGreaterThan(before + 900_000), { timeout: 10_000, interval: 50 });
      expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 250 });
    } finally {
      await checkpoints.stop();
      sqlite.close();
    }
  });

  it('gives the checkpoints back to the commits when the worker fails', async () => {
    const file = tempFile();
    const sqlite = openWal(file);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The worker cannot open a file in a directory that does not exist.
    const checkpoints = startWalCheckpoints(sqlite, path.join(path.dirname(file), 'missing', 'db.sqlite'), 50);
    try {
      await vi.waitFor(() => expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000), { timeout: 10_000, interval: 20 });
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/checkpoint worker stopped/);
    } finally {
      logged.mockRestore();
      await checkpoints.stop();
      sqlite.close();
    }
  });

  it("is how the app's own SQLite file is opened, and closing the Db stops it", async () => {
    const file = tempFile();
    const db = await openDb(`file:${file}`);
    try {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db.kysely);
      expect(rows[0].wal_autocheckpoint).toBe(BACKSTOP_PAGES);
    } finally {
      await db.close();
    }
    // The last connection closed checkpointed the log and removed it: the worker's was closed too.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
