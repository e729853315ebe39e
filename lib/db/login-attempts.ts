// Sign-in attempts, for rate limiting (classroom mode). One row per attempt and key; a key is
// 'name:<user name>' or 'client:<client key>'. The limits themselves are lib/auth's.

import { randomUUID } from 'node:crypto';
import type { Db } from './connect';

/// Records one attempt under each key at `at`; returns the new rows' ids (one per key).
export async function recordLoginAttempts(db: Db, keys: string[], at: Date): Promise<string[]> {
  const rows = keys.map((key) => ({ id: randomUUID(), key, at: at.toISOString() }));
  if (rows.length) await db.kysely.insertInto('login_attempts').values(rows).execute();
  return rows.map((r) => r.id);
}

/// The times (ISO, oldest first) of the attempts under `key` after `since`, except `excludeIds`.
export async function loginAttemptTimes(db: Db, key: string, since: Date, excludeIds: string[] = []): Promise<string[]> {
  let q = db.kysely.selectFrom('login_attempts').select('at').where('key', '=', key).where('at', '>', since.toISOString());
  if (excludeIds.length) q = q.where('id', 'not in', excludeIds);
  return (await q.orderBy('at').execute()).map((r) => r.at);
}

export async function deleteLoginAttempts(db: Db, which: { ids?: string[]; key?: string }): Promise<void> {
  if (which.ids?.length) await db.kysely.deleteFrom('login_attempts').where('id', 'in', which.ids).execute();
  if (which.key !== undefined) await db.kysely.deleteFrom('login_attempts').where('key', '=', which.key).execute();
}

/// Forgets attempts older than `before` (outside every window).
export async function pruneLoginAttempts(db: Db, before: Date): Promise<void> {
  await db.kysely.deleteFrom('login_attempts').where('at', '<', before.toISOString()).execute();
}
