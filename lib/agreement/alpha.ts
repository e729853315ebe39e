// Krippendorff's alpha for nominal data: agreement among any number of coders over units of
// analysis, tolerating missing values, corrected for the agreement expected by chance.
//
// Reference: Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg
// School for Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43),
// section C, "Nominal data, any number of observers, missing data" — the procedure below, and
// its 4 observers × 12 units example (α = 0.743) is in alpha.test.ts.
//
// Definitions, with m_u the number of values unit u received and n_uc how many of them are c:
// - Only PAIRABLE units count: m_u ≥ 2 (a value nobody else coded cannot agree or disagree).
// - Coincidence matrix: o_ck = Σ_u n_uc·(n_uk − [c = k]) / (m_u − 1) — every ordered pair of
//   values from different coders of one unit, each unit weighted so it contributes m_u pairs in
//   total. It is symmetric; n_c = Σ_k o_ck, n = Σ_c n_c = Σ_{pairable u} m_u.
// - α = 1 − D_o / D_e with D_o = Σ_{c≠k} o_ck / n and D_e = Σ_{c≠k} n_c·n_k / (n·(n − 1)), i.e.
//       α = 1 − (n − 1)·(n − Σ_c o_cc) / (n² − Σ_c n_c²).
//   α = 1 is perfect agreement, 0 agreement at chance level, < 0 systematic disagreement.
// - Undefined cases, returned as null (not NaN, so JSON keeps them): no pairable unit (n = 0),
//   or only one value ever used (D_e = 0, α = 0/0) — data without variation cannot show
//   whether coders can tell values apart.
//
// Values are compared with SameValueZero (Map keys): strings, numbers, symbols all work; null and
// undefined mean "missing". Reliability data is given as in the paper: one row per coder, one
// column per unit; ragged rows are padded with missing values.

/// `data[coder][unit]`: the value a coder gave a unit, or null/undefined where it gave none.
export type ReliabilityData<V> = ReadonlyArray<ReadonlyArray<V | null | undefined>>;

export interface Coincidences<V> {
  /// The values in order of first appearance in pairable units (unit by unit, coder by coder).
  values: V[];
  /// o[c][k], indices into `values`.
  matrix: number[][];
  /// n_c: row sums.
  totals: number[];
  /// n: the number of pairable values.
  pairable: number;
}

/// The coincidence matrix of units given as the lists of values each received (missing values
/// left out). The primitive behind both entry points; tokenLevelAlpha builds units directly.
export function coincidencesOfUnits<V>(units: Iterable<readonly V[]>): Coincidences<V> {
  const index = new Map<V, number>();
  const values: V[] = [];
  const matrix: number[][] = [];
  const idx = (v: V) => {
    let i = index.get(v);
    if (i === undefined) {
      i = values.length;
      index.set(v, i);
      values.push(v);
      for (const row of matrix) row.push(0);
      matrix.push(new Array<number>(values.length).fill(0));
    }
    return i;
  };
  let pairable = 0;
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    pairable += m;
    const counts = new Map<number, number>();
    for (const v of unit) {
      const i = idx(v);
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) matrix[c][k] += (nc * (c === k ? nk - 1 : nk)) / (m - 1);
    }
  }
  const totals = matrix.map((row) => row.reduce((s, x) => s + x, 0));
  return { values, matrix, totals, pairable };
}

/// The coincidence matrix of reliability data (rows coders, columns units).
export function coincidences<V>(data: ReliabilityData<V>): Coincidences<V> {
  return coincidencesOfUnits(columns(data));
}

/// Nominal α from a coincidence matrix; null where α is undefined (see the header).
export function alphaFromCoincidences<V>(c: Coincidences<V>): number | null {
  const n = c.pairable;
  if (n === 0) return null;
  let diagonal = 0;
  let squares = 0;
  for (let i = 0; i < c.values.length; i++) {
    diagonal += c.matrix[i][i];
    squares += c.totals[i] * c.totals[i];
  }
  // n_c are sums of fractions; compare the chance term with a tolerance, not exactly.
  const expected = n * n - squares;
  if (expected <= 1e-9 * n * n) return null;
  return 1 - ((n - 1) * (n - diagonal)) / expected;
}

/// Krippendorff's nominal α of reliability data: `data[coder][unit]`, null/undefined = missing.
export function krippendorffAlpha<V>(data: ReliabilityData<V>): number | null {
  return alphaFromCoincidences(coincidences(data));
}

function* columns<V>(data: ReliabilityData<V>): Generator<V[]> {
  const width = data.reduce((w, row) => Math.max(w, row.length), 0);
  for (let u = 0; u < width; u++) {
    const unit: V[] = [];
    for (const row of data) {
      const v = row[u];
      if (v !== null && v !== undefined) unit.push(v);
    }
    yield unit;
  }
}
