// Snapping spans to morpheme boundaries: a selection that starts or ends inside a word takes the
// whole word. Works on the sorted token boundaries (every token start, plus the text's end).
import type { Token } from '@/lib/tokens/types';

/// Sorted, unique UTF-16 offsets where a token starts or the text ends.
export function tokenBoundaries(tokens: readonly Pick<Token, 'start' | 'end'>[]): number[] {
  if (tokens.length === 0) return [0];
  return [...tokens.map((t) => t.start), tokens[tokens.length - 1].end];
}

/// Largest boundary ≤ offset (index into `boundaries`).
export function floorIndex(boundaries: readonly number[], offset: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (boundaries[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function isBoundary(boundaries: readonly number[], offset: number): boolean {
  return boundaries[floorIndex(boundaries, offset)] === offset;
}

/// Widens [from, to) outward to token boundaries. A collapsed selection inside a word takes that
/// word; `null` when the span is empty after snapping (e.g. at the very end of the text).
export function snapToTokens(boundaries: readonly number[], from: number, to: number): { start: number; end: number } | null {
  if (from > to) [from, to] = [to, from];
  const last = boundaries[boundaries.length - 1];
  from = Math.max(0, Math.min(from, last));
  to = Math.max(0, Math.min(to, last));
  const i = floorIndex(boundaries, from);
  const start = boundaries[i];
  // The smallest boundary ≥ to; a collapsed span takes the token it sits in (or starts).
  let j = floorIndex(boundaries, to);
  if (boundaries[j] < to) j += 1;
  if (j <= i) j = i + 1;
  if (j >= boundaries.length) return null;
  const end = boundaries[j];
  return end > start ? { start, end } : null;
}

/// Moves a unit edge by whole tokens: `edge` 'start'|'end', `step` ±1. Returns the new span, or
/// null when the move would empty the unit or leave the text.
export function stepEdge(
  boundaries: readonly number[],
  span: { start: number; end: number },
  edge: 'start' | 'end',
  step: 1 | -1,
): { start: number; end: number } | null {
  const at = floorIndex(boundaries, edge === 'start' ? span.start : span.end);
  const k = at + step;
  if (k < 0 || k >= boundaries.length) return null;
  const next = edge === 'start' ? { start: boundaries[k], end: span.end } : { start: span.start, end: boundaries[k] };
  return next.start < next.end ? next : null;
}

// Phrases (文節, lib/tokens/phrases.ts) as the editor uses them: `starts` lists the first token
// of each phrase, in order, then the token count (phraseStartTokens). Selections snap outward to
// phrases by default; units and their offsets stay on token boundaries (a phrase boundary is one).

/// The phrase holding token `index`.
export function phraseOf(starts: readonly number[], index: number): number {
  return Math.min(floorIndex(starts, index), Math.max(0, starts.length - 2));
}

/// The token range [first, last] widened outward to whole phrases.
export function widenToPhrases(starts: readonly number[], first: number, last: number): { first: number; last: number } {
  if (starts.length < 2) return { first, last };
  return { first: starts[phraseOf(starts, first)], last: starts[phraseOf(starts, last) + 1] - 1 };
}
