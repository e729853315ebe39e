import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayWidth } from './width';
import { ellipsis, fallbackGraphemes, wrapText } from './wrap';

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
const graphemesOf = (s: string) => [...segmenter.segment(s)].map((x) => x.segment);

describe('wrapText', () => {
  it.each<[string, string, number, number, string[], boolean?]>([
    ['breaks between CJK characters', '日本語の文章です', 4, 3, ['日本語の', '文章です']],
    ['fits on one line', '主張', 10, 3, ['主張']],
    ['empty text is one empty line', '', 5, 3, ['']],
    ['a line does not start with 。', 'あいう。えお', 3, 3, ['あい', 'う。え', 'お']],
    ['a line does not end with 「', 'あい「うえ」', 3, 3, ['あい', '「う', 'え」']],
    ['a line does not start with a small kana', 'ちょっとまって', 3, 5, ['ちょっ', 'とまっ', 'て']],
    ['a line does not start with ー', 'コーヒーです', 3, 5, ['コー', 'ヒーで', 'す']],
    ['a line starts with neither ） nor ends with （', '引用（注）です', 4, 5, ['引用', '（注）で', 'す']],
    ['kinsoku gives way when nothing else fits', 'ちょっ', 1, 5, ['ち', 'ょ', 'っ']],
    ['Latin words break at spaces', 'I like Tokyo very much', 5, 5, ['I like', 'Tokyo very', 'much']],
    ['a break may fall between CJK and Latin', '東京はTokyoです', 4, 3, ['東京は', 'Tokyoで', 'す']],
    ['a word longer than the line is split', 'supercalifragilistic', 3, 5, ['superc', 'alifra', 'gilist', 'ic']],
    ['full-width digits stay together', '西暦２０２０年', 4, 3, ['西暦', '２０２０', '年']],
    ['spaces at a break are dropped', 'abc   def', 2, 3, ['abc', 'def']],
    ['newlines force breaks', '一行目\n二行目', 10, 5, ['一行目', '二行目']],
    ['empty paragraphs stay', 'a\n\nb', 10, 5, ['a', '', 'b']],
    ['CRLF is one break', 'a\r\nb', 10, 5, ['a', 'b']],
    ['an ideographic space is text, not a break space', '\u3000本文です', 3, 5, ['\u3000本文', 'です']],
    ['surrogate pairs are one character', '𠮷野家𠮷野家', 2, 5, ['𠮷野', '家𠮷', '野家']],
    ['combining marks stay with their base', 'か\u3099か\u3099か\u3099', 2, 5, ['か\u3099か\u3099', 'か\u3099']],
    ['a ZWJ sequence wider than the line stays whole and alone', 'あ👨‍👩‍👧い', 2, 5, ['あ', '👨‍👩‍👧', 'い']],
    ['flags are not split', '🇯🇵🇯🇵', 2, 5, ['🇯🇵', '🇯🇵']],
    ['an ellipsis pair is not split', 'それは……だ', 4, 3, ['それは', '……だ']],
    ['truncates with an ellipsis that fits', 'あいうえおかきくけこ', 3, 2, ['あいう', 'えお…'], true],
    ['truncates at a newline', '一\n二\n三', 5, 2, ['一', '二…'], true],
    ['truncates Latin mid-word', 'hello world', 3, 1, ['hell…'], true],
    ['drops an opening bracket before the ellipsis', '前「引用」の後', 3, 1, ['前…'], true],
    ['an ellipsis alone when nothing else fits', '漢字', 1.5, 1, ['…'], true],
    ['maxLines 0 keeps nothing', '主張', 5, 0, [], true],
    ['exactly maxLines lines are not truncated', 'あいうえおか', 3, 2, ['あいう', 'えおか']],
  ])('%s', (_, text, maxWidth, maxLines, lines, truncated = false) => {
    expect(wrapText(text, maxWidth, maxLines)).toEqual({ lines, truncated });
  });

  // Word starts: 単純|に|は|結論|づけ|られ|ない (the morphemes of the corpus sentence).
  const words = (text: string, ...parts: string[]) => {
    expect(parts.join('')).toBe(text);
    const starts = new Set<number>();
    let at = 0;
    for (const p of parts) {
      starts.add(at);
      at += p.length;
    }
    return starts;
  };
  it.each<[string, string, string[], number, number, string[]]>([
    ['breaks only where a word starts', '単純には結論づけられない', ['単純', 'に', 'は', '結論', 'づけ', 'られ', 'ない'], 5, 3, ['単純には', '結論づけ', 'られない']],
    ['never 結論づ｜けられ', '結論づけられない', ['結論', 'づけ', 'られ', 'ない'], 3, 4, ['結論', 'づけ', 'られ', 'ない']],
    ['a word longer than the line still splits', '結論づけられない', ['結論づけられない'], 3, 4, ['結論づ', 'けられ', 'ない']],
    ['kinsoku still holds', 'ちょっと待って', ['ちょっと', '待っ', 'て'], 5, 3, ['ちょっと', '待って']],
    ['offsets count across newlines', 'あい\nうえお', ['あい', '\n', 'う', 'えお'], 2, 4, ['あい', 'う', 'えお']],
  ])('with word starts: %s', (_, text, parts, maxWidth, maxLines, lines) => {
    expect(wrapText(text, maxWidth, maxLines, words(text, ...parts)).lines).toEqual(lines);
  });
});

describe('fallbackGraphemes', () => {
  it.each(['か\u3099き', '👨‍👩‍👧あ', '𠮷𩸽', 'e\u0301x', '葛\u{E0100}城', '👍🏽👍', '🇯🇵🇺🇸', 'a\u200bb', 'ｶﾞｷﾞ'])('agrees with Intl.Segmenter on %j', (s) => {
    expect(fallbackGraphemes(s)).toEqual(graphemesOf(s));
  });
});

// --- Properties ---------------------------------------------------------------------------

const noStart = [...'、。，．）」』】〕！？ーっゃゅょぁぃぅぇぉッャュョァィゥェォ'];
const noEnd = [...'（「『【〔'];
const pieces = [
  ...'あいうえお漢字日本語論点主張根拠',
  ...noStart,
  ...noEnd,
  ...'abcXYZ019',
  ' ',
  '  ',
  '\n',
  '\u3000',
  '𠮷',
  '😀',
  'か\u3099',
  'e\u0301',
  '👨‍👩‍👧',
  '🇯🇵',
  '葛\u{E0100}',
  '……',
];
const anyText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join(''));
const width = fc.integer({ min: 0, max: 24 }).map((x) => x / 2);
const lineCount = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(1000));

interface Placed {
  start: number; // offset of the line's text in the source
  end: number;
  afterNewline: boolean; // the break before this line is a newline
}

/// Matches the lines against the text: each line must follow the previous one, with only break
/// spaces and at most one newline in between. Returns where each line sits, or null.
function locate(text: string, lines: string[]): Placed[] | null {
  const placed: Placed[] = [];
  let pos = 0;
  for (let k = 0; k < lines.length; k++) {
    let afterNewline = false;
    if (k > 0) {
      while (text[pos] === ' ' || text[pos] === '\t') pos++;
      if (text.startsWith('\r\n', pos)) {
        pos += 2;
        afterNewline = true;
      } else if (text[pos] === '\n' || text[pos] === '\r') {
        pos += 1;
        afterNewline = true;
      }
    }
    if (!text.startsWith(lines[k], pos)) return null;
    placed.push({ start: pos, end: pos + lines[k].length, afterNewline });
    pos += lines[k].length;
  }
  return placed;
}

function content(result: { lines: string[]; truncated: boolean }): string[] {
  if (!result.truncated || result.lines.length === 0) return result.lines;
  const last = result.lines[result.lines.length - 1];
  return [...result.lines.slice(0, -1), last.slice(0, -ellipsis.length)];
}

function boundaries(text: string): Set<number> {
  const set = new Set<number>([text.length]);
  for (const s of segmenter.segment(text)) set.add(s.index);
  return set;
}

describe('wrapText properties', () => {
  it('lines are a prefix of the text, cut at grapheme boundaries, at most maxLines', () => {
    fc.assert(
      fc.property(anyText, width, lineCount, (text, maxWidth, maxLines) => {
        const result = wrapText(text, maxWidth, maxLines);
        expect(result.lines.length).toBeLessThanOrEqual(maxLines);
        if (result.truncated) expect(result.lines[result.lines.length - 1].endsWith(ellipsis)).toBe(true);
        const placed = locate(text, content(result));
        expect(placed).not.toBeNull();
        const cuts = boundaries(text);
        for (const p of placed!) expect(cuts.has(p.start) && cuts.has(p.end)).toBe(true);
        if (!result.truncated) {
          // Nothing is lost: after the last line only break spaces remain.
          const rest = text.slice(placed![placed!.length - 1].end);
          expect(rest).toMatch(/^[ \t]*$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every line fits, unless it is one grapheme wider than the line', () => {
    fc.assert(
      fc.property(anyText, width, lineCount, (text, maxWidth, maxLines) => {
        for (const line of wrapText(text, maxWidth, maxLines).lines) {
          if (displayWidth(line) > maxWidth) expect(graphemesOf(line)).toHaveLength(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps kinsoku whenever a line can hold three characters', () => {
    // CJK text in which punctuation never comes twice in a row: there is always an allowed
    // break within any three characters, so kinsoku never has to give way.
    const cjk = fc.constantFrom(...'あいうえお漢字日本語論点主張根拠');
    const punct = fc.constantFrom(...noStart, ...noEnd);
    const text = fc
      .array(fc.tuple(fc.array(cjk, { minLength: 1, maxLength: 4 }), fc.option(punct, { nil: '' })), { maxLength: 20 })
      .map((parts) => parts.map(([cs, p]) => cs.join('') + p).join(''));
    const paragraphs = fc.array(text, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n'));
    fc.assert(
      fc.property(paragraphs, fc.integer({ min: 3, max: 12 }), (t, maxWidth) => {
        const result = wrapText(t, maxWidth, 1000);
        const placed = locate(t, result.lines)!;
        result.lines.forEach((line, k) => {
          const softBefore = k > 0 && !placed[k].afterNewline;
          const softAfter = k < result.lines.length - 1 && !placed[k + 1].afterNewline;
          if (softBefore && line !== '') expect(noStart).not.toContain(graphemesOf(line)[0]);
          if (softAfter) expect(noEnd).not.toContain(graphemesOf(line).at(-1));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('breaks Latin text only at spaces when every word fits', () => {
    const word = fc.array(fc.constantFrom(...'abcdefXYZ0123'), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
    const text = fc.array(word, { minLength: 1, maxLength: 15 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 20 }), (t, maxWidth) => {
        const result = wrapText(t, maxWidth, 1000);
        const placed = locate(t, result.lines)!;
        for (const p of placed) {
          expect(p.start === 0 || t[p.start - 1] === ' ').toBe(true);
          expect(p.end === t.length || t[p.end] === ' ').toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
