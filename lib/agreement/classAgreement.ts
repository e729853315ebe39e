// A class's agreement on one assignment: each student's map scored against the reference map
// (the instructor's), and how reliably the class as a whole labels the text (token-level
// Krippendorff's alpha among the students). Pure; the maps come from lib/db's
// loadAssignmentMaps, the tokens from the stored document (no tokenizer runs here).
//
// Definitions:
// - Per student (compareMaps, compare.ts): unit P/R/F1 with exact and ≥ ½-overlap matching,
//   label accuracy on the overlap pairs, relation P/R/F1 typed and untyped, and the counts; and
//   the teacher's reading (teacherMatch, teacher.ts): reference units and relations found with
//   boundary choices forgiven, how many of those differ in boundaries or label.
//   `vsReference` is null when the assignment has no reference map, and for a student who has
//   not started: no map, or an empty one never submitted (opening the text creates an empty map;
//   a student who only looked has handed in nothing to score). A SUBMITTED empty map is scored,
//   and scores 0 against a non-empty reference.
// - Class means are macro-averages: every student with a map weighs the same, however many
//   units they drew (an instructor asks "how is the class doing", not "how are the units
//   doing"). Label accuracy is averaged over the students for whom it is defined (null = no
//   overlap pair to judge). Null without a reference or without any map. foundShare = mean of
//   found / reference units (1 for an empty reference: nothing to find); relationsFoundShare
//   likewise over relations, null when the reference has none.
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
import { hundredths, type Scores } from './prf';
import { teacherMatch, teacherSummary, wordIndex, type TeacherSummary, type WordToken } from './teacher';
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
  /// The teacher's reading (teacher.ts): reference units found with boundaries forgiven.
  teacher: TeacherSummary;
}

export interface StudentAgreement {
  userId: string;
  name: string;
  displayName: string;
  mapId: string | null;
  submittedAt: string | null;
  /// Units and relations in the student's map; null without a map. Units count implicit units
  /// (reconstructed premises are work the student did) and relations count linked arguments
  /// once and undercutters (attacks on an inference) like any relation.
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
  /// Mean share of the reference's units / relations found (teacher.ts), per student.
  foundShare: number;
  relationsFoundShare: number | null;
  /// Mean share of the reference's relations partly found (partial credit), null when the
  /// reference has no relation; of its implicit units found, null when it has none.
  relationsPartlyFoundShare: number | null;
  implicitFoundShare: number | null;
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
  /// Units of analysis for alpha (see wordTokens); with their parts of speech, also the content
  /// words of the teacher's reading (teacher.ts).
  tokens: readonly WordToken[];
  /// The labels to report alpha for (the assignment's scheme, in its order).
  labels: readonly string[];
}

/// Whether a student's map counts as handed in work (see the header).
function started(map: NonNullable<ClassMember['map']>): boolean {
  return map.units.length > 0 || map.submittedAt !== null;
}

/// The per-student table and class figures (see the header for every definition).
export function classAgreement({ reference, students, tokens, labels }: ClassAgreementInput): ClassAgreement {
  const words = wordIndex(tokens);
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
        teacher: teacherSummary(teacherMatch(reference, map, words)),
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
export function wordTokens<T extends TokenSpan>(text: string, tokens: readonly T[]): T[] {
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
    // An empty reference has nothing to find: every student found all of it.
    foundShare: mean(scored.map((r) => (r.teacher.referenceUnits ? r.teacher.found / r.teacher.referenceUnits : 1)))!,
    relationsFoundShare: mean(scored.flatMap((r) => (r.teacher.referenceRelations ? [r.teacher.relationsFound / r.teacher.referenceRelations] : []))),
    relationsPartlyFoundShare: mean(scored.flatMap((r) => (r.teacher.referenceRelations ? [r.teacher.relationsPartlyFound / r.teacher.referenceRelations] : []))),
    implicitFoundShare: mean(scored.flatMap((r) => (r.teacher.referenceImplicitUnits ? [r.teacher.implicitUnitsFound / r.teacher.referenceImplicitUnits] : []))),
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
  'reference_units',
  'units_found',
  'boundaries_differ',
  'labels_differ',
  'found_word_dice',
  'reference_relations',
  'relations_found',
  'relations_partly_found',
  'reference_implicit_units',
  'implicit_units_found',
] as const;

type Cells = Partial<Record<(typeof CLASS_AGREEMENT_COLUMNS)[number], string | number | null>>;

/// The agreement as ONE rectangular CSV table (RFC 4180: CRLF, quoting by lib/formats/csv; UTF-8
/// with a byte-order mark unless `bom: false`, for Excel), so a spreadsheet can filter it by the
/// first column, `row`:
/// - `student`: one per student, in the order given; score cells empty without a reference or
///   without a map (units_matched… count the overlap matching);
/// - `mean`: the class means (only when there are any);
/// - `alpha`: one per label, then `(all)` for alpha over every label, in `alpha_label`/`alpha`.
/// Counts are whole numbers; figures (P/R/F1, accuracy, alpha, Dice, shares) are rounded to two
/// decimals (hundredths, prf.ts) — the JSON API keeps full precision; an undefined figure (null)
/// is an empty cell. The last columns are the teacher's reading (teacher.ts): units_found of
/// reference_units with boundaries forgiven, of which boundaries_differ / labels_differ, the mean
/// content-word Dice of the found pairs, relations_found of reference_relations with the same
/// premise set and relations_partly_found with an overlapping one (partial credit: a linked
/// argument given with some of its premises), implicit_units_found of reference_implicit_units
/// (paired by label and role); in the mean row, units_found, relations_found,
/// relations_partly_found and implicit_units_found are the mean SHARES found (0–1).
export function classAgreementCsv(agreement: ClassAgreement, options: { bom?: boolean } = {}): string {
  const record = (cells: Cells) => CLASS_AGREEMENT_COLUMNS.map((c) => cells[c] ?? '');
  const prfCells = (prefix: 'unit_exact' | 'unit_overlap' | 'relation_typed', s: Prf): Cells => ({
    [`${prefix}_precision`]: hundredths(s.precision),
    [`${prefix}_recall`]: hundredths(s.recall),
    [`${prefix}_f1`]: hundredths(s.f1),
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
          label_accuracy: hundredths(r.labelAccuracy),
          ...prfCells('relation_typed', r.relationsTyped),
          relation_untyped_f1: hundredths(r.relationsUntyped.f1),
          reference_units: r.teacher.referenceUnits,
          units_found: r.teacher.found,
          boundaries_differ: r.teacher.boundariesDiffer,
          labels_differ: r.teacher.labelDiffers,
          found_word_dice: hundredths(r.teacher.meanDice),
          reference_relations: r.teacher.referenceRelations,
          relations_found: r.teacher.relationsFound,
          relations_partly_found: r.teacher.relationsPartlyFound,
          reference_implicit_units: r.teacher.referenceImplicitUnits,
          implicit_units_found: r.teacher.implicitUnitsFound,
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
        label_accuracy: hundredths(m.labelAccuracy),
        ...prfCells('relation_typed', m.relationsTyped),
        relation_untyped_f1: hundredths(m.relationsUntyped.f1),
        units_found: hundredths(m.foundShare),
        relations_found: hundredths(m.relationsFoundShare),
        relations_partly_found: hundredths(m.relationsPartlyFoundShare),
        implicit_units_found: hundredths(m.implicitFoundShare),
      }),
    );
  }
  for (const label of agreement.labels) rows.push(record({ row: 'alpha', alpha_label: label, alpha: hundredths(agreement.alpha.byLabel[label] ?? null) }));
  rows.push(record({ row: 'alpha', alpha_label: '(all)', alpha: hundredths(agreement.alpha.overall) }));
  return csvTable(rows, options);
}
