// Binary search in an ascending array of numbers: where a token or unit boundary falls among
// sorted token starts or ends (tokenAlpha.ts, heat.ts). Pure.

/// The first index whose value is ≥ x (the length when none is).
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/// The first index whose value is > x, i.e. how many values are ≤ x.
export function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
