import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '@/lib/tokens/kuromoji';
import { canonicalize } from '@/lib/text';
import { findSignposts } from './match';
import { suggestUnits } from './suggest';
import { scoreSuggestions } from './evaluate';
import { SIGNPOSTS } from './lexicon';

const suggest = async (text: string) => {
  const tokens = await tokenize(text);
  return { tokens, suggestions: suggestUnits(text, tokens), quote: (s: { start: number; end: number }) => text.slice(s.start, s.end) };
};

describe('signposts', () => {
  it('match whole morphemes only: だが opening a sentence, not the だ+が inside one', async () => {
    const text = '彼は学生だが、よく働く。だが、それは例外である。';
    const { matches } = findSignposts(text, await tokenize(text));
    expect(matches.filter((m) => m.role === 'contrast').map((m) => [m.cue, m.start])).toEqual([['だが', 12]]);
  });

  it('match openers after brackets and white space, and closers before the terminator and 」', async () => {
    const text = '　「例えば、犬である。」\n彼はそう言ったと思われる。';
    const { matches } = findSignposts(text, await tokenize(text));
    expect(matches.map((m) => [m.role, m.cue])).toEqual([
      ['example', '例えば'],
      ['stance', 'と思われる'],
    ]);
  });

  it('an example supports the claim before it', async () => {
    const { suggestions, quote } = await suggest('制裁は効果がないと考える。例えば、輸出は増えている。');
    expect(suggestions.map((s) => [s.label, quote(s)])).toEqual([
      ['claim', '制裁は効果がないと考える。'],
      ['evidence', '例えば、輸出は増えている。'],
    ]);
    expect(suggestions[1].relation).toEqual({ type: 'support', to: 0 });
  });

  it('a concession splits at its が、 into a counterargument and the rebuttal attacking it', async () => {
    const { suggestions, quote } = await suggest('確かに制裁は痛手だが、ロシアは別の市場を見つけた。');
    expect(suggestions.map((s) => [s.label, quote(s)])).toEqual([
      ['counterargument', '確かに制裁は痛手だが、'],
      ['rebuttal', 'ロシアは別の市場を見つけた。'],
    ]);
    expect(suggestions[1].relation).toEqual({ type: 'attack', to: 0 });
  });

  it('a contrast answers the counterargument just before it', async () => {
    const { suggestions } = await suggest('影響力は低下したと見る向きも多い。しかし、停戦を仲介したのはロシアである。');
    expect(suggestions.map((s) => s.label)).toEqual(['counterargument', 'rebuttal']);
    expect(suggestions[1].relation).toEqual({ type: 'attack', to: 0 });
  });

  it('a row of 第一に… supports the claim it follows; a conclusion gathers unlinked evidence', async () => {
    const { suggestions } = await suggest(
      'ロシアは介入しないだろう。何故なら、第一に、リスクが大きい。第二に、見限っている。以上のことから、黙認している。第一に、雨が降った。第二に、風が吹いた。したがって、中止した。',
    );
    expect(suggestions.map((s) => s.label)).toEqual(['claim', 'evidence', 'evidence', 'claim', 'evidence', 'evidence', 'claim']);
    expect(suggestions.slice(1, 3).map((s) => s.relation)).toEqual([
      { type: 'support', to: 0 },
      { type: 'support', to: 0 },
    ]);
    // The second row starts under the claim 以上のことから… (index 3), so it supports that one.
    expect(suggestions.slice(4, 6).map((s) => s.relation?.to)).toEqual([3, 3]);
  });

  it('a bare また adds nothing outside a row of reasons', async () => {
    const { suggestions } = await suggest('また、会議は東京で開かれた。');
    expect(suggestions).toEqual([]);
  });

  it('suggest nothing for texts without signposts, punctuation or kanji, and for empty text', async () => {
    for (const text of ['', 'ロシアノガイコウハフクザツ', 'きょうはいいてんきでした', '\n\n　']) {
      expect((await suggest(text)).suggestions).toEqual([]);
    }
  });

  it('suggest spans on token boundaries, in order, inside the text, on the corpus essay', async () => {
    const text = canonicalize(fs.readFileSync('corpus/russia-diplomacy-2020.source.txt', 'utf8')).text;
    const tokens = await tokenize(text);
    const suggestions = suggestUnits(text, tokens);
    const boundaries = new Set(tokens.flatMap((t) => [t.start, t.end]));
    expect(suggestions.length).toBeGreaterThan(10);
    suggestions.forEach((s, i) => {
      expect(boundaries.has(s.start) && boundaries.has(s.end) && s.start < s.end).toBe(true);
      if (s.relation) expect(s.relation.to !== i && s.relation.to >= 0 && s.relation.to < suggestions.length).toBe(true);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(suggestions[i - 1].start);
    });
  });

  it('find every lexicon form, as kuromoji cuts it, in a sentence built around it; none listed twice', async () => {
    const keys = SIGNPOSTS.map((s) => `${s.at}:${s.form}`);
    expect(new Set(keys).size).toBe(keys.length);
    const missed: string[] = [];
    for (const s of SIGNPOSTS) {
      const text = s.at === 'open' ? `${s.form}、彼はそこに来た。` : `彼はそこに来た${s.form}。`;
      const { matches } = findSignposts(text, await tokenize(text));
      if (!matches.some((m) => m.at === s.at && m.role === s.role && m.cue === s.form)) missed.push(s.form);
    }
    expect(missed).toEqual([]);
  });
});

describe('scoreSuggestions', () => {
  // Ten one-character tokens: 0..10.
  const tokens = Array.from({ length: 10 }, (_, i) => ({ start: i, end: i + 1, surface: 'あ' }));
  it('counts a unit found when half of the suggestion lies inside it, labelled when labels agree', () => {
    const units = [
      { start: 0, end: 4, label: 'claim' },
      { start: 6, end: 10, label: 'evidence' },
    ];
    const suggestions = [
      { start: 2, end: 6, label: 'claim' as const }, // 2 of 4 tokens in unit 1: found, labelled
      { start: 5, end: 8, label: 'claim' as const }, // 2 of 3 in unit 2: found, wrong label
      { start: 4, end: 6, label: 'evidence' as const }, // 0 of 2: not found
    ];
    expect(scoreSuggestions(suggestions, units, tokens)).toEqual({
      suggestions: 3,
      units: 2,
      precision: { span: 2 / 3, labelled: 1 / 3 },
      recall: { span: 1, labelled: 0.5 },
    });
  });
});
