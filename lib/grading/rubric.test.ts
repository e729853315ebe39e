import { describe, expect, it } from 'vitest';
import { gradeRequestSchema, rubricMax, rubricRequestSchema, scoreProblem, toCriteria, type Criterion } from './rubric';

const criteria: Criterion[] = toCriteria([
  { title: 'thesis', suggest: 'thesis', levels: [{ title: 'no', points: 0 }, { title: 'yes', points: 2 }] },
  { title: 'evidence', levels: [{ title: 'none', points: 0 }, { title: 'some', points: 2 }, { title: 'all', points: 4 }] },
]);

describe('rubrics', () => {
  it('gives criteria ids in order and sums the maxima', () => {
    expect(criteria.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(criteria[1].suggest).toBeNull();
    expect(rubricMax(criteria)).toBe(6);
  });

  it.each([
    ['no criteria', { baseVersion: null, criteria: [] }],
    ['one level', { baseVersion: null, criteria: [{ title: 'x', levels: [{ title: 'a', points: 1 }] }] }],
    ['points going down', { baseVersion: null, criteria: [{ title: 'x', levels: [{ title: 'a', points: 2 }, { title: 'b', points: 1 }] }] }],
    ['negative points', { baseVersion: null, criteria: [{ title: 'x', levels: [{ title: 'a', points: -1 }, { title: 'b', points: 1 }] }] }],
    ['fractional points', { baseVersion: null, criteria: [{ title: 'x', levels: [{ title: 'a', points: 0 }, { title: 'b', points: 1.5 }] }] }],
    ['an empty title', { baseVersion: null, criteria: [{ title: ' ', levels: [{ title: 'a', points: 0 }, { title: 'b', points: 1 }] }] }],
    ['an unknown basis', { baseVersion: null, criteria: [{ title: 'x', suggest: 'style', levels: [{ title: 'a', points: 0 }, { title: 'b', points: 1 }] }] }],
    ['U+0000 in a title', { baseVersion: null, criteria: [{ title: 'x\u0000', levels: [{ title: 'a', points: 0 }, { title: 'b', points: 1 }] }] }],
  ])('refuses a rubric with %s', (_name, body) => {
    expect(rubricRequestSchema.safeParse(body).success).toBe(false);
  });

  it('refuses a grade request without a rubric version or with a score that is not a number', () => {
    expect(gradeRequestSchema.safeParse({ scores: {} }).success).toBe(false);
    expect(gradeRequestSchema.safeParse({ rubricVersion: 1, scores: { c1: '2' } }).success).toBe(false);
    expect(gradeRequestSchema.parse({ rubricVersion: 1, scores: { c1: 2 } })).toEqual({ rubricVersion: 1, scores: { c1: 2 }, comment: '', return: false });
  });
});

describe('scoreProblem', () => {
  it.each([
    [{ c1: 2, c2: 4 }, true, null],
    [{ c1: 0, c2: 2.5 }, true, null],
    [{ c1: 2 }, false, null],
    [{ c1: 2 }, true, 'grading.incomplete'],
    [{ c1: 3 }, false, 'grading.scoreOutOfRange'],
    [{ c1: -0.5 }, false, 'grading.scoreOutOfRange'],
    [{ c2: 1.25 }, false, 'grading.scoreOutOfRange'],
    [{ c2: Number.NaN }, false, 'grading.scoreOutOfRange'],
    [{ c9: 1 }, false, 'grading.unknownCriterion'],
  ])('%j (complete: %s) → %s', (scores, complete, code) => {
    expect(scoreProblem(criteria, scores, complete)?.code ?? null).toBe(code);
  });

  it('names the criterion and its maximum', () => {
    expect(scoreProblem(criteria, { c2: 5 }, false)).toMatchObject({ params: { criterion: 'evidence', points: '5', max: 4 } });
  });
});
