import { describe, expect, it } from 'vitest';
import { coincidences, krippendorffAlpha } from './alpha';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal data,
// 4 observers × 12 units with missing values ("." in the paper, null here). The paper reports
// nominal α = 0.743. (The same data appear in the tests of the Python `krippendorff` package,
// which checks the paper's ordinal 0.815 and ratio 0.797 on it.)
const published = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null], // A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3], // B
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null], // C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null], // D
];

describe("Krippendorff's alpha (nominal)", () => {
  it("reproduces the paper's worked example: α = 0.743", () => {
    // By hand: units 1–11 are pairable (unit 12 has one value), n = 40; n_1..n_5 = 9, 13, 10, 5, 3;
    // the diagonal o_11..o_55 = 7, 10, 8, 4, 3 (Σ = 32).
    // α = 1 − (n−1)(n − Σo_cc) / (n² − Σn_c²) = 1 − 39·8 / (1600 − 384) = 1 − 312/1216 = 113/152.
    const alpha = krippendorffAlpha(published)!;
    expect(alpha).toBeCloseTo(113 / 152, 12);
    expect(Number(alpha.toFixed(3))).toBe(0.743);
  });

  it("builds the paper's coincidence matrix", () => {
    const c = coincidences(published);
    expect(c.values).toEqual([1, 2, 3, 4, 5]);
    expect(c.pairable).toBe(40);
    const third = 1 / 3;
    const expected = [
      [7, 4 * third, third, third, 0],
      [4 * third, 10, 4 * third, third, 0],
      [third, 4 * third, 8, third, 0],
      [third, third, third, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    c.matrix.forEach((row, i) => row.forEach((x, k) => expect(x).toBeCloseTo(expected[i][k], 12)));
    c.totals.forEach((x, i) => expect(x).toBeCloseTo([9, 13, 10, 5, 3][i], 12));
  });

  it('ignores a unit only one coder coded, whoever coded it', () => {
    // Some transcriptions put unit 12's lone "3" under observer C instead of B; α cannot change.
    const moved = published.map((row) => [...row]);
    moved[1][11] = null;
    moved[2][11] = 3;
    expect(krippendorffAlpha(moved)).toBeCloseTo(113 / 152, 12);
    expect(krippendorffAlpha(published.map((row) => row.slice(0, 11)))).toBeCloseTo(113 / 152, 12);
  });

  it('agrees with the Python krippendorff package on its nominal test data (0.691358)', () => {
    const data = [
      [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
      [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
      [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
    ];
    expect(Number(krippendorffAlpha(data)!.toFixed(6))).toBe(0.691358);
  });

  it.each([
    // Perfect agreement: every pair is on the diagonal, α = 1 − 0 = 1.
    { name: 'perfect agreement', data: [['a', 'b', 'c', 'a'], ['a', 'b', 'c', 'a'], ['a', 'b', 'c', 'a']], alpha: 1 },
    // Systematic disagreement, by hand: o_12 = o_21 = 2, diagonal 0, n = 4, n_1 = n_2 = 2:
    // α = 1 − 3·4 / (16 − 8) = −0.5.
    { name: 'systematic disagreement', data: [[1, 2], [2, 1]], alpha: -0.5 },
    // Missing values, by hand: u1 = a,a,a (m=3: o_aa += 3·2/2 = 3); u2 = a,b (o_ab = o_ba = 1);
    // u3 = b,b (o_bb += 2); u4 = a alone (not pairable). n = 7, n_a = 4, n_b = 3, diagonal 5:
    // α = 1 − 6·(7 − 5) / (49 − 16 − 9) = 1 − 12/24 = 0.5.
    { name: 'missing values, 3 coders', data: [['a', 'a', 'b', 'a'], ['a', 'b', 'b', null], ['a', null, undefined]], alpha: 0.5 },
    // Two coders, one disagreement in four units, by hand: n = 8, n_x = 5, n_y = 3, diagonal 6:
    // α = 1 − 7·2 / (64 − 25 − 9) = 1 − 14/30 = 8/15.
    { name: 'two coders, one disagreement', data: [['x', 'x', 'y', 'x'], ['x', 'x', 'y', 'y']], alpha: 8 / 15 },
  ])('$name', ({ data, alpha }) => {
    expect(krippendorffAlpha(data as (string | number | null | undefined)[][])).toBeCloseTo(alpha, 12);
  });

  it('is undefined (null) without variation or without pairable values', () => {
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a']])).toBeNull();
    expect(krippendorffAlpha([['a', null], [null, 'b']])).toBeNull();
    expect(krippendorffAlpha([])).toBeNull();
    expect(krippendorffAlpha([['a', 'b', 'c']])).toBeNull();
  });

  it('is symmetric in coders and units', () => {
    const reversed = published.map((row) => [...row].reverse()).reverse();
    expect(krippendorffAlpha(reversed)).toBeCloseTo(113 / 152, 12);
  });
});
