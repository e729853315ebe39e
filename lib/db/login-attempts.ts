// Sign-in attempts, for rate limiting (classroom mode). One row per attempt and key; a key is
// 'name:<user name>' or 'client:<client key>'. The limits themselves are lib/auth's.
// A sign-in runs through here on every attempt, so each function is one statement, whatever the
// number of keys.

import { randomUUID } from 'node:crypto';
import type { Db } from './connect';

/// Records one attempt under each key at `at`; returns the new rows' ids (one per key).
export async function recordLoginAttempts(db: Db, keys: string[], at: Date): Promise<string[]> {
  const rows = keys.map((key) => ({ id: randomUUID(), key, at: at.toISOString() }));
  if (rows.length) await db.kysely.insertInto('login_attempts').values(rows).execute();
  return rows.map((r) => r.id);
}

/// The times (ISO, oldest first) of the attempts under each of `keys` after `since`, except
/// `excludeIds`: one list per key, in the order of `keys`.
export async function loginAttemptTimes(db: Db, keys: readonly string[], since: Date, excludeIds: string[] = []): Promise<string[][]> {
  if (keys.length === 0) return [];
  let q = db.kysely.selectFrom('login_attempts').select(['key', 'at']).where('key', 'in', [...keys]).where('at', '>', since.toISOString());
  if (excludeIds.length) q = q.where('id', 'not in', excludeIds);
  const rows = await q.orderBy('at').execute();
  return keys.map((key) => rows.filter((r) => r.key === key).map((r) => r.at));
}

/// Forgets the attempts with these ids and every attempt under `key`.
export async function deleteLoginAttempts(db: Db, which: { ids?: string[]; key?: string }): Promise<void> {
  const ids = which.ids ?? [];
  if (ids.length === 0 && which.key === undefined) return;
  await db.kysely
    .deleteFrom('login_attempts')
    .where((eb) => eb.or([...(ids.length ? [eb('id', 'in', ids)] : []), ...(which.key !== undefined ? [eb('key', '=', which.key)] : [])]))
    .execute();
}

/// Forgets attempts older than `before` (outside every window).
export async function pruneLoginAttempts(db: Db, before: Date): Promise<void> {
  await db.kysely.deleteFrom('login_attempts').where('at', '<', before.toISOString()).execute();
}
