import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '@/lib/argument/types';
import { suggestScores } from './suggest';
import type { Criterion } from './rubric';

const labels = ['claim', 'evidence', 'counterargument', 'rebuttal'];
const u = (id: string, label: string, start: number, end: number) => ({ id, label, start, end, note: '' });
const support = (id: string, from: string, to: string) => ({ id, type: 'support' as const, from: [from], to, note: '' });

// The reference: a thesis (0–10), two pieces of evidence (20–30, 40–50), both supporting it.
const reference: ArgumentMap = {
  units: [u('t', 'claim', 0, 10), u('e1', 'evidence', 20, 30), u('e2', 'evidence', 40, 50)],
  relations: [support('r1', 'e1', 't'), support('r2', 'e2', 't')],
  mainClaimId: 't',
};

const levels = (...points: number[]) => points.map((p) => ({ title: `${p}`, points: p }));
const criteria: Criterion[] = [
  { id: 'c1', title: 'thesis identified', suggest: 'thesis', levels: levels(0, 2) },
  { id: 'c2', title: 'evidence found', suggest: 'evidence', levels: levels(0, 1, 2, 3, 4) },
  { id: 'c3', title: 'relations', suggest: 'relations', levels: levels(0, 5, 10) },
  { id: 'c4', title: 'writing', suggest: null, levels: levels(0, 1) },
];

// One-character content words over 0–60, so spans compare as on a real text.
const words = Array.from({ length: 60 }, (_, i) => ({ start: i, end: i + 1, pos: '名詞' }));
const suggestions = (candidate: ArgumentMap | null) => Object.fromEntries(suggestScores(criteria, reference, candidate, labels, words).map((s) => [s.criterionId, s]));

describe('suggestScores', () => {
  it('suggests full marks for a map that matches the reference, and nothing for a criterion without a basis', () => {
    const s = suggestions(reference);
    expect(s.c1).toMatchObject({ found: 1, total: 1, points: 2, level: 1 });
    expect(s.c2).toMatchObject({ found: 2, total: 2, points: 4 });
    expect(s.c3).toMatchObject({ found: 2, total: 2, points: 10 });
    expect(s.c4).toBeUndefined();
  });

  it('counts what a partial map found: thesis by overlap, one evidence of two, one relation of two', () => {
    const partial: ArgumentMap = {
      units: [u('a', 'claim', 2, 10), u('b', 'evidence', 20, 30)],
      relations: [support('x', 'b', 'a')],
      mainClaimId: null,
    };
    const s = suggestions(partial);
    expect(s.c1).toMatchObject({ found: 1, total: 1, points: 2 });
    // half of 4 is level 2 exactly
    expect(s.c2).toMatchObject({ found: 1, total: 2, points: 2 });
    expect(s.c3).toMatchObject({ found: 1, total: 2, points: 5 });
  });

  it('suggests the lowest levels for an empty map or a missing one, and the thesis as not found', () => {
    for (const candidate of [null, { units: [], relations: [], mainClaimId: null }]) {
      const s = suggestions(candidate);
      expect(s.c1).toMatchObject({ found: 0, total: 1, points: 0 });
      expect(s.c2).toMatchObject({ found: 0, points: 0 });
      expect(s.c3).toMatchObject({ found: 0, points: 0 });
    }
  });

  it('rounds a fraction between two levels to the closest, a tie to the higher', () => {
    const three: Criterion[] = [{ id: 'c1', title: 'evidence', suggest: 'evidence', levels: levels(0, 3) }];
    const ref: ArgumentMap = { units: [u('e1', 'evidence', 0, 10), u('e2', 'evidence', 20, 30)], relations: [], mainClaimId: null };
    const half = { units: [u('x', 'evidence', 0, 10)], relations: [], mainClaimId: null };
    expect(suggestScores(three, ref, half, labels, words)[0]).toMatchObject({ points: 3, level: 1 }); // 1.5: tie → higher
  });

  it('offers no suggestion without a reference', () => {
    expect(suggestScores(criteria, null, reference, labels, words)).toEqual([]);
  });

  it('takes the first claim as the thesis when the reference names no main claim; a reference without evidence suggests full marks', () => {
    const ref: ArgumentMap = { units: [u('t', 'claim', 0, 10)], relations: [], mainClaimId: null };
    const s = Object.fromEntries(suggestScores(criteria, ref, { units: [u('a', 'claim', 0, 10)], relations: [], mainClaimId: null }, labels, words).map((x) => [x.criterionId, x]));
    expect(s.c1).toMatchObject({ found: 1, total: 1, points: 2 });
    expect(s.c2).toMatchObject({ found: 0, total: 0, points: 4 });
  });
});
