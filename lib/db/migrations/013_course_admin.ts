// 013_course_admin: what instructors need to run a course without an admin, and notifications.
//
// - courses.archived_at: set when an instructor archives the course (read-only from then on,
//   still readable and exportable; lib/db/courses.ts CourseArchivedError). NULL = active.
// - courses.join_disabled: 1 when the instructors switched the join code off (joining by it
//   answers as for an unknown code); regenerating a code switches it on again.
// - users.must_change_password: 1 for accounts made from a roster with a one-time password
//   (lib/auth/oneTimePassword.ts): they may do nothing but choose their own password.
// - notifications: one row per recipient and event (lib/db/notifications.ts owns the kinds):
//   who did what (actor), about which map / comment / assignment, and when it was read.
//   Deleting the recipient deletes them; a deleted actor, map, comment or assignment leaves the
//   notification with that link empty.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('courses').addColumn('archived_at', 'text').execute();
  await db.schema.alterTable('courses').addColumn('join_disabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('map_id', 'text', (c) => c.references('argument_maps.id').onDelete('set null'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('comment_id', 'text', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('assignment_id', 'text', (c) => c.references('assignments.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addCheckConstraint('notifications_kind_check', sql`kind in ('comment', 'reply', 'submitted', 'returned')`)
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_unread_idx').on('notifications').columns(['user_id', 'read_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  await db.schema.alterTable('courses').dropColumn('join_disabled').execute();
  await db.schema.alterTable('courses').dropColumn('archived_at').execute();
}
