// Finds the signposts (lexicon.ts) of a text in its tokens, sentence by sentence: a cue counts
// only where it starts and ends on token boundaries. Works on the token spans alone (start, end, surface), so the same code runs on the server, in the CLI and in
// the browser, which has only the spans. Linear in the number of tokens. Pure.

import type { TokenSpan } from '@/lib/tokens';
import { sentenceStarts } from '@/lib/text/sentences';
import { SIGNPOSTS, type Signpost, type SignpostRole } from './lexicon';

/// A sentence: [start, end) in UTF-16 offsets, white space at either end left out, and the
/// index range [first, last) of the tokens it spans.
export interface Sentence {
  start: number;
  end: number;
  first: number;
  last: number;
}

/// One signpost found: where its tokens are, in which sentence, and what it does.
export interface SignpostMatch {
  role: SignpostRole;
  at: 'open' | 'close';
  /// The cue's own text span (its tokens), and its surface as written.
  start: number;
  end: number;
  cue: string;
  /// Index into the sentences returned with it.
  sentence: number;
}

const SPACE = /^[\s\u3000]+$/;
const OPENERS = new Set(['「', '『', '（', '(', '【', '〔', '〈', '《', '［', '[', '“', '‘']);
const TRAILERS = new Set(['。', '｡', '！', '!', '？', '?', '」', '』', '）', ')', '】', '〕', '〉', '》', '］', ']', '”', '’', '｣']);

/// Forms by their first (openers) or last (closers) character, longest first, so the longest cue wins.
function index(at: 'open' | 'close'): Map<string, Signpost[]> {
  const byKey = new Map<string, Signpost[]>();
  for (const s of SIGNPOSTS) {
    if (s.at !== at) continue;
    const key = at === 'open' ? s.form[0] : s.form[s.form.length - 1];
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  for (const list of byKey.values()) list.sort((a, b) => b.form.length - a.form.length);
  return byKey;
}
const OPEN = index('open');
const CLOSE = index('close');

/// The text's sentences (lib/text/sentences.ts decides where they start) with their tokens.
/// `tokens` must cover `text` contiguously, as every token list does.
export function sentencesOf(text: string, tokens: readonly TokenSpan[]): Sentence[] {
  const starts = sentenceStarts(text);
  const out: Sentence[] = [];
  let t = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    let end = i + 1 < starts.length ? starts[i + 1] : text.length;
    while (end > start && /[\s\u3000]/.test(text[end - 1])) end--;
    while (t < tokens.length && tokens[t].end <= start) t++;
    const first = t;
    while (t < tokens.length && tokens[t].start < end) t++;
    out.push({ start, end, first, last: t });
  }
  return out;
}

/// Every signpost of the text: at most one opener and one closer a sentence (the longest).
export function findSignposts(text: string, tokens: readonly TokenSpan[]): { sentences: Sentence[]; matches: SignpostMatch[] } {
  const sentences = sentencesOf(text, tokens);
  const matches: SignpostMatch[] = [];
  sentences.forEach((s, si) => {
    // Openers: after leading white space and opening brackets.
    let i = s.first;
    while (i < s.last && (SPACE.test(tokens[i].surface) || OPENERS.has(tokens[i].surface))) i++;
    const opener = i < s.last ? OPEN.get(text[tokens[i].start])?.find((c) => opens(text, tokens, i, s.last, c.form) > 0) : undefined;
    const openEnd = opener ? opens(text, tokens, i, s.last, opener.form) : i;
    if (opener) matches.push(found(opener, text, tokens[i].start, tokens[openEnd - 1].end, si));
    // Closers: before trailing terminators, closing brackets and white space.
    let j = s.last;
    while (j > s.first && (SPACE.test(tokens[j - 1].surface) || TRAILERS.has(tokens[j - 1].surface))) j--;
    const closer = j > s.first ? CLOSE.get(text[tokens[j - 1].end - 1])?.find((c) => closes(text, tokens, j, s.first, c.form) > -1) : undefined;
    const closeStart = closer ? closes(text, tokens, j, s.first, closer.form) : j;
    // A short sentence's cue is one kind, not both (例えば…だろう is still an example).
    if (closer && closeStart >= openEnd) matches.push(found(closer, text, tokens[closeStart].start, tokens[j - 1].end, si));
  });
  return { sentences, matches };
}

/// Whether `form` is written from token `from` on and ends on a token boundary before `limit`:
/// the index of the token after it, or 0 when it is not.
function opens(text: string, tokens: readonly TokenSpan[], from: number, limit: number, form: string): number {
  const start = tokens[from].start;
  if (!text.startsWith(form, start)) return 0;
  let k = from;
  while (k < limit && tokens[k].end < start + form.length) k++;
  return k < limit && tokens[k].end === start + form.length ? k + 1 : 0;
}

/// Whether `form` is written just before token `to` and starts on a token boundary at or after
/// `first`: the index of its first token, or -1 when it is not.
function closes(text: string, tokens: readonly TokenSpan[], to: number, first: number, form: string): number {
  const end = tokens[to - 1].end;
  if (end - form.length < 0 || text.slice(end - form.length, end) !== form) return -1;
  let k = to - 1;
  while (k > first && tokens[k].start > end - form.length) k--;
  return tokens[k].start === end - form.length ? k : -1;
}

function found(s: Signpost, text: string, start: number, end: number, sentence: number): SignpostMatch {
  return { role: s.role, at: s.at, start, end, cue: text.slice(start, end), sentence };
}
