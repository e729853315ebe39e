// The grammar term table against kuromoji on the corpus: every part of speech, detail,
// conjugation type and conjugation form that kuromoji gives on any corpus text has an English
// term, so the English UI never shows a Japanese grammar term alone; and describeGrammar splits
// a stored token's fields into terms, keeping unknown values in Japanese.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '@/lib/text';
import type { Reflow } from '@/lib/text/types';
import { tokenize } from './kuromoji';
import { describeGrammar, grammarTerm, type GrammarTermKind } from './grammarTerms';
import type { Token } from './types';

const corpusDir = path.join(process.cwd(), 'corpus');
const corpusTexts = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.meta.json'));
const seen: Record<GrammarTermKind, Set<string>> = { pos: new Set(), posDetail: new Set(), conjugationType: new Set(), conjugationForm: new Set() };

beforeAll(async () => {
  for (const metaFile of corpusTexts) {
    const meta = JSON.parse(fs.readFileSync(path.join(corpusDir, metaFile), 'utf8')) as { source: string; reflow?: Reflow };
    const text = canonicalize(fs.readFileSync(path.join(corpusDir, meta.source), 'utf8'), { reflow: meta.reflow ?? 'auto' }).text;
    const tokens: Token[] = await tokenize(text);
    for (const t of tokens) {
      seen.pos.add(t.pos);
      for (const d of t.posDetail ? t.posDetail.split(',') : []) seen.posDetail.add(d);
      const [type, form] = (t.conjugation ?? '').split(',');
      if (type) seen.conjugationType.add(type);
      if (form) seen.conjugationForm.add(form);
    }
  }
});

describe('grammar terms', () => {
  it('the corpus is what the test means: texts tokenized, with inflecting words', () => {
    expect(corpusTexts.length).toBeGreaterThanOrEqual(1);
    expect(seen.conjugationForm.has('連用形')).toBe(true);
    expect(seen.pos.has('助動詞')).toBe(true);
  });

  it.each(['pos', 'posDetail', 'conjugationType', 'conjugationForm'] as const)('every %s kuromoji gives on the corpus has an English term', (kind) => {
    const missing = [...seen[kind]].filter((ja) => grammarTerm(kind, ja).en === null);
    expect(missing).toEqual([]);
  });

  it.each([
    ['名詞', 'pos', 'noun'],
    ['助動詞', 'pos', 'auxiliary verb'],
    ['連用形', 'conjugationForm', 'continuative form'],
    ['五段・ラ行', 'conjugationType', 'godan verb, r-row'],
    ['下二・タ行', 'conjugationType', 'lower bigrade verb (classical), t-row'],
    ['固有名詞', 'posDetail', 'proper noun'],
  ] as const)('%s (%s) is "%s"', (ja, kind, en) => {
    expect(grammarTerm(kind, ja)).toEqual({ ja, en });
  });

  it('describeGrammar splits a token’s fields, and keeps a value the table lacks in Japanese', () => {
    expect(describeGrammar({ pos: '動詞', posDetail: '自立', conjugation: '五段・ラ行,連用タ接続' })).toEqual({
      pos: { ja: '動詞', en: 'verb' },
      details: [{ ja: '自立', en: 'independent' }],
      conjugation: [
        { ja: '五段・ラ行', en: 'godan verb, r-row' },
        { ja: '連用タ接続', en: 'continuative form (before た)' },
      ],
    });
    expect(describeGrammar({ pos: '謎', posDetail: '' })).toEqual({ pos: { ja: '謎', en: null }, details: [], conjugation: [] });
  });
});
