// Layered layout of an argument map for the map view: where each unit's box goes and how each
// relation's arrow runs. Pure (no React, no DOM); dagre does the crossing reduction and the
// coordinates, this module decides the layers. Runs in the browser and in Node.
//
// Invariants of `layoutGraph`:
// - Conclusions above premises: for a relation from→to, `to` is in a higher layer than `from`,
//   except where the relations form a cycle (one relation of the cycle has to point down) and
//   except relations *from* the main claim (see next).
// - The main claim is in the top layer and nothing is above it: all nodes of a layer share the
//   top edge (`rankalign: 'top'`), so its y is the minimum. A relation from the main claim (the
//   main claim attacking or supporting something) is drawn pointing down rather than letting
//   its target rise above the main claim.
// - Units with no relations are not layered: they sit in rows at the bottom, in input order,
//   so that a student's not-yet-related units are easy to find (dagre would scatter them).
// - Node boxes do not overlap; every coordinate is ≥ `layoutMargin`; `width`/`height` is the
//   bounding box of boxes and edge points plus the margin on each side (0 × 0 when empty).
// - Edge points run from the border of `from`'s box to the border of `to`'s box, so an
//   arrowhead drawn at the last point touches the target.
// - Deterministic: the same input (including its order) gives the same output.
import { Graph, layout as dagreLayout, type GraphLabel } from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

/// A relation: `from` is the premise or attacker, `to` the unit it supports or attacks.
export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
}

export interface LayoutInput {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
  mainClaimId: string | null;
}

/// x, y are the top-left corner.
export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/// `points` run from the source node's border to the target node's border.
export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  points: Point[];
}

export interface GraphLayout {
  nodes: Map<string, PlacedNode>;
  edges: Map<string, PlacedEdge>;
  width: number;
  height: number;
}

/// Space around the drawing.
export const layoutMargin = 16;
const nodeSep = 24; // between boxes in a layer
const rankSep = 56; // between layers: room for arrowheads and for edges to bend
const edgeSep = 12;
// Rows of unrelated units wrap at the drawing's width, but never narrower than this, so a map
// with few relations still shows its loose units a handful per row rather than in a column.
const looseRowMinWidth = 960;

/// A cheap key of everything that affects the layout (node ids and sizes in order, edges,
/// the main claim), so a caller can recompute only when the structure changes.
export function layoutInputKey(input: LayoutInput): string {
  // JSON keeps ids containing separators unambiguous and is fast for thousands of nodes.
  return JSON.stringify([
    input.mainClaimId,
    input.nodes.map((n) => [n.id, n.width, n.height]),
    input.edges.map((e) => [e.id, e.from, e.to]),
  ]);
}

/// Lays the map out in layers, conclusions above their premises, the main claim on top and
/// unrelated units in rows at the bottom. Edges naming unknown nodes are left out of the result;
/// a duplicate node id keeps its first size.
export function layoutGraph(input: LayoutInput): GraphLayout {
  const nodeById = new Map<string, LayoutNode>();
  for (const n of input.nodes) if (!nodeById.has(n.id)) nodeById.set(n.id, n);
  const nodes = [...nodeById.values()];
  const edges = input.edges.filter((e) => nodeById.has(e.from) && nodeById.has(e.to));
  const main = input.mainClaimId !== null && nodeById.has(input.mainClaimId) ? input.mainClaimId : null;

  const related = new Set<string>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    related.add(e.from);
    related.add(e.to);
  }
  // The main claim is layered even without relations: it belongs at the top, not among the
  // loose units at the bottom.
  if (main !== null) related.add(main);
  const layered = nodes.filter((n) => related.has(n.id));
  const loose = nodes.filter((n) => !related.has(n.id));

  const placedNodes = new Map<string, PlacedNode>();
  const placedEdges = new Map<string, PlacedEdge>();
  let bottom = -Infinity;
  let right = -Infinity;

  if (layered.length > 0) {
    const drawn = orientEdges(layered, edges, main);
    const layer = assignLayers(layered, drawn, main);
    const g = runDagre(layered, drawn, layer);
    for (const n of layered) {
      const label = g.node(n.id) as { x: number; y: number };
      placedNodes.set(n.id, { id: n.id, x: label.x - n.width / 2, y: label.y - n.height / 2, width: n.width, height: n.height });
    }
    for (const d of drawn) {
      const label = g.edge({ v: d.upper, w: d.lower, name: d.edge.id }) as { points?: Point[] };
      // dagre's points run upper → lower; ours run from → to.
      let points = (label.points ?? []).map((p) => ({ x: p.x, y: p.y }));
      if (d.upper === d.edge.to) points.reverse();
      const from = placedNodes.get(d.edge.from)!;
      const to = placedNodes.get(d.edge.to)!;
      if (points.length < 2) points = [center(from), center(to)];
      points[0] = borderPoint(from, points[1]);
      points[points.length - 1] = borderPoint(to, points[points.length - 2]);
      placedEdges.set(d.edge.id, { id: d.edge.id, from: d.edge.from, to: d.edge.to, points });
    }
    for (const p of placedNodes.values()) {
      bottom = Math.max(bottom, p.y + p.height);
      right = Math.max(right, p.x + p.width);
    }
  }

  placeLooseNodes(loose, placedNodes, bottom, right);

  // Self-relations cannot occur in a valid map; if one arrives anyway it gets a small loop on
  // the right of its box instead of breaking the layout.
  for (const e of edges) {
    if (e.from !== e.to) continue;
    const n = placedNodes.get(e.from)!;
    const x = n.x + n.width;
    const y1 = n.y + n.height / 4;
    const y2 = n.y + (3 * n.height) / 4;
    placedEdges.set(e.id, { id: e.id, from: e.from, to: e.to, points: [{ x, y: y1 }, { x: x + 20, y: y1 }, { x: x + 20, y: y2 }, { x, y: y2 }] });
  }

  return translate(placedNodes, placedEdges);
}

interface DrawnEdge {
  edge: LayoutEdge;
  upper: string; // drawn in a higher layer
  lower: string;
}

/// Decides which end of each relation is drawn higher: normally the target, but never above
/// the main claim, and with cycles broken so the layers exist.
function orientEdges(layered: readonly LayoutNode[], edges: readonly LayoutEdge[], main: string | null): DrawnEdge[] {
  const drawn: DrawnEdge[] = [];
  for (const edge of edges) {
    if (edge.from === edge.to) continue;
    // A relation from the main claim would put its target above the main claim: flip it.
    const flip = edge.from === main;
    drawn.push({ edge, upper: flip ? edge.from : edge.to, lower: flip ? edge.to : edge.from });
  }

  // Break cycles: a DFS from the main claim, then from the nodes in input order, flips every edge
  // that points back to a node on the current path. Starting at the main claim keeps it a
  // source, so it stays on top. Iterative, since long chains would overflow the call stack.
  const out = new Map<string, number[]>();
  for (const n of layered) out.set(n.id, []);
  drawn.forEach((d, k) => out.get(d.upper)!.push(k));
  const state = new Map<string, 1 | 2>(); // 1: on the path, 2: done
  const roots = main !== null ? [main, ...layered.map((n) => n.id)] : layered.map((n) => n.id);
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: Array<{ v: string; next: number }> = [{ v: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const list = out.get(top.v)!;
      if (top.next >= list.length) {
        state.set(top.v, 2);
        stack.pop();
        continue;
      }
      const d = drawn[list[top.next++]];
      const s = state.get(d.lower);
      if (s === undefined) {
        state.set(d.lower, 1);
        stack.push({ v: d.lower, next: 0 });
      } else if (s === 1) {
        [d.upper, d.lower] = [d.lower, d.upper];
      }
    }
  }
  return drawn;
}

/// Layer 0 is the top. Each node goes one layer below its lowest-placed conclusion (longest
/// path from the top), so the main claim — a source — is in layer 0. Other top-level
/// conclusions are then pulled down to just above their highest premise, so a conclusion that
/// rests on a deep premise does not hang at the top with one very long edge.
function assignLayers(layered: readonly LayoutNode[], drawn: readonly DrawnEdge[], main: string | null): Map<string, number> {
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const n of layered) {
    out.set(n.id, []);
    indegree.set(n.id, 0);
  }
  for (const d of drawn) {
    out.get(d.upper)!.push(d.lower);
    indegree.set(d.lower, indegree.get(d.lower)! + 1);
  }
  const layer = new Map<string, number>();
  const sources = layered.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const queue = [...sources];
  for (const s of sources) layer.set(s, 0);
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    const lv = layer.get(v)!;
    for (const w of out.get(v)!) {
      layer.set(w, Math.max(layer.get(w) ?? 0, lv + 1));
      const left = indegree.get(w)! - 1;
      indegree.set(w, left);
      if (left === 0) queue.push(w);
    }
  }
  for (const s of sources) {
    if (s === main || out.get(s)!.length === 0) continue;
    let highest = Infinity;
    for (const w of out.get(s)!) highest = Math.min(highest, layer.get(w)!);
    layer.set(s, highest - 1);
  }
  return layer;
}

function runDagre(layered: readonly LayoutNode[], drawn: readonly DrawnEdge[], layer: Map<string, number>) {
  const g = new Graph({ multigraph: true });
  g.setGraph({
    rankdir: 'TB',
    rankalign: 'top',
    nodesep: nodeSep,
    ranksep: rankSep,
    edgesep: edgeSep,
    marginx: 0,
    marginy: 0,
    // dagre accepts a function as the ranker (its RankerFunction type), but GraphLabel's type
    // lists only the built-in names, hence the cast.
    ranker: ((rg: Graph) => applyLayers(rg, layer)) as unknown as GraphLabel['ranker'],
  });
  for (const n of layered) g.setNode(n.id, { width: n.width, height: n.height });
  for (const d of drawn) g.setEdge(d.upper, d.lower, { minlen: 1, weight: 1 }, d.edge.id);
  dagreLayout(g);
  return g;
}

/// dagre's ranking step, replaced by our layers: network simplex would minimise edge length
/// but could lift another node above the main claim. dagre hands the ranker its own working
/// graph, whose edges have had their `minlen` scaled (to leave layers for edge labels) and which
/// holds helper nodes (a nesting root linked to every node); our layers are scaled to the
/// largest `minlen` and the helpers are ranked from their neighbours, so every edge of that
/// graph keeps its constraint — checked, since a violated one would garble dagre's later steps.
function applyLayers(g: Graph, layer: Map<string, number>): void {
  type Label = { rank?: number };
  type EdgeLabel = { minlen?: number };
  let scale = 1;
  for (const e of g.edges()) {
    if (layer.has(e.v) && layer.has(e.w)) scale = Math.max(scale, (g.edge(e) as EdgeLabel).minlen ?? 1);
  }
  const helpers: string[] = [];
  for (const v of g.nodes()) {
    const l = layer.get(v);
    if (l === undefined) helpers.push(v);
    else (g.node(v) as Label).rank = l * scale;
  }
  for (const v of helpers) {
    let rank = Infinity;
    for (const e of g.outEdges(v) ?? []) {
      const r = (g.node(e.w) as Label).rank;
      if (r !== undefined) rank = Math.min(rank, r - ((g.edge(e) as EdgeLabel).minlen ?? 1));
    }
    if (rank === Infinity) {
      rank = 0;
      for (const e of g.inEdges(v) ?? []) {
        const r = (g.node(e.v) as Label).rank;
        if (r !== undefined) rank = Math.max(rank, r + ((g.edge(e) as EdgeLabel).minlen ?? 1));
      }
    }
    (g.node(v) as Label).rank = rank;
  }
  for (const e of g.edges()) {
    const slack = (g.node(e.w) as Label).rank! - (g.node(e.v) as Label).rank! - ((g.edge(e) as EdgeLabel).minlen ?? 1);
    if (!(slack >= 0)) throw new Error(`layout: layer assignment violates edge ${e.v} → ${e.w}`);
  }
}

/// Units without relations, in rows below the layered drawing (or from the top when there is
/// none), wrapping at the drawing's width.
function placeLooseNodes(loose: readonly LayoutNode[], placed: Map<string, PlacedNode>, bottom: number, right: number): void {
  if (loose.length === 0) return;
  const hasDrawing = bottom > -Infinity;
  const rowWidth = Math.max(hasDrawing ? right : 0, looseRowMinWidth);
  let x = 0;
  let y = hasDrawing ? bottom + rankSep : 0;
  let rowHeight = 0;
  for (const n of loose) {
    if (x > 0 && x + n.width > rowWidth) {
      x = 0;
      y += rowHeight + nodeSep;
      rowHeight = 0;
    }
    placed.set(n.id, { id: n.id, x, y, width: n.width, height: n.height });
    x += n.width + nodeSep;
    rowHeight = Math.max(rowHeight, n.height);
  }
}

function center(n: PlacedNode): Point {
  return { x: n.x + n.width / 2, y: n.y + n.height / 2 };
}

/// Where the ray from the box's centre towards `toward` leaves the box.
function borderPoint(n: PlacedNode, toward: Point): Point {
  const c = center(n);
  let dx = toward.x - c.x;
  let dy = toward.y - c.y;
  if (dx === 0 && dy === 0) dy = 1;
  const t = Math.min(dx !== 0 ? n.width / 2 / Math.abs(dx) : Infinity, dy !== 0 ? n.height / 2 / Math.abs(dy) : Infinity);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/// Moves everything so the top-left of the bounding box is at (margin, margin).
function translate(nodes: Map<string, PlacedNode>, edges: Map<string, PlacedEdge>): GraphLayout {
  if (nodes.size === 0) return { nodes, edges, width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes.values()) {
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x + n.width);
    maxY = Math.max(maxY, n.y + n.height);
  }
  for (const e of edges.values()) {
    for (const p of e.points) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
  }
  const dx = layoutMargin - minX;
  const dy = layoutMargin - minY;
  for (const n of nodes.values()) {
    n.x += dx;
    n.y += dy;
  }
  for (const e of edges.values()) {
    for (const p of e.points) {
      p.x += dx;
      p.y += dy;
    }
  }
  return { nodes, edges, width: maxX - minX + 2 * layoutMargin, height: maxY - minY + 2 * layoutMargin };
}
