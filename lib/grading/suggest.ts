// Automatic score suggestions: for each rubric criterion that names a basis, what the comparison
// of the student's map with the reference map says, and the level it points to. Only ever a
// suggestion: the instructor accepts or overrides each one, and nothing is saved without them.
//
// Bases (found / total, the fraction of the criterion's maximum suggested):
// - thesis: whether the reference's main claim (its first claim-label unit when it has none) is
//   matched by a unit of the student's map — 1/1 or 0/1;
// - evidence: the reference's evidence-label units that the student's map matched;
// - relations: the reference's relations found (same type between matched units).
// The suggested points are those of the level closest to fraction × maximum (ties: the higher
// level, so a borderline case is not marked down by the machine).
// Units are matched by referenceMatch — the one place that chooses the matching: the teacher's
// boundary-forgiving match (lib/agreement/teacher.ts), the one the dashboard and the comparison
// put in words, so a suggestion never contradicts what the teacher reads there.
import type { ArgumentMap } from '@/lib/argument/types';
import { labelRoles } from '@/lib/argument/hints';
import { teacherMatch, type WordIndex, type WordToken } from '@/lib/agreement/teacher';
import { criterionMax, type Criterion, type SuggestionBasis } from './rubric';

/// Which reference units and relations the candidate's map found.
export interface ReferenceMatch {
  /// Reference unit ids matched by some candidate unit.
  foundUnits: Set<string>;
  /// Reference relation ids found in the candidate's map.
  foundRelations: Set<string>;
}

/// The matching the suggestions rest on (see the header).
/// `words`: the document's tokens (or their index), as teacherMatch takes them.
export function referenceMatch(reference: ArgumentMap, candidate: ArgumentMap, words: readonly WordToken[] | WordIndex): ReferenceMatch {
  const m = teacherMatch(reference, candidate, words);
  return { foundUnits: new Set(m.units.pairs.map((p) => p.reference)), foundRelations: new Set(m.relations.pairs.map((p) => p.reference)) };
}

export interface Suggestion {
  criterionId: string;
  basis: SuggestionBasis;
  found: number;
  total: number;
  /// The points of the suggested level.
  points: number;
  level: number;
}

/// A suggestion per criterion with a basis; none for the others, and none at all without a
/// reference. `labels`: the scheme's label ids in order (the first plays claim, the second
/// evidence, as in the structure hints).
export function suggestScores(
  criteria: readonly Criterion[],
  reference: ArgumentMap | null,
  candidate: ArgumentMap | null,
  labels: readonly string[],
  words: readonly WordToken[] | WordIndex,
): Suggestion[] {
  if (!reference) return [];
  const map = candidate ?? { units: [], relations: [], mainClaimId: null };
  const match = referenceMatch(reference, map, words);
  const roles = labelRoles(labels);
  const counts: Record<SuggestionBasis, { found: number; total: number }> = {
    thesis: thesisCount(reference, match, roles.claim),
    evidence: count(reference.units.filter((u) => u.label === roles.evidence).map((u) => u.id), match.foundUnits),
    relations: count(reference.relations.map((r) => r.id), match.foundRelations),
  };
  return criteria.flatMap((c) => {
    if (!c.suggest) return [];
    const { found, total } = counts[c.suggest];
    const fraction = total === 0 ? 1 : found / total;
    const level = closestLevel(c, fraction * criterionMax(c));
    return [{ criterionId: c.id, basis: c.suggest, found, total, points: c.levels[level].points, level }];
  });
}

function thesisCount(reference: ArgumentMap, match: ReferenceMatch, claimLabel: string | undefined) {
  const thesis = reference.mainClaimId ?? reference.units.find((u) => u.label === claimLabel)?.id;
  return thesis ? { found: match.foundUnits.has(thesis) ? 1 : 0, total: 1 } : { found: 0, total: 0 };
}

function count(ids: readonly string[], found: ReadonlySet<string>) {
  return { found: ids.filter((id) => found.has(id)).length, total: ids.length };
}

function closestLevel(c: Criterion, target: number): number {
  let best = 0;
  c.levels.forEach((l, i) => {
    if (Math.abs(l.points - target) <= Math.abs(c.levels[best].points - target)) best = i;
  });
  return best;
}
