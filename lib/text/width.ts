// Display width of text as a Japanese page lays it out, the ruler reflow measures lines with.
//
// A full-width character (kanji, kana, full-width punctuation and forms) is 1; a half-width
// one (ASCII, Latin, half-width katakana) is 1/2; combining marks and zero-width characters
// are 0. East Asian "ambiguous" characters (…, “”, ①, ■, ※, arrows) are typeset full-width
// in Japanese text, so they count 1 here. Width is counted per code point, never per UTF-16
// unit: 𠮷 and emoji are one character on the page.

// Sorted, non-overlapping inclusive ranges of full-width code points.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2010, 0x2027], // dashes, quotes, †‡•…: ambiguous, full-width in Japanese type
  [0x2030, 0x203e], // ‰ ′ ″ ※ ‾
  [0x2100, 0x214f], // ℃ № ℡ and other letterlike symbols
  [0x2160, 0x218f], // Roman numerals Ⅰ Ⅱ
  [0x2190, 0x23ff], // arrows, mathematical operators, technical
  [0x2460, 0x27bf], // enclosed ①, box drawing, shapes ■□◆, symbols, dingbats
  [0x2e80, 0x303e], // CJK radicals, ideographic space, 、。「」 and other CJK punctuation
  [0x3041, 0x33ff], // kana, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // full-width forms （）．０-９Ａ-Ｚ
  [0xffe0, 0xffe6], // full-width signs ￥ ￠
  [0x1f000, 0x1faff], // emoji, mahjong, playing cards
  [0x20000, 0x3fffd], // CJK extensions B and later (𠮷, 𩸽)
];

// Zero-width: combining marks (incl. kana voicing marks U+3099/309A), ZW space/joiners,
// variation selectors (the ones that pick 葛 glyph variants included).
const ZERO: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x2060, 0x2064],
  [0x3099, 0x309a],
  [0xfe00, 0xfe0f],
  [0xe0100, 0xe01ef],
];

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (const [lo, hi] of ranges) {
    if (cp < lo) return false;
    if (cp <= hi) return true;
  }
  return false;
}

/// Width of one code point: 0, 0.5 or 1.
export function codePointWidth(cp: number): number {
  if (inRanges(cp, ZERO)) return 0;
  if (cp < 0x1100) return 0.5;
  return inRanges(cp, WIDE) ? 1 : 0.5;
}

/// Display width of `s`, full-width = 1, half-width = 0.5.
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}
