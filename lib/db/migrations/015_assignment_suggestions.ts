// 015_assignment_suggestions: whether an assignment's students are offered the signposts'
// suggested units (lib/signposts). On by default; an instructor turns them off when they would
// give the answer away (`assignments.suggestions` 0).

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('assignments')
    .addColumn('suggestions', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assignments').dropColumn('suggestions').execute();
}
