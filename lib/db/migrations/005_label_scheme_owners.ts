// 005_label_scheme_owners: who made a label scheme. Instructors define their own schemes
// (lib/db/label-schemes.ts createLabelScheme) and pick among theirs when they set an
// assignment; the seeded default scheme and schemes made before this migration have no owner
// (NULL) and are everyone's. Deleting a user is refused while they own a scheme (as while
// they own maps): a scheme in use by maps and assignments must not vanish with its author.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite allows ADD COLUMN … REFERENCES only for a column whose default is NULL: it is.
  await db.schema
    .alterTable('label_schemes')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('label_schemes_owner_idx').on('label_schemes').column('owner_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('label_schemes_owner_idx').execute();
  await db.schema.alterTable('label_schemes').dropColumn('owner_id').execute();
}
