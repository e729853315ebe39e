// Precision, recall and F1 over counts — the one place their zero-denominator cases are defined,
// so unit, relation and CLI figures can never disagree about an empty map.
//
// Definitions (tp = items that matched, predicted = the candidate's items, expected = the
// reference's items; tp ≤ min(predicted, expected)):
//   precision = tp / predicted        recall = tp / expected
//   F1        = 2·tp / (predicted + expected)   (= the harmonic mean 2PR/(P+R) whenever tp > 0)
// Zero denominators:
//   - nothing predicted and nothing expected: precision = recall = F1 = 1. Both annotators agree
//     that there is nothing here, which is perfect agreement, not an error.
//   - nothing predicted, something expected: precision = 0 (and recall = 0, F1 = 0). A vacuous
//     precision of 1 would let an empty student map look half right; an instructor reads
//     "nothing found" as nothing correct.
//   - something predicted, nothing expected: recall = 0 (and precision = 0, F1 = 0), by the same
//     reasoning from the other side.
// So precision is 1 only for a perfect or empty-vs-empty candidate, and F1 is 0 whenever tp = 0
// unless both sides are empty. (scikit-learn's `zero_division=0` gives the same except for the
// empty-vs-empty case, where it gives 0; we want agreement there to read as agreement.)
//
// Invariants: all three lie in [0, 1]; the counts carried along (matched, missing, extra) satisfy
// matched + missing = expected and matched + extra = predicted.

/// Scores of one comparison, with the counts they come from.
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /// Items of the candidate that matched an item of the reference (true positives).
  matched: number;
  /// Items of the reference nothing in the candidate matched (false negatives).
  missing: number;
  /// Items of the candidate that matched nothing in the reference (false positives).
  extra: number;
}

/// Precision / recall / F1 from `matched` true positives out of `predicted` candidate items
/// and `expected` reference items, with the zero-denominator cases of the header.
export function scores(matched: number, predicted: number, expected: number): Scores {
  if (!(Number.isInteger(matched) && Number.isInteger(predicted) && Number.isInteger(expected)) || matched < 0 || matched > predicted || matched > expected) {
    throw new RangeError(`scores: need integers 0 ≤ matched ≤ min(predicted, expected) (got ${matched}, ${predicted}, ${expected})`);
  }
  const missing = expected - matched;
  const extra = predicted - matched;
  if (predicted === 0 && expected === 0) return { precision: 1, recall: 1, f1: 1, matched, missing, extra };
  return {
    precision: predicted === 0 ? 0 : matched / predicted,
    recall: expected === 0 ? 0 : matched / expected,
    f1: (2 * matched) / (predicted + expected),
    matched,
    missing,
    extra,
  };
}

/// Scores where a true positive may earn part of a point: relations with partial credit
/// (relations.ts), `credit` = Σ credit of the pairs, a real in [0, min(predicted, expected)].
/// Same formulas and zero-denominator cases as `scores`; `matched` carries the credit (so it
/// may be fractional) and missing/extra the rest (expected − credit, predicted − credit).
export function creditScores(credit: number, predicted: number, expected: number): Scores {
  if (!(Number.isFinite(credit) && Number.isInteger(predicted) && Number.isInteger(expected)) || credit < 0 || credit > Math.min(predicted, expected) + 1e-9) {
    throw new RangeError(`creditScores: need 0 ≤ credit ≤ min(predicted, expected) (got ${credit}, ${predicted}, ${expected})`);
  }
  const missing = expected - credit;
  const extra = predicted - credit;
  if (predicted === 0 && expected === 0) return { precision: 1, recall: 1, f1: 1, matched: credit, missing, extra };
  return {
    precision: predicted === 0 ? 0 : credit / predicted,
    recall: expected === 0 ? 0 : credit / expected,
    f1: (2 * credit) / (predicted + expected),
    matched: credit,
    missing,
    extra,
  };
}

/// A figure as tables and CSV files show it: rounded to two decimals (0.9666666666666667 →
/// 0.97), half away from zero; null stays null. Full precision stays in the JSON APIs.
export function hundredths(x: number | null): number | null {
  if (x === null) return null;
  const r = Math.sign(x) * Math.round(Math.abs(x) * 100) / 100;
  return r === 0 ? 0 : r; // no "-0"
}
