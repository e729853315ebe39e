// 002_applied_batches: remembers which client batches of operations each map has applied, so
// that a batch re-sent after a lost acknowledgement (a reload, a dropped connection, a server
// killed after commit) is answered as done instead of being applied twice.

import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applied_batches')
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('applied_batches_pk', ['map_id', 'batch_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('applied_batches').execute();
}
