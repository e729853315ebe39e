// Compact columnar form of a text's tokens, for storage and for sending them to the browser
// with the text (the reading view needs them; the dictionary stays on the server). Pure.
//
// Invariants: unpackTokens(text, packTokens(tokens)) deep-equals tokens whenever tokens cover
// text (assertTokensCoverText); unpackTokens only ever returns tokens that cover text, and
// throws otherwise. Everything derivable from the text is left out: surfaces and offsets
// (token lengths suffice), code-point offsets, a basic form equal to the surface and a reading
// equal to the surface in hiragana. The 10,000-character essay in the corpus packs to 8% of
// JSON.stringify(tokens) (64 kB instead of 800 kB).
//
// The packed form also carries the text's phrases (phrases.ts), computed here, when the tokens
// are packed (at import), so that no page view computes them: `phrases` is each phrase's size in
// tokens, one character a phrase (lengths.ts). Documents stored before phrases existed got them
// in migration 014.

import type { Token } from './types';
import { codePointLength } from '@/lib/text/offsets';
import { assertTokensCoverText, toHiragana } from './fromKuromoji';
import { encodeLengths } from './lengths';
import { phraseSizes } from './phrases';

/// Marks a basic form equal to the surface, or a reading equal to toHiragana(surface).
export { SAME } from './same';
import { SAME } from './same';

export interface PackedTokens {
  v: 1;
  /// UTF-16 length of each token; offsets are the running sums.
  len: number[];
  /// Distinct [pos, posDetail] pairs, or [pos, posDetail, conjugation] for inflecting words, in
  /// order of first use.
  tags: Array<[string, string] | [string, string, string]>;
  /// Index into tags, per token.
  tag: number[];
  /// Per token: the basic form, or 0 when it equals the surface.
  basic: (string | 0)[];
  /// Per token: the reading, or 0 when it equals toHiragana(surface).
  reading: (string | 0)[];
  /// Each phrase's size in tokens, encoded by encodeLengths; the sizes sum to len.length.
  phrases: string;
}


/// Packs tokens that run contiguously from offset 0 (as tokensFromKuromoji makes them).
export function packTokens(tokens: readonly Token[]): PackedTokens {
  const tagIndex = new Map<string, number>();
  const packed: PackedTokens = { v: 1, len: [], tags: [], tag: [], basic: [], reading: [], phrases: encodeLengths(phraseSizes(tokens)) };
  let end = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start !== end || t.end <= t.start) {
      throw new Error(`packTokens: token ${i} spans [${t.start}, ${t.end}), expected to start at ${end}`);
    }
    end = t.end;
    const key = `${t.pos}\u0000${t.posDetail}\u0000${t.conjugation ?? ''}`;
    let tag = tagIndex.get(key);
    if (tag === undefined) {
      tag = packed.tags.length;
      tagIndex.set(key, tag);
      packed.tags.push(t.conjugation ? [t.pos, t.posDetail, t.conjugation] : [t.pos, t.posDetail]);
    }
    packed.len.push(t.end - t.start);
    packed.tag.push(tag);
    packed.basic.push(t.basicForm === t.surface ? SAME : t.basicForm);
    packed.reading.push(t.reading === toHiragana(t.surface) ? SAME : t.reading);
  }
  return packed;
}

/// The tokens of `text` from their packed form; throws if they do not fit the text.
export function unpackTokens(text: string, packed: PackedTokens): Token[] {
  const n = packed.len.length;
  if (packed.tag.length !== n || packed.basic.length !== n || packed.reading.length !== n) {
    throw new Error(`unpackTokens: columns of unequal length (${n} token lengths)`);
  }
  const tokens: Token[] = new Array(n);
  let start = 0;
  let cpStart = 0;
  for (let i = 0; i < n; i++) {
    const end = start + packed.len[i];
    if (end > text.length) {
      throw new Error(`unpackTokens: token ${i} ends at ${end}, after the text (length ${text.length})`);
    }
    const tag = packed.tags[packed.tag[i]];
    if (tag === undefined) throw new Error(`unpackTokens: token ${i} refers to missing tag ${packed.tag[i]}`);
    const surface = text.slice(start, end);
    const cpEnd = cpStart + codePointLength(surface);
    const basic = packed.basic[i];
    const reading = packed.reading[i];
    tokens[i] = {
      start,
      end,
      cpStart,
      cpEnd,
      surface,
      pos: tag[0],
      posDetail: tag[1],
      basicForm: basic === SAME ? surface : basic,
      reading: reading === SAME ? toHiragana(surface) : reading,
      ...(tag[2] ? { conjugation: tag[2] } : {}),
    };
    start = end;
    cpStart = cpEnd;
  }
  assertTokensCoverText(text, tokens);
  return tokens;
}
