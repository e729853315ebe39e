// Which layer each participant of the map's drawing goes in (./layout hands the layers to dagre,
// which orders and places within them). Pure, on a graph of numbered nodes: the layout numbers
// units, linked arguments' junctions and attacked relations' inference points alike.
//
// Invariants of `orientEdges` + `assignLayers`:
// - Every edge runs from a lower layer to an upper one (layer 0 is the top) by at least its
//   `length`, once oriented: an edge normally points up (its `to` is drawn above its `from`);
//   an edge from the main claim points down (nothing may rise above the main claim); and one
//   edge of each cycle points down, so layers exist.
// - The main claim, when given, is in layer 0, and no layer is negative.
// - Iterative throughout (long chains would overflow the call stack), linear in nodes + edges.

/// `from` is drawn below `to` (a premise below its conclusion) unless orientation says otherwise;
/// `length` is the least number of layers between them.
export interface LayerEdge {
  from: number;
  to: number;
  length: number;
}

/// Per edge: whether it is drawn pointing down (its `from` above its `to`).
export type Orientation = Uint8Array;

const upperOf = (e: LayerEdge, down: number) => (down ? e.from : e.to);
const lowerOf = (e: LayerEdge, down: number) => (down ? e.to : e.from);

/// Decides which end of each edge is drawn higher: normally `to`, but never above the main
/// claim, and with cycles broken. Self-edges must not be passed.
export function orientEdges(n: number, edges: readonly LayerEdge[], main: number | null): Orientation {
  const down = new Uint8Array(edges.length);
  // An edge from the main claim would put its other end above the main claim: flip it.
  edges.forEach((e, k) => {
    if (e.from === main) down[k] = 1;
  });

  // Break cycles: a DFS from the main claim, then from the nodes in order, flips every edge that
  // points back to a node on the current path. Starting at the main claim keeps it a source, so
  // it stays on top.
  const { offsets, list } = outLists(n, edges, down);
  const state = new Uint8Array(n); // 0 unseen, 1 on the path, 2 done
  const next = new Int32Array(n);
  const stack: number[] = [];
  const visit = (root: number) => {
    if (state[root] !== 0) return;
    state[root] = 1;
    next[root] = offsets[root];
    stack.push(root);
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      if (next[v] >= offsets[v + 1]) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      const k = list[next[v]++];
      const w = lowerOf(edges[k], down[k]);
      if (state[w] === 0) {
        state[w] = 1;
        next[w] = offsets[w];
        stack.push(w);
      } else if (state[w] === 1) {
        down[k] ^= 1;
      }
    }
  };
  if (main !== null) visit(main);
  for (let v = 0; v < n; v++) visit(v);
  return down;
}

/// The edges leaving each node downwards, as compressed lists: node v's are
/// `list[offsets[v] .. offsets[v+1])`, in edge order.
function outLists(n: number, edges: readonly LayerEdge[], down: Orientation) {
  const offsets = new Int32Array(n + 1);
  edges.forEach((e, k) => offsets[upperOf(e, down[k]) + 1]++);
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const list = new Int32Array(edges.length);
  edges.forEach((e, k) => (list[fill[upperOf(e, down[k])]++] = k));
  return { offsets, list };
}

/// Layer 0 is the top. Each node goes as high as its edges allow below its lowest-placed upper
/// neighbour (longest path from the top), so the main claim — a source — is in layer 0. Other
/// top-level nodes are then pulled down to just above their highest lower neighbour, so a
/// conclusion that rests on a deep premise does not hang at the top with one very long edge.
export function assignLayers(n: number, edges: readonly LayerEdge[], down: Orientation, main: number | null): Int32Array {
  const { offsets, list } = outLists(n, edges, down);
  const indegree = new Int32Array(n);
  edges.forEach((e, k) => indegree[lowerOf(e, down[k])]++);
  const layer = new Int32Array(n);
  const sources: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) sources.push(v);
  const queue = [...sources];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    for (let j = offsets[v]; j < offsets[v + 1]; j++) {
      const k = list[j];
      const w = lowerOf(edges[k], down[k]);
      layer[w] = Math.max(layer[w], layer[v] + edges[k].length);
      if (--indegree[w] === 0) queue.push(w);
    }
  }
  for (const s of sources) {
    if (s === main || offsets[s + 1] === offsets[s]) continue;
    let highest = Infinity;
    for (let j = offsets[s]; j < offsets[s + 1]; j++) {
      const k = list[j];
      highest = Math.min(highest, layer[lowerOf(edges[k], down[k])] - edges[k].length);
    }
    layer[s] = highest;
  }
  return layer;
}
