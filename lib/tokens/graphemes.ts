// Grapheme-cluster boundaries of a text, for keeping token boundaries out of user-perceived
// characters (a base letter and its combining mark, an emoji ZWJ sequence, a flag, CRLF).
//
// Invariants: `boundaries[i] === 1` iff UTF-16 offset i is a grapheme boundary as computed by
// Intl.Segmenter, except at the forced window cuts described below; offsets 0 and text.length
// are always boundaries; an offset inside a surrogate pair is never one.
//
// Why windows: V8's Intl.Segmenter is quadratic on long strings (measured on Node 20: 8,000
// chars in 25 ms, 100,000 chars in 20 s). Most Japanese prose is made of characters whose
// Grapheme_Cluster_Break is Other, between which every offset is a boundary, so we only hand
// the Segmenter the short stretches around "interesting" characters, cut where both neighbours
// are such plain characters (no grapheme rule can join across such a cut). A stretch with no
// plain pair for MAX_WINDOW code units (a page of Hangul or emoji) is cut by force; at that one
// cut a cluster may be reported as split, which only means a token is not merged there.

const MAX_WINDOW = 1024;

/// Characters whose Grapheme_Cluster_Break is Other and that are not Extended_Pictographic,
/// Regional_Indicator, Hangul or Indic conjunct consonants: ASCII printables, CJK punctuation
/// (minus the combining tone marks U+302A–302F and the pictographs 〰 U+3030, 〽 U+303D), kana
/// (minus the combining voiced marks U+3099–309A), CJK ideographs, full-width forms and
/// half-width katakana (minus the half-width voiced marks U+FF9E–FF9F, which are Extend).
const PLAIN =
  /[\u0020-\u007E\u3000-\u3029\u3031-\u303C\u303E\u303F\u3041-\u3096\u309B-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF5E\uFF61-\uFF9D]/;

function isPlain(code: number): boolean {
  return PLAIN.test(String.fromCharCode(code));
}

let segmenter: Intl.Segmenter | null = null;

/// Grapheme boundaries of `text` as a 0/1 array of length text.length + 1.
export function graphemeBoundaries(text: string): Uint8Array {
  const n = text.length;
  const boundaries = new Uint8Array(n + 1);
  boundaries[0] = 1;
  boundaries[n] = 1;
  if (n === 0) return boundaries;
  segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' });

  let plainPrev = isPlain(text.charCodeAt(0));
  let windowStart = -1; // start of the current non-plain stretch, or -1
  const flush = (from: number, to: number) => {
    for (const { index } of segmenter!.segment(text.slice(from, to))) boundaries[from + index] = 1;
  };
  for (let i = 1; i <= n; i++) {
    const plainHere = i < n && isPlain(text.charCodeAt(i));
    const cut = i === n || (plainPrev && plainHere);
    if (cut) {
      if (windowStart >= 0) {
        flush(windowStart, i);
        windowStart = -1;
      }
      boundaries[i] = 1;
    } else if (windowStart < 0) {
      windowStart = i - 1;
      if (windowStart > 0) boundaries[windowStart] = 1; // plain pair before it was a cut
    } else if (i - windowStart >= MAX_WINDOW && !isLowSurrogate(text.charCodeAt(i))) {
      flush(windowStart, i);
      windowStart = i;
    }
    plainPrev = plainHere;
  }
  return boundaries;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
