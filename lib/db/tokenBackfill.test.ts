// The conjugation backfill on both databases: documents stored before conjugation was kept get
// it from the real tokenizer, boundaries unchanged; a document whose boundaries would move keeps
// its tokens and is reported; documents that have it are not re-tokenized; a second run does
// nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Db } from './connect';
import { createDocument, getDocument, getDocumentWire } from './documents';
import { backfillConjugation } from './tokenBackfill';
import { canonicalize } from '@/lib/text/canonicalize';
import { loadTokenizer, tokenizeWith, type KuromojiTokenizer } from '@/lib/tokens/kuromoji';
import { lacksConjugation, firstBoundaryDifference } from '@/lib/tokens/backfill';
import { packTokens, type PackedTokens } from '@/lib/tokens/wire';
import type { Token } from '@/lib/tokens/types';
import { testBackends, useTestDb } from './test-support';

let tokenizer: KuromojiTokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

/// Tokens as they were stored before conjugation was kept.
const withoutConjugation = (tokens: Token[]): Token[] => tokens.map(({ conjugation: _dropped, ...t }) => t);

async function store(db: Db, text: string, tokens: (fresh: Token[]) => Token[]): Promise<string> {
  const canonical = canonicalize(text, { reflow: 'off' });
  return createDocument(db, { title: text.slice(0, 10), language: 'ja', sourceText: text, reflow: 'off', canonical, tokens: tokens(tokenizeWith(tokenizer, canonical.text)) });
}

const packedOf = async (db: Db, id: string) => JSON.parse((await getDocumentWire(db, id))!.packedTokens) as PackedTokens;

describe('lacksConjugation and firstBoundaryDifference', () => {
  it('fresh tokens never lack conjugation; tokens stored without it do', () => {
    const tokens = tokenizeWith(tokenizer, '影響は多かった。条約が成立した。読みやすい本を読んでいる。');
    expect(lacksConjugation(packTokens(tokens))).toBe(false);
    expect(lacksConjugation(packTokens(withoutConjugation(tokens)))).toBe(true);
    // Nothing inflects: nothing lacks.
    expect(lacksConjugation(packTokens(tokenizeWith(tokenizer, 'ロシアの外交。')))).toBe(false);
    // Nor do the corpus texts, tokenized now: a backfilled document is not picked again.
    for (const id of ['russia-diplomacy-2020', 'smartphones-at-school']) {
      const text = canonicalize(readFileSync(`corpus/${id}.source.txt`, 'utf8'), { reflow: 'auto' }).text;
      expect(lacksConjugation(packTokens(tokenizeWith(tokenizer, text))), id).toBe(false);
    }
  });

  it('finds the first moved boundary', () => {
    expect(firstBoundaryDifference([2, 1, 3], [2, 1, 3])).toBeNull();
    expect(firstBoundaryDifference([2, 1, 3], [3, 3])).toBe(0);
    expect(firstBoundaryDifference([2, 1, 3], [2, 4])).toBe(1);
    expect(firstBoundaryDifference([2, 1], [2, 1, 3])).toBe(2);
  });
});

describe.each(testBackends())('backfillConjugation on $name', (backend) => {
  const handle = useTestDb(backend);
  let db: Db;
  beforeAll(() => {
    db = handle.db;
  });

  it('fills what lacks it, keeps what would move, leaves the rest, and is idempotent', async () => {
    const old = await store(db, '影響は多かった。条約が成立した。', withoutConjugation);
    const fresh = await store(db, '読みやすい本を読んでいる。', (t) => t);
    // Stored by another tokenization: 成立 and した as one token (a boundary that would move).
    const moved = await store(db, '条約が成立した。', (t) => {
      const i = t.findIndex((x) => x.surface === '成立');
      const merged = { ...t[i], end: t[i + 1].end, cpEnd: t[i + 1].cpEnd, surface: '成立し' };
      return withoutConjugation([...t.slice(0, i), merged, ...t.slice(i + 2)]);
    });
    const movedBefore = await getDocumentWire(db, moved);

    const asked: string[] = [];
    const tokenize = async (text: string) => {
      asked.push(text);
      return tokenizeWith(tokenizer, text);
    };
    const report = await backfillConjugation(db, tokenize);
    expect(report.filled).toEqual([old]);
    expect(report.kept).toEqual([{ id: moved, token: 2 }]);
    expect(report.complete).toBe(1);
    expect(asked).not.toContain('読みやすい本を読んでいる。'); // complete: not re-tokenized

    // The old document: both stored forms carry conjugation, on the same boundaries.
    const doc = (await getDocument(db, old))!;
    expect(doc.tokens).toEqual(tokenizeWith(tokenizer, doc.canonical.text));
    expect(doc.tokens.find((t) => t.surface === 'た')?.conjugation).toBe('特殊・タ,基本形');
    const packed = await packedOf(db, old);
    expect(lacksConjugation(packed)).toBe(false);
    expect(packed.len).toEqual(doc.tokens.map((t) => t.end - t.start));
    // The kept one: byte for byte what it was.
    expect(await getDocumentWire(db, moved)).toEqual(movedBefore);

    // Again: nothing to fill, the moved one reported again, nothing else tokenized.
    asked.length = 0;
    const again = await backfillConjugation(db, tokenize);
    expect(again.filled).toEqual([]);
    expect(again.kept.map((k) => k.id)).toEqual([moved]);
    expect(asked).toEqual(['条約が成立した。']);
  });
});
