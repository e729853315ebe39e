// Cuts a text into the pieces the server hands to kuromoji one by one, and the pieces it must
// not see. Pure; used by the loader in kuromoji.ts. (What kuromoji gets wrong is documented in
// fromKuromoji.ts.)
//
// Invariants: pieces are non-empty, contiguous and cover the text; an 'analyze' piece never
// contains '\n', U+0000, a lone surrogate or two consecutive non-BMP characters, and is at most
// MAX_SENTENCE UTF-16 units long; 'fixed' pieces become one 記号 token each.
//
// Why these cuts:
// - '\n' runs: kuromoji does not end sentences at line breaks, so a long text without 、/。
//   would be one quadratic lattice; a line break is also never part of a word. Each run of
//   '\n' is one token (記号,空白), as kuromoji itself would make it.
// - U+0000 and lone surrogates crash kuromoji; they are kept as their own tokens.
// - Runs of 2+ non-BMP characters make kuromoji drop the characters after them; kuromoji's
//   intended analysis of such a run (every non-BMP character is class DEFAULT, grouped) is one
//   記号,一般 token, which is what the fixed piece gives. A single non-BMP character is fine and
//   stays in context.
// - Sentences: kuromoji splits after 、 and 。 itself; we do the same so that we can also cut a
//   sentence longer than MAX_SENTENCE (tokenizing is quadratic in sentence length) at the best
//   place we can find: after whitespace or closing punctuation, else where hiragana (typically a
//   particle) meets another script, else anywhere that does not split a surrogate pair. Such a
//   cut may cut a word in two; it only happens in text with no punctuation for 512 characters.

export type KuromojiPiece =
  | { kind: 'analyze'; start: number; end: number }
  | { kind: 'fixed'; start: number; end: number; posDetail: '空白' | '一般' };

export const MAX_SENTENCE = 512;

const SENTENCE_END = /[、。]/g;
const SOFT_BREAK = /[\s！？!?」』）)】〕〉》］\]｝},.，．・:;：；]/;
const WHITESPACE = /\s/;
const HIRAGANA = /[\u3041-\u309f]/;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

type Kind = 'plain' | 'newline' | 'nul' | 'lone' | 'astral';

/// Classifies the character at i and returns its kind and UTF-16 length.
function charAt(text: string, i: number): [Kind, number] {
  const c = text.charCodeAt(i);
  if (c === 0x0a) return ['newline', 1];
  if (c === 0) return ['nul', 1];
  if (isHigh(c)) return isLow(text.charCodeAt(i + 1)) ? ['astral', 2] : ['lone', 1];
  if (isLow(c)) return ['lone', 1];
  return ['plain', 1];
}

/// A cut position in (from, limit], preferring natural breaks in the second half.
function findCut(text: string, from: number, limit: number): number {
  const floor = from + (limit - from) / 2;
  for (let i = limit; i > floor; i--) {
    if (SOFT_BREAK.test(text[i - 1]) && !WHITESPACE.test(text[i])) return i;
  }
  for (let i = limit; i > floor; i--) {
    if (HIRAGANA.test(text[i - 1]) && !HIRAGANA.test(text[i]) && !isLow(text.charCodeAt(i))) {
      return i;
    }
  }
  return isLow(text.charCodeAt(limit)) ? limit - 1 : limit;
}

function pushSentences(text: string, start: number, end: number, out: KuromojiPiece[]): void {
  const bounds: number[] = [];
  for (const m of text.slice(start, end).matchAll(SENTENCE_END)) bounds.push(start + m.index + 1);
  if (bounds[bounds.length - 1] !== end) bounds.push(end);
  let from = start;
  for (const to of bounds) {
    while (to - from > MAX_SENTENCE) {
      const cut = findCut(text, from, from + MAX_SENTENCE);
      out.push({ kind: 'analyze', start: from, end: cut });
      from = cut;
    }
    if (to > from) out.push({ kind: 'analyze', start: from, end: to });
    from = to;
  }
}

/// The pieces of `text`, in order.
export function planKuromojiInput(text: string): KuromojiPiece[] {
  const out: KuromojiPiece[] = [];
  let plainStart = 0;
  let i = 0;
  const flushPlain = (to: number) => {
    if (to > plainStart) pushSentences(text, plainStart, to, out);
  };
  while (i < text.length) {
    const [kind, width] = charAt(text, i);
    if (kind === 'plain') {
      i += width;
      continue;
    }
    // Measure the run of this kind.
    let j = i + width;
    let count = 1;
    while (j < text.length) {
      const [k, w] = charAt(text, j);
      if (k !== kind) break;
      j += w;
      count++;
    }
    if (kind === 'astral' && count === 1) {
      i = j;
      continue;
    }
    flushPlain(i);
    out.push({
      kind: 'fixed',
      start: i,
      end: j,
      posDetail: kind === 'newline' || kind === 'nul' ? '空白' : '一般',
    });
    i = j;
    plainStart = j;
  }
  flushPlain(text.length);
  return out;
}
