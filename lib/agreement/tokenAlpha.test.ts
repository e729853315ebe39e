import { describe, expect, it } from 'vitest';
import type { ArgumentMap, ArgumentUnit } from '@/lib/argument/types';
import { codePointTokens, NONE, tokenLevelAlpha, tokenValues } from './tokenAlpha';

const unit = (id: string, label: string, start: number, end: number): ArgumentUnit => ({ id, label, start, end, note: '' });
const map = (...units: ArgumentUnit[]): ArgumentMap => ({ units, relations: [], mainClaimId: null });
// Six one-character tokens t0..t5 of "abcdef".
const tokens = codePointTokens('abcdef');

describe('tokenValues', () => {
  it('takes the innermost covering unit, NONE where uncovered', () => {
    const a = map(unit('u1', 'claim', 0, 3), unit('u2', 'evidence', 1, 2));
    expect(tokenValues([a], tokens)).toEqual([['claim', 'evidence', 'claim', NONE, NONE, NONE]]);
  });

  it('equal-length covering units: the first in (start, end, id) order', () => {
    const a = map(unit('z', 'rebuttal', 2, 5), unit('y', 'claim', 1, 4), unit('x', 'evidence', 1, 4));
    // t2, t3 are inside all three: x ([1,4), id x < y) wins; t4 only in z; t1 in x and y.
    expect(tokenValues([a], tokens)[0]).toEqual([NONE, 'evidence', 'evidence', 'evidence', 'rebuttal', NONE]);
  });

  it('a unit covering part of a token does not label it; UTF-16 offsets outside the BMP', () => {
    const text = '𠮷野家';
    const cps = codePointTokens(text);
    expect(cps).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 3 },
      { start: 3, end: 4 },
    ]);
    expect(tokenValues([map(unit('u', 'claim', 1, 3))], cps)[0]).toEqual([NONE, 'claim', NONE]);
    expect(tokenValues([map(unit('u', 'claim', 0, 3))], cps)[0]).toEqual(['claim', 'claim', NONE]);
  });
});

describe('tokenLevelAlpha', () => {
  it('computed by hand for two maps', () => {
    // A: claim [0,3) with evidence [1,2) nested → claim, evidence, claim, none, none, none
    // B: claim [0,4)                            → claim, claim,    claim, claim, none, none
    const A = map(unit('a1', 'claim', 0, 3), unit('a2', 'evidence', 1, 2));
    const B = map(unit('b1', 'claim', 0, 4));
    const r = tokenLevelAlpha([A, B], tokens);
    // Overall: n = 12; n_claim = 2 + 4 = 6, n_evidence = 1, n_none = 3 + 2 = 5; 2 disagreeing
    // tokens (t1, t3) put 4 values off the diagonal:
    //   α = 1 − 11·4 / (144 − 36 − 1 − 25) = 1 − 44/82 = 19/41.
    expect(r.overall).toBeCloseTo(19 / 41, 12);
    // claim vs not: disagreements t1, t3; n_claim = 6, n_not = 6: α = 1 − 11·4/(144 − 72) = 7/18.
    expect(r.byLabel.claim).toBeCloseTo(7 / 18, 12);
    // evidence vs not: one disagreement (t1); n_evidence = 1, n_not = 11:
    //   α = 1 − 11·2/(144 − 1 − 121) = 1 − 22/22 = 0 — one coder's lone evidence token is chance.
    expect(r.byLabel.evidence).toBeCloseTo(0, 12);
    expect(Object.keys(r.byLabel)).toEqual(['claim', 'evidence']);
    expect(r).toMatchObject({ tokens: 6, annotators: 2 });
  });

  it('"none" is a category: agreeing to leave text blank counts as agreement', () => {
    // Both leave t3..t5 blank and agree on t0..t2: α = 1, though only half the text is labelled.
    const A = map(unit('a', 'claim', 0, 3));
    const B = map(unit('b', 'claim', 0, 1), unit('c', 'claim', 1, 3));
    expect(tokenLevelAlpha([A, B], tokens).overall).toBe(1);
  });

  it('several annotators; labels asked for but unused are undefined (null)', () => {
    const maps = [map(unit('a', 'claim', 0, 2)), map(unit('b', 'claim', 0, 2)), map(unit('c', 'claim', 0, 2))];
    const r = tokenLevelAlpha(maps, tokens, ['claim', 'evidence', 'rebuttal']);
    expect(r.overall).toBe(1);
    expect(r.byLabel).toEqual({ claim: 1, evidence: null, rebuttal: null });
    expect(r.annotators).toBe(3);
  });

  it('is undefined with fewer than two maps or without variation', () => {
    expect(tokenLevelAlpha([map(unit('a', 'claim', 0, 2))], tokens).overall).toBeNull();
    expect(tokenLevelAlpha([map(), map()], tokens).overall).toBeNull();
  });
});
