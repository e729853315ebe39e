// Re-anchoring: placing units on a text by their quotes, when a file's offsets cannot be trusted
// (it was made on another version of the text, or by a tool that gives no offsets, or counts
// them differently — Hypothesis counts UTF-16 units where W3C says code points).
//
// The pattern is Hypothesis's (`src/annotator/anchoring/match-quote.ts`): find candidates for
// the quote, score them by the quote's similarity, by how well the text around them matches the
// context the file recorded (prefix/suffix), and by nearness to the expected position; take the
// best. The code is our own, and differs in three ways:
// - Exact occurrences come first. Only when the best exact occurrence does not sit in its
//   recorded context (a short quote that also occurs elsewhere, while its own occurrence was
//   edited) are approximate candidates weighed against it.
// - The expected position follows the edits: units are placed in text order, and each confident
//   placement updates the shift (new − old offset) applied to the next unit's old offset. A
//   sentence inserted before everything moves every hint with it, so repeated quotes still land
//   on the right occurrence.
// - Approximate matching is a semi-global edit distance (Sellers) over code points, in a window
//   around the hint scaled to the text's length (10 %, at least twice the quote), falling back to
//   the whole text when the window holds nothing close enough.
// Placed spans are then snapped outward to token boundaries when the caller passes them.
//
// Invariants: spans returned inside are UTF-16 (the core's unit); every offset in the report is
// in code points (it is shown to users and compared with files). A unit is either placed or
// listed as unplaced, never silently dropped; relations that lose an end are listed too.
import { snapToTokens } from '@/lib/argument/snap';
import { compareIds, compareUnits, type ArgumentMap, type ArgumentUnit, type Relation } from '@/lib/argument/types';
import { relationValue } from '@/lib/argument/operations';
import { makeOffsetConverter, type OffsetConverter } from '@/lib/text/offsets';
import type { RelationDraft, UnitDraft } from './types';

/// Code points of context recorded around a quote (W3C TextQuoteSelector prefix/suffix).
export const CONTEXT_LENGTH = 32;

/// Below this similarity (1 − edit distance / quote length) a fuzzy candidate is not a match.
export const DEFAULT_MIN_SIMILARITY = 0.75;

/// A span in code points (the report's unit).
export interface CodePointSpan {
  start: number;
  end: number;
}

export interface MovedUnit {
  unitId: string;
  /// Where the file put it (code points in the file's text), or null when the file gave no offsets.
  from: CodePointSpan | null;
  /// Where it is now (code points in the target text).
  to: CodePointSpan;
  /// 'exact': the quote found verbatim elsewhere; 'fuzzy': an approximate match (possibly in
  /// place: the text inside the quote was edited); 'snapped': the quote was where the file said,
  /// but the span was widened to token boundaries.
  how: 'exact' | 'fuzzy' | 'snapped';
  /// 1 − edit distance / quote length (1 for exact matches).
  similarity: number;
  /// Whether snapping to token boundaries changed the matched span.
  snapped: boolean;
}

export interface UnplacedUnit {
  unitId: string;
  quote: string;
  /// quoteNotFound: no exact or close enough match; noQuote: nothing to search for;
  /// emptyOnTokens: the match is empty once snapped to token boundaries.
  reason: 'quoteNotFound' | 'noQuote' | 'emptyOnTokens';
}

export interface DroppedRelation {
  relationId: string;
  type: 'support' | 'attack';
  from: string[];
  to: string;
  /// The relation's units that could not be placed (or the dropped relation it targets).
  missing: string[];
}

export interface AnchorReport {
  offsetUnit: 'codepoint';
  moved: MovedUnit[];
  unplaced: UnplacedUnit[];
  /// Units that stayed exactly where the file put them.
  unchanged: number;
  droppedRelations: DroppedRelation[];
  /// The main claim's id when it was unplaced (the map then has no main claim).
  mainClaimDropped: string | null;
}

export interface AnchorOptions {
  /// Sorted UTF-16 token boundaries of the target text (`tokenBoundaries`); spans snap to them.
  boundaries?: readonly number[];
  /// Minimum similarity for a fuzzy match (default 0.75).
  minSimilarity?: number;
  /// True when the file was made on this very text: a unit whose offsets slice to its quote stays
  /// put. False (the default) searches for every quote, using the offsets only as hints.
  trustOffsets?: boolean;
}

/// A target text prepared for many searches: its code points and an offset converter.
export interface SearchText {
  text: string;
  offsets: OffsetConverter;
  codePoints: Int32Array;
}

export function prepareSearchText(text: string): SearchText {
  const offsets = makeOffsetConverter(text);
  const codePoints = new Int32Array(offsets.codePointLength);
  let i = 0;
  for (const ch of text) codePoints[i++] = ch.codePointAt(0)!;
  return { text, offsets, codePoints };
}

function toCodePoints(s: string): Int32Array {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return Int32Array.from(out);
}

/// Up to `n` code points before and after [start, end) (UTF-16 offsets).
export function contextAround(text: string, offsets: OffsetConverter, start: number, end: number, n = CONTEXT_LENGTH): { prefix: string; suffix: string } {
  const cpStart = offsets.toCodePoint(start);
  const cpEnd = offsets.toCodePoint(end);
  return {
    prefix: text.slice(offsets.toUtf16(Math.max(0, cpStart - n)), start),
    suffix: text.slice(end, offsets.toUtf16(Math.min(offsets.codePointLength, cpEnd + n))),
  };
}

export interface QuoteContext {
  /// Expected start, in code points of the target text.
  hint?: number;
  prefix?: string;
  suffix?: string;
  minSimilarity?: number;
}

export interface QuoteMatch {
  /// UTF-16 offsets into the target text.
  start: number;
  end: number;
  similarity: number;
  how: 'exact' | 'fuzzy';
  /// How well the surrounding text matches the recorded prefix/suffix, 0–1 (1 when none recorded).
  context: number;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/// Adjacent-context agreement: how much of the recorded prefix ends right before the span and how
/// much of the suffix starts right after it. Exact adjacency, not similarity: cheap, and it is
/// what tells two occurrences of the same words apart.
function contextScore(text: string, start: number, end: number, prefix?: string, suffix?: string): number {
  const p = prefix ? commonSuffixLength(text.slice(Math.max(0, start - prefix.length), start), prefix) / prefix.length : 1;
  const s = suffix ? commonPrefixLength(text.slice(end, end + suffix.length), suffix) / suffix.length : 1;
  return (p + s) / 2;
}

// Weights as in Hypothesis's scoring: the quote matters most, the context next, and the
// position breaks ties.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 40;
const POSITION_WEIGHT = 2;

function score(target: SearchText, m: QuoteMatch, hint: number | undefined): number {
  const pos = hint === undefined ? 1 : 1 - Math.abs(target.offsets.toCodePoint(m.start) - hint) / Math.max(1, target.codePoints.length);
  return QUOTE_WEIGHT * m.similarity + CONTEXT_WEIGHT * m.context + POSITION_WEIGHT * pos;
}

/// The verbatim occurrence of `quote` that best fits its context and the hint, or null.
export function findExact(target: SearchText, quote: string, ctx: QuoteContext = {}): QuoteMatch | null {
  if (!quote) return null;
  let best: QuoteMatch | null = null;
  let bestScore = -Infinity;
  for (let at = target.text.indexOf(quote); at !== -1; at = target.text.indexOf(quote, at + 1)) {
    // An occurrence starting on the low half of a surrogate pair is not a real one.
    if (!target.offsets.isBoundary(at) || !target.offsets.isBoundary(at + quote.length)) continue;
    const m: QuoteMatch = { start: at, end: at + quote.length, similarity: 1, how: 'exact', context: contextScore(target.text, at, at + quote.length, ctx.prefix, ctx.suffix) };
    const s = score(target, m, ctx.hint);
    if (s > bestScore) {
      best = m;
      bestScore = s;
    }
  }
  return best;
}

/// Ends of approximate matches of `pattern` in text[from, to) with at most `maxErrors` edits
/// (code-point indices), each with the start of its best alignment. Sellers' algorithm: the edit
/// distance table with a free start row, one column per text position, tracking where each
/// alignment began.
function approximateMatches(pattern: Int32Array, text: Int32Array, from: number, to: number, maxErrors: number): Array<{ start: number; end: number; errors: number }> {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = from;
  }
  const found: Array<{ start: number; end: number; errors: number }> = [];
  for (let j = from; j < to; j++) {
    const c = text[j];
    cur[0] = 0;
    curStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      // Prefer the diagonal on ties, so alignments stay as tight as the quote.
      let best = prev[i - 1] + (pattern[i - 1] === c ? 0 : 1);
      let start = prevStart[i - 1];
      const skipPattern = cur[i - 1] + 1;
      if (skipPattern < best) {
        best = skipPattern;
        start = curStart[i - 1];
      }
      const skipText = prev[i] + 1;
      if (skipText < best) {
        best = skipText;
        start = prevStart[i];
      }
      cur[i] = best;
      curStart[i] = start;
    }
    if (cur[m] <= maxErrors && curStart[m] < j + 1) found.push({ start: curStart[m], end: j + 1, errors: cur[m] });
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return found;
}

// Above this many table cells a search is not attempted (a quote of thousands of characters
// against a whole book); such a unit is reported unplaced instead of stalling an import.
const MAX_CELLS = 60_000_000;

/// The best approximate match of `quote` near the hint (or anywhere), or null.
export function findFuzzy(target: SearchText, quote: string, ctx: QuoteContext = {}): QuoteMatch | null {
  const pattern = toCodePoints(quote);
  const m = pattern.length;
  const n = target.codePoints.length;
  if (m === 0 || n === 0) return null;
  const minSimilarity = ctx.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const maxErrors = Math.floor(m * (1 - minSimilarity));
  if (maxErrors < 1) return null;

  const search = (from: number, to: number): QuoteMatch | null => {
    if ((to - from) * m > MAX_CELLS) return null;
    let best: QuoteMatch | null = null;
    let bestScore = -Infinity;
    for (const hit of approximateMatches(pattern, target.codePoints, from, to, maxErrors)) {
      const start = target.offsets.toUtf16(hit.start);
      const end = target.offsets.toUtf16(hit.end);
      const match: QuoteMatch = { start, end, similarity: 1 - hit.errors / m, how: 'fuzzy', context: contextScore(target.text, start, end, ctx.prefix, ctx.suffix) };
      const s = score(target, match, ctx.hint);
      if (s > bestScore) {
        best = match;
        bestScore = s;
      }
    }
    return best;
  };

  if (ctx.hint !== undefined) {
    const radius = Math.max(2 * m + maxErrors, Math.ceil(n * 0.1));
    const from = Math.max(0, Math.min(n, ctx.hint) - radius);
    const to = Math.min(n, Math.max(0, ctx.hint) + m + radius);
    const near = search(from, to);
    if (near || (from === 0 && to === n)) return near;
  }
  return search(0, n);
}

/// Where `quote` is in the target: exact occurrences first; approximate ones only when no exact
/// occurrence sits in the recorded context. Null when nothing is similar enough.
export function matchQuote(target: SearchText, quote: string, ctx: QuoteContext = {}): QuoteMatch | null {
  const exact = findExact(target, quote, ctx);
  const hasContext = Boolean(ctx.prefix || ctx.suffix);
  if (exact && (!hasContext || exact.context >= 0.5)) return exact;
  const fuzzy = findFuzzy(target, quote, ctx);
  if (!exact) return fuzzy;
  if (!fuzzy) return exact;
  return score(target, fuzzy, ctx.hint) > score(target, exact, ctx.hint) ? fuzzy : exact;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export interface AnchoredUnits {
  /// Placed units (UTF-16 offsets into the target text), keyed by id.
  spans: Map<string, { start: number; end: number }>;
  moved: MovedUnit[];
  unplaced: UnplacedUnit[];
  unchanged: number;
}

/// Places each unit on `text` by its quote (see the header). Units keep their ids.
export function anchorUnits(units: readonly UnitDraft[], text: string, options: AnchorOptions = {}): AnchoredUnits {
  const target = prepareSearchText(text);
  const cpLength = target.codePoints.length;
  const spans = new Map<string, { start: number; end: number }>();
  const moved: MovedUnit[] = [];
  const unplaced: UnplacedUnit[] = [];
  let unchanged = 0;

  // Text order of the file, so that the shift learnt from one unit serves the next.
  const order = units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.start ?? Infinity) - (b.u.start ?? Infinity) || a.i - b.i)
    .map((x) => x.u);
  let shift = 0;

  for (const u of order) {
    // An implicit unit has no place in any text: it comes through as it is (anchorMap).
    if (u.text !== undefined) continue;
    const old = u.start !== null && u.end !== null ? { start: u.start, end: u.end } : null;
    let span: { start: number; end: number } | null = null;
    let how: 'exact' | 'fuzzy' | null = null;
    let similarity = 1;

    if (options.trustOffsets && old && old.start < old.end && old.end <= cpLength) {
      const start = target.offsets.toUtf16(old.start);
      const end = target.offsets.toUtf16(old.end);
      if (text.slice(start, end) === u.quote) span = { start, end };
    }
    if (!span) {
      const match = matchQuote(target, u.quote, { hint: old ? old.start + shift : undefined, prefix: u.prefix, suffix: u.suffix, minSimilarity: options.minSimilarity });
      if (!match) {
        unplaced.push({ unitId: u.id, quote: u.quote, reason: u.quote ? 'quoteNotFound' : 'noQuote' });
        continue;
      }
      span = { start: match.start, end: match.end };
      how = match.how;
      similarity = round3(match.similarity);
      if (old && (match.how === 'exact' || match.similarity >= 0.9)) shift = target.offsets.toCodePoint(match.start) - old.start;
    }

    let final = span;
    if (options.boundaries) {
      const snappedSpan = snapToTokens(options.boundaries, span.start, span.end);
      if (!snappedSpan) {
        unplaced.push({ unitId: u.id, quote: u.quote, reason: 'emptyOnTokens' });
        continue;
      }
      final = snappedSpan;
    }
    spans.set(u.id, final);
    const to = { start: target.offsets.toCodePoint(final.start), end: target.offsets.toCodePoint(final.end) };
    const matched = { start: target.offsets.toCodePoint(span.start), end: target.offsets.toCodePoint(span.end) };
    const snapped = final.start !== span.start || final.end !== span.end;
    // Unchanged means the very quote at the very offsets; a fuzzy match in place is an edit the
    // user should see.
    if (old && how !== 'fuzzy' && to.start === old.start && to.end === old.end) {
      unchanged++;
      continue;
    }
    const atOldPlace = old !== null && matched.start === old.start && matched.end === old.end;
    moved.push({ unitId: u.id, from: old, to, how: how === 'fuzzy' ? 'fuzzy' : atOldPlace ? 'snapped' : 'exact', similarity, snapped });
  }
  // Report in the file's order of units, which is text order for every format we write.
  const rank = new Map(units.map((u, i) => [u.id, i]));
  moved.sort((a, b) => rank.get(a.unitId)! - rank.get(b.unitId)!);
  unplaced.sort((a, b) => rank.get(a.unitId)! - rank.get(b.unitId)!);
  return { spans, moved, unplaced, unchanged };
}

/// A draft relation as the model's relation, in its canonical shape.
export function relationOfDraft(r: RelationDraft): Relation {
  return relationValue({ id: r.id, type: r.type, from: r.from, to: r.to, scheme: r.scheme, criticalQuestions: r.criticalQuestions, note: r.note });
}

/// Anchors a whole draft map: units placed (see anchorUnits), relations whose ends were not
/// placed dropped and listed, the main claim cleared when it was not placed.
export function anchorMap(
  draft: { units: readonly UnitDraft[]; relations: readonly RelationDraft[]; mainClaimId: string | null },
  text: string,
  options: AnchorOptions = {},
): { map: ArgumentMap; report: AnchorReport } {
  const { spans, moved, unplaced, unchanged } = anchorUnits(draft.units, text, options);
  const units: ArgumentUnit[] = [];
  const present = new Set<string>();
  for (const u of draft.units) {
    if (u.text !== undefined) {
      units.push({ id: u.id, label: u.label, implicit: true, text: u.text, note: u.note });
      present.add(u.id);
      continue;
    }
    const span = spans.get(u.id);
    if (span) units.push({ id: u.id, label: u.label, start: span.start, end: span.end, note: u.note });
    if (span) present.add(u.id);
  }
  const droppedRelations: DroppedRelation[] = [];
  const relations: Relation[] = [];
  // Targets before what targets them, so that an undercutter of a dropped relation is dropped too.
  const drafts = new Map(draft.relations.map((r) => [r.id, r]));
  const depth = (r: RelationDraft) => {
    let n = 0;
    for (let at = drafts.get(r.to); at && n <= drafts.size; at = drafts.get(at.to)) n++;
    return n;
  };
  const ordered = draft.relations.map((r) => ({ r, d: depth(r) })).sort((a, b) => a.d - b.d).map((x) => x.r);
  const kept = new Set<string>();
  for (const r of ordered) {
    const missing = [...r.from, r.to].filter((id) => !present.has(id) && !kept.has(id));
    if (missing.length) {
      droppedRelations.push({ relationId: r.id, type: r.type, from: [...r.from], to: r.to, missing });
      continue;
    }
    kept.add(r.id);
    relations.push(relationOfDraft(r));
  }
  const rank = new Map(draft.relations.map((r, i) => [r.id, i]));
  droppedRelations.sort((a, b) => rank.get(a.relationId)! - rank.get(b.relationId)!);
  const mainClaimDropped = draft.mainClaimId !== null && !present.has(draft.mainClaimId) ? draft.mainClaimId : null;
  return {
    map: { units: units.sort(compareUnits), relations: relations.sort(compareIds), mainClaimId: mainClaimDropped ? null : draft.mainClaimId },
    report: { offsetUnit: 'codepoint', moved, unplaced, unchanged, droppedRelations, mainClaimDropped },
  };
}
