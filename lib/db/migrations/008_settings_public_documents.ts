// 008_settings_public_documents: server settings an admin changes at run time, and documents an
// admin shows to every signed-in user.
// - `settings`: one row per setting (key → value text); a missing row means the default
//   (lib/db/settings.ts owns the keys and their values).
// - `documents.public`: 1 when an admin marks the text public; students otherwise see only the
//   texts of their courses' assignments (lib/db/documents.ts documentVisibleTo).

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('documents')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').dropColumn('public').execute();
  await db.schema.dropTable('settings').execute();
}
