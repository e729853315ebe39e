import { describe, expect, it } from 'vitest';
import { matchUnits, spanOverlap, spansMatch, type SpanUnit } from './match';

const u = (id: string, start: number, end: number, label = 'claim'): SpanUnit => ({ id, label, start, end });

describe('spansMatch', () => {
  it.each([
    // a, b, overlap, exact?, overlap-match?   (by hand: overlap ≥ ½·max(|a|, |b|))
    { a: [0, 10], b: [0, 10], overlap: 10, exact: true, approx: true },
    { a: [0, 10], b: [5, 15], overlap: 5, exact: false, approx: true }, // exactly half of 10
    { a: [0, 10], b: [6, 16], overlap: 4, exact: false, approx: false }, // 4 < 5
    { a: [0, 10], b: [2, 7], overlap: 5, exact: false, approx: true }, // nested, half of the longer
    { a: [0, 10], b: [2, 6], overlap: 4, exact: false, approx: false }, // nested but too short
    { a: [0, 4], b: [0, 9], overlap: 4, exact: false, approx: false }, // all of a, but 4 < 4.5
    { a: [0, 5], b: [5, 10], overlap: 0, exact: false, approx: false }, // adjacent: no overlap
    { a: [0, 1], b: [0, 2], overlap: 1, exact: false, approx: true }, // 1 ≥ 1
    { a: [3, 3], b: [3, 3], overlap: 0, exact: true, approx: false }, // empty spans never overlap
  ])('$a vs $b', ({ a, b, overlap, exact, approx }) => {
    const A = { start: a[0], end: a[1] };
    const B = { start: b[0], end: b[1] };
    expect(spanOverlap(A, B)).toBe(overlap);
    expect(spansMatch(A, B, 'exact')).toBe(exact);
    expect(spansMatch(A, B, 'overlap')).toBe(approx);
    expect(spansMatch(B, A, 'overlap')).toBe(approx);
  });
});

describe('matchUnits', () => {
  it('exact vs overlap on shifted spans', () => {
    const ref = [u('r1', 0, 10), u('r2', 20, 30), u('r3', 40, 50)];
    const cand = [u('c1', 0, 10), u('c2', 22, 30), u('c3', 46, 56)];
    // exact: only r1–c1. overlap: r2–c2 share 8 ≥ 5; r3–c3 share 4 < 5.
    expect(matchUnits(ref, cand, 'exact')).toEqual({
      criterion: 'exact',
      pairs: [{ reference: 'r1', candidate: 'c1', overlap: 10 }],
      missing: ['r2', 'r3'],
      extra: ['c2', 'c3'],
    });
    expect(matchUnits(ref, cand, 'overlap')).toEqual({
      criterion: 'overlap',
      pairs: [
        { reference: 'r1', candidate: 'c1', overlap: 10 },
        { reference: 'r2', candidate: 'c2', overlap: 8 },
      ],
      missing: ['r3'],
      extra: ['c3'],
    });
  });

  it('one candidate unit matches at most one reference unit (one-to-many)', () => {
    // c1 = [0,10) qualifies for r1 = [0,6) (6 ≥ 5) and r2 = [4,10) (6 ≥ 5), but pairs once.
    // Equal overlap, equal labels: the tie goes to the first reference unit in text order.
    const m = matchUnits([u('r1', 0, 6), u('r2', 4, 10)], [u('c1', 0, 10)], 'overlap');
    expect(m.pairs).toEqual([{ reference: 'r1', candidate: 'c1', overlap: 6 }]);
    expect(m.missing).toEqual(['r2']);
    expect(m.extra).toEqual([]);
  });

  it('one reference unit matches at most one candidate unit, preferring the larger overlap', () => {
    // r1 = [0,10): c1 = [0,7) shares 7, c2 = [3,10) shares 7 too but c3 = [0,9) shares 9.
    const m = matchUnits([u('r1', 0, 10)], [u('c1', 0, 7), u('c2', 3, 10), u('c3', 0, 9)], 'overlap');
    expect(m.pairs).toEqual([{ reference: 'r1', candidate: 'c3', overlap: 9 }]);
    expect(m.extra).toEqual(['c1', 'c2']);
  });

  it('finds the most pairs where greedy largest-overlap-first would lose one', () => {
    // r1 [0,10), r2 [4,12); c1 [2,10), c2 [0,6). Edges (overlap ≥ ½ longer):
    //   r1–c1 8 (≥5), r1–c2 6 (≥5), r2–c1 6 (≥4); r2–c2 shares 2 < 4.
    // Greedy takes r1–c1 (8) and then nothing fits; the optimum pairs r1–c2 and r2–c1.
    const m = matchUnits([u('r1', 0, 10), u('r2', 4, 12)], [u('c1', 2, 10), u('c2', 0, 6)], 'overlap');
    expect(m.pairs).toEqual([
      { reference: 'r1', candidate: 'c2', overlap: 6 },
      { reference: 'r2', candidate: 'c1', overlap: 6 },
    ]);
    expect(m.missing).toEqual([]);
    expect(m.extra).toEqual([]);
  });

  it('nested units pair with their counterparts, not across levels', () => {
    // Reference: a claim [0,20) with a nested evidence [0,12). Candidate: [0,18) and [2,12).
    // Every cross pair qualifies too ([0,20)∩[2,12) = 10 ≥ 10, [0,12)∩[0,18) = 12 ≥ 9), but
    // outer–outer + inner–inner has the larger total overlap (18 + 10 = 28 > 10 + 12 = 22).
    const ref = [u('outer', 0, 20, 'claim'), u('inner', 0, 12, 'evidence')];
    const cand = [u('c-outer', 0, 18, 'claim'), u('c-inner', 2, 12, 'evidence')];
    expect(matchUnits(ref, cand, 'overlap').pairs).toEqual([
      { reference: 'inner', candidate: 'c-inner', overlap: 10 },
      { reference: 'outer', candidate: 'c-outer', overlap: 18 },
    ]);
    // Exactly the same nesting: both pairs are exact.
    expect(matchUnits(ref, [u('a', 0, 20), u('b', 0, 12)], 'exact').pairs).toEqual([
      { reference: 'inner', candidate: 'b', overlap: 12 },
      { reference: 'outer', candidate: 'a', overlap: 20 },
    ]);
  });

  it('among geometrically equal pairings, pairs equal labels', () => {
    // The same span tagged twice on both sides; ids sort the other way round from the labels.
    const ref = [u('r1', 0, 10, 'claim'), u('r2', 0, 10, 'evidence')];
    const cand = [u('a', 0, 10, 'evidence'), u('b', 0, 10, 'claim')];
    for (const criterion of ['exact', 'overlap'] as const) {
      expect(matchUnits(ref, cand, criterion).pairs).toEqual([
        { reference: 'r1', candidate: 'b', overlap: 10 },
        { reference: 'r2', candidate: 'a', overlap: 10 },
      ]);
    }
  });

  it('handles empty maps', () => {
    expect(matchUnits([], [], 'overlap')).toEqual({ criterion: 'overlap', pairs: [], missing: [], extra: [] });
    expect(matchUnits([u('r1', 0, 5)], [], 'exact')).toEqual({ criterion: 'exact', pairs: [], missing: ['r1'], extra: [] });
    expect(matchUnits([], [u('c1', 0, 5)], 'overlap')).toEqual({ criterion: 'overlap', pairs: [], missing: [], extra: ['c1'] });
  });

  it('does not depend on the order units are given in', () => {
    const ref = [u('r1', 0, 10), u('r2', 4, 12), u('r3', 30, 40), u('r4', 30, 35)];
    const cand = [u('c1', 2, 10), u('c2', 0, 6), u('c3', 31, 40), u('c4', 30, 34)];
    const expected = matchUnits(ref, cand, 'overlap');
    expect(matchUnits([...ref].reverse(), [...cand].reverse(), 'overlap')).toEqual(expected);
    expect(expected.pairs).toHaveLength(4);
  });
});
