import { describe, expect, it } from 'vitest';
import type { ArgumentMap, ArgumentUnit, Relation, RelationType } from '@/lib/argument/types';
import { compareMaps } from './compare';

const unit = (id: string, label: string, start: number, end: number): ArgumentUnit => ({ id, label, start, end, note: '' });
const rel = (id: string, type: RelationType, from: string, to: string): Relation => ({ id, type, from: [from], to, note: '' });
const map = (units: readonly ArgumentUnit[], relations: Relation[] = []): ArgumentMap => ({ units, relations, mainClaimId: null });

// Reference: a claim with evidence, a counterargument and a rebuttal.
const reference = map(
  [unit('r1', 'claim', 0, 10), unit('r2', 'evidence', 20, 30), unit('r3', 'counterargument', 40, 50), unit('r4', 'rebuttal', 60, 70)],
  [rel('x1', 'support', 'r2', 'r1'), rel('x2', 'attack', 'r3', 'r1'), rel('x3', 'attack', 'r4', 'r3'), rel('x4', 'support', 'r4', 'r1')],
);
// Candidate: the claim exactly; the evidence shortened ([23,30) shares 7 ≥ 5 of [20,30)); no
// counterargument; the rebuttal's span exactly but labelled claim; one extra evidence.
const candidate = map(
  [unit('c1', 'claim', 0, 10), unit('c2', 'evidence', 23, 30), unit('c3', 'claim', 60, 70), unit('c4', 'evidence', 80, 90)],
  [rel('y1', 'support', 'c2', 'c1'), rel('y2', 'attack', 'c3', 'c1'), rel('y3', 'attack', 'c4', 'c1')],
);

describe('compareMaps', () => {
  it('scores a candidate against the reference (computed by hand)', () => {
    const c = compareMaps(reference, candidate);
    // Exact spans: r1–c1, r4–c3 → 2 of 4 candidate, 2 of 4 reference units: P = R = F1 = 1/2.
    expect(c.units.exact).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, matched: 2, missing: 2, extra: 2 });
    // Overlap adds r2–c2: 3 of 4 each way: P = R = F1 = 3/4.
    expect(c.units.overlap).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, matched: 3, missing: 1, extra: 1 });
    expect(c.matches).toEqual({
      pairs: [
        { reference: 'r1', candidate: 'c1', overlap: 10 },
        { reference: 'r2', candidate: 'c2', overlap: 7 },
        { reference: 'r4', candidate: 'c3', overlap: 10 },
      ],
      missing: ['r3'],
      extra: ['c4'],
    });
    // Labels on the 3 overlap pairs: claim=claim, evidence=evidence, rebuttal≠claim → 2/3.
    expect(c.labels.accuracy).toBeCloseTo(2 / 3, 12);
    expect(c.labels).toMatchObject({ pairs: 3, agreeing: 2 });
    expect(c.labels.confusion).toEqual({
      claim: { claim: 1, evidence: 0, counterargument: 0, rebuttal: 0 },
      evidence: { claim: 0, evidence: 1, counterargument: 0, rebuttal: 0 },
      counterargument: { claim: 0, evidence: 0, counterargument: 0, rebuttal: 0 },
      rebuttal: { claim: 1, evidence: 0, counterargument: 0, rebuttal: 0 },
    });
    // Relations, mapped through r1↔c1, r2↔c2, r4↔c3 (r3, c4 unpaired):
    //   y1 support c2→c1 = x1 support r2→r1                 typed ✓ untyped ✓
    //   y2 attack  c3→c1 ~ x4 support r4→r1 (type differs)  typed ✗ untyped ✓
    //   y3 attack  c4→c1: c4 is unpaired                    ✗
    //   x2, x3 touch r3, which is unpaired                  missing
    // typed: P = 1/3, R = 1/4, F1 = 2·1/(3+4) = 2/7; untyped: P = 2/3, R = 2/4, F1 = 4/7.
    expect(c.relations.typed).toMatchObject({ matched: 1, missing: 3, extra: 2 });
    expect(c.relations.typed.precision).toBeCloseTo(1 / 3, 12);
    expect(c.relations.typed.recall).toBeCloseTo(1 / 4, 12);
    expect(c.relations.typed.f1).toBeCloseTo(2 / 7, 12);
    expect(c.relations.untyped).toMatchObject({ matched: 2, missing: 2, extra: 1 });
    expect(c.relations.untyped.precision).toBeCloseTo(2 / 3, 12);
    expect(c.relations.untyped.recall).toBeCloseTo(1 / 2, 12);
    expect(c.relations.untyped.f1).toBeCloseTo(4 / 7, 12);
    // Which relations, for the view: the typed match y1 = x1; the rest on one side only.
    expect(c.relationMatches).toEqual({ pairs: [{ reference: 'x1', candidate: 'y1', credit: 1 }], missing: ['x2', 'x3', 'x4'], extra: ['y2', 'y3'] });
    expect(c.relationMatches.pairs.length).toBe(c.relations.typed.matched);
  });

  it('a map compared with itself scores 1 everywhere', () => {
    const c = compareMaps(reference, reference);
    for (const s of [c.units.exact, c.units.overlap, c.relations.typed, c.relations.untyped]) {
      expect([s.precision, s.recall, s.f1]).toEqual([1, 1, 1]);
    }
    expect(c.labels.accuracy).toBe(1);
  });

  it('empty maps: agreement when both are empty, zeros when one is', () => {
    const empty = map([]);
    const both = compareMaps(empty, empty);
    expect(both.units.exact).toEqual({ precision: 1, recall: 1, f1: 1, matched: 0, missing: 0, extra: 0 });
    expect(both.relations.typed.f1).toBe(1);
    expect(both.labels).toEqual({ accuracy: null, pairs: 0, agreeing: 0, confusion: {} });

    const blankStudent = compareMaps(reference, empty);
    expect(blankStudent.units.overlap).toEqual({ precision: 0, recall: 0, f1: 0, matched: 0, missing: 4, extra: 0 });
    expect(blankStudent.relations.untyped).toEqual({ precision: 0, recall: 0, f1: 0, matched: 0, missing: 4, extra: 0 });
    expect(blankStudent.labels.accuracy).toBeNull();

    const nothingExpected = compareMaps(empty, candidate);
    expect(nothingExpected.units.exact).toEqual({ precision: 0, recall: 0, f1: 0, matched: 0, missing: 0, extra: 4 });
  });

  it('untyped counts a pair of units once; direction matters', () => {
    const ref = map([unit('a', 'claim', 0, 10), unit('b', 'evidence', 20, 30)], [rel('x', 'support', 'b', 'a')]);
    const both = map([unit('A', 'claim', 0, 10), unit('B', 'evidence', 20, 30)], [rel('s', 'support', 'B', 'A'), rel('t', 'attack', 'B', 'A')]);
    const c = compareMaps(ref, both);
    // typed: 1 of 2 candidate relations, 1 of 1 reference: P = 1/2, R = 1, F1 = 2/3.
    expect(c.relations.typed).toMatchObject({ precision: 0.5, recall: 1, matched: 1, extra: 1 });
    expect(c.relations.typed.f1).toBeCloseTo(2 / 3, 12);
    // untyped: the candidate's two relations are one pair (B, A): P = R = F1 = 1.
    expect(c.relations.untyped).toEqual({ precision: 1, recall: 1, f1: 1, matched: 1, missing: 0, extra: 0 });

    const reversed = map(both.units, [rel('s', 'support', 'A', 'B')]);
    expect(compareMaps(ref, reversed).relations.untyped).toMatchObject({ matched: 0, missing: 1, extra: 1 });
  });

  it('relations follow the one-to-one overlap pairing through nested units', () => {
    // Candidate spans are shifted but each pairs with its counterpart (see match.test.ts).
    const ref = map([unit('outer', 'claim', 0, 20), unit('inner', 'evidence', 0, 12)], [rel('x', 'support', 'inner', 'outer')]);
    const cand = map([unit('o', 'claim', 0, 18), unit('i', 'evidence', 2, 12)], [rel('y', 'support', 'i', 'o')]);
    const c = compareMaps(ref, cand);
    expect(c.units.exact.matched).toBe(0);
    expect(c.units.overlap.f1).toBe(1);
    expect(c.relations.typed.f1).toBe(1);
    expect(c.labels.accuracy).toBe(1);
  });
});
