// 011_tokens_packed: each document's tokens also in their packed form (lib/tokens/wire.ts), so
// that a page of a big text is served without parsing the tokens' full JSON (28 MB for a 1 MiB
// text: 1.3 s of one request's CPU). Existing rows are filled here; createDocument writes both.

import type { Kysely } from 'kysely';
import { packTokens } from '@/lib/tokens/wire';
import type { Token } from '@/lib/tokens/types';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('tokens_packed', 'text').execute();
  const ids = await db.selectFrom('documents').select('id').execute();
  // One document at a time: a big text's tokens are tens of megabytes of JSON.
  for (const { id } of ids) {
    const row = await db.selectFrom('documents').select('tokens_json').where('id', '=', id).executeTakeFirstOrThrow();
    const packed = JSON.stringify(packTokens(JSON.parse(row.tokens_json) as Token[]));
    await db.updateTable('documents').set({ tokens_packed: packed }).where('id', '=', id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').dropColumn('tokens_packed').execute();
}
