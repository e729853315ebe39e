// 014_phrases: the phrases (文節, lib/tokens/phrases.ts) of documents stored before they existed,
// added to their packed tokens. New documents get them when their tokens are packed
// (createDocument → packTokens), so that no page view computes phrases; this fills in the rest
// once, here, rather than lazily on a view. Rows that have them already (packed by 011 with the
// current packTokens) are left alone.

import type { Kysely } from 'kysely';
import { encodeLengths } from '@/lib/tokens/lengths';
import { phraseSizes } from '@/lib/tokens/phrases';
import { unpackTokens, type PackedTokens } from '@/lib/tokens/wire';

export async function up(db: Kysely<any>): Promise<void> {
  const ids = await db.selectFrom('documents').select('id').execute();
  // One document at a time: a big text's packed tokens are megabytes of JSON.
  for (const { id } of ids) {
    const row = await db.selectFrom('documents').select(['canonical_text', 'tokens_packed']).where('id', '=', id).executeTakeFirstOrThrow();
    const packed = JSON.parse(row.tokens_packed) as Omit<PackedTokens, 'phrases'> & { phrases?: string };
    if (typeof packed.phrases === 'string') continue;
    const tokens = unpackTokens(row.canonical_text, { ...packed, phrases: '' });
    const withPhrases: PackedTokens = { ...packed, phrases: encodeLengths(phraseSizes(tokens)) };
    await db.updateTable('documents').set({ tokens_packed: JSON.stringify(withPhrases) }).where('id', '=', id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const ids = await db.selectFrom('documents').select('id').execute();
  for (const { id } of ids) {
    const row = await db.selectFrom('documents').select('tokens_packed').where('id', '=', id).executeTakeFirstOrThrow();
    const { phrases: _dropped, ...packed } = JSON.parse(row.tokens_packed) as PackedTokens;
    await db.updateTable('documents').set({ tokens_packed: JSON.stringify(packed) }).where('id', '=', id).execute();
  }
}
