// Scores of a candidate argument map (a student's) against a reference map (the instructor's)
// over the same text: units, labels and relations. Pure; both maps' offsets must refer to the
// same canonical text (callers check the sha256 — this module only sees offsets).
//
// Definitions (P/R/F1 and their zero-denominator cases: prf.ts; matching: match.ts):
// - Units: P/R/F1 of the one-to-one matching under each criterion, counting units:
//   matched = pairs, predicted = candidate units, expected = reference units.
// - Labels: over the pairs of the OVERLAP matching (a unit whose span is roughly right can still
//   have the right or wrong label; exact spans would judge labels on too few units).
//   accuracy = pairs with equal labels / pairs; null when there are no pairs (there is nothing
//   to judge — 0 would read as "all labels wrong", 1 as "all right").
//   confusion[referenceLabel][candidateLabel] = number of pairs; dense over every label used by a
//   unit of either map (zeros included), labels of the default scheme first in scheme order,
//   then others alphabetically — a fixed layout for tables.
// - Implicit units (no span): kept out of every span figure above (units, labels); paired by
//   label and role (relations.ts) and scored on their own: implicitUnits = P/R/F1 of those pairs
//   over the implicit units of each map.
// - Relations (relations.ts): matched one-to-one on (premise set, target) through the unit
//   pairing φ (the overlap pairs plus the implicit pairs), level by level so an undercutter
//   matches only an undercutter of a matched relation; a pair earns the Dice overlap of its
//   mapped premise sets (1 for equal sets, ⅔ for one of two premises) and P/R/F1 count that
//   credit (prf.ts creditScores): tp = Σ credit, predicted = candidate relations, expected =
//   reference relations. "Typed" pairs only relations of the same type, "untyped" any (and counts
//   a support and an attack with the same premises and target once). Direction
//   always matters (from = premises/attackers). A relation whose target has no partner cannot
//   match: it is missing (reference) or extra (candidate).

import { defaultLabels, textUnits, type ArgumentMap } from '@/lib/argument/types';
import { matchUnits, type UnitPair } from './match';
import { creditScores, hundredths, scores, type Scores } from './prf';
import { csvTable, type CsvCell } from '@/lib/formats/csv';
import { matchImplicitUnits, matchRelations, unpairedImplicitUnits, type RelationPair } from './relations';

export interface MapComparison {
  units: { exact: Scores; overlap: Scores };
  labels: {
    accuracy: number | null;
    /// Overlap-matched pairs the accuracy is over, and how many of them agree.
    pairs: number;
    agreeing: number;
    confusion: Record<string, Record<string, number>>;
  };
  /// Implicit units paired by label and role (relations.ts); counted apart from span units.
  implicitUnits: Scores;
  /// `matched` is the summed partial credit (may be fractional).
  relations: { typed: Scores; untyped: Scores };
  /// The overlap matching (what labels and relations are judged on).
  matches: { pairs: UnitPair[]; missing: string[]; extra: string[] };
  /// Implicit unit pairs (reference id, candidate id).
  implicitMatches: Array<{ reference: string; candidate: string }>;
  /// Implicit units left unpaired: of the reference (`missing`) and of the candidate (`extra`),
  /// in id order — listed by the compare view after the units of the text.
  implicitUnmatched: { missing: string[]; extra: string[] };
  /// Which relations match (typed), by id with their credit: what the compare view marks on
  /// both sides. `missing` are reference relations, `extra` candidate ones.
  relationMatches: { pairs: RelationPair[]; missing: string[]; extra: string[] };
}

/// Scores of `candidate` against `reference` (see the header for every definition).
export function compareMaps(reference: ArgumentMap, candidate: ArgumentMap): MapComparison {
  const refUnits = textUnits(reference.units);
  const candUnits = textUnits(candidate.units);
  const exact = matchUnits(refUnits, candUnits, 'exact');
  const overlap = matchUnits(refUnits, candUnits, 'overlap');
  const nRef = refUnits.length;
  const nCand = candUnits.length;

  const refLabel = new Map(refUnits.map((u) => [u.id, u.label]));
  const candLabel = new Map(candUnits.map((u) => [u.id, u.label]));
  const labels = orderLabels([...refUnits, ...candUnits].map((u) => u.label));
  const confusion: Record<string, Record<string, number>> = {};
  for (const a of labels) confusion[a] = Object.fromEntries(labels.map((b) => [b, 0]));
  let agreeing = 0;
  for (const p of overlap.pairs) {
    const a = refLabel.get(p.reference)!;
    const b = candLabel.get(p.candidate)!;
    confusion[a][b]++;
    if (a === b) agreeing++;
  }

  // φ: reference unit id → its paired candidate unit id (text pairs, then implicit pairs).
  const textPairs = new Map(overlap.pairs.map((p) => [p.reference, p.candidate]));
  const implicitPairs = matchImplicitUnits(reference, candidate, textPairs);
  const phi = new Map([...textPairs, ...implicitPairs]);
  const typed = matchRelations(reference, candidate, phi, true);
  const untyped = matchRelations(reference, candidate, phi, false);
  const nRefImplicit = reference.units.length - nRef;
  const nCandImplicit = candidate.units.length - nCand;

  return {
    units: { exact: scores(exact.pairs.length, nCand, nRef), overlap: scores(overlap.pairs.length, nCand, nRef) },
    labels: { accuracy: overlap.pairs.length ? agreeing / overlap.pairs.length : null, pairs: overlap.pairs.length, agreeing, confusion },
    implicitUnits: scores(implicitPairs.length, nCandImplicit, nRefImplicit),
    relations: {
      typed: creditScores(typed.credit, typed.predicted, typed.expected),
      untyped: creditScores(untyped.credit, untyped.predicted, untyped.expected),
    },
    matches: { pairs: overlap.pairs, missing: overlap.missing, extra: overlap.extra },
    implicitMatches: implicitPairs.map(([r, c]) => ({ reference: r, candidate: c })),
    implicitUnmatched: unpairedImplicitUnits(reference, candidate, implicitPairs),
    relationMatches: { pairs: typed.pairs, missing: typed.missing, extra: typed.extra },
  };
}

/// The comparison's figures as one CSV table (lib/formats/csv: RFC 4180, UTF-8 with a BOM, cells
/// that could start a formula neutralized): a row per measure — units exact and overlap,
/// implicit units (paired by label and role), relations typed and untyped — with precision,
/// recall and F1 to two decimals (hundredths, as every agreement CSV), then label accuracy.
/// `partly_found` (typed relations only): how many relation pairs earned partial credit, their
/// premise sets overlapping but not equal (a linked argument given with some of its premises);
/// their credit is in the figures, this says how many of the matches are partial.
export function comparisonCsv(c: MapComparison): string {
  const row = (measure: string, s: Scores, partly: number | null = null): CsvCell[] => [measure, hundredths(s.precision), hundredths(s.recall), hundredths(s.f1), partly];
  return csvTable([
    ['measure', 'precision', 'recall', 'f1', 'partly_found'],
    row('units_exact', c.units.exact),
    row('units_overlap', c.units.overlap),
    row('implicit_units', c.implicitUnits),
    row('relations_typed', c.relations.typed, c.relationMatches.pairs.filter((p) => p.credit < 1).length),
    row('relations_untyped', c.relations.untyped),
    ['label_accuracy', hundredths(c.labels.accuracy), null, null, null],
  ]);
}

/// Labels of the default scheme in scheme order, then any others alphabetically; no repeats.
export function orderLabels(labels: Iterable<string>): string[] {
  const seen = new Set(labels);
  const known = defaultLabels.filter((l) => seen.has(l));
  const others = [...seen].filter((l) => !(defaultLabels as readonly string[]).includes(l)).sort();
  return [...known, ...others];
}
