import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalize } from '@/lib/text/canonicalize';
import { loadTokenizer, tokenizeWith, type KuromojiTokenizer } from './kuromoji';
import { phraseSizes, phraseStartTokens, phrasesOf } from './phrases';
import type { Token } from './types';

let tokenizer: KuromojiTokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

/// The text's phrases as strings, in order.
function phrases(text: string): string[] {
  const tokens = tokenizeWith(tokenizer, text);
  return phrasesOf(tokens, phraseSizes(tokens)).map((p) => text.slice(p.start, p.end));
}

describe('phraseSizes on hand-checked sentences', () => {
  // Sentences of corpus/russia-diplomacy-2020 (as the PDF gives them: spaces before numbers and
  // latin letters), phrased as a Japanese reader phrases them; then other prose and edge cases.
  it.each([
    ['ロシアの 2020年の外交を振り返ってみると、全体として限定的になった。', ['ロシアの ', '2020年の', '外交を', '振り返ってみると、', '全体として', '限定的に', 'なった。']],
    ['コロナ問題がロシアで深刻になる 3月末くらいまでは、', ['コロナ問題が', 'ロシアで', '深刻に', 'なる ', '3月末くらいまでは、']],
    ['だが、8月 11日にコロナ対策のワクチン「スプートニク V」を承認してからは、', ['だが、', '8月 11日に', 'コロナ対策の', 'ワクチン', '「スプートニク V」を', '承認してからは、']],
    ['野党指導者アレクセイ・ナヴァルヌイの暗殺未遂事件', ['野党指導者アレクセイ・ナヴァルヌイの', '暗殺未遂事件']],
    ['それがロシアの求心力低下によるものかどうかは、単純には結論づけられないと思われる。', ['それが', 'ロシアの', '求心力低下による', 'ものか', 'どうかは、', '単純には', '結論づけられないと', '思われる。']],
    ['アルマズベク・アタムバエフ前大統領を含む多数の政治犯を刑務所から解放した', ['アルマズベク・アタムバエフ', '前大統領を', '含む', '多数の', '政治犯を', '刑務所から', '解放した']],
    ['2020年、コロナ問題は世界を震撼させたが、', ['2020年、', 'コロナ問題は', '世界を', '震撼させたが、']],
    // the examples: the auxiliary stays with its verb or adjective
    ['影響は多かった。条約が成立した。', ['影響は', '多かった。', '条約が', '成立した。']],
    ['読みやすい本を読んでいる。', ['読みやすい', '本を', '読んでいる。']],
    ['外国語を勉強することができる。', ['外国語を', '勉強する', 'ことが', 'できる。']],
  ])('%s', (text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });
});

describe('phraseSizes on the second corpus text (corpus/smartphones-at-school)', () => {
  // Sentences of the model 意見文, phrased as a Japanese reader phrases them.
  it.each([
    ['中学校にスマートフォンを持ち込むことを認めるべきだろうか。', ['中学校に', 'スマートフォンを', '持ち込む', 'ことを', '認めるべきだろうか。']],
    ['例えば、2011年3月11日の東日本大震災では、電話がつながりにくい中で、', ['例えば、', '2011年3月11日の', '東日本大震災では、', '電話が', 'つながりにくい', '中で、']],
    [
      '例えば、私たちの学級で2026年6月12日に行ったアンケートでは、32人のうち27人が「SNSで困ったことがあっても、誰に相談すればよいか分からない」と答えた。',
      ['例えば、', '私たちの', '学級で', '2026年6月12日に', '行った', 'アンケートでは、', '32人の', 'うち', '27人が', '「SNSで', '困った', 'ことが', 'あっても、', '誰に', '相談すればよいか', '分からない」と', '答えた。'],
    ],
    ['確かに、持ち込みを認めると授業中に画面を見てしまう生徒が出たり、', ['確かに、', '持ち込みを', '認めると', '授業中に', '画面を', '見てしまう', '生徒が', '出たり、']],
    ['しかし、これらは持ち込みそのものではなく、使い方の問題である。', ['しかし、', 'これらは', '持ち込みそのものではなく、', '使い方の', '問題である。']],
    [
      '「スマホ5か条」の案には、「授業中は電源OFF」「撮影の前に必ず相手に聞く」といった項目が並び、',
      ['「スマホ5か条」の', '案には、', '「授業中は', '電源OFF」', '「撮影の', '前に', '必ず', '相手に', '聞く」といった', '項目が', '並び、'],
    ],
    ['もちろん、学校にはタブレット端末もあるが、一人一台の端末は校内のWi-Fiでしか使えず、', ['もちろん、', '学校には', 'タブレット端末も', 'あるが、', '一人一台の', '端末は', '校内の', 'Wi-Fiでしか', '使えず、']],
    ['だから私は、生徒がルールを作り、守ることを条件として、', ['だから', '私は、', '生徒が', 'ルールを', '作り、', '守る', 'ことを', '条件として、']],
  ])('%s', (text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });
});

describe('phraseSizes on edge cases', () => {
  it.each([
    ['numbers with 年/月/日', '2021年 10月 10日に実施された。', ['2021年 10月 10日に', '実施された。']],
    ['katakana compounds', 'サイバー攻撃とフェイクニュースの拡散', ['サイバー攻撃と', 'フェイクニュースの', '拡散']],
    ['「」 quotes', '「ハイブリッド戦争である」として警戒した。', ['「ハイブリッド戦争である」として', '警戒した。']],
    ['a quote ending a sentence', '彼は「行く。」と言った。', ['彼は', '「行く。」', 'と', '言った。']],
    ['half-width text', 'ABCとabc123は半角です。', ['ABCと', 'abc123は', '半角です。']],
    ['English words keep apart', 'Hello world', ['Hello ', 'world']],
    ['half-width katakana', 'ｶﾀｶﾅﾃｷｽﾄで書いてみました。', ['ｶﾀｶﾅﾃｷｽﾄで', '書いてみました。']],
    ['no kanji', 'きょうはいいてんきですね。', ['きょうは', 'いい', 'てんきですね。']],
    ['all katakana', 'ロシアトウクライナノカンケイ', ['ロシアトウクライナノカンケイ']],
    ['no punctuation', '私は学校へ行く友達と話した', ['私は', '学校へ', '行く', '友達と', '話した']],
    ['unknown words', 'ﾅｳﾞｧﾙﾇｲ氏がモスクワで𠮷野家に行った', ['ﾅｳﾞｧﾙﾇｲ氏が', 'モスクワで', '𠮷野家に', '行った']],
    ['paragraphs', '外交。\n\n内政は', ['外交。\n\n', '内政は']],
    ['a line break without 。', '見出し\n本文です', ['見出し\n', '本文です']],
    ['leading and trailing space', ' 外交 ', [' ', '外交 ']],
    ['empty', '', []],
  ])('%s', (_name, text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });
});

describe('phraseSizes invariants', () => {
  const essay = canonicalize(readFileSync('corpus/russia-diplomacy-2020.source.txt', 'utf8'), { reflow: 'auto' }).text;
  let tokens: Token[];
  beforeAll(() => {
    tokens = tokenizeWith(tokenizer, essay);
  });

  it('covers the essay contiguously, phrase boundaries on token boundaries', () => {
    const sizes = phraseSizes(tokens);
    expect(sizes.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(tokens.length);
    const ps = phrasesOf(tokens, sizes);
    expect(ps[0].start).toBe(0);
    expect(ps[ps.length - 1].end).toBe(essay.length);
    expect(ps[ps.length - 1].cpEnd).toBe([...essay].length);
    for (let i = 1; i < ps.length; i++) {
      expect(ps[i].start).toBe(ps[i - 1].end);
      expect(ps[i].cpStart).toBe(ps[i - 1].cpEnd);
    }
    // Fewer phrases than morphemes, but not a handful of huge ones.
    expect(ps.length).toBeLessThan(tokens.length * 0.6);
    expect(Math.max(...sizes)).toBeLessThan(20);
  });

  it('never runs a phrase across a paragraph break or past 。', () => {
    const ps = phrasesOf(tokens, phraseSizes(tokens));
    for (const p of ps) {
      const inner = essay.slice(p.start, p.end).replace(/[。\n」』）]+$/, '');
      expect(inner).not.toMatch(/[。\n]/);
    }
  });

  it('a 100,000-character text: one pass, phrases contiguous, none across a sentence', () => {
    // The essay's sentences (and a no-kanji, an all-katakana and an unpunctuated line) repeated
    // to 100,000 characters; what is checked is coverage, not time (bench/ for that).
    const lines = [essay, 'きょうはいいてんきですね。', 'ロシアトウクライナノカンケイ', '私は学校へ行く友達と話した'];
    let big = '';
    for (let i = 0; big.length < 100_000; i++) big += `${lines[i % lines.length]}\n`;
    big = big.slice(0, 100_000);
    const bigTokens = tokenizeWith(tokenizer, big);
    const sizes = phraseSizes(bigTokens);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(bigTokens.length);
    const ps = phrasesOf(bigTokens, sizes);
    expect(ps[0].start).toBe(0);
    expect(ps[ps.length - 1].end).toBe(100_000);
    for (let i = 1; i < ps.length; i++) expect(ps[i].start).toBe(ps[i - 1].end);
    for (const p of ps) expect(big.slice(p.start, p.end).replace(/[。\n」』）]+$/, '')).not.toMatch(/[。\n]/);
    expect(Math.max(...sizes)).toBeLessThan(40);
  });

  it('phraseStartTokens gives the boundaries as token indices', () => {
    expect(phraseStartTokens([2, 1, 3])).toEqual([0, 2, 3, 6]);
    expect(phraseStartTokens([])).toEqual([0]);
  });

  it('phrasesOf refuses sizes that do not fit the tokens', () => {
    const few = tokenizeWith(tokenizer, '外交を');
    expect(() => phrasesOf(few, [1])).toThrow(/cover 1 of 2/);
    expect(() => phrasesOf(few, [3])).toThrow();
  });
});
