import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';

import type { Token } from './types';
import { codePointLength } from '@/lib/text/offsets';
import {
  assertTokensCoverText,
  toHiragana,
  tokensFromKuromoji,
  type KuromojiMorpheme,
} from './fromKuromoji';
import { loadTokenizer, tokenizeWith, type KuromojiTokenizer } from './kuromoji';

let tokenizer: KuromojiTokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

const tokenize = (text: string): Token[] => tokenizeWith(tokenizer, text);

/// The token invariants, checked independently of assertTokensCoverText. Plain comparisons
/// (one expect at the end) keep the 100,000-character case fast.
function coverageProblem(text: string, tokens: Token[]): string | null {
  if (tokens.map((t) => t.surface).join('') !== text) return 'surfaces do not concatenate to the text';
  const codePoints = [...text];
  let end = 0;
  let cpEnd = 0;
  for (const [i, t] of tokens.entries()) {
    const at = `token ${i} ${JSON.stringify(t)}`;
    if (t.start !== end || t.cpStart !== cpEnd) return `${at} is not contiguous (${end}, ${cpEnd})`;
    if (t.end <= t.start) return `${at} is empty`;
    if (text.slice(t.start, t.end) !== t.surface) return `${at}: text.slice differs`;
    if (codePoints.slice(t.cpStart, t.cpEnd).join('') !== t.surface) return `${at}: code-point slice differs`;
    end = t.end;
    cpEnd = t.cpEnd;
  }
  if (end !== text.length || cpEnd !== codePoints.length) return `tokens end at ${end}/${cpEnd}`;
  return null;
}

function expectCoverage(text: string, tokens: Token[]): void {
  expect(coverageProblem(text, tokens)).toBeNull();
}

function surfaces(text: string): string[] {
  return tokenize(text).map((t) => t.surface);
}

function morpheme(surface: string, pos = '名詞', extra: Partial<KuromojiMorpheme> = {}): KuromojiMorpheme {
  return {
    surface_form: surface,
    pos,
    pos_detail_1: '一般',
    pos_detail_2: '*',
    pos_detail_3: '*',
    basic_form: '*',
    ...extra,
  };
}

// Arbitraries. fast-check's 'binary' unit never yields lone surrogates, so they are added.
const loneSurrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD842');
const anyCodeUnitish = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
);
const japanesePieces = fc.constantFrom(
  '外交', 'ロシア', 'は', 'が', 'を', 'に', 'で', '食べた', '議論する', 'について', '新型コロナ',
  '。', '、', '「', '」', '（', '）', '・', 'ー', '2020', '年', '３月', 'ワクチン', 'スプートニクV',
  '\n', '\n\n', ' ', '　', '\t', '\r\n', '𠮷', '𩸽', '😀', '🇯🇵', '👍🏽', '👨‍👩‍👧', '❤️', '1️⃣',
  'か\u3099', 'e\u0301', 'ｶﾀｶﾅ', 'ｶﾞ', 'ABC', 'abc def', '\u0000', '\uD800', '\uDC00', '한국어',
);
const arbitraries: [string, fc.Arbitrary<string>][] = [
  ['any code points and lone surrogates', fc.string({ unit: anyCodeUnitish, maxLength: 80 })],
  ['graphemes (emoji sequences, combining marks)', fc.string({ unit: 'grapheme', maxLength: 60 })],
  ['ascii', fc.string({ unit: 'binary-ascii', maxLength: 120 })],
  ['japanese-heavy', fc.array(japanesePieces, { maxLength: 60 }).map((xs) => xs.join(''))],
  [
    'japanese mixed with anything',
    fc
      .array(fc.oneof(japanesePieces, fc.string({ unit: anyCodeUnitish, maxLength: 4 })), { maxLength: 50 })
      .map((xs) => xs.join('')),
  ],
];

describe('tokenize (real kuromoji) — properties', () => {
  for (const [name, arbitrary] of arbitraries) {
    it(`tokens cover the text exactly: ${name}`, () => {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const tokens = tokenize(text);
          expectCoverage(text, tokens);
          assertTokensCoverText(text, tokens);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('token boundaries never split a grapheme cluster', () => {
    const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
    fc.assert(
      fc.property(arbitraries[1][1], arbitraries[4][1], (a, b) => {
        const text = a + b;
        const graphemeStarts = new Set([...segmenter.segment(text)].map((s) => s.index));
        for (const t of tokenize(text)) expect(graphemeStarts.has(t.start)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('tokenize (real kuromoji) — cases', () => {
  const cases: [string, string][] = [
    ['non-BMP kanji', '𠮷野家で𩸽を食べた'],
    ['non-BMP run that kuromoji would truncate', '𠮷𩸽を食べた'],
    ['emoji, ZWJ sequence, flags, skin tone', '家族👨‍👩‍👧と🇯🇵🇺🇸の旗👍🏽😀😀あいう'],
    ['combining marks', 'か\u3099きくけこ e\u0301te\u0301'],
    ['half-width katakana', 'ｶﾀｶﾅとﾊﾟﾝ'],
    ['full-width spaces', '日本　語　　です'],
    ['CRLF', '一行目\r\n二行目\r\n\r\n三行目'],
    ['no punctuation at all', 'これは句読点のまったくない文章でありそれでも正しく分割されなければならない'],
    ['empty', ''],
    ['only newlines', '\n\n\n\n'],
    ['lone surrogates and NUL', 'a\uD800b\u0000c\uDC00d\uDBFF'],
    ['tabs and spaces', 'a\tb  c \n d'],
  ];
  it.each(cases)('%s', (_name, text) => {
    expectCoverage(text, tokenize(text));
  });

  it('keeps non-BMP characters in context and does not drop what follows them', () => {
    expect(surfaces('𠮷野家で𩸽を食べた')).toEqual(['𠮷', '野家', 'で', '𩸽', 'を', '食べ', 'た']);
    expect(surfaces('🇯🇵あいう').join('|')).toMatch(/^🇯🇵\|/);
    expect(surfaces('𠮷𩸽を')).toEqual(['𠮷𩸽', 'を']);
  });

  it('keeps emoji sequences and combining marks inside one token', () => {
    expect(surfaces('👨‍👩‍👧')).toEqual(['👨‍👩‍👧']);
    expect(surfaces('か\u3099')).toEqual(['か\u3099']);
    expect(surfaces('a\r\nb')).toEqual(['a', '\r\n', 'b']);
  });

  it('makes newlines and spaces 記号,空白 tokens', () => {
    const tokens = tokenize('一行\n\n二行　三');
    const byText = Object.fromEntries(tokens.map((t) => [t.surface, t]));
    expect(byText['\n\n']).toMatchObject({ pos: '記号', posDetail: '空白', reading: '' });
    expect(byText['　']).toMatchObject({ pos: '記号', posDetail: '空白' });
    expect(surfaces('\n\n\n\n')).toEqual(['\n\n\n\n']);
    expect(tokenize('')).toEqual([]);
  });

  it('gives readings in hiragana, dictionary forms and pos details', () => {
    expect(tokenize('外交')).toEqual([
      {
        start: 0, end: 2, cpStart: 0, cpEnd: 2, surface: '外交',
        pos: '名詞', posDetail: '一般', basicForm: '外交', reading: 'がいこう',
      },
    ]);
    const ate = tokenize('食べた');
    expect(ate.map((t) => [t.surface, t.pos, t.posDetail, t.basicForm, t.reading])).toEqual([
      ['食べ', '動詞', '自立', '食べる', 'たべ'],
      ['た', '助動詞', '', 'た', 'た'],
    ]);
    const russia = tokenize('ロシア')[0];
    expect(russia).toMatchObject({ posDetail: '固有名詞,地域,国', reading: 'ろしあ' });
    expect(tokenize('コーヒー')[0].reading).toBe('こーひー');
  });

  it('gives unknown words their surface as basic form and an empty reading', () => {
    const [yoshi] = tokenize('𠮷');
    expect(yoshi).toMatchObject({ pos: '記号', posDetail: '一般', basicForm: '𠮷', reading: '', cpEnd: 1, end: 2 });
  });

  it('counts code points after non-BMP characters (no word_position drift)', () => {
    const text = '😀😀𠮷野家で外交。𩸽を食べた';
    const tokens = tokenize(text);
    expectCoverage(text, tokens);
    const diplomacy = tokens.find((t) => t.surface === '外交')!;
    expect([diplomacy.start, diplomacy.cpStart]).toEqual([9, 6]);
  });

  it('copes with 100,000 characters in one call', () => {
    const paragraph = '𠮷野家で外交について議論した。日本とロシアの関係は、長い歴史を持つ\n';
    const text = paragraph.repeat(Math.ceil(100_000 / paragraph.length)).slice(0, 100_000);
    expect(text.length).toBe(100_000);
    const tokens = tokenize(text);
    expectCoverage(text, tokens);
    expect(tokens.length).toBeGreaterThan(50_000);
  });
});

describe('tokensFromKuromoji (hand-made morphemes)', () => {
  it('turns morphemes into tokens', () => {
    const tokens = tokensFromKuromoji('食べた', [
      morpheme('食べ', '動詞', { pos_detail_1: '自立', basic_form: '食べる', reading: 'タベ' }),
      morpheme('た', '助動詞', { pos_detail_1: '*', basic_form: 'た', reading: 'タ' }),
    ]);
    expect(tokens).toEqual([
      { start: 0, end: 2, cpStart: 0, cpEnd: 2, surface: '食べ', pos: '動詞', posDetail: '自立', basicForm: '食べる', reading: 'たべ' },
      { start: 2, end: 3, cpStart: 2, cpEnd: 3, surface: 'た', pos: '助動詞', posDetail: '', basicForm: 'た', reading: 'た' },
    ]);
  });

  it('fills text kuromoji skipped with gap tokens', () => {
    const text = '🇯🇵あいう';
    const tokens = tokensFromKuromoji(text, [morpheme('🇯🇵', '記号'), morpheme('う', '感動詞')]);
    expectCoverage(text, tokens);
    expect(tokens.map((t) => [t.surface, t.pos])).toEqual([
      ['🇯🇵', '記号'],
      ['あい', '記号'],
      ['う', '感動詞'],
    ]);
    expect(tokensFromKuromoji('𠮷𩸽を', [morpheme('𠮷𩸽', '記号')]).map((t) => t.surface)).toEqual(['𠮷𩸽', 'を']);
  });

  it('keeps the text when kuromoji altered characters, and ignores extra or empty morphemes', () => {
    const text = 'ab😀c';
    const tokens = tokensFromKuromoji(text, [
      morpheme(''),
      morpheme('aX'),
      morpheme('\uD83D'),
      morpheme('zz'),
      morpheme('more'),
    ]);
    expectCoverage(text, tokens);
    expect(tokens[0]).toMatchObject({ surface: 'ab', pos: '名詞', basicForm: 'ab' });
  });

  it('covers any text whatever the morphemes say', () => {
    fc.assert(
      fc.property(
        arbitraries[4][1],
        fc.array(fc.string({ unit: anyCodeUnitish, maxLength: 5 }), { maxLength: 30 }),
        (text, surfacesGiven) => {
          const tokens = tokensFromKuromoji(text, surfacesGiven.map((s) => morpheme(s)));
          expectCoverage(text, tokens);
          assertTokensCoverText(text, tokens);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toHiragana and codePointLength', () => {
  it.each([
    ['ガイコウ', 'がいこう'],
    ['コーヒー', 'こーひー'],
    ['ヴァイオリン', 'ゔぁいおりん'],
    ['ヵヶ', 'ゕゖ'],
    ['ヽヾ・ヷ', 'ゝゞ・ヷ'],
    ['ｶﾀｶﾅ', 'ｶﾀｶﾅ'],
    ['漢字とABC', '漢字とABC'],
    ['', ''],
  ])('%s → %s', (katakana, hiragana) => {
    expect(toHiragana(katakana)).toBe(hiragana);
  });

  it('counts code points like string iteration', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodeUnitish, maxLength: 40 }), (s) => {
        expect(codePointLength(s)).toBe([...s].length);
      }),
    );
  });
});

describe('assertTokensCoverText', () => {
  const text = '𠮷野家で';
  const good = (): Token[] => tokenize(text).map((t) => ({ ...t }));

  it('accepts real tokens', () => {
    expect(() => assertTokensCoverText(text, good())).not.toThrow();
  });

  it.each<[string, (ts: Token[]) => Token[], RegExp]>([
    ['a gap', (ts) => ts.slice(1), /starts at 2, expected 0/],
    ['a missing tail', (ts) => ts.slice(0, -1), /uncovered: "で"/],
    ['a wrong surface', (ts) => (ts[1].surface = '野原', ts), /surface differs/],
    ['a wrong cp offset', (ts) => ((ts[1].cpStart = 2), ts), /cpStart 2, expected 1/],
    ['a wrong cp length', (ts) => ((ts[0].cpEnd = 2), ts), /spans 2 code points, surface has 1/],
    ['an empty token', (ts) => [{ ...ts[0], end: 0, surface: '', cpEnd: 0 }, ...ts], /empty/],
    ['tokens for a longer text', (ts) => [...ts, { ...ts[ts.length - 1], start: 5, end: 7 }], /ends after the text/],
  ])('rejects %s', (_name, corrupt, message) => {
    expect(() => assertTokensCoverText(text, corrupt(good()))).toThrow(message);
  });

  it('rejects a token starting inside a surrogate pair', () => {
    const tokens: Token[] = [
      { start: 0, end: 1, cpStart: 0, cpEnd: 1, surface: '\uD842', pos: '記号', posDetail: '', basicForm: '', reading: '' },
      { start: 1, end: 2, cpStart: 1, cpEnd: 2, surface: '\uDFB7', pos: '記号', posDetail: '', basicForm: '', reading: '' },
    ];
    expect(() => assertTokensCoverText('𠮷', tokens)).toThrow(/inside a surrogate pair/);
  });
});
