import { describe, expect, it } from 'vitest';
import type { ArgumentUnit, Relation } from '@/lib/argument/types';
import { heatBucket, heatLegend, heatRuns } from './heat';
import { codePointTokens } from './tokenAlpha';

const unit = (id: string, label: string, start: number, end: number): ArgumentUnit => ({ id, label, start, end, note: '' });
const map = (...units: ArgumentUnit[]) => ({ units, relations: [] as Relation[] });

// Six tokens: t0 [0,2) t1 [2,3) t2 [3,5) t3 [5,6) t4 [6,8) t5 [8,10).
const tokens = [
  { start: 0, end: 2 },
  { start: 2, end: 3 },
  { start: 3, end: 5 },
  { start: 5, end: 6 },
  { start: 6, end: 8 },
  { start: 8, end: 10 },
];
const maps = [
  map(unit('a1', 'claim', 0, 5), unit('a2', 'evidence', 5, 8)), // claim t0–t2, evidence t3–t4
  map(unit('b1', 'claim', 2, 8), unit('b2', 'claim', 3, 5)), // claim t1–t4; the nested claim counts once
  map(unit('c1', 'claim', 0, 3), unit('c2', 'evidence', 6, 10)), // claim t0–t1, evidence t4–t5
  map(), // an empty map still counts in the total
];

describe('heatRuns', () => {
  it('paints units of the text only: an implicit unit has no span and changes no run', () => {
    const implicit: ArgumentUnit = { id: 'i', label: 'claim', implicit: true, text: '補った結論', note: '' };
    const withImplicit = heatRuns([...maps.slice(0, 3), map(implicit)], tokens);
    expect(withImplicit.byLabel).toEqual(heatRuns(maps, tokens).byLabel);
    // … it is counted beside the painting: one map has an unstated claim.
    expect(withImplicit.implicitByLabel).toEqual({ claim: 1, evidence: 0 });
  });

  it('counts the maps with implicit units per label and the maps that undercut an inference, each map once', () => {
    const premise = (id: string): ArgumentUnit => ({ id, label: 'evidence', implicit: true, text: '前提', note: '' });
    const rel = (id: string, type: Relation['type'], from: string[], to: string): Relation => ({ id, type, from, to, note: '' });
    const deep = [
      // two unstated premises in one map count once; its r2 undercuts r1
      { units: [unit('a', 'claim', 0, 2), unit('b', 'rebuttal', 2, 3), premise('i'), premise('j')], relations: [rel('r1', 'support', ['i', 'j'], 'a'), rel('r2', 'attack', ['b'], 'r1')] },
      // an attack on a unit is no undercut
      { units: [unit('a', 'claim', 0, 2), unit('b', 'rebuttal', 2, 3), premise('k')], relations: [rel('r1', 'attack', ['b'], 'a')] },
      map(unit('c', 'claim', 0, 3)),
    ];
    const heat = heatRuns(deep, tokens, ['claim', 'evidence', 'rebuttal']);
    expect(heat.implicitByLabel).toEqual({ claim: 0, evidence: 2, rebuttal: 0 });
    expect(heat.undercutting).toBe(1);
  });

  it('counts, per label and token, how many maps cover it, as runs of equal count (hand-computed)', () => {
    // claim: t0 {a,c}=2, t1 {a,b,c}=3, t2 {a,b}=2, t3 {b}=1, t4 {b}=1, t5 0
    // evidence: t3 {a}=1, t4 {a,c}=2, t5 {c}=1
    expect(heatRuns(maps, tokens, ['claim', 'evidence', 'rebuttal'])).toMatchObject({
      maps: 4,
      byLabel: {
        claim: [
          { start: 0, end: 2, count: 2 },
          { start: 2, end: 3, count: 3 },
          { start: 3, end: 5, count: 2 },
          { start: 5, end: 8, count: 1 },
        ],
        evidence: [
          { start: 5, end: 6, count: 1 },
          { start: 6, end: 8, count: 2 },
          { start: 8, end: 10, count: 1 },
        ],
        rebuttal: [],
      },
    });
  });

  it('defaults to the labels used, scheme order first; token order in the input does not matter', () => {
    const shuffled = [tokens[3], tokens[0], tokens[5], tokens[1], tokens[4], tokens[2]];
    const heat = heatRuns(maps, shuffled);
    expect(Object.keys(heat.byLabel)).toEqual(['claim', 'evidence']);
    expect(heat).toEqual(heatRuns(maps, tokens, ['claim', 'evidence']));
  });

  it('does not join runs across a gap between tokens, nor count a token a unit covers only partly', () => {
    const gapped = [
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 5, end: 7 },
    ];
    // [0,7) covers all three; [1,5) covers only [3,5) whole.
    const heat = heatRuns([map(unit('x', 'claim', 0, 7)), map(unit('y', 'claim', 1, 5))], gapped, ['claim']);
    expect(heat.byLabel.claim).toEqual([
      { start: 0, end: 2, count: 1 },
      { start: 3, end: 5, count: 2 },
      { start: 5, end: 7, count: 1 },
    ]);
  });

  it('counts overlapping units of one map once, and works on code points of non-BMP text', () => {
    const text = '𠮷野家で𩸽を'; // 𠮷 and 𩸽 are two UTF-16 units each
    const cps = codePointTokens(text);
    const heat = heatRuns([map(unit('p', 'claim', 0, 4), unit('q', 'claim', 2, 7)), map(unit('r', 'claim', 4, 5))], cps, ['claim']);
    // map 1 covers [0,7) once; map 2 covers で [4,5): 2 there.
    expect(heat.byLabel.claim).toEqual([
      { start: 0, end: 4, count: 1 },
      { start: 4, end: 5, count: 2 },
      { start: 5, end: 7, count: 1 },
    ]);
    expect(text.slice(0, 4)).toBe('𠮷野家');
  });

  it('is empty for no maps', () => {
    expect(heatRuns([], tokens, ['claim'])).toEqual({ maps: 0, byLabel: { claim: [] }, implicitByLabel: { claim: 0 }, undercutting: 0 });
  });
});

describe('heatBucket and heatLegend', () => {
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [2, 10, 1],
    [3, 10, 2],
    [6, 10, 3],
    [8, 10, 4],
    [9, 10, 5],
    [10, 10, 5],
    [1, 3, 2],
    [2, 3, 4],
    [3, 3, 5],
    [1, 1, 5],
    [0, 0, 0],
  ])('count %i of %i → bucket %i of 5', (count, total, bucket) => {
    expect(heatBucket(count, total, 5)).toBe(bucket);
  });

  it('lists the counts in each bucket', () => {
    expect(heatLegend(3, 5)).toEqual([
      { bucket: 0, from: 0, to: 0 },
      { bucket: 2, from: 1, to: 1 },
      { bucket: 4, from: 2, to: 2 },
      { bucket: 5, from: 3, to: 3 },
    ]);
    expect(heatLegend(10, 5)).toEqual([
      { bucket: 0, from: 0, to: 0 },
      { bucket: 1, from: 1, to: 2 },
      { bucket: 2, from: 3, to: 4 },
      { bucket: 3, from: 5, to: 6 },
      { bucket: 4, from: 7, to: 8 },
      { bucket: 5, from: 9, to: 10 },
    ]);
    expect(heatLegend(0, 5)).toEqual([{ bucket: 0, from: 0, to: 0 }]);
  });
});
