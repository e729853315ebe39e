// 003_accounts: what classroom mode's accounts need besides the users table of 001 (which
// already has name, display_name, role and password_hash).
//
// - sessions: server-side sessions. The id is the sha256 (hex) of the random token in the
//   cookie, so a leaked database does not hand out live sessions. Deleting a user ends them.
// - login_attempts: failed (and in-flight) sign-ins, one row per rate-limit key
//   ('name:<user name>' or 'client:<client key>'), pruned once outside the window.
// - account_claims: one-off claims, keyed by slot. The slot 'first_admin' is taken, by primary
//   key, by the first non-local account: that is what makes "the first account becomes admin"
//   race-safe on both databases. No foreign key: deleting that account must not reopen the slot.
// - users_name_lower_key: user names are unique regardless of case (lib/auth stores them in
//   lower case; the index makes that true even for a writer that forgets).

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_at_idx').on('login_attempts').columns(['key', 'at']).execute();
  await db.schema.createIndex('login_attempts_at_idx').on('login_attempts').column('at').execute();

  await db.schema
    .createTable('account_claims')
    .addColumn('slot', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // A database that somehow has accounts already has had its first account.
  await sql`
    insert into account_claims (slot, user_id, created_at)
    select 'first_admin', id, created_at from users where role <> 'local' order by created_at, id limit 1
  `.execute(db);

  await db.schema.createIndex('users_name_lower_key').on('users').unique().expression(sql`lower(name)`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_name_lower_key').execute();
  for (const table of ['account_claims', 'login_attempts', 'sessions']) {
    await db.schema.dropTable(table).execute();
  }
}
