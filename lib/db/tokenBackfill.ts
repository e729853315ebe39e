// Conjugation for stored tokens (lib/tokens/backfill.ts): re-tokenizes the documents whose stored
// tokens lack it and stores the new tokens — both columns, in one UPDATE — only when their
// boundaries are the stored ones; a document whose boundaries would change keeps its tokens and
// is reported. Off the request path: the CLI (`tokens --backfill`) runs it, with the tokenizer
// it is given (a page view never loads the dictionary). One document at a time: a big text's
// tokens are megabytes of JSON. Idempotent: a backfilled document no longer lacks conjugation.
import type { Db } from './connect';
import type { Token } from '@/lib/tokens/types';
import { firstBoundaryDifference, lacksConjugation } from '@/lib/tokens/backfill';
import { packTokens, type PackedTokens } from '@/lib/tokens/wire';
import { assertTokensCoverText } from '@/lib/tokens/fromKuromoji';

export interface BackfillReport {
  /// Documents whose tokens now carry conjugation.
  filled: string[];
  /// Documents that kept their old tokens: re-tokenizing moved a boundary (the first at `token`).
  kept: Array<{ id: string; token: number }>;
  /// Documents that needed nothing.
  complete: number;
}

export async function backfillConjugation(db: Db, tokenize: (text: string) => Promise<Token[]>): Promise<BackfillReport> {
  const report: BackfillReport = { filled: [], kept: [], complete: 0 };
  const ids = await db.kysely.selectFrom('documents').select('id').orderBy('id').execute();
  for (const { id } of ids) {
    const row = await db.kysely.selectFrom('documents').select(['canonical_text', 'sha256', 'tokens_packed']).where('id', '=', id).executeTakeFirst();
    if (!row) continue; // deleted meanwhile
    const packed = JSON.parse(row.tokens_packed) as PackedTokens;
    if (!lacksConjugation(packed)) {
      report.complete++;
      continue;
    }
    const tokens = await tokenize(row.canonical_text);
    assertTokensCoverText(row.canonical_text, tokens);
    const moved = firstBoundaryDifference(packed.len, tokens.map((t) => t.end - t.start));
    if (moved !== null) {
      report.kept.push({ id, token: moved });
      continue;
    }
    // Only over the text it was tokenized from (a document's text never changes; the check is
    // the guard that it did not).
    await db.kysely
      .updateTable('documents')
      .set({ tokens_json: JSON.stringify(tokens), tokens_packed: JSON.stringify(packTokens(tokens)) })
      .where('id', '=', id)
      .where('sha256', '=', row.sha256)
      .execute();
    report.filled.push(id);
  }
  return report;
}
