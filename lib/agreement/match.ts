// Unit alignment: which unit of a candidate map corresponds to which unit of a reference map
// over the same text. Everything else in lib/agreement (unit, label and relation scores) is
// computed from these pairs.
//
// Definitions (offsets and lengths are UTF-16 code units, the core's unit — a character outside
// the BMP such as 𠮷 counts 2, so lengths can differ slightly from a code-point computation on an
// exported file; spans are half-open [start, end)):
//   overlap(A, B)  = |A ∩ B| = max(0, min(A.end, B.end) − max(A.start, B.start))
//   exact match    : A.start = B.start and A.end = B.end
//   overlap match  : |A ∩ B| > 0 and |A ∩ B| ≥ ½·max(|A|, |B|) — the "approximate match" of
//                    argument-mining evaluations (Persing & Ng 2016; Eger, Daxenberger &
//                    Gurevych 2017): the two spans share at least half of the longer one. Tested
//                    in integers (2·|A ∩ B| ≥ max) so no rounding decides a borderline case.
// Labels play no part in whether two units match: label agreement is scored on the pairs.
//
// One-to-one: a unit is paired with at most one unit of the other map, otherwise one long
// candidate unit could "find" several reference units and inflate recall. Nested and
// overlapping units make several pairings possible; we choose an OPTIMAL assignment
// (assignment.ts), not a greedy one, because greedy largest-overlap-first can pair a unit with
// the neighbour another unit needed and lose a pair (reference [0,10) and [4,12), candidate
// [2,10) and [0,6): greedy takes [0,10)–[2,10) and nothing else fits; the optimum has two pairs).
// The assignment maximizes, in this order:
//   1. the number of pairs (what precision, recall and F1 count),
//   2. the total overlap of the pairs (the closest spans pair up),
//   3. the number of pairs with equal labels — only among pairings that are geometrically equal,
//      e.g. a student who tagged one span twice (claim and evidence) against a reference with the
//      same two units: pairing claim with evidence would report a label error the student did
//      not make. It never changes which or how many spans match, so unit scores are unaffected.
// Remaining ties (identical spans with identical labels) are broken by the order the units are
// fed in, which is canonical — (start, end, id) as in compareUnits — so results are reproducible.

import type { TextUnit } from '@/lib/argument/types';
import { optimalMatching, type PrioritizedEdge } from './assignment';

export type MatchCriterion = 'exact' | 'overlap';

/// What matching needs of a unit.
export type SpanUnit = Pick<TextUnit, 'id' | 'label' | 'start' | 'end'>;

export interface UnitPair {
  reference: string;
  candidate: string;
  /// |reference ∩ candidate| in UTF-16 code units.
  overlap: number;
}

export interface UnitMatching {
  criterion: MatchCriterion;
  /// In reference text order (start, end, id).
  pairs: UnitPair[];
  /// Reference unit ids no candidate unit is paired with, in text order.
  missing: string[];
  /// Candidate unit ids paired with no reference unit, in text order.
  extra: string[];
}

/// Text order (start, end, id) — compareUnits of lib/argument, for anything with a span and id.
export function compareSpanUnits(a: SpanUnit, b: SpanUnit): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/// |a ∩ b| for half-open spans.
export function spanOverlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/// Whether two units may be paired under `criterion` (see the header).
export function spansMatch(a: { start: number; end: number }, b: { start: number; end: number }, criterion: MatchCriterion): boolean {
  if (criterion === 'exact') return a.start === b.start && a.end === b.end;
  const overlap = spanOverlap(a, b);
  return overlap > 0 && 2 * overlap >= Math.max(a.end - a.start, b.end - b.start);
}

/// The one-to-one alignment of `candidate` units to `reference` units (see the header).
export function matchUnits(reference: readonly SpanUnit[], candidate: readonly SpanUnit[], criterion: MatchCriterion): UnitMatching {
  const ref = [...reference].sort(compareSpanUnits);
  const cand = [...candidate].sort(compareSpanUnits);
  const edges: PrioritizedEdge[] = [];
  // Both lists are sorted by start, so the candidates a reference unit can overlap begin before
  // it ends: stop scanning there instead of testing every pair.
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i];
    for (let j = 0; j < cand.length && cand[j].start < Math.max(r.end, r.start + 1); j++) {
      const c = cand[j];
      if (!spansMatch(r, c, criterion)) continue;
      edges.push({ left: i, right: j, priority: [spanOverlap(r, c), r.label === c.label ? 1 : 0] });
    }
  }
  const chosen = optimalMatching(ref.length, cand.length, edges);
  const pairedRef = new Set(chosen.map(([i]) => i));
  const pairedCand = new Set(chosen.map(([, j]) => j));
  return {
    criterion,
    pairs: chosen.map(([i, j]) => ({ reference: ref[i].id, candidate: cand[j].id, overlap: spanOverlap(ref[i], cand[j]) })),
    missing: ref.filter((_, i) => !pairedRef.has(i)).map((u) => u.id),
    extra: cand.filter((_, j) => !pairedCand.has(j)).map((u) => u.id),
  };
}
