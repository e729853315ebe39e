// 007_batch_hash: each applied batch remembers a hash of its operations, so that a batch id
// sent again with other operations is refused instead of answered "already applied" while its
// operations are dropped. Rows from before this migration have none and are taken on trust.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applied_batches').addColumn('content_hash', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applied_batches').dropColumn('content_hash').execute();
}
