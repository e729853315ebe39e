import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalizeDetailed, detectHardWrap } from './canonicalize';
import type { BlockKind, CanonicalText, Reflow } from './types';
import { validateCanonicalText } from './validate';

// ---------------------------------------------------------------------------------------------
// Helpers

/// Hard-wrap `para` every `width` code points, as a PDF extractor leaves a justified page.
function wrap(para: string, width = 20): string[] {
  const cps = Array.from(para);
  const lines: string[] = [];
  for (let i = 0; i < cps.length; i += width) lines.push(cps.slice(i, i + width).join(''));
  return lines;
}

function blocksOf(c: CanonicalText): Array<[BlockKind, string]> {
  return c.blocks.map((b) => [b.kind, c.text.slice(b.start, b.end)]);
}

const P = (text: string): [BlockKind, string] => ['paragraph', text];
const H = (text: string): [BlockKind, string] => ['heading', text];

// Paragraphs of full-width text; wrapped at 20 their last lines are clearly short.
const P1 = 'その後は自国のコロナ対策に追われたが、ワクチンを承認してからはワクチン外交を展開した。'; // 20+20+3
const P2 = '他方で、欧米との関係は悪化の一途を辿った。'; // 20+1
const P3 =
  '新型コロナウイルス感染症の問題により、ロシアの外交は全体として限定的になった。そして旧ソ連諸国での混乱が続いた。'; // 20+20+15
// A sentence that ends exactly at a full line, and a continuation.
const FULL_END = 'ロシアの外交は全体として限定的になった。'; // 20
const CONT = 'だが、ワクチンを承認してからはワクチン外交を展開した。'; // 20+7
// A full line that ends mid-sentence.
const HEAD20 = Array.from(P1).slice(0, 20).join('');

const lines = (...parts: Array<string | string[]>) => parts.flat().join('\n');

// ---------------------------------------------------------------------------------------------
// Reflow 'on': table of layouts and the blocks they must give.

const REFLOW_ON_CASES: Array<{ name: string; source: string; blocks: Array<[BlockKind, string]> }> = [
  {
    name: 'joins Japanese lines with no space; a short line ending in 。 ends the paragraph',
    source: lines(wrap(P1), wrap(P3)),
    blocks: [P(P1), P(P3)],
  },
  {
    name: 'a full-length line ending in 。 does not end the paragraph',
    source: lines(wrap(FULL_END + CONT), wrap(P2)),
    blocks: [P(FULL_END + CONT), P(P2)],
  },
  {
    name: 'a blank line ends the paragraph, even after a full-length line',
    source: lines(wrap(FULL_END + FULL_END), '', wrap(P1)),
    blocks: [P(FULL_END + FULL_END), P(P1)],
  },
  {
    name: 'blank lines collapse, whitespace-only lines count as blank',
    source: lines(wrap(P1), '', '   ', '\u3000', '', wrap(P2)),
    blocks: [P(P1), P(P2)],
  },
  {
    name: 'a line one character short is full-width noise, two short ends a sentence-final line',
    // 19 wide ending 。 continues; 18 wide ending 。 ends.
    source: lines(HEAD20, FULL_END.slice(1), wrap(P3), HEAD20, FULL_END.slice(2), wrap(P2)),
    blocks: [P(HEAD20 + FULL_END.slice(1) + P3), P(HEAD20 + FULL_END.slice(2)), P(P2)],
  },
  {
    name: 'a slightly short line without final punctuation continues the paragraph',
    source: lines(wrap(P1), 'ロシアの外交は全体として限定的にな', 'った。', wrap(P2)),
    // 18 wide and unpunctuated: two short, but only a sentence end makes that a break.
    blocks: [P(P1), P('ロシアの外交は全体として限定的になった。'), P(P2)],
  },
  {
    name: 'numbered heading straight after a short paragraph line, no blank line',
    source: lines('1．はじめに', wrap(P1), '（1）ベラルーシ抗議行動', wrap(P3)),
    blocks: [H('1．はじめに'), P(P1), H('（1）ベラルーシ抗議行動'), P(P3)],
  },
  {
    name: 'numbered heading after a full-length sentence-final line',
    source: lines(wrap(P1), wrap(FULL_END), '第2章　欧米との関係', wrap(P3)),
    blocks: [P(P1), P(FULL_END), H('第2章　欧米との関係'), P(P3)],
  },
  {
    name: 'section number forms: 2.1.  (3)  3)  一、  Ⅱ．',
    source: lines(
      '2.1. 背景', wrap(P2), '(3) 経緯', wrap(P2), '3) 結果', wrap(P2),
      '一、序論', wrap(P2), 'Ⅱ．本論', wrap(P2),
    ),
    blocks: [
      H('2.1. 背景'), P(P2), H('(3) 経緯'), P(P2), H('3) 結果'), P(P2),
      H('一、序論'), P(P2), H('Ⅱ．本論'), P(P2),
    ],
  },
  {
    name: 'a short numbered line mid-sentence is not a heading',
    source: lines(wrap(P1), '以上の経緯を踏まえ、以下ではロシアの外交を次の', '（1）の観点から', wrap(P2)),
    blocks: [P(P1), P('以上の経緯を踏まえ、以下ではロシアの外交を次の（1）の観点から'), P(P2)],
  },
  {
    name: 'a decimal number is not a section number',
    source: lines(wrap(P1), '3.5%の成長', wrap(P2)),
    blocks: [P(P1), P('3.5%の成長'), P(P2)],
  },
  {
    name: 'an unnumbered short line between a blank line and a paragraph is a heading',
    source: lines(wrap(P1), '', 'むすびに代えて', wrap(P3)),
    blocks: [P(P1), H('むすびに代えて'), P(P3)],
  },
  {
    name: 'an unnumbered short line standing between blank lines is a heading',
    source: lines(wrap(P1), '', '結論', '', wrap(P3)),
    blocks: [P(P1), H('結論'), P(P3)],
  },
  {
    name: 'an unnumbered short line after a paragraph end without a blank line is not a heading',
    source: lines(wrap(P1), '以上の通り', wrap(P3)),
    blocks: [P(P1), P('以上の通り'), P(P3)],
  },
  {
    name: 'a short unpunctuated line at the very end is not a heading',
    source: lines(wrap(P1), wrap(P3), '', '2021年3月'),
    blocks: [P(P1), P(P3), P('2021年3月')],
  },
  {
    name: 'a list item is not a heading',
    source: lines(wrap(P1), '', '・ワクチン外交', wrap(P3)),
    blocks: [P(P1), P('・ワクチン外交'), P(P3)],
  },
  {
    name: "the extractor's stray leading space and trailing whitespace are dropped",
    source: lines(' 1．はじめに', ...wrap(P1).map((l, i) => (i === 1 ? ` ${l}  \t` : l)), wrap(P2)),
    blocks: [H('1．はじめに'), P(P1), P(P2)],
  },
  {
    name: 'an ideographic-space indent that survived extraction starts a paragraph',
    source: lines(wrap(FULL_END + FULL_END), '\u3000' + P2.slice(0, 19), P2.slice(19)),
    blocks: [P(FULL_END + FULL_END), P(P2)],
  },
  {
    name: 'footnote digits and spaces inside lines stay where they are',
    source: lines(
      'ロシアの 2020年の外交を振り返ってみると',
      '、全体として限定的になった。ロシアと欧米の',
      '関係を悪化させた 1。',
      wrap(P1),
    ),
    blocks: [
      P('ロシアの 2020年の外交を振り返ってみると、全体として限定的になった。ロシアと欧米の関係を悪化させた 1。'),
      P(P1),
    ],
  },
  {
    name: 'a line ending in 。」 or 。） ends the paragraph',
    source: lines(wrap(P1), '大統領は「問題はない。」', wrap(P2), '（詳細は後述する。）', wrap(P3)),
    blocks: [P(P1), P('大統領は「問題はない。」'), P(P2), P('（詳細は後述する。）'), P(P3)],
  },
  {
    name: 'digits and Japanese join without a space across a line break',
    source: lines(wrap(P1), 'ロシアは特に自国がパンデミックに陥る 3', '月以前、援助攻勢を展開した。', wrap(P2)),
    blocks: [P(P1), P('ロシアは特に自国がパンデミックに陥る 3月以前、援助攻勢を展開した。'), P(P2)],
  },
  {
    name: 'a pdftotext form feed at a page break joins like any line break',
    source: lines(wrap(P1), FULL_END, '\fだが、ワクチンを承認してからはワクチン外交を展開した。'),
    blocks: [P(P1), P(FULL_END + CONT)],
  },
];

describe("canonicalize, reflow 'on'", () => {
  it.each(REFLOW_ON_CASES)('$name', ({ source, blocks }) => {
    const c = canonicalize(source, { reflow: 'on' });
    expect(blocksOf(c)).toEqual(blocks);
    expect(validateCanonicalText(c)).toEqual([]);
  });

  it.each([
    {
      name: 'Latin words join with a single space',
      source: lines('The quick brown fox jumps over', 'the lazy dog and keeps running', 'home.'),
      text: 'The quick brown fox jumps over the lazy dog and keeps running home.',
    },
    {
      name: 'Latin punctuation before a Latin word joins with a space',
      source: lines('It began in spring and ended,', 'Then it began again in autumn.'),
      text: 'It began in spring and ended, Then it began again in autumn.',
    },
    {
      name: 'mixed text: Latin to Japanese joins with no space',
      source: lines('ロシアのハッカー集団が使った WellMess', 'と呼ばれるマルウェアで攻撃を行った。'),
      text: 'ロシアのハッカー集団が使った WellMessと呼ばれるマルウェアで攻撃を行った。',
    },
  ])('$name', ({ source, text }) => {
    expect(canonicalize(source, { reflow: 'on' }).text).toBe(text);
  });

  it('measures lines in code points: non-BMP characters are one character wide', () => {
    // The short last line has 15 characters but 25 UTF-16 units; measured in units it would
    // look full and the paragraph would run on into the next one.
    const last = '𠮷𩸽😀𠮷𩸽😀𠮷𩸽😀𠮷を食べた。';
    const source = lines(wrap(P1), 'ロシアの外交は全体として限定的になり、𠮷', last, wrap(P2));
    const c = canonicalize(source, { reflow: 'on' });
    expect(blocksOf(c)).toEqual([
      P(P1),
      P(`ロシアの外交は全体として限定的になり、𠮷${last}`),
      P(P2),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Reflow 'off' and 'auto'.

describe("canonicalize, reflow 'off'", () => {
  it('keeps every non-blank line as its own block, content untouched', () => {
    const source = ' 1．はじめに\n\n本文の一行目です。 \n\n\n  二行目、字下げつき。\n \n';
    const c = canonicalize(source, { reflow: 'off' });
    expect(blocksOf(c)).toEqual([
      H(' 1．はじめに'),
      P('本文の一行目です。 '),
      P('  二行目、字下げつき。'),
    ]);
  });

  it('classifies short unpunctuated lines between finished sentences as headings', () => {
    const source = '2020年のロシア外交\nロシアの外交は限定的になった。\nむすびに代えて\n以上、論じてきた。';
    expect(blocksOf(canonicalize(source, { reflow: 'off' }))).toEqual([
      H('2020年のロシア外交'),
      P('ロシアの外交は限定的になった。'),
      H('むすびに代えて'),
      P('以上、論じてきた。'),
    ]);
  });
});

describe('detectHardWrap and reflow auto', () => {
  const unwrapped = [
    '1．はじめに',
    'ロシアの2020年の外交を振り返ってみると、新型コロナウイルス感染症問題により、全体として限定的になった。',
    '他方で、欧米との関係は悪化の一途を辿った。',
    'そして、2020年後半に旧ソ連諸国での相次いだ混乱はロシアの頭痛の種になったが、それがロシアの求心力低下によるものかどうかは、単純には結論づけられないと思われる。',
    '本稿では、そのような2020年のロシア外交を振り返り、その評価を行いたい。',
  ].join('\n');
  const wrapped = lines('1．はじめに', wrap(P1), wrap(P3), wrap(P1 + P2 + P3));

  it.each([
    ['hard-wrapped Japanese', wrapped, true],
    ['one paragraph per line', unwrapped, false],
    ['hard-wrapped English', lines(
      'Hard-wrapped text has lines of nearly', 'the same length, and sentences run on',
      'across the line ends until a paragraph', 'ends with a short line.',
    ), true],
    ['too short to tell', 'ロシアの外交は\n限定的になった。', false],
    ['short lines (verse) are not a wrap', lines('古池や', '蛙飛び込む', '水の音', '古池や', '蛙飛び込む'), false],
    ['empty', '', false],
  ])('%s → %s', (_name, source, expected) => {
    expect(detectHardWrap(source)).toBe(expected);
    expect(canonicalizeDetailed(source).reflowApplied).toBe(expected ? 'on' : 'off');
  });

  it("'auto' is 'on' for wrapped text and 'off' for unwrapped text", () => {
    expect(canonicalize(wrapped)).toEqual(canonicalize(wrapped, { reflow: 'on' }));
    expect(canonicalize(unwrapped)).toEqual(canonicalize(unwrapped, { reflow: 'off' }));
  });
});

// ---------------------------------------------------------------------------------------------
// Normalization applied in every mode.

describe('source normalization', () => {
  const modes: Reflow[] = ['auto', 'on', 'off'];

  it.each(modes)('strips a BOM (reflow %s)', (reflow) => {
    const src = lines(wrap(P1), wrap(P2));
    expect(canonicalize('\uFEFF' + src, { reflow })).toEqual(canonicalize(src, { reflow }));
  });

  it.each(modes)('CRLF and CR give the same result as LF (reflow %s)', (reflow) => {
    const src = lines('1．はじめに', wrap(P1), '', wrap(P3));
    expect(canonicalize(src.replace(/\n/g, '\r\n'), { reflow })).toEqual(canonicalize(src, { reflow }));
    expect(canonicalize(src.replace(/\n/g, '\r'), { reflow })).toEqual(canonicalize(src, { reflow }));
  });

  it.each(modes)('NFD input gives NFC output (reflow %s)', (reflow) => {
    const src = 'ガ行の「が」とパ行の「ぱ」、café。';
    const c = canonicalize(src.normalize('NFD'), { reflow });
    expect(c.text).toBe(src);
    expect(c.text).not.toBe(src.normalize('NFD'));
  });

  it('composes a combining mark that starts a wrapped line with the previous line', () => {
    const c = canonicalize('この政策は全体として成果を上げたとはいいか\n\u3099たい。', { reflow: 'on' });
    expect(c.text).toBe('この政策は全体として成果を上げたとはいいがたい。');
  });

  it.each(modes)('non-BMP characters survive unchanged (reflow %s)', (reflow) => {
    const src = '𠮷野家で𩸽を食べた😀。\n👨‍👩‍👧と🇯🇵の絵文字も。';
    const c = canonicalize(src, { reflow });
    expect(Array.from(c.text).filter((ch) => ch.codePointAt(0)! > 0xffff)).toEqual(
      Array.from(src).filter((ch) => ch.codePointAt(0)! > 0xffff),
    );
    expect(c.text.replace('\n', '')).toBe(src.replace('\n', ''));
  });

  it('Unicode line and paragraph separators become line breaks, never stay inside a block', () => {
    const c = canonicalize('一行目。\u2028二行目。\u2029三行目。\u0085四行目。', { reflow: 'off' });
    expect(blocksOf(c).map(([, t]) => t)).toEqual(['一行目。', '二行目。', '三行目。', '四行目。']);
  });

  it('repairs lone surrogates to U+FFFD', () => {
    expect(canonicalize('ab\uD800c。', { reflow: 'off' }).text).toBe('ab\uFFFDc。');
  });

  it('empty and blank sources give an empty text', () => {
    for (const src of ['', '\n\n', '  \n\u3000\n', '\uFEFF']) {
      const c = canonicalize(src);
      expect(c.text).toBe('');
      expect(c.blocks).toEqual([]);
      expect(validateCanonicalText(c)).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The corpus essay, the real PDF extraction the heuristics are for.

const ESSAY_PATH = path.resolve(__dirname, '../../corpus/russia-diplomacy-2020.source.txt');
const essay = readFileSync(ESSAY_PATH, 'utf8');
const sourceLines = essay.split('\n');

// Counted by hand from corpus/russia-diplomacy-2020.source.txt (1-based line numbers), by
// reading every line end. A paragraph ends where the line stops short of the ~40-character
// measure on a sentence end (。), or at a blank line; the extractor dropped the first-line
// indents, so nothing else in the text marks a paragraph. Headings are the lines `n．…`,
// `（n）…` and the stand-alone `むすびに代えて`.
//
// Judgement calls, where a full-length line happens to end on 。 (lines 12, 25, 53, 65, 125,
// 132, 228, 261): the extracted text carries no break there, and the next line reads as a
// continuation in 25→26 (例えば…), 125→126 (機能不全になっており… is still about the treaty),
// 132→133 and 228→229 (the list of Russia's gains goes on), so those are one paragraph. In
// 12→13 (本稿では…), 53→54 (また、8月20日に… the Navalny case, parallel to 62's また、) and
// 261→262 (このような流れを見ると…, whose 39 all-full-width characters suggest a lost indent)
// the original PDF probably had a paragraph break, but the extracted text cannot show it, so
// they are counted joined as well — a reflow cannot recover them, and guessing from sense
// would be worse than a predictable rule.
//
// Result: 9 headings and 46 paragraphs (55 blocks).
const ESSAY_BLOCKS: Array<['h', number] | ['p', number, number]> = [
  ['h', 1],
  ['p', 2, 7], ['p', 8, 10], ['p', 11, 13],
  ['h', 15],
  ['p', 16, 19], ['p', 20, 32], ['p', 33, 36], ['p', 37, 47],
  ['h', 49],
  ['p', 50, 61], ['p', 62, 63], ['p', 64, 68], ['p', 70, 83], ['p', 85, 88], ['p', 90, 92],
  ['p', 93, 99], ['p', 100, 105], ['p', 106, 109],
  ['h', 111],
  ['p', 113, 119],
  ['h', 120],
  ['p', 121, 124], ['p', 125, 131], ['p', 132, 148],
  ['h', 150],
  ['p', 151, 152], ['p', 153, 158], ['p', 160, 162], ['p', 164, 169], ['p', 170, 172],
  ['p', 173, 180],
  ['h', 182],
  ['p', 183, 187], ['p', 188, 194], ['p', 195, 195], ['p', 196, 205], ['p', 206, 210],
  ['p', 211, 214], ['p', 215, 222], ['p', 223, 226], ['p', 227, 235], ['p', 236, 238],
  ['h', 240],
  ['p', 241, 243], ['p', 244, 247], ['p', 248, 254], ['p', 255, 256], ['p', 257, 268],
  ['h', 270],
  ['p', 271, 271], ['p', 272, 274], ['p', 275, 279], ['p', 280, 284], ['p', 286, 288],
];

const ESSAY_HEADINGS = [
  '1．はじめに',
  '2．コロナ外交',
  '3．欧米との関係悪化',
  '4．旧ソ連地域の混乱 2', // the trailing 2 is the footnote marker, kept
  '（1）ベラルーシ抗議行動',
  '（2）キルギス政変',
  '（3）ナゴルノ・カラバフ紛争再燃',
  '（4）モルドヴァでの親欧米大統領誕生',
  'むすびに代えて',
];

/// The essay's expected canonical text, rebuilt from the hand-counted line ranges: lines
/// trimmed and concatenated (no line end in the essay falls between two Latin words).
function expectedEssayBlocks(): Array<[BlockKind, string]> {
  const line = (n: number) => sourceLines[n - 1].trim();
  return ESSAY_BLOCKS.map((b) => {
    if (b[0] === 'h') return H(line(b[1]));
    const parts: string[] = [];
    for (let n = b[1]; n <= b[2]; n++) parts.push(line(n));
    return P(parts.join(''));
  });
}

describe('corpus essay russia-diplomacy-2020', () => {
  const report = canonicalizeDetailed(essay);
  const c = report.canonical;
  const blocks = blocksOf(c);
  const paragraphs = blocks.filter(([k]) => k === 'paragraph').map(([, t]) => t);
  const headings = blocks.filter(([k]) => k === 'heading').map(([, t]) => t);

  it('is the source its corpus meta names, with the reflow the meta asks for', () => {
    const meta = JSON.parse(readFileSync(ESSAY_PATH.replace(/\.source\.txt$/, '.meta.json'), 'utf8'));
    expect(meta).toMatchObject({ id: 'russia-diplomacy-2020', language: 'ja', reflow: 'auto' });
    expect(path.basename(ESSAY_PATH)).toBe(meta.source);
  });

  it("is detected as hard-wrapped and reflowed under 'auto'", () => {
    expect(detectHardWrap(essay)).toBe(true);
    expect(report.reflowApplied).toBe('on');
  });

  it('has the hand-counted 9 headings and 46 paragraphs', () => {
    expect(headings).toEqual(ESSAY_HEADINGS);
    expect(paragraphs).toHaveLength(46);
    expect(ESSAY_BLOCKS.filter((b) => b[0] === 'p')).toHaveLength(46);
  });

  it('reproduces exactly the blocks of the hand-counted line ranges', () => {
    expect(blocks).toEqual(expectedEssayBlocks());
  });

  it('cuts no sentence: every paragraph ends with sentence-final punctuation', () => {
    const bad = paragraphs.filter((p) => !/[。！？][」』）]*$/u.test(p));
    expect(bad).toEqual([]);
  });

  it('drops the stray leading spaces and trailing whitespace of the extraction', () => {
    for (const [, t] of blocks) expect(t).toBe(t.trim());
    expect(c.text).toContain('NCSCはレポートも公開したが'); // line 78 began " したが"
    expect(c.text).toContain('モルドヴァが、2018年'); // line 259 ended "、 "
    expect(c.text).not.toMatch(/ \n|\n /);
  });

  it('keeps footnote digits and spaces inside lines', () => {
    for (const s of [
      '悪化させた 1。',
      'ショーと化しているという 3。だが、',
      'シンパシーもかなり強い 4。',
      '「ナゴルノ・カラバフ紛争」5が',
      '第二次ナゴルノ・カラバフ紛争 6である。',
      '受け入れない傾向にあった 7。',
      'ロシアの 2020年の外交',
      '「スプートニク V」を承認',
      'パンデミックに陥る 3月以前',
    ]) {
      expect(c.text).toContain(s);
    }
  });

  it('is line-ending independent: CRLF and CR sources give the identical canonical text', () => {
    expect(canonicalize(essay.replace(/\n/g, '\r\n'))).toEqual(c);
    expect(canonicalize(essay.replace(/\n/g, '\r'))).toEqual(c);
    expect(canonicalize('\uFEFF' + essay)).toEqual(c);
  });

  it('gives the same canonical text from an NFD copy', () => {
    const nfd = essay.normalize('NFD');
    expect(nfd).not.toBe(essay); // the essay has voiced kana to decompose
    expect(canonicalize(nfd)).toEqual(c);
  });

  it('is stable: canonicalizing the canonical text changes nothing', () => {
    const again = canonicalizeDetailed(c.text);
    expect(again.reflowApplied).toBe('off');
    expect(again.canonical).toEqual(c);
  });

  it("keeps every non-blank source line with reflow 'off'", () => {
    const off = canonicalize(essay, { reflow: 'off' });
    const expected = sourceLines.filter((l) => l.trim() !== '');
    expect(blocksOf(off).map(([, t]) => t)).toEqual(expected);
    expect(expected).toHaveLength(274);
    expect(blocksOf(off).filter(([k]) => k === 'heading').map(([, t]) => t.trim())).toEqual(ESSAY_HEADINGS);
  });

  it('satisfies the CanonicalText invariants', () => {
    expect(validateCanonicalText(c)).toEqual([]);
  });

  it('has a pinned hash (stored offsets depend on it: change only deliberately)', () => {
    expect(c.sha256).toBe(ESSAY_SHA256);
  });
});

// Changing canonicalization changes this hash and orphans every stored annotation of the
// essay; if that is intended, migrate the stored maps and update the value.
const ESSAY_SHA256 = 'f1cfb4b5997bf01e79ccc0d3db66f64c58c1352b5720ffff30a8e2a822be18b1';

// The second corpus text, ours (CC0): one paragraph a line, no hard wraps.
describe('corpus text smartphones-at-school', () => {
  const source = readFileSync(path.resolve(__dirname, '../../corpus/smartphones-at-school.source.txt'), 'utf8');
  const meta = JSON.parse(readFileSync(path.resolve(__dirname, '../../corpus/smartphones-at-school.meta.json'), 'utf8'));
  const c = canonicalize(source, { reflow: meta.reflow });

  it('has its meta: Japanese, reflow off, CC0', () => {
    expect(meta).toMatchObject({ id: 'smartphones-at-school', language: 'ja', source: 'smartphones-at-school.source.txt', reflow: 'off', license: 'CC0-1.0' });
    expect(detectHardWrap(source)).toBe(false);
  });

  it('is a heading and 7 paragraphs, valid, with a pinned hash (change only deliberately)', () => {
    expect(blocksOf(c).map(([k]) => k)).toEqual(['heading', ...Array(7).fill('paragraph')]);
    expect(validateCanonicalText(c)).toEqual([]);
    expect(c.sha256).toBe('4665dfad576c8c17832ee7739a7719459fa16ef65325887f1df61e520abd56d3');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random texts.

// Characters chosen to hit every rule: Japanese and Latin text, sentence ends, section
// numbers, indents and stray spaces, combining marks, non-BMP, BOMs, page breaks, Unicode
// line separators and a lone surrogate.
const CHARS = [
  'あ', 'ロ', 'シ', '外', '交', 'ー', '。', '、', '「', '」', '（', '）', '．', '1', '2', 'a', 'B',
  '.', ' ', ' ', '\u3000', '\t', '\f', '\uFEFF', '\u3099', '\u0301', 'e', '𠮷', '𩸽', '😀',
  '\u2028', '\u2029', '\u0085', '\uD800', '第', '章',
];
const messyLine = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 30 });
const messyText = fc
  .array(fc.tuple(messyLine, fc.constantFrom('\n', '\r\n', '\r', '\n\n')), { maxLength: 12 })
  .map((parts) => parts.map(([l, s]) => l + s).join(''));
const wrappedText = fc
  .array(
    fc.oneof(
      fc.string({
        unit: fc.constantFrom('あ', '漢', '字', '𠮷', '。', '、', 'a', '1', ' ', '\u0301'),
        minLength: 1,
        maxLength: 90,
      }).map((p) => wrap(p, 20).join('\n')),
      fc.constantFrom('2．見出し', '（1）見出し', '', 'むすびに代えて', ' 続き'),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join('\n'));
const anyText = fc.oneof(
  messyText,
  wrappedText,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/// What canonicalization must preserve: every character that is not layout, in order.
const content = (s: string) =>
  s.replace(LONE, '\uFFFD').normalize('NFC').replace(/[\s\u0085]/gu, '').normalize('NFC');

// Raise locally to search harder: RONTEN_FC_RUNS=20000 npx vitest run lib/text
const NUM_RUNS = Number(process.env.RONTEN_FC_RUNS ?? 300);

describe('canonicalize properties', () => {
  const reflows: Reflow[] = ['auto', 'on', 'off'];

  it.each(reflows)('outputs satisfy every CanonicalText invariant (reflow %s)', (reflow) => {
    fc.assert(
      fc.property(anyText, (src) => {
        expect(validateCanonicalText(canonicalize(src, { reflow }))).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it.each(reflows)('changes only layout, never content (reflow %s)', (reflow) => {
    fc.assert(
      fc.property(anyText, (src) => {
        expect(content(canonicalize(src, { reflow }).text)).toBe(content(src));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it.each(reflows)("re-reading the text with reflow 'off' changes nothing (reflow %s)", (reflow) => {
    fc.assert(
      fc.property(anyText, (src) => {
        const c = canonicalize(src, { reflow });
        expect(canonicalize(c.text, { reflow: 'off' }).text).toBe(c.text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("reflow 'on' leaves no whitespace at block edges", () => {
    fc.assert(
      fc.property(anyText, (src) => {
        for (const [, t] of blocksOf(canonicalize(src, { reflow: 'on' }))) expect(t).toBe(t.trim());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it.each(reflows)('CRLF, NFD and BOM variants give the same result (reflow %s)', (reflow) => {
    fc.assert(
      fc.property(anyText.map((s) => s.replace(/\r/g, '')), (src) => {
        const c = canonicalize(src, { reflow });
        expect(canonicalize(src.replace(/\n/g, '\r\n'), { reflow })).toEqual(c);
        expect(canonicalize(src.normalize('NFD'), { reflow })).toEqual(c);
        expect(canonicalize('\uFEFF' + src, { reflow })).toEqual(c);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
