// Accounts (classroom mode): rows of the users table that have a password, and their roles.
// The rules about names, passwords and who may change roles live in lib/auth; this module only
// stores and reads, and guarantees the one storage-level rule:
//
// Invariant: exactly one account — the first non-local one ever created — is made 'admin' at
// creation, even when sign-ups race. The 'first_admin' slot of account_claims is claimed by
// primary key in the same transaction as the insert; whoever claims it is promoted.

import { randomUUID } from 'node:crypto';
import type { Db } from './connect';
import { constraintViolation } from './errors';
import { getUser, toUser, type User, type UserRole } from './users';

export type AccountRole = Exclude<UserRole, 'local'>;

export interface NewAccount {
  /// Already normalized (lower case) and validated by the caller.
  name: string;
  displayName: string;
  passwordHash: string;
}

/// Creates the account; the first one on the server becomes 'admin', later ones 'student'.
/// Returns null when the name is taken (case-insensitively).
export async function insertAccount(db: Db, input: NewAccount, now = new Date()): Promise<User | null> {
  const id = randomUUID();
  const at = now.toISOString();
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({ id, name: input.name, display_name: input.displayName, role: 'student', password_hash: input.passwordHash, created_at: at })
        .execute();
      const claimed = await trx
        .insertInto('account_claims')
        .values({ slot: 'first_admin', user_id: id, created_at: at })
        .onConflict((oc) => oc.column('slot').doNothing())
        .returning('slot')
        .executeTakeFirst();
      if (claimed) await trx.updateTable('users').set({ role: 'admin' }).where('id', '=', id).execute();
    });
  } catch (e) {
    if (constraintViolation(e) === 'unique') return null;
    throw e;
  }
  return getUser(db, id);
}

/// The account with this (normalized) name and its password hash; null for unknown names and
/// for users without a password (the local user cannot sign in).
export async function findCredentials(db: Db, name: string): Promise<{ user: User; passwordHash: string } | null> {
  const row = await db.kysely
    .selectFrom('users')
    .select(['id', 'name', 'display_name', 'role', 'created_at', 'must_change_password', 'password_hash'])
    .where('name', '=', name)
    .where('role', '<>', 'local')
    .executeTakeFirst();
  if (!row || row.password_hash === null) return null;
  return { user: toUser(row), passwordHash: row.password_hash };
}

/// Every account (not the local user), oldest first: the admin page's list.
export async function listAccounts(db: Db): Promise<User[]> {
  const rows = await db.kysely
    .selectFrom('users')
    .select(['id', 'name', 'display_name', 'role', 'created_at', 'must_change_password'])
    .where('role', '<>', 'local')
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  return rows.map(toUser);
}

export type RoleChange = { ok: true; user: User } | { ok: false; reason: 'not-found' | 'last-admin' };

/// Sets a (non-local) user's role unless that would leave the server without an admin. Two
/// admins demoting each other at once cannot both succeed: the transaction first writes every
/// admin row (a no-op), which takes SQLite's write lock and PostgreSQL's row locks, so the second
/// waits and then counts the admins the first left.
export async function changeAccountRole(db: Db, userId: string, role: AccountRole): Promise<RoleChange> {
  const outcome = await db.kysely.transaction().execute(async (trx): Promise<'changed' | 'not-found' | 'last-admin'> => {
    await trx.updateTable('users').set({ role: 'admin' }).where('role', '=', 'admin').execute();
    const target = await trx.selectFrom('users').select('role').where('id', '=', userId).where('role', '<>', 'local').executeTakeFirst();
    if (!target) return 'not-found';
    if (target.role === 'admin' && role !== 'admin') {
      const admins = await trx.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) return 'last-admin';
    }
    await trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
    return 'changed';
  });
  if (outcome !== 'changed') return { ok: false, reason: outcome };
  const user = await getUser(db, userId);
  return user ? { ok: true, user } : { ok: false, reason: 'not-found' };
}

/// The account's password hash (null for the local user and unknown ids).
export async function passwordHashOf(db: Db, userId: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('users').select('password_hash').where('id', '=', userId).where('role', '<>', 'local').executeTakeFirst();
  return row?.password_hash ?? null;
}

/// Stores the password the user chose (its argon2id hash) and lifts the one-time-password
/// obligation. False for an unknown account.
export async function replacePassword(db: Db, userId: string, passwordHash: string): Promise<boolean> {
  const result = await db.kysely.updateTable('users').set({ password_hash: passwordHash, must_change_password: 0 }).where('id', '=', userId).where('role', '<>', 'local').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
