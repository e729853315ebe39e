// Rubrics and scores: what an instructor grades a student's map with, and the checks a score
// must pass. Pure (zod, no storage): the route handlers, the grading panel and lib/db/grading.ts
// share these shapes.
//
// Invariants:
// - A rubric has 1..MAX_CRITERIA criteria; each criterion 2..MAX_LEVELS levels whose points are
//   integers in 0..MAX_POINTS, strictly increasing from the first level to the last (the last
//   is the criterion's maximum). Criterion ids are given here (c1, c2, … in order), never by
//   the client, so a new rubric version cannot reuse an id for a different criterion by accident
//   of the form — grades name their rubric version anyway.
// - A score gives each criterion a number of points in 0..its maximum, in steps of SCORE_STEP
//   (a teacher may give between two levels); a score for a criterion the rubric lacks is refused.
//   A returned grade scores every criterion; a draft may leave some out.
// - Refusals carry a reason code and params (GradingProblem), so the client words them.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';

export const MAX_CRITERIA = 12;
export const MAX_LEVELS = 6;
export const MAX_POINTS = 100;
export const SCORE_STEP = 0.5;
export const GRADE_COMMENT_MAX = 4000;

/// What a criterion's automatic suggestion is computed from (lib/grading/suggest.ts); none
/// without it.
export const SUGGESTION_BASES = ['thesis', 'evidence', 'relations'] as const;
export type SuggestionBasis = (typeof SUGGESTION_BASES)[number];

export interface RubricLevel {
  title: string;
  points: number;
}

export interface Criterion {
  id: string;
  title: string;
  suggest: SuggestionBasis | null;
  levels: RubricLevel[];
}

export interface Rubric {
  version: number;
  criteria: Criterion[];
  createdAt: string;
}

/// Points per criterion id.
export type Scores = Record<string, number>;

const text = (what: string, max: number) => z.string({ error: `${what} must be a string` }).trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`);

const levelSchema = z.strictObject({
  title: text('a level’s title', 80),
  points: z.number({ error: 'points must be a number' }).int('points must be a whole number').min(0, 'points must be at least 0').max(MAX_POINTS, `points must be at most ${MAX_POINTS}`),
});

const criterionSchema = z.strictObject({
  title: text('a criterion’s title', 200),
  suggest: z.enum(SUGGESTION_BASES).nullable().optional(),
  levels: z
    .array(levelSchema)
    .min(2, 'a criterion needs at least 2 levels')
    .max(MAX_LEVELS, `a criterion has at most ${MAX_LEVELS} levels`)
    .refine((levels) => levels.every((l, i) => i === 0 || l.points > levels[i - 1].points), 'a criterion’s levels must go up in points, lowest first'),
});

/// PUT /api/assignments/:id/rubric. `baseVersion` is the version the editor started from (null:
/// there was none); a different current version is a conflict (someone changed it meanwhile).
export const rubricRequestSchema = withSafeText(
  z.strictObject({
    baseVersion: z.number().int().min(0).nullable(),
    criteria: z.array(criterionSchema).min(1, 'a rubric needs at least one criterion').max(MAX_CRITERIA, `a rubric has at most ${MAX_CRITERIA} criteria`),
  }),
);
export type RubricRequest = z.infer<typeof rubricRequestSchema>;

/// The stored criteria of a request: ids c1, c2, … in order.
export function toCriteria(request: RubricRequest['criteria']): Criterion[] {
  return request.map((c, i) => ({ id: `c${i + 1}`, title: c.title, suggest: c.suggest ?? null, levels: c.levels.map((l) => ({ title: l.title, points: l.points })) }));
}

/// PUT /api/assignments/:id/grades/:userId — a draft (return: false) or the grade returned to
/// the student (return: true), given with the rubric version the instructor saw.
export const gradeRequestSchema = withSafeText(
  z.strictObject({
    rubricVersion: z.number().int().min(1),
    scores: z.record(z.string().min(1).max(20), z.number({ error: 'a score must be a number' })).refine((s) => Object.keys(s).length <= MAX_CRITERIA, 'too many scores'),
    comment: z.string().max(GRADE_COMMENT_MAX, `the comment is longer than ${GRADE_COMMENT_MAX} characters`).default(''),
    return: z.boolean().default(false),
  }),
);
export type GradeRequest = z.infer<typeof gradeRequestSchema>;

export const criterionMax = (c: Criterion): number => c.levels[c.levels.length - 1].points;
export const rubricMax = (criteria: readonly Criterion[]): number => criteria.reduce((sum, c) => sum + criterionMax(c), 0);

/// A refusal a client can word: a code of the catalog (lib/i18n/grading.ts) and its params.
export interface GradingProblem {
  code: string;
  params: Record<string, string | number>;
  message: string;
}

/// The first thing wrong with `scores` under `criteria`, or null. `complete`: every criterion
/// must be scored (a returned grade).
export function scoreProblem(criteria: readonly Criterion[], scores: Scores, complete: boolean): GradingProblem | null {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  for (const [id, points] of Object.entries(scores)) {
    const c = byId.get(id);
    if (!c) return { code: 'grading.unknownCriterion', params: { criterion: id }, message: `the rubric has no criterion "${id}"` };
    const max = criterionMax(c);
    if (!Number.isFinite(points) || points < 0 || points > max || Math.round(points / SCORE_STEP) * SCORE_STEP !== points) {
      return {
        code: 'grading.scoreOutOfRange',
        params: { criterion: c.title, points: String(points), max },
        message: `the score ${points} for "${c.title}" is outside 0–${max} (in steps of ${SCORE_STEP})`,
      };
    }
  }
  if (complete) {
    const missing = criteria.find((c) => !(c.id in scores));
    if (missing) return { code: 'grading.incomplete', params: { criterion: missing.title }, message: `"${missing.title}" has no score yet: score every criterion before returning` };
  }
  return null;
}

/// The sum of the points given (criteria not scored count nothing).
export function scoreTotal(scores: Scores): number {
  return Object.values(scores).reduce((sum, p) => sum + p, 0);
}
