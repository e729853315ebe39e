// Users. Solo use runs as one built-in user, "local" (role 'local'); accounts with roles
// student / instructor / admin come later and live in the same table.
//
// Invariants: user names are unique; the local user has the fixed id "local" so that maps
// made before accounts existed can be reassigned later by a plain UPDATE. The User returned
// here never carries the password hash: it is plain data meant to reach pages as props.

import type { Db } from './connect';
import { DbError } from './errors';

export type UserRole = 'student' | 'instructor' | 'admin' | 'local';

export interface User {
  id: string;
  name: string;
  displayName: string;
  role: UserRole;
  createdAt: string;
  /// A roster account still on its one-time password: it must choose its own before anything else.
  mustChangePassword: boolean;
}

export const LOCAL_USER_ID = 'local';

/// Returns the local user, creating it on first use. Idempotent and race-safe: concurrent
/// callers (two requests, or the app and the CLI) all get the same single row, because the
/// insert yields to an existing row instead of failing.
export async function ensureLocalUser(db: Db): Promise<User> {
  await db.kysely
    .insertInto('users')
    .values({
      id: LOCAL_USER_ID,
      name: 'local',
      display_name: 'ローカルユーザー',
      role: 'local',
      password_hash: null,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const user = await getUser(db, LOCAL_USER_ID);
  if (!user) {
    // Only possible when some other user already took the name "local".
    throw new DbError('cannot create the local user: the user name "local" is taken by another account');
  }
  return user;
}

export async function getUser(db: Db, id: string): Promise<User | null> {
  const row = await db.kysely
    .selectFrom('users')
    .select(['id', 'name', 'display_name', 'role', 'created_at', 'must_change_password'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/// A users row (the columns every reader selects) as plain data.
export function toUser(row: { id: string; name: string; display_name: string; role: UserRole; created_at: string; must_change_password: number | string }): User {
  return { id: row.id, name: row.name, displayName: row.display_name, role: row.role, createdAt: row.created_at, mustChangePassword: Number(row.must_change_password) === 1 };
}
