// A class's agreement on one assignment: each student's map scored against the reference map
// (the instructor's), and how reliably the class as a whole labels the text (token-level
// Krippendorff's alpha among the students). Pure; the maps come from lib/db's
// loadAssignmentMaps, the tokens from the stored document (no tokenizer runs here).
//
// Definitions:
// - Per student (compareMaps, compare.ts): unit P/R/F1 with exact and ≥ ½-overlap matching,
//   label accuracy on the overlap pairs, relation P/R/F1 typed and untyped, and the counts.
//   `vsReference` is null when the assignment has no reference map, and for a student who has
//   not started: no map, or an empty one never submitted (opening the text creates an empty map;
//   a student who only looked has handed in nothing to score). A SUBMITTED empty map is scored,
//   and scores 0 against a non-empty reference.
// - Class means are macro-averages: every student with a map weighs the same, however many
//   units they drew (an instructor asks "how is the class doing", not "how are the units
//   doing"). Label accuracy is averaged over the students for whom it is defined (null = no
//   overlap pair to judge). Null without a reference or without any map.
// - Class alpha (tokenLevelAlpha, tokenAlpha.ts) is over the STUDENTS' maps only, each one
//   coder; the reference does not count as a coder. Alpha measures whether the students can
//   apply the scheme consistently among themselves; adding the reference would make the figure
//   change when an instructor sets or replaces a reference, and would mix "agree with the
//   instructor" (the per-student scores) into "agree with each other". Students who have not
//   started are left out (they coded nothing, which is not the same as coding everything as NONE).
//   Fewer than two maps: every alpha is null (nothing pairable).
// - Units of analysis for alpha are the word tokens of the text: wordTokens drops
//   whitespace-only tokens, as the CLI (scripts/agreement.ts) does — line breaks are layout,
//   not words everyone trivially agrees on.

import { csvTable, type CsvCell } from '@/lib/formats/csv';
import type { ArgumentMap } from '@/lib/argument/types';
import { compareMaps } from './compare';
import type { Scores } from './prf';
import { tokenLevelAlpha, type TokenAlpha, type TokenSpan } from './tokenAlpha';

/// A student of the class, with their map of the text or null when they have not started.
export interface ClassMember {
  userId: string;
  name: string;
  displayName: string;
  map: (ArgumentMap & { id: string; submittedAt: string | null }) | null;
}

export interface ReferenceScores {
  unitsExact: Scores;
  unitsOverlap: Scores;
  /// Over the overlap pairs; null when there is no pair to judge.
  labelAccuracy: number | null;
  labelPairs: number;
  labelAgreeing: number;
  relationsTyped: Scores;
  relationsUntyped: Scores;
}

export interface StudentAgreement {
  userId: string;
  name: string;
  displayName: string;
  mapId: string | null;
  submittedAt: string | null;
  /// Units and relations in the student's map; null without a map.
  units: number | null;
  relations: number | null;
  /// Null without a reference map or without a map of the student's.
  vsReference: ReferenceScores | null;
}

type Prf = Pick<Scores, 'precision' | 'recall' | 'f1'>;

export interface ClassMeans {
  /// How many students' maps the means are over.
  students: number;
  unitsExact: Prf;
  unitsOverlap: Prf;
  labelAccuracy: number | null;
  relationsTyped: Prf;
  relationsUntyped: Prf;
}

export interface ClassAgreement {
  /// Counts of the reference map, or null when the assignment has none.
  reference: { units: number; relations: number } | null;
  students: StudentAgreement[];
  means: ClassMeans | null;
  /// Token-level alpha among the students' maps (annotators = students with a map).
  alpha: TokenAlpha;
  /// The labels of alpha.byLabel, in order.
  labels: string[];
}

export interface ClassAgreementInput {
  reference: ArgumentMap | null;
  students: readonly ClassMember[];
  /// Units of analysis for alpha (see wordTokens).
  tokens: readonly TokenSpan[];
  /// The labels to report alpha for (the assignment's scheme, in its order).
  labels: readonly string[];
}

/// Whether a student's map counts as handed in work (see the header).
function started(map: NonNullable<ClassMember['map']>): boolean {
  return map.units.length > 0 || map.submittedAt !== null;
}

/// The per-student table and class figures (see the header for every definition).
export function classAgreement({ reference, students, tokens, labels }: ClassAgreementInput): ClassAgreement {
  const rows: StudentAgreement[] = students.map((s) => {
    const map = s.map;
    let vsReference: ReferenceScores | null = null;
    if (reference && map && started(map)) {
      const c = compareMaps(reference, map);
      vsReference = {
        unitsExact: c.units.exact,
        unitsOverlap: c.units.overlap,
        labelAccuracy: c.labels.accuracy,
        labelPairs: c.labels.pairs,
        labelAgreeing: c.labels.agreeing,
        relationsTyped: c.relations.typed,
        relationsUntyped: c.relations.untyped,
      };
    }
    return {
      userId: s.userId,
      name: s.name,
      displayName: s.displayName,
      mapId: map?.id ?? null,
      submittedAt: map?.submittedAt ?? null,
      units: map ? map.units.length : null,
      relations: map ? map.relations.length : null,
      vsReference,
    };
  });
  const maps = students.flatMap((s) => (s.map && started(s.map) ? [s.map] : []));
  return {
    reference: reference ? { units: reference.units.length, relations: reference.relations.length } : null,
    students: rows,
    means: classMeans(rows.flatMap((r) => (r.vsReference ? [r.vsReference] : []))),
    alpha: tokenLevelAlpha(maps, tokens, labels),
    labels: [...labels],
  };
}

/// The tokens of `text` that are words: whitespace-only tokens dropped (see the header).
export function wordTokens(text: string, tokens: readonly TokenSpan[]): TokenSpan[] {
  return tokens.filter((t) => !/^\s*$/u.test(text.slice(t.start, t.end)));
}

function classMeans(scored: readonly ReferenceScores[]): ClassMeans | null {
  if (scored.length === 0) return null;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const prf = (pick: (r: ReferenceScores) => Scores): Prf => ({
    precision: mean(scored.map((r) => pick(r).precision))!,
    recall: mean(scored.map((r) => pick(r).recall))!,
    f1: mean(scored.map((r) => pick(r).f1))!,
  });
  return {
    students: scored.length,
    unitsExact: prf((r) => r.unitsExact),
    unitsOverlap: prf((r) => r.unitsOverlap),
    labelAccuracy: mean(scored.flatMap((r) => (r.labelAccuracy === null ? [] : [r.labelAccuracy]))),
    relationsTyped: prf((r) => r.relationsTyped),
    relationsUntyped: prf((r) => r.relationsUntyped),
  };
}

/// The columns of classAgreementCsv, in order.
export const CLASS_AGREEMENT_COLUMNS = [
  'row',
  'user_name',
  'display_name',
  'map_id',
  'submitted_at',
  'units',
  'relations',
  'units_matched',
  'units_missing',
  'units_extra',
  'unit_exact_precision',
  'unit_exact_recall',
  'unit_exact_f1',
  'unit_overlap_precision',
  'unit_overlap_recall',
  'unit_overlap_f1',
  'label_accuracy',
  'relation_typed_precision',
  'relation_typed_recall',
  'relation_typed_f1',
  'relation_untyped_f1',
  'alpha_label',
  'alpha',
] as const;

type Cells = Partial<Record<(typeof CLASS_AGREEMENT_COLUMNS)[number], string | number | null>>;

/// The agreement as ONE rectangular CSV table (RFC 4180: CRLF, quoting by lib/formats/csv; UTF-8
/// with a byte-order mark unless `bom: false`, for Excel), so a spreadsheet can filter it by the
/// first column, `row`:
/// - `student`: one per student, in the order given; score cells empty without a reference or
///   without a map (units_matched… count the overlap matching);
/// - `mean`: the class means (only when there are any);
/// - `alpha`: one per label, then `(all)` for alpha over every label, in `alpha_label`/`alpha`.
/// Numbers are written in full precision; an undefined figure (null) is an empty cell.
export function classAgreementCsv(agreement: ClassAgreement, options: { bom?: boolean } = {}): string {
  const record = (cells: Cells) => CLASS_AGREEMENT_COLUMNS.map((c) => cells[c] ?? '');
  const prfCells = (prefix: 'unit_exact' | 'unit_overlap' | 'relation_typed', s: Prf): Cells => ({
    [`${prefix}_precision`]: s.precision,
    [`${prefix}_recall`]: s.recall,
    [`${prefix}_f1`]: s.f1,
  });
  const rows: CsvCell[][] = [[...CLASS_AGREEMENT_COLUMNS]];
  for (const s of agreement.students) {
    const r = s.vsReference;
    rows.push(
      record({
        row: 'student',
        user_name: s.name,
        display_name: s.displayName,
        map_id: s.mapId,
        submitted_at: s.submittedAt,
        units: s.units,
        relations: s.relations,
        ...(r && {
          units_matched: r.unitsOverlap.matched,
          units_missing: r.unitsOverlap.missing,
          units_extra: r.unitsOverlap.extra,
          ...prfCells('unit_exact', r.unitsExact),
          ...prfCells('unit_overlap', r.unitsOverlap),
          label_accuracy: r.labelAccuracy,
          ...prfCells('relation_typed', r.relationsTyped),
          relation_untyped_f1: r.relationsUntyped.f1,
        }),
      }),
    );
  }
  const m = agreement.means;
  if (m) {
    rows.push(
      record({
        row: 'mean',
        ...prfCells('unit_exact', m.unitsExact),
        ...prfCells('unit_overlap', m.unitsOverlap),
        label_accuracy: m.labelAccuracy,
        ...prfCells('relation_typed', m.relationsTyped),
        relation_untyped_f1: m.relationsUntyped.f1,
      }),
    );
  }
  for (const label of agreement.labels) rows.push(record({ row: 'alpha', alpha_label: label, alpha: agreement.alpha.byLabel[label] ?? null }));
  rows.push(record({ row: 'alpha', alpha_label: '(all)', alpha: agreement.alpha.overall }));
  return csvTable(rows, options);
}
