import { describe, expect, it } from 'vitest';
import { creditScores, scores } from './prf';

describe('scores (precision / recall / F1)', () => {
  it.each([
    // matched, predicted, expected → P, R, F1
    { args: [3, 4, 5], p: 3 / 4, r: 3 / 5, f1: 6 / 9 },
    { args: [0, 0, 0], p: 1, r: 1, f1: 1 }, // nothing to find and nothing found: agreement
    { args: [0, 0, 3], p: 0, r: 0, f1: 0 }, // an empty candidate is not "precise"
    { args: [0, 2, 0], p: 0, r: 0, f1: 0 }, // anything predicted where nothing is expected is wrong
    { args: [0, 2, 3], p: 0, r: 0, f1: 0 },
    { args: [2, 2, 2], p: 1, r: 1, f1: 1 },
  ])('$args', ({ args: [m, pred, exp], p, r, f1 }) => {
    const s = scores(m, pred, exp);
    expect(s.precision).toBeCloseTo(p, 12);
    expect(s.recall).toBeCloseTo(r, 12);
    expect(s.f1).toBeCloseTo(f1, 12);
    expect(s).toMatchObject({ matched: m, missing: exp - m, extra: pred - m });
  });

  it('F1 is the harmonic mean whenever something matched', () => {
    const s = scores(3, 7, 4);
    expect(s.f1).toBeCloseTo((2 * s.precision * s.recall) / (s.precision + s.recall), 12);
  });

  it('refuses impossible counts', () => {
    expect(() => scores(3, 2, 5)).toThrow(RangeError);
    expect(() => scores(-1, 2, 5)).toThrow(RangeError);
    expect(() => scores(0.5, 2, 5)).toThrow(RangeError);
  });
});

describe('creditScores', () => {
  it('counts partial credit as scores counts matches (hand-computed), with the same empty cases', () => {
    // 1.8 credit out of 3 candidate and 2 reference relations: P = 0.6, R = 0.9, F1 = 3.6/5 = 0.72.
    const s = creditScores(1.8, 3, 2);
    expect(s.precision).toBeCloseTo(0.6, 12);
    expect(s.recall).toBeCloseTo(0.9, 12);
    expect(s.f1).toBeCloseTo(0.72, 12);
    expect(s.missing).toBeCloseTo(0.2, 12);
    expect(s.extra).toBeCloseTo(1.2, 12);
    expect(creditScores(2, 3, 2)).toEqual(scores(2, 3, 2));
    expect(creditScores(0, 0, 0)).toEqual(scores(0, 0, 0));
    expect(creditScores(0, 0, 2)).toEqual(scores(0, 0, 2));
    expect(() => creditScores(2.5, 3, 2)).toThrow(RangeError);
    expect(() => creditScores(-0.1, 3, 2)).toThrow(RangeError);
  });
});
