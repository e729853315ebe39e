// Server-side sessions (classroom mode). Rows are keyed by the sha256 of the cookie's token:
// this module never sees a token, only its hash. Expiry policy (how long, when to slide) is
// lib/auth's; here a session is simply alive while expires_at is in the future.

import type { Kysely, QueryCreator } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';
import { toUser, type User } from './users';
import { hotStatement } from './preparedStatements';

/// The live session with id `id` at `now` (an ISO time), joined with its user.
const liveSession =
  (db: Db) =>
  ({ id, now }: { id: string; now: string }) =>
    db.kysely
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as id',
        'sessions.user_id as user_id',
        'sessions.created_at as created_at',
        'sessions.expires_at as expires_at',
        'sessions.last_seen_at as last_seen_at',
        'users.name as name',
        'users.display_name as display_name',
        'users.role as role',
        'users.created_at as user_created_at',
        'users.must_change_password as must_change_password',
      ])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now);

/// The session with id `id` if it is alive at `now` (an ISO time): a row, or none. A write that
/// names its session (maps.ts bumpStatement) is made only where it EXISTS.
export function liveSessionRow(qc: QueryCreator<Database>, id: string, now: string) {
  return qc.selectFrom('sessions').select('sessions.id').where('sessions.id', '=', id).where('sessions.expires_at', '>', now);
}

/// Whether the session with id `id` is alive at `now` (an ISO time).
export async function sessionIsLive(kysely: Kysely<Database>, id: string, now: string): Promise<boolean> {
  return (await liveSessionRow(kysely, id, now).executeTakeFirst()) !== undefined;
}

export interface StoredSession {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export async function insertSession(db: Db, session: StoredSession): Promise<void> {
  await db.kysely
    .insertInto('sessions')
    .values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt, last_seen_at: session.lastSeenAt })
    .execute();
}

/// The live session with this id and its user, or null when it is unknown or expired at `now`.
export async function findLiveSession(db: Db, id: string, now: Date): Promise<{ session: StoredSession; user: User } | null> {
  // Every request of a signed-in user asks this: compiled once, sent by name (preparedStatements.ts).
  const query = hotStatement(db.dialect, 'findLiveSession', { id, now: now.toISOString() }, liveSession(db));
  const row = (await db.kysely.executeQuery(query)).rows[0];
  if (!row) return null;
  return {
    session: { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at },
    user: toUser({ id: row.user_id, name: row.name, display_name: row.display_name, role: row.role, created_at: row.user_created_at, must_change_password: row.must_change_password }),
  };
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.kysely.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
}

/// Forgets every session that expired before `now`.
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
