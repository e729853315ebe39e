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
// - Relations: a reference relation and a candidate relation match when the candidate's `from`
//   is paired (overlap matching) with the reference's `from`, its `to` with the reference's `to`,
//   and — for "typed" — the types are equal. Direction always matters (from = premise/attacker).
//   Because unit pairing is one-to-one and a map has no duplicate (type, from, to), this is
//   automatically one-to-one. "Untyped" compares the SETS of ordered (from, to) pairs, so a map
//   that has both a support and an attack between the same two units counts that pair once.
//   A relation touching an unpaired unit cannot match: it is missing (reference) or extra
//   (candidate).
// - The deeper model (issue 17), until partial credit is defined: `from` is a premise set, and a
//   relation matches when every premise is paired and the sets are equal (order ignored); an
//   implicit unit has no span, so it is never paired and neither is a relation naming it; an
//   undercutter (its target a relation) is never paired either. Unit scores count units of the
//   text only.

import { defaultLabels, textUnits, type ArgumentMap } from '@/lib/argument/types';
import { matchUnits, type UnitPair } from './match';
import { scores, type Scores } from './prf';

export interface MapComparison {
  units: { exact: Scores; overlap: Scores };
  labels: {
    accuracy: number | null;
    /// Overlap-matched pairs the accuracy is over, and how many of them agree.
    pairs: number;
    agreeing: number;
    confusion: Record<string, Record<string, number>>;
  };
  relations: { typed: Scores; untyped: Scores };
  /// The overlap matching (what labels and relations are judged on).
  matches: { pairs: UnitPair[]; missing: string[]; extra: string[] };
  /// Which relations match (typed: same type between paired units), by id: what the compare
  /// view marks on both sides. `missing` are reference relations, `extra` candidate ones.
  relationMatches: { pairs: Array<{ reference: string; candidate: string }>; missing: string[]; extra: string[] };
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

  // Reference unit id → its paired candidate unit id.
  const toCandidate = new Map(overlap.pairs.map((p) => [p.reference, p.candidate]));
  const key = (type: string | null, from: readonly string[], to: string) => JSON.stringify([type, [...from].sort(), to]);
  const candTyped = new Set(candidate.relations.map((r) => key(r.type, r.from, r.to)));
  const candUntyped = new Set(candidate.relations.map((r) => key(null, r.from, r.to)));
  // Keyed by the reference's own (type,) from, to — so a duplicate in a malformed map counts once —
  // with the candidate key it maps to, or null when an endpoint is unpaired. Pairing is
  // one-to-one, so distinct reference keys map to distinct candidate keys.
  const refTyped = new Map<string, string | null>();
  const refUntyped = new Map<string, string | null>();
  for (const r of reference.relations) {
    const from = r.from.map((p) => toCandidate.get(p));
    const to = toCandidate.get(r.to);
    const mapped = from.every((p) => p !== undefined) && to !== undefined;
    refTyped.set(key(r.type, r.from, r.to), mapped ? key(r.type, from as string[], to) : null);
    refUntyped.set(key(null, r.from, r.to), mapped ? key(null, from as string[], to) : null);
  }
  const candidateByTyped = new Map(candidate.relations.map((r) => [key(r.type, r.from, r.to), r.id]));
  const relationPairs: Array<{ reference: string; candidate: string }> = [];
  const missingRelations: string[] = [];
  const pairedCandidates = new Set<string>();
  for (const r of reference.relations) {
    const mapped = refTyped.get(key(r.type, r.from, r.to));
    const partner = mapped ? candidateByTyped.get(mapped) : undefined;
    if (partner === undefined || pairedCandidates.has(partner)) {
      missingRelations.push(r.id);
    } else {
      relationPairs.push({ reference: r.id, candidate: partner });
      pairedCandidates.add(partner);
    }
  }
  const count = (ref: Map<string, string | null>, cand: Set<string>) => {
    let n = 0;
    for (const mapped of ref.values()) if (mapped !== null && cand.has(mapped)) n++;
    return n;
  };

  return {
    units: { exact: scores(exact.pairs.length, nCand, nRef), overlap: scores(overlap.pairs.length, nCand, nRef) },
    labels: { accuracy: overlap.pairs.length ? agreeing / overlap.pairs.length : null, pairs: overlap.pairs.length, agreeing, confusion },
    relations: {
      typed: scores(count(refTyped, candTyped), candTyped.size, refTyped.size),
      untyped: scores(count(refUntyped, candUntyped), candUntyped.size, refUntyped.size),
    },
    matches: { pairs: overlap.pairs, missing: overlap.missing, extra: overlap.extra },
    relationMatches: { pairs: relationPairs, missing: missingRelations, extra: candidate.relations.filter((r) => !pairedCandidates.has(r.id)).map((r) => r.id) },
  };
}

/// Labels of the default scheme in scheme order, then any others alphabetically; no repeats.
export function orderLabels(labels: Iterable<string>): string[] {
  const seen = new Set(labels);
  const known = defaultLabels.filter((l) => seen.has(l));
  const others = [...seen].filter((l) => !(defaultLabels as readonly string[]).includes(l)).sort();
  return [...known, ...others];
}
