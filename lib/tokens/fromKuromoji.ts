// Turns kuromoji's morphemes into Ronten tokens: offsets, readings in hiragana, and a token
// sequence that covers the text exactly. Pure (no fs, no dictionary), so it can be tested with
// hand-made morpheme lists and reused by anything that has kuromoji output.
//
// Invariants of the result (checked by assertTokensCoverText):
// - the surfaces concatenate to the text; start/end and cpStart/cpEnd are contiguous from 0;
//   text.slice(start, end) === surface and [...text].slice(cpStart, cpEnd).join('') === surface;
// - no token is empty, and no token boundary falls inside a grapheme cluster (see graphemes.ts),
//   so a selection snapped to tokens never splits a surrogate pair, a base letter from its
//   combining mark, or an emoji sequence.
//
// Offsets are computed by walking the text with a cursor and summing surface lengths. kuromoji's
// word_position is never used: it counts code points within a sentence and drifts after any
// character outside the BMP.
//
// What kuromoji 0.1.2 (IPADIC) actually does, probed character by character on Node 20:
// - '\n', '\r', '\t', ' ', other C0 controls, U+00A0, U+FEFF, U+0301 are in its SPACE class:
//   a run of them is one UNKNOWN token 記号,空白 ("\n\n" and "\r\n" are single tokens). It does
//   NOT end a sentence at '\n' (only after 、 and 。), so a long text without those is one lattice.
// - '　' (U+3000) is a dictionary word 記号,空白, one token per character, reading '　'.
// - Half-width katakana is grouped into one UNKNOWN 名詞 token without a reading ("ｶﾀｶﾅﾞｶﾞ").
// - Combining marks are separate tokens: か + U+3099 → 'か' (助詞) and '゙' (名詞); so are the
//   parts of an emoji ZWJ sequence. (We join such parts again: see the grapheme invariant.)
// - A single non-BMP character (𠮷, 𩸽, 😀) is an UNKNOWN 記号,一般 token; fine.
// - Two or more consecutive non-BMP characters (🇯🇵, 𠮷𩸽, 😀😀, 👍🏽) are grouped into one
//   token whose lattice length is taken in UTF-16 units while the lattice counts code points:
//   the token's surface is right, but after a run of k such characters the next k code points
//   are silently DROPPED ("🇯🇵あいう" → ["🇯🇵", "う"]; "𠮷𩸽を" → ["𠮷𩸽"]).
// - A lone high surrogate anywhere in the input makes tokenize() throw (its UTF-8 encoder returns
//   null); a lone low surrogate becomes a 記号,空白 token. U+0000 makes it throw (it is the trie's
//   terminator). Every other BMP character comes back unchanged (all 63,487 checked, alone and
//   in context).
// - Known words take their surface from the dictionary entry, which equals the input here.
// - Tokenizing one sentence is quadratic in its length (8,000 characters without 、/。: 0.6 s).
// The server loader (kuromoji.ts, chunks.ts) avoids the crashes, the drops and the quadratic case
// before calling kuromoji. This module still aligns defensively: a morpheme that does not match
// the text at the cursor is resynchronised (skipped text becomes a 記号 gap token), so whatever
// the input, the output covers the text.

import type { Token } from './types';
import { codePointLength } from '@/lib/text/offsets';
import { graphemeBoundaries } from './graphemes';

/// The fields of a kuromoji IpadicFeatures that tokens are built from.
export interface KuromojiMorpheme {
  surface_form: string;
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  pos_detail_3: string;
  basic_form: string;
  reading?: string;
  conjugated_type?: string;
  conjugated_form?: string;
}

/// How far ahead a morpheme's surface is looked for when it does not match at the cursor.
/// Dropped stretches seen in practice are a few code points; a distant match is more likely a
/// coincidence than a resynchronisation.
const MAX_RESYNC = 64;

/// Katakana → hiragana (ァ–ヶ, ヽ, ヾ). ー, ・, half-width katakana, ヷ–ヺ (no hiragana
/// counterpart) and everything else are left as they are.
export function toHiragana(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out +=
      (c >= 0x30a1 && c <= 0x30f6) || c === 0x30fd || c === 0x30fe
        ? String.fromCharCode(c - 0x60)
        : s[i];
  }
  return out;
}

interface Span {
  start: number;
  end: number;
  morpheme: KuromojiMorpheme | null; // null: text kuromoji did not account for
}

function isStar(v: string | undefined): boolean {
  return v === undefined || v === '' || v === '*';
}

function gapDetail(surface: string): string {
  return /^\s+$/u.test(surface) ? '空白' : '一般';
}

function alignToText(text: string, raw: readonly KuromojiMorpheme[]): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  for (const m of raw) {
    const surface = m.surface_form ?? '';
    if (surface === '') continue;
    if (cursor >= text.length) break;
    if (text.startsWith(surface, cursor)) {
      spans.push({ start: cursor, end: cursor + surface.length, morpheme: m });
      cursor += surface.length;
      continue;
    }
    const at = text.indexOf(surface, cursor);
    if (at > cursor && at - cursor <= MAX_RESYNC) {
      // kuromoji skipped text before this morpheme.
      spans.push({ start: cursor, end: at, morpheme: null });
      spans.push({ start: at, end: at + surface.length, morpheme: m });
      cursor = at + surface.length;
      continue;
    }
    // kuromoji altered the characters: keep its analysis over the same number of code units.
    const end = Math.min(text.length, cursor + surface.length);
    spans.push({ start: cursor, end, morpheme: m });
    cursor = end;
  }
  if (cursor < text.length) spans.push({ start: cursor, end: text.length, morpheme: null });
  return spans;
}

/// Joins a span with its successors until it ends on a grapheme boundary. The joined span keeps
/// the analysis of its first analysed part (the base character carries the meaning).
function snapToGraphemes(text: string, spans: Span[]): Span[] {
  if (spans.length <= 1) return spans;
  const boundaries = graphemeBoundaries(text);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && boundaries[last.end] !== 1) {
      last.end = span.end;
      last.morpheme ??= span.morpheme;
    } else {
      out.push({ ...span });
    }
  }
  return out;
}

function toToken(text: string, span: Span, cpStart: number): Token {
  const surface = text.slice(span.start, span.end);
  const place = { start: span.start, end: span.end, cpStart, cpEnd: cpStart + codePointLength(surface), surface };
  const m = span.morpheme;
  if (m === null) return { ...place, pos: '記号', posDetail: gapDetail(surface), basicForm: surface, reading: '' };
  return {
    ...place,
    pos: isStar(m.pos) ? '記号' : m.pos,
    posDetail: [m.pos_detail_1, m.pos_detail_2, m.pos_detail_3].filter((d) => !isStar(d)).join(','),
    basicForm: isStar(m.basic_form) ? surface : m.basic_form,
    reading: isStar(m.reading) ? '' : toHiragana(m.reading!),
    ...conjugationOf(m),
  };
}

function conjugationOf(m: KuromojiMorpheme): { conjugation?: string } {
  const parts = [m.conjugated_type, m.conjugated_form].filter((d): d is string => d !== undefined && !isStar(d));
  return parts.length ? { conjugation: parts.join(',') } : {};
}


/// Tokens for `text` from kuromoji's morphemes of that same text (in order; they may come from
/// several tokenize() calls over consecutive pieces of it).
export function tokensFromKuromoji(text: string, raw: readonly KuromojiMorpheme[]): Token[] {
  const spans = snapToGraphemes(text, alignToText(text, raw));
  const tokens: Token[] = new Array(spans.length);
  let cp = 0;
  for (let i = 0; i < spans.length; i++) {
    const token = toToken(text, spans[i], cp);
    tokens[i] = token;
    cp = token.cpEnd;
  }
  return tokens;
}

function show(s: string): string {
  return JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s);
}

/// Throws a descriptive Error unless `tokens` cover `text` exactly: non-empty, contiguous from
/// offset 0 to the end in both UTF-16 and code-point offsets, each surface equal to its slice.
export function assertTokensCoverText(text: string, tokens: readonly Token[]): void {
  let end = 0;
  let cpEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const where = `token ${i} ${show(t.surface)} [${t.start}, ${t.end}) cp [${t.cpStart}, ${t.cpEnd})`;
    if (t.start !== end) {
      throw new Error(`${where}: starts at ${t.start}, expected ${end} (previous token's end)`);
    }
    if (t.end <= t.start) throw new Error(`${where}: empty or reversed`);
    if (t.end > text.length) {
      throw new Error(`${where}: ends after the text (length ${text.length})`);
    }
    const slice = text.slice(t.start, t.end);
    if (slice !== t.surface) {
      throw new Error(`${where}: surface differs from the text there, ${show(slice)}`);
    }
    if (t.cpStart !== cpEnd) {
      throw new Error(`${where}: cpStart ${t.cpStart}, expected ${cpEnd} (previous token's cpEnd)`);
    }
    const c = t.start > 0 ? text.charCodeAt(t.start - 1) : 0;
    const d = text.charCodeAt(t.start);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      throw new Error(`${where}: starts inside a surrogate pair`);
    }
    if (t.cpEnd - t.cpStart !== codePointLength(t.surface)) {
      throw new Error(
        `${where}: spans ${t.cpEnd - t.cpStart} code points, surface has ${codePointLength(t.surface)}`,
      );
    }
    end = t.end;
    cpEnd = t.cpEnd;
  }
  if (end !== text.length) {
    throw new Error(
      `tokens end at ${end} but the text has length ${text.length}; uncovered: ${show(text.slice(end))}`,
    );
  }
}
