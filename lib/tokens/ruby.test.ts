import { beforeAll, describe, expect, it } from 'vitest';
import { JOYO_SECONDARY, KYOIKU } from './kanjiGrades';
import { BEYOND_JOYO, kanjiGrade, rubiesOf, tokenRuby } from './ruby';
import { loadTokenizer, tokenizeWith, type KuromojiTokenizer } from './kuromoji';
import { packTokens } from './wire';

describe('kanjiGrades (学年別漢字配当表 2020, 常用漢字表 2010)', () => {
  it('has the published counts, and no kanji twice', () => {
    expect(KYOIKU.map((g) => [...g].length)).toEqual([80, 160, 200, 202, 193, 191]);
    expect([...JOYO_SECONDARY].length).toBe(1110);
    const all = [...KYOIKU.join(''), ...JOYO_SECONDARY];
    expect(new Set(all).size).toBe(2136);
    expect(all.every((k) => /^\p{Script=Han}$/u.test(k))).toBe(true);
  });

  it.each([
    ['一', 1], ['外', 2], ['交', 2], ['問', 3], ['題', 3], ['岡', 4], ['城', 4], ['賞', 5], ['胃', 6], ['論', 6],
    ['震', 7], ['撼', BEYOND_JOYO], ['諜', BEYOND_JOYO],
  ])('%s is taught in grade %i', (kanji, grade) => {
    expect(kanjiGrade(kanji)).toBe(grade);
  });
});

describe('tokenRuby', () => {
  it.each([
    ['外交', 'がいこう', 0, { start: 0, end: 2, reading: 'がいこう', grade: 2 }],
    // okurigana keep no ruby
    ['振り返っ', 'ふりかえっ', 10, { start: 10, end: 13, reading: 'ふりかえ', grade: 7 }],
    ['多かっ', 'おおかっ', 0, { start: 0, end: 1, reading: 'おお', grade: 2 }],
    // a kana prefix neither
    ['お茶', 'おちゃ', 0, { start: 1, end: 2, reading: 'ちゃ', grade: 2 }],
    ['震撼', 'しんかん', 0, { start: 0, end: 2, reading: 'しんかん', grade: BEYOND_JOYO }],
    ['人々', 'ひとびと', 0, { start: 0, end: 2, reading: 'ひとびと', grade: 1 }],
    ['𠮷野家', 'よしのや', 0, { start: 0, end: 4, reading: 'よしのや', grade: BEYOND_JOYO }],
  ])('%s (%s)', (surface, reading, at, expected) => {
    expect(tokenRuby(surface, reading, at)).toEqual(expected);
  });

  it.each([
    ['no kanji', 'ロシア', 'ろしあ'],
    ['no reading (an unknown word)', '諜報', ''],
    ['a number', '2020', '2020'],
  ])('gives none for %s', (_name, surface, reading) => {
    expect(tokenRuby(surface, reading, 0)).toBeNull();
  });
});

describe('rubiesOf', () => {
  let tokenizer: KuromojiTokenizer;
  beforeAll(async () => {
    tokenizer = await loadTokenizer();
  });

  it('gives each kanji word its reading from the packed tokens, in text order, within the text', () => {
    const text = 'ロシアの外交を振り返ってみると、影響は多かった。';
    const rubies = rubiesOf(text, packTokens(tokenizeWith(tokenizer, text)));
    expect(rubies.map((r) => [text.slice(r.start, r.end), r.reading])).toEqual([
      ['外交', 'がいこう'],
      ['振り返', 'ふりかえ'],
      ['影響', 'えいきょう'],
      ['多', 'おお'],
    ]);
  });

  it('gives none for a text without kanji', () => {
    const text = 'ひらがなとカタカナだけ。';
    expect(rubiesOf(text, packTokens(tokenizeWith(tokenizer, text)))).toEqual([]);
  });
});
