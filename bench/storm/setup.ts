// The storm's class: a fresh database (SQLite file, or a database on a PostgreSQL server) with
// the corpus, one instructor and N students, each signed in (a session token) with an empty
// map of the essay. Built through lib/db directly: 200 sign-ups through the API would be 200
// argon2 hashes; here one hash serves every account (they share the password, for the
// sign-in flood).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { closeAllDbs, documentContext, getOrCreateMap, insertAccount, openDb, type Db } from '@/lib/db';
import { startSession } from '@/lib/auth/accounts';
import { hashPassword } from '@/lib/auth/password';
import { freshPostgres } from '@/lib/db/freshPostgres';

export const ESSAY_ID = 'russia-diplomacy-2020';
export const PASSWORD = 'storm-password-1';

export interface Student {
  name: string;
  cookie: string;
  mapId: string;
  version: number;
  /// Batches sent so far (unit ids are unique per map by this counter).
  sent: number;
}

export interface Class {
  url: string;
  boundaries: readonly number[];
  students: Student[];
}

export function seed(url: string): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'seed'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`seeding ${url} failed`);
}

/// A fresh SQLite file under data/ (removed first).
export function freshSqliteUrl(name: string): string {
  const file = path.join('data', `${name}.sqlite`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return `file:${path.resolve(file)}`;
}

/// Runs `run` on a fresh database `name` on STORM_PG_URL's server, or on a throwaway one
/// (scripts/pg-temp.sh) stopped afterwards; says so and skips when there is no PostgreSQL.
export async function withPostgres<T>(name: string, run: (url: string) => Promise<T>): Promise<T | undefined> {
  let adminUrl = process.env.STORM_PG_URL;
  let dir: string | undefined;
  if (!adminUrl) {
    const started = spawnSync('bash', ['scripts/pg-temp.sh', 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    adminUrl = /RONTEN_TEST_PG_URL='?([^'\n]+)'?/.exec(started.stdout)?.[1];
    dir = /RONTEN_PG_DIR='?([^'\n]+)'?/.exec(started.stdout)?.[1];
    if (!adminUrl) {
      console.log('(no PostgreSQL: scripts/pg-temp.sh could not start one; set STORM_PG_URL)');
      return undefined;
    }
  }
  const database = await freshPostgres(adminUrl, name);
  try {
    return await run(database.url);
  } finally {
    await database.drop().catch(() => {});
    if (dir) spawnSync('bash', ['scripts/pg-temp.sh', 'stop', dir], { stdio: 'ignore' });
  }
}

export async function makeClass(url: string, students: number): Promise<Class> {
  seed(url);
  const db: Db = await openDb(url);
  try {
    const passwordHash = await hashPassword(PASSWORD);
    await insertAccount(db, { name: 'teacher', displayName: 'Teacher', passwordHash }); // the first account is the admin
    const list: Student[] = [];
    for (let i = 0; i < students; i++) {
      const name = `s${String(i + 1).padStart(3, '0')}`;
      const user = (await insertAccount(db, { name, displayName: name.toUpperCase(), passwordHash }))!;
      const { token } = await startSession(db, user);
      const map = await getOrCreateMap(db, ESSAY_ID, user.id);
      list.push({ name, cookie: `ronten_session=${token}`, mapId: map.id, version: map.version, sent: 0 });
    }
    const { boundaries } = await documentContext(db, ESSAY_ID, 'default');
    return { url, boundaries, students: list };
  } finally {
    await closeAllDbs();
  }
}

/// The next batch of a student: 1–5 new claims on token boundaries, unit ids unique in the map.
export function nextBatch(student: Student, boundaries: readonly number[]) {
  const n = 1 + (student.sent % 5);
  const seq = student.sent++;
  const operations = Array.from({ length: n }, (_, k) => {
    const i = Math.floor(Math.random() * (boundaries.length - 4));
    const unit = { id: `b${seq}-${k}`, label: 'claim', start: boundaries[i], end: boundaries[i + 1 + (k % 3)], note: '' };
    return { op: 'addUnit', unit, relations: [], mainClaim: false };
  });
  return { batchId: `${student.name}-batch-${seq}`, baseVersion: student.version, operations };
}
