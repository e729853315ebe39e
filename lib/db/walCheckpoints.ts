// Checkpointing an SQLite file's write-ahead log off the server's event loop.
//
// In WAL mode SQLite copies the log back into the database file (a checkpoint) in whichever
// COMMIT makes the log pass wal_autocheckpoint pages (1,000 by default, 4 MB) — and better-sqlite3
// runs that COMMIT on the event loop: copying the pages and an fsync held every request for
// 45–90 ms after a big import, and every few seconds while a class saves (issue 12). Here a
// worker thread with its own connection to the file runs a PASSIVE checkpoint once a second
// (PASSIVE takes no lock readers or writers wait for: it copies what it can and stops), at the
// lowest scheduling priority like the other background workers. The request thread's own
// auto-checkpoint moves far out, as a backstop should the worker fall behind; if the worker
// fails, the default comes back.
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/// How often the worker checkpoints.
export const CHECKPOINT_EVERY_MS = 1_000;
/// The request thread's auto-checkpoint while the worker runs (pages of 4 KiB: 64 MiB).
export const BACKSTOP_PAGES = 16_384;
/// SQLite's default, restored when the worker fails.
const DEFAULT_PAGES = 1_000;

// CommonJS run by eval: no file to find at run time, in the Next build as under tsx or vitest.
// better-sqlite3 resolves from the working directory, the project's (as the kuromoji dictionary).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const os = require('node:os');
try { os.setPriority(0, os.constants.priority.PRIORITY_LOW); } catch {}
const Database = require('better-sqlite3');
const db = new Database(workerData.file);
// A writer holding the lock for a moment must not fail the checkpoint's own brief locks.
db.pragma('busy_timeout = 100');
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/// Starts checkpointing `file` (the database `sqlite` has open) on a worker thread.
export function startWalCheckpoints(sqlite: Database.Database, file: string, everyMs = CHECKPOINT_EVERY_MS): WalCheckpointer {
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let stopping = false;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs } });
  // Never what keeps a CLI run or a test process alive.
  worker.unref();
  const fallBack = (why: string) => {
    if (stopping) return;
    console.error(`[ronten] SQLite checkpoint worker stopped (${why}): checkpoints run on commit again`);
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  };
  worker.on('error', (err) => fallBack(err.message));
  worker.on('exit', (code) => fallBack(`exit code ${code}`));
  return {
    async stop() {
      stopping = true;
      await worker.terminate();
    },
  };
}
