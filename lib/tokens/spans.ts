// What the browser gets of a document's tokens, in two parts: the token boundaries, at once and
// small (the editor needs every one: the word caret, snapping, unit boxes), and the rest of a
// token (part of speech, base form, reading: only the word tooltip reads them) in chunks of
// DETAIL_CHUNK tokens, fetched when a tooltip first needs one. Both are cut from the stored
// PackedTokens (wire.ts), never from the tokens' full JSON. Pure.
//
// Invariants: tokenSpans(text, encodeLengths(packTokens(tokens).len)) gives each token's
// start, end and surface; detailsOf(detailChunk(packed, from), i, surface) gives token i's
// other fields for every i in [from, from + DETAIL_CHUNK). tokenSpans only returns spans that
// cover the text exactly and throws otherwise. Boundaries cost one character a token (lengths
// 1–63 are one base64url digit; longer ones, rare — runs of line breaks, a long number — an
// escape): a 1 MiB text's 200,000 tokens in 200 kB instead of the 1.8 MB of the packed form.

import type { TokenDetails, TokenSpan } from './types';
import { toHiragana } from './fromKuromoji';
import type { PackedTokens } from './wire';
import { SAME } from './same';
import { decodeLengths } from './lengths';

export { decodeLengths, encodeLengths } from './lengths';

/// The spans of `text`'s tokens from their encoded lengths; throws unless they cover it exactly.
export function tokenSpans(text: string, encodedLengths: string): TokenSpan[] {
  const lengths = decodeLengths(encodedLengths);
  const spans: TokenSpan[] = new Array(lengths.length);
  let start = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = start + lengths[i];
    if (end > text.length) throw new Error(`tokenSpans: token ${i} ends at ${end}, after the text (length ${text.length})`);
    spans[i] = { start, end, surface: text.slice(start, end) };
    start = end;
  }
  if (start !== text.length) throw new Error(`tokenSpans: tokens cover ${start} of ${text.length} code units`);
  return spans;
}

/// The phrases (phrases.ts) as the editor steps and snaps by them: the first token of each, then
/// `tokenCount`, from their encoded sizes; throws unless they cover the tokens exactly.
export function phraseStarts(encodedSizes: string, tokenCount: number): number[] {
  const starts = [0];
  for (const n of decodeLengths(encodedSizes)) starts.push(starts[starts.length - 1] + n);
  if (starts[starts.length - 1] !== tokenCount) throw new Error(`phraseStarts: phrases cover ${starts[starts.length - 1]} of ${tokenCount} tokens`);
  return starts;
}

/// Tokens per detail chunk: a chunk is ~10–20 kB of JSON.
export const DETAIL_CHUNK = 1024;

/// The details of tokens [from, from + DETAIL_CHUNK) (fewer at the end), with the tag table.
export interface DetailChunk {
  from: number;
  tags: PackedTokens['tags'];
  tag: number[];
  basic: (string | 0)[];
  reading: (string | 0)[];
}

/// The chunk that holds token `index`'s details starts at chunkStart(index).
export function chunkStart(index: number): number {
  return index - (index % DETAIL_CHUNK);
}

export function detailChunk(packed: PackedTokens, from: number): DetailChunk {
  if (from !== chunkStart(from) || from < 0 || from >= packed.len.length) {
    throw new RangeError(`detailChunk: no chunk starts at token ${from} (of ${packed.len.length})`);
  }
  const to = from + DETAIL_CHUNK;
  return { from, tags: packed.tags, tag: packed.tag.slice(from, to), basic: packed.basic.slice(from, to), reading: packed.reading.slice(from, to) };
}

/// Token `index`'s details from the chunk that holds it, given the token's surface.
export function detailsOf(chunk: DetailChunk, index: number, surface: string): TokenDetails {
  const i = index - chunk.from;
  if (i < 0 || i >= chunk.tag.length) throw new RangeError(`detailsOf: token ${index} is not in the chunk from ${chunk.from}`);
  const [pos, posDetail, conjugation] = chunk.tags[chunk.tag[i]];
  const basic = chunk.basic[i];
  const reading = chunk.reading[i];
  return { pos, posDetail, basicForm: basic === SAME ? surface : basic, reading: reading === SAME ? toHiragana(surface) : reading, ...(conjugation ? { conjugation } : {}) };
}
