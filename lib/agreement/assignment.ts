// Optimal one-to-one pairing for unit alignment: given edges between "left" items (reference
// units) and "right" items (candidate units), each with a priority vector, choose edges in which
// no item appears twice so that, lexicographically,
//   1. the number of pairs is as large as possible,
//   2. then the sum of priority[0] over the pairs is as large as possible,
//   3. then the sum of priority[1], and so on.
// (Cardinality comes first because precision, recall and F1 count pairs; the priorities only
// decide which pairs.)
//
// Method: the lexicographic objective is encoded as one integer weight per edge, chosen per
// connected component so that no amount of a lower level can outweigh one unit of a higher
// level (weight = Σ_ℓ value_ℓ·B_ℓ with B_last = 1 and B_ℓ−1 = B_ℓ·(M_ℓ + 1), M_ℓ an upper bound of
// level ℓ's sum over any matching in the component), and a maximum-weight assignment is found
// with the Hungarian algorithm (Kuhn 1955; Munkres 1957) in its O(n²·m) shortest-augmenting-path
// form with row/column potentials (as in Jonker & Volgenant 1987). Pairs without an edge get
// weight 0 and are dropped, which turns "assignment" into "matching".
//
// Why components: unit overlaps are local — a unit only competes with the few units it
// overlaps — so a map of thousands of units costs about as much as its largest cluster of
// mutually overlapping units, not thousands cubed, and the encoded weights stay small.
//
// Invariants:
// - Exact: priorities are non-negative safe integers, weights and potentials stay integers, and
//   a RangeError is thrown rather than letting them pass 2^53 (where rounding would decide).
// - Deterministic: the result depends only on the indices and the edge order, never on
//   randomness. Among several optimal matchings the one returned is the one the algorithm
//   reaches first in index order (callers sort their items canonically first).

export interface PrioritizedEdge {
  left: number;
  right: number;
  /// Non-negative integers, most important first; every edge of one call has the same length.
  priority: readonly number[];
}

/// The pairs (left, right) of an optimal matching over `edges` (see the header), sorted by left
/// index. `leftCount` / `rightCount` bound the indices.
export function optimalMatching(leftCount: number, rightCount: number, edges: readonly PrioritizedEdge[]): Array<[number, number]> {
  const levels = edges.length ? edges[0].priority.length : 0;
  for (const e of edges) {
    if (!(Number.isInteger(e.left) && Number.isInteger(e.right) && e.left >= 0 && e.left < leftCount && e.right >= 0 && e.right < rightCount)) {
      throw new RangeError(`edge ${e.left}–${e.right} out of range`);
    }
    if (e.priority.length !== levels || !e.priority.every((p) => Number.isSafeInteger(p) && p >= 0)) {
      throw new RangeError(`edge priorities must be ${levels} non-negative safe integers (got [${e.priority.join(', ')}])`);
    }
  }
  const result: Array<[number, number]> = [];
  for (const component of components(leftCount, rightCount, edges)) {
    const lefts = [...new Set(component.map((e) => e.left))].sort((a, b) => a - b);
    const rights = [...new Set(component.map((e) => e.right))].sort((a, b) => a - b);
    const li = new Map(lefts.map((l, i) => [l, i]));
    const ri = new Map(rights.map((r, i) => [r, i]));
    // Rows are the smaller side, so the algorithm's rows ≤ columns precondition holds.
    const transpose = lefts.length > rights.length;
    const rows = transpose ? rights.length : lefts.length;
    const cols = transpose ? lefts.length : rights.length;
    const rowOf = (e: PrioritizedEdge) => (transpose ? ri.get(e.right)! : li.get(e.left)!);
    const colOf = (e: PrioritizedEdge) => (transpose ? li.get(e.left)! : ri.get(e.right)!);

    // Level values: cardinality (1 per edge), then the priorities.
    const values = (e: PrioritizedEdge) => [1, ...e.priority];
    // M_ℓ: each row contributes at most one pair, so the sum of row maxima bounds a level's sum.
    const rowMax = Array.from({ length: rows }, () => new Array<number>(levels + 1).fill(0));
    for (const e of component) {
      const vs = values(e);
      const r = rowMax[rowOf(e)];
      for (let l = 0; l <= levels; l++) r[l] = Math.max(r[l], vs[l]);
    }
    const scale = new Array<number>(levels + 1).fill(1);
    for (let l = levels; l >= 1; l--) {
      const bound = rowMax.reduce((sum, r) => sum + r[l], 0);
      scale[l - 1] = scale[l] * (bound + 1);
    }
    const weight = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
    let total = 0;
    for (const e of component) {
      const vs = values(e);
      let w = 0;
      for (let l = 0; l <= levels; l++) w += vs[l] * scale[l];
      const r = rowOf(e);
      const c = colOf(e);
      // Duplicate edges between one pair: the better one counts (callers do not produce them).
      weight[r][c] = Math.max(weight[r][c], w);
    }
    for (const row of weight) total += Math.max(...row);
    // Potentials and reduced costs stay within (rows + cols) times the sum of the row maxima;
    // past 2^53 integer arithmetic would round and the optimum would no longer be exact.
    if (!Number.isSafeInteger(2 * (rows + cols + 1) * total)) {
      throw new RangeError(`too many mutually overlapping units (${lefts.length} × ${rights.length}) for exact matching`);
    }
    const assigned = hungarianMax(weight);
    for (let r = 0; r < rows; r++) {
      const c = assigned[r];
      if (c < 0 || weight[r][c] === 0) continue;
      result.push(transpose ? [lefts[c], rights[r]] : [lefts[r], rights[c]]);
    }
  }
  return result.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/// Edges grouped into connected components (union–find over left and right items), in order of
/// each component's first edge.
function components(leftCount: number, rightCount: number, edges: readonly PrioritizedEdge[]): PrioritizedEdge[][] {
  // Left item i is node i, right item j is node leftCount + j.
  const parent = Array.from({ length: leftCount + rightCount }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const e of edges) {
    const a = find(e.left);
    const b = find(leftCount + e.right);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, PrioritizedEdge[]>();
  for (const e of edges) {
    const root = find(e.left);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(e);
  }
  return [...groups.values()];
}

/// For a rows × cols weight matrix with rows ≤ cols, the column assigned to each row in an
/// assignment of maximum total weight (every row gets a column). Minimizes −weight with the
/// potentials method; 1-based internally so index 0 can stand for "no row/column yet".
function hungarianMax(weight: number[][]): number[] {
  const n = weight.length;
  const m = n === 0 ? 0 : weight[0].length;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const rowOfCol = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    rowOfCol[0] = i;
    let col0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[col0] = true;
      const row0 = rowOfCol[col0];
      let delta = Infinity;
      let col1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = -weight[row0 - 1][j - 1] - u[row0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = col0;
        }
        // Strict "<": the first column in index order wins ties, which keeps results stable.
        if (minv[j] < delta) {
          delta = minv[j];
          col1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOfCol[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      col0 = col1;
    } while (rowOfCol[col0] !== 0);
    do {
      const col1 = way[col0];
      rowOfCol[col0] = rowOfCol[col1];
      col0 = col1;
    } while (col0 !== 0);
  }
  const colOfRow = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (rowOfCol[j] !== 0) colOfRow[rowOfCol[j] - 1] = j - 1;
  return colOfRow;
}
