// Public API of lib/agreement: how far two or more argument maps of one text agree — a
// student's map against a reference (unit, label and relation precision / recall / F1) and a
// class's maps among themselves (Krippendorff's alpha over tokens). Pure: no I/O, no React,
// Next or DOM; the CLI (scripts/agreement.ts) reads files and tokenizes.
//
// Where each definition lives: P/R/F1 and zero denominators — prf.ts; unit matching (exact, ≥ ½
// overlap, optimal one-to-one) — match.ts with assignment.ts; map comparison — compare.ts;
// relations with partial credit for overlapping premise sets, undercutters and implicit units —
// relations.ts; Krippendorff's alpha — alpha.ts; token-level alpha — tokenAlpha.ts; a class against a reference
// and among itself (per-student table, means, class alpha, CSV) — classAgreement.ts; how many
// maps mark each passage with each label — heat.ts; the teacher's boundary-forgiving reading
// (found / boundaries differ, content words, core clause) — teacher.ts; curating a reference from
// the class (one student's unit or relation as operations; the class's majority) — curation.ts,
// majority.ts.

export { creditScores, hundredths, scores, type Scores } from './prf';
export { matchImplicitUnits, matchRelations, premiseCredit, untypedRelations, type RelationMatching, type RelationPair } from './relations';
export { compareSpanUnits, matchUnits, spanOverlap, spansMatch, type MatchCriterion, type SpanUnit, type UnitMatching, type UnitPair } from './match';
export { optimalMatching, type PrioritizedEdge } from './assignment';
export { compareMaps, orderLabels, type MapComparison } from './compare';
export {
  alphaFromCoincidences,
  coincidences,
  coincidencesOfUnits,
  krippendorffAlpha,
  type Coincidences,
  type ReliabilityData,
} from './alpha';
export { codePointTokens, NONE, tokenLevelAlpha, tokenValues, type TokenAlpha, type TokenSpan, type TokenValue } from './tokenAlpha';
export {
  CLASS_AGREEMENT_COLUMNS,
  classAgreement,
  classAgreementCsv,
  wordTokens,
  type ClassAgreement,
  type ClassAgreementInput,
  type ClassMeans,
  type ClassMember,
  type ReferenceScores,
  type StudentAgreement,
} from './classAgreement';
export { heatBucket, heatLegend, heatRuns, type Heat, type HeatRun } from './heat';
export { contentWords, FUNCTION_POS, spanFound, teacherMatch, teacherSummary, wordIndex, type TeacherSummary, type WordIndex, type FoundPair, type TeacherMatch, type WordToken } from './teacher';
export { takeIntoReference, type TakeItem, type TakeRefusal, type TakeResult } from './curation';
export { majorityMap, type MajorityMap } from './majority';
