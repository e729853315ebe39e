// Line breaking of Japanese (and mixed) text for labels drawn in SVG, where text does not wrap
// by itself. Pure: no DOM; width is the ruler of `./width` (full-width 1, half-width 1/2), so
// callers size boxes in "characters" and scale by their font size.
//
// Invariants of `wrapText`:
// - The lines, joined, are a prefix of the text with its newlines and the spaces dropped at
//   line breaks removed (a truncated last line without its '…').
// - Every line fits `maxWidth`, unless it is a single grapheme wider than that.
// - A newline always breaks. A soft break falls between two graphemes (a surrogate pair, a
//   combining sequence or an emoji ZWJ sequence is never split); anywhere between CJK
//   characters, but inside a run of Latin letters and digits only at spaces; and, by basic
//   kinsoku (禁則), never before closing punctuation or small kana and never after an opening
//   bracket. Given `wordStarts` (UTF-16 offsets where a word — a morpheme — starts), a break
//   between two non-space graphemes falls only there, so 結論づけられ never splits as
//   結論づ｜けられ. When no allowed break fits, the word rule gives way first, then kinsoku.
// - At most `maxLines` lines; when more would be needed the last kept line ends with '…'
//   (the ellipsis included in `maxWidth`) and `truncated` is true.
import { codePointWidth, displayWidth } from './width';

export interface WrappedText {
  lines: string[];
  truncated: boolean;
}

export const ellipsis = '…';

// A line may not start with these (行頭禁則): closing brackets and quotes, sentence and clause
// punctuation, iteration marks, the prolonged sound mark, small kana, and their half-width and
// ASCII counterparts.
const noLineStart = new Set(
  [
    ...'、。，．,.：；:;！？!?‼⁇⁈⁉・･',
    ...')）]］}｝〕〉》」』】〙〗〟’”｠»｣',
    ...'ゝゞヽヾ々〻ー〜～‐゠–',
    ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
    ...'ｧｨｩｪｫｯｬｭｮｰﾞﾟ',
  ],
);
// A line may not end with these (行末禁則): opening brackets and quotes.
const noLineEnd = new Set([...'(（[［{｛〔〈《「『【〘〖〝‘“｟«｢']);
// Runs of these are one unit (分離禁止): breaking "……" or "——" in half reads as a typo.
const inseparable = new Set([...'…‥—―']);

// Letters and digits of alphabetic scripts, full-width Latin included; CJK scripts are excluded,
// so a break may fall between any two kanji or kana.
const wordLetter = /[\p{L}\p{N}\p{M}]/u;
const cjkScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

// Spaces that a soft break may fall at and that are dropped there. The ideographic space
// U+3000 is a full-width character of the text (e.g. a paragraph indent), not one of these.
function isBreakSpace(g: string): boolean {
  return g === ' ' || g === '\t';
}

/// Part of a word that must not be broken: a letter or digit of an alphabetic script, or ASCII
/// punctuation (so "e-mail", "1,000", "U.S." and "(2020)" stay whole).
function isWordPart(g: string): boolean {
  const cp = g.codePointAt(0)!;
  if (cp < 0x80) return cp > 0x20 && cp !== 0x7f;
  const ch = String.fromCodePoint(cp);
  return wordLetter.test(ch) && !cjkScript.test(ch);
}

// Intl.Segmenter knows every grapheme rule (flags, ZWJ sequences, Hangul); it is in Node and
// current browsers. The fallback covers what Japanese text needs: combining marks, voicing
// marks (half-width ones too), variation selectors, emoji modifiers, flags and ZWJ sequences.
let segmenter: Intl.Segmenter | null | undefined;
function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('ja', { granularity: 'grapheme' }) : null;
  }
  if (segmenter === null) return fallbackGraphemes(text);
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/// Exported for tests: grapheme clusters without Intl.Segmenter.
export function fallbackGraphemes(text: string): string[] {
  const out: string[] = [];
  let joinNext = false;
  let openFlag = false; // the previous cluster is a lone regional indicator
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const regional = cp >= 0x1f1e6 && cp <= 0x1f1ff;
    const extend: boolean =
      out.length > 0 &&
      (joinNext ||
        (regional && openFlag) || // two regional indicators make one flag
        (codePointWidth(cp) === 0 && cp !== 0x200b) || // combining marks, VS, ZWJ/ZWNJ
        cp === 0xff9e || cp === 0xff9f || // half-width voicing marks: ｶﾞ is one character
        (cp >= 0x1f3fb && cp <= 0x1f3ff) || // emoji skin-tone modifiers
        (cp >= 0xe0020 && cp <= 0xe007f)); // emoji tag sequences
    if (extend) out[out.length - 1] += ch;
    else out.push(ch);
    openFlag = regional && !(extend && openFlag);
    joinNext = cp === 0x200d;
  }
  return out;
}

// How acceptable a break before grapheme i is: ok, only by breaking a word, only by also
// breaking kinsoku (any grapheme boundary).
const OK = 0;
const SPLITS_WORD = 1;
const ANY = 2;

/// Wraps `text` into at most `maxLines` lines of at most `maxWidth` (in `displayWidth` units).
/// `wordStarts`, when given, are the offsets in `text` where a word starts (and a break may fall).
export function wrapText(text: string, maxWidth: number, maxLines: number, wordStarts?: ReadonlySet<number>): WrappedText {
  if (maxLines <= 0) return { lines: [], truncated: text.length > 0 };
  const paragraphs = text.split(/\r\n|\r|\n/);
  const lines: string[] = [];
  let base = 0; // offset of the paragraph in `text`
  for (let p = 0; p < paragraphs.length; p++) {
    const g = graphemes(paragraphs[p]);
    const w = g.map(displayWidth);
    // Where a break before grapheme i would split a word (only with `wordStarts`).
    let splits: boolean[] | undefined;
    if (wordStarts) {
      splits = [];
      let at = base;
      for (const x of g) {
        splits.push(!wordStarts.has(at));
        at += x.length;
      }
    }
    base += paragraphs[p].length + 1;
    let start = 0;
    do {
      const end = lineEnd(g, w, start, maxWidth, splits);
      if (lines.length === maxLines - 1 && (end.next < g.length || p < paragraphs.length - 1)) {
        lines.push(truncatedLine(g, w, start, maxWidth));
        return { lines, truncated: true };
      }
      lines.push(g.slice(start, end.end).join(''));
      start = end.next;
    } while (start < g.length);
  }
  return { lines, truncated: false };
}

/// Where the line starting at `start` ends: `end` excludes trailing break spaces, `next` is
/// where the following line starts (after the spaces dropped at the break).
function lineEnd(g: readonly string[], w: readonly number[], start: number, maxWidth: number, splits?: readonly boolean[]): { end: number; next: number } {
  const n = g.length;
  const best = [-1, -1, -1]; // the latest break before index i, per acceptability
  let width = 0;
  let lastContent = -1; // last non-space grapheme on the line so far
  for (let i = start; i < n; i++) {
    if (i > start) {
      const level = breakLevel(g, i, lastContent, splits);
      for (let l = level; l <= ANY; l++) best[l] = i;
    }
    if (isBreakSpace(g[i])) {
      // Spaces may hang past the edge: they are dropped if the line breaks after them.
      width += w[i];
      continue;
    }
    if (width + w[i] > maxWidth && i > start) {
      const at = best[OK] > start ? best[OK] : best[SPLITS_WORD] > start ? best[SPLITS_WORD] : best[ANY];
      return { end: trimEnd(g, start, at), next: skipSpaces(g, at) };
    }
    width += w[i];
    lastContent = i;
    // A lone grapheme wider than the line stays alone on it.
    if (width > maxWidth) return { end: i + 1, next: skipSpaces(g, i + 1) };
  }
  return { end: trimEnd(g, start, n), next: n };
}

function breakLevel(g: readonly string[], i: number, lastContent: number, splits?: readonly boolean[]): number {
  const next = g[i];
  if (isBreakSpace(next)) return ANY; // break after the spaces, not before them
  const prev = g[i - 1];
  // After spaces, kinsoku looks at what the line would really end with.
  const end = isBreakSpace(prev) ? (lastContent >= 0 ? g[lastContent] : '') : prev;
  if (noLineStart.has(next) || noLineEnd.has(end) || (inseparable.has(prev) && prev === next)) return ANY;
  if (!isBreakSpace(prev) && isWordPart(prev) && isWordPart(next)) return SPLITS_WORD;
  if (!isBreakSpace(prev) && splits?.[i]) return SPLITS_WORD;
  return OK;
}

function trimEnd(g: readonly string[], start: number, end: number): number {
  while (end > start && isBreakSpace(g[end - 1])) end--;
  return end;
}

function skipSpaces(g: readonly string[], i: number): number {
  while (i < g.length && isBreakSpace(g[i])) i++;
  return i;
}

/// The last line when the text goes on: as much of the paragraph from `start` as fits with the
/// ellipsis, without trailing spaces or an opening bracket right before the '…'.
function truncatedLine(g: readonly string[], w: readonly number[], start: number, maxWidth: number): string {
  const room = maxWidth - displayWidth(ellipsis);
  let width = 0;
  let end = start;
  while (end < g.length && width + w[end] <= room) width += w[end++];
  while (end > start && (isBreakSpace(g[end - 1]) || noLineEnd.has(g[end - 1]))) end--;
  return g.slice(start, end).join('') + ellipsis;
}
