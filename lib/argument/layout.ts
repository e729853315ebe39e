// Layered layout of an argument map for the map view: where each unit's box goes and how each
// relation is drawn. Pure (no React, no DOM); ./layers decides the layers, dagre does the
// crossing reduction and the coordinates. Runs in the browser and in Node.
//
// How relations are drawn (as Argdown and Rationale draw them):
// - One premise: an arrow from the premise to the target.
// - A linked argument (two or more premises): a line from each premise to a *junction* (a point
//   below the target), and one arrow from the junction to the target.
// - A relation aimed at a relation (an undercutter): its arrow ends halfway along the arrow of
//   the relation it attacks (`middle`, measured on the drawn curve: ./edgeGeometry). Chains work:
//   an undercutter of an undercutter ends halfway along the first undercutter's arrow.
// - A relation's label (a scheme's name) sits just above its *inference point*: the junction,
//   or where a one-premise relation's line passes half a layer below its target.
// Junctions and the inference points of attacked or labelled one-premise relations take part in
// the layout like small units, half a layer below the target (with the room their label needs),
// so attackers are placed beside what they attack, and lines and labels keep clear of the boxes.
//
// Invariants of `layoutGraph`:
// - Conclusions above premises: for a relation, its target is in a higher layer than its
//   premises and its junction between them, except where the relations form a cycle (one of its
//   edges has to point down) and except relations *from* the main claim (see next).
// - The main claim is in the top layer and nothing is above it: all nodes of a layer share the
//   top edge (`rankalign: 'top'`), so its y is the minimum. A relation from the main claim is
//   drawn pointing down rather than letting its target rise above the main claim.
// - Units with no relations are not layered: they sit in rows at the bottom, in input order,
//   so that a student's not-yet-related units are easy to find (dagre would scatter them).
// - Node boxes do not overlap; every coordinate is ≥ `layoutMargin`; `width`/`height` is the
//   bounding box of boxes, lines, junctions and labels plus the margin on each side (0 × 0 when
//   empty).
// - A premise line runs from the premise's border to the junction; an arrow from the junction
//   (or the one premise's border) to the target's border, or to the attacked relation's
//   `middle` — so an arrowhead drawn at its last point touches what it points at.
// - Deterministic: the same input (including its order) gives the same output.
import { Graph, layout as dagreLayout, type GraphLabel } from '@dagrejs/dagre';
import { curveMiddle, type Point } from './edgeGeometry';
import { assignLayers, orientEdges, type LayerEdge } from './layers';

export type { Point };

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /// An implicit unit (not in the text): carried through to its placed node, for the drawings
  /// (map, minimap, picture) to tell it apart.
  implicit?: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/// A relation: `from` its premises (or attackers, ≥ 1), `to` the unit or the relation it
/// supports or attacks; `label` the size of a label drawn on its arrow (a scheme's name).
export interface LayoutEdge {
  id: string;
  from: readonly string[];
  to: string;
  label?: Size;
}

export interface LayoutInput {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
  mainClaimId: string | null;
}

/// x, y are the top-left corner.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode extends Box {
  id: string;
  /// Present (true) only for an implicit unit.
  implicit?: true;
}

function place(n: LayoutNode, x: number, y: number): PlacedNode {
  return { id: n.id, x, y, width: n.width, height: n.height, ...(n.implicit ? { implicit: true as const } : {}) };
}

export interface PlacedEdge {
  id: string;
  from: string[];
  to: string;
  /// A linked argument's lines, one per premise in `from` order, from the premise's border to
  /// the junction; empty for one premise.
  premiseLines: Point[][];
  /// Where a linked argument's premise lines meet; null for one premise.
  junction: Point | null;
  /// The arrow: from the junction (or the premise's border) to the target's border, or to the
  /// attacked relation's `middle`.
  points: Point[];
  /// Halfway along the arrow as drawn: where the relation's undercutters end.
  middle: Point;
  /// The label's box, just above the junction or inference point; null without a label.
  label: Box | null;
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
const rankSep = 56; // between layers of units: room for arrowheads and for edges to bend
const edgeSep = 12;
/// The box a junction or an inference point takes in the layout (more with a label).
export const inferenceSize = 10;
/// Between an inference point and its label.
const labelGap = 3;
// Rows of unrelated units wrap at the drawing's width, but never narrower than this, so a map
// with few relations still shows its loose units a handful per row rather than in a column.
const looseRowMinWidth = 960;

/// A cheap key of everything that affects the layout (node ids, sizes and implicit flags in
/// order, edges and their labels' sizes, the main claim), so a caller can recompute only when the structure changes.
export function layoutInputKey(input: LayoutInput): string {
  // JSON keeps ids containing separators unambiguous and is fast for thousands of nodes.
  return JSON.stringify([
    input.mainClaimId,
    input.nodes.map((n) => [n.id, n.width, n.height, n.implicit === true]),
    input.edges.map((e) => [e.id, e.from, e.to, e.label ? [e.label.width, e.label.height] : 0]),
  ]);
}

/// The drawing's participants and edges, numbered: units first, then the inference points of
/// relations that need one (linked, attacked or labelled). `part` is the premise's index in `from` for
/// a premise line, -1 for the arrow.
interface Expanded {
  units: LayoutNode[];
  /// Per kept relation: its inference point's participant number, or -1.
  inference: Int32Array;
  edges: Array<LayerEdge & { relation: number; part: number }>;
  /// Kept relations whose one premise is also their target (impossible in a valid map): drawn
  /// as a loop, outside the layers.
  loops: number[];
}

/// Lays the map out in layers, conclusions above their premises, the main claim on top and
/// unrelated units in rows at the bottom. Relations naming unknown units or relations are left
/// out of the result (and so are relations aimed at those); a duplicate id keeps its first.
export function layoutGraph(input: LayoutInput): GraphLayout {
  const nodeById = new Map<string, LayoutNode>();
  for (const n of input.nodes) if (!nodeById.has(n.id)) nodeById.set(n.id, n);
  const relations = keptRelations(input.edges, nodeById);
  const main = input.mainClaimId !== null && nodeById.has(input.mainClaimId) ? input.mainClaimId : null;
  const ex = expand([...nodeById.values()], relations, nodeById, main);
  const related = new Set(ex.units.map((u) => u.id));
  const loose = [...nodeById.values()].filter((n) => !related.has(n.id));

  const placedNodes = new Map<string, PlacedNode>();
  const placedEdges = new Map<string, PlacedEdge>();
  let bottom = -Infinity;
  let right = -Infinity;

  if (ex.units.length > 0) {
    const count = ex.units.length + ex.inference.filter((i) => i >= 0).length;
    const mainIndex = main === null ? null : ex.units.findIndex((u) => u.id === main);
    const down = orientEdges(count, ex.edges, mainIndex);
    const layer = withoutEmptyLayers(assignLayers(count, ex.edges, down, mainIndex));
    const g = runDagre(ex, relations, count, down, layer);
    const centre = (v: number): Point => {
      const { x, y } = g.node(String(v)) as Point;
      return { x, y };
    };
    ex.units.forEach((n, v) => {
      const c = centre(v);
      placedNodes.set(n.id, place(n, c.x - n.width / 2, c.y - n.height / 2));
    });
    // Each layer edge's points, from its `from` to its `to`: an end at an inference point is its
    // centre; an end at a unit goes on the unit's border when the relation is drawn.
    const lines = ex.edges.map((e, k) => {
      const label = g.edge({ v: String(down[k] ? e.from : e.to), w: String(down[k] ? e.to : e.from), name: String(k) }) as { points?: Point[] };
      const points = (label.points ?? []).map((p) => ({ x: p.x, y: p.y }));
      if (!down[k]) points.reverse(); // dagre's points run upper → lower
      if (points.length < 2) points.splice(0, points.length, centre(e.from), centre(e.to));
      if (e.from >= ex.units.length) points[0] = centre(e.from);
      if (e.to >= ex.units.length) points[points.length - 1] = centre(e.to);
      return points;
    });
    drawRelations(relations, ex, lines, placedNodes, centre, placedEdges);
    for (const p of placedNodes.values()) {
      bottom = Math.max(bottom, p.y + p.height);
      right = Math.max(right, p.x + p.width);
    }
  }

  placeLooseNodes(loose, placedNodes, bottom, right);
  for (const k of ex.loops) placedEdges.set(relations[k].id, loopEdge(relations[k], placedNodes.get(relations[k].to)!));
  return translate(placedNodes, placedEdges);
}

/// The relations that can be drawn, in input order: premises are known units, and the target is
/// a known unit or a drawable relation (checked until nothing more drops out).
function keptRelations(edges: readonly LayoutEdge[], nodeById: ReadonlyMap<string, LayoutNode>): LayoutEdge[] {
  const seen = new Set<string>();
  let kept = edges.filter((e) => {
    if (seen.has(e.id) || nodeById.has(e.id)) return false;
    seen.add(e.id);
    return e.from.length > 0 && e.from.every((p) => nodeById.has(p));
  });
  for (;;) {
    const ids = new Set(kept.map((e) => e.id));
    const next = kept.filter((e) => nodeById.has(e.to) || ids.has(e.to));
    if (next.length === kept.length) return kept;
    kept = next;
  }
}

function expand(nodes: readonly LayoutNode[], relations: readonly LayoutEdge[], nodeById: ReadonlyMap<string, LayoutNode>, main: string | null): Expanded {
  const relIndex = new Map(relations.map((r, k) => [r.id, k]));
  const attacked = new Uint8Array(relations.length);
  for (const r of relations) if (!nodeById.has(r.to)) attacked[relIndex.get(r.to)!] = 1;
  const isLoop = (r: LayoutEdge, k: number) => r.from.length === 1 && r.from[0] === r.to && !attacked[k];

  // Units with a relation (other than a loop on themselves), and the main claim: it belongs at
  // the top, not among the loose units at the bottom.
  const related = new Set<string>();
  relations.forEach((r, k) => {
    if (isLoop(r, k)) return;
    for (const p of r.from) related.add(p);
    if (nodeById.has(r.to)) related.add(r.to);
  });
  if (main !== null) related.add(main);
  const units = nodes.filter((n) => related.has(n.id));
  const unitIndex = new Map(units.map((u, v) => [u.id, v]));

  const inference = new Int32Array(relations.length).fill(-1);
  let count = units.length;
  relations.forEach((r, k) => {
    if (r.from.length > 1 || attacked[k] || r.label) inference[k] = count++;
  });
  const target = (r: LayoutEdge) => (nodeById.has(r.to) ? unitIndex.get(r.to)! : inference[relIndex.get(r.to)!]);
  const edges: Expanded['edges'] = [];
  const loops: number[] = [];
  relations.forEach((r, k) => {
    if (isLoop(r, k)) return void loops.push(k);
    const to = target(r);
    if (inference[k] < 0) {
      // One premise straight to its target: two layers to a unit (room for junctions between), one to an inference point.
      edges.push({ from: unitIndex.get(r.from[0])!, to, length: to < units.length ? 2 : 1, relation: k, part: -1 });
      return;
    }
    r.from.forEach((p, i) => edges.push({ from: unitIndex.get(p)!, to: inference[k], length: 1, relation: k, part: i }));
    edges.push({ from: inference[k], to, length: 1, relation: k, part: -1 });
  });
  return { units, inference, edges, loops };
}

function runDagre(ex: Expanded, relations: readonly LayoutEdge[], count: number, down: Uint8Array, layer: Int32Array) {
  const inferenceBox = new Map<number, Size>();
  ex.inference.forEach((v, k) => {
    const label = relations[k].label;
    // Centred on the point, as tall below it as the label above it, as wide as the label.
    if (v >= 0) inferenceBox.set(v, label ? { width: Math.max(inferenceSize, label.width), height: 2 * (label.height + labelGap) } : { width: inferenceSize, height: inferenceSize });
  });
  const g = new Graph({ multigraph: true });
  g.setGraph({
    rankdir: 'TB',
    rankalign: 'top',
    nodesep: nodeSep,
    // dagre halves this, keeping a rank between ranks for edge labels (we have none: our labels
    // sit at the inference points): layers of units, or of junctions, are rankSep apart.
    ranksep: rankSep,
    edgesep: edgeSep,
    marginx: 0,
    marginy: 0,
    // dagre accepts a function as the ranker (its RankerFunction type), but GraphLabel's type
    // lists only the built-in names, hence the cast.
    ranker: ((rg: Graph) => applyLayers(rg, layer, count)) as unknown as GraphLabel['ranker'],
  });
  ex.units.forEach((n, v) => g.setNode(String(v), { width: n.width, height: n.height }));
  for (const [v, size] of inferenceBox) g.setNode(String(v), size);
  ex.edges.forEach((e, k) => {
    const [upper, lower] = down[k] ? [e.from, e.to] : [e.to, e.from];
    g.setEdge(String(upper), String(lower), { minlen: 1, weight: 1 }, String(k));
  });
  dagreLayout(g);
  return g;
}

/// Our layers renumbered without the empty ones. Layers are counted in half-steps (a unit's
/// relations to units span two, so junctions fit between), but a map has junctions only between
/// some layers: the half-step layers that hold nothing are dropped, so a map without linked,
/// undercut or labelled relations costs dagre what it did before junctions existed (its time
/// grows with the ranks every long edge crosses).
function withoutEmptyLayers(layer: Int32Array): Int32Array {
  const used = [...new Set(layer)].sort((a, b) => a - b);
  const index = new Map(used.map((l, i) => [l, i]));
  return layer.map((l) => index.get(l)!);
}

/// dagre's ranking step, replaced by our layers: network simplex would minimise edge length
/// but could lift another node above the main claim. dagre hands the ranker its own working
/// graph, whose edges have had their `minlen` scaled (to leave ranks for edge labels) and which
/// holds helper nodes (a nesting root linked to every node); our layers are scaled to the
/// largest `minlen` and the helpers are ranked from their neighbours, so every edge of that
/// graph keeps its constraint — checked, since a violated one would garble dagre's later steps.
function applyLayers(g: Graph, layer: Int32Array, count: number): void {
  type Label = { rank?: number };
  type EdgeLabel = { minlen?: number };
  const ours = (v: string) => /^\d+$/.test(v) && Number(v) < count;
  let scale = 1;
  for (const e of g.edges()) {
    if (ours(e.v) && ours(e.w)) scale = Math.max(scale, (g.edge(e) as EdgeLabel).minlen ?? 1);
  }
  const helpers: string[] = [];
  for (const v of g.nodes()) {
    if (ours(v)) (g.node(v) as Label).rank = layer[Number(v)] * scale;
    else helpers.push(v);
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

/// Assembles each relation's drawing from its layer edges' points, a relation aimed at a
/// relation after that one (its arrow ends on the other's middle).
function drawRelations(
  relations: readonly LayoutEdge[],
  ex: Expanded,
  lines: ReadonlyArray<Point[]>,
  nodes: ReadonlyMap<string, PlacedNode>,
  centre: (v: number) => Point,
  out: Map<string, PlacedEdge>,
): void {
  const partsOf = relations.map(() => ({ premises: [] as number[], arrow: -1 }));
  ex.edges.forEach((e, k) => {
    if (e.part < 0) partsOf[e.relation].arrow = k;
    else partsOf[e.relation].premises[e.part] = k;
  });
  const relIndex = new Map(relations.map((r, k) => [r.id, k]));
  const state = new Uint8Array(relations.length); // 1: being drawn, 2: drawn
  const draw = (k: number): void => {
    if (state[k] !== 0 || partsOf[k].arrow < 0) return;
    state[k] = 1;
    const r = relations[k];
    const parts = partsOf[k];
    const targetUnit = nodes.get(r.to);
    const targetRelation = targetUnit ? undefined : relIndex.get(r.to)!;
    if (targetRelation !== undefined) draw(targetRelation);
    const linked = r.from.length > 1;
    const premiseLines = linked ? parts.premises.map((k2, i) => withStart(lines[k2], nodes.get(r.from[i])!)) : [];
    const arrowLine = lines[parts.arrow];
    let points: Point[];
    if (linked) points = arrowLine.map((p) => ({ ...p }));
    else {
      // One premise: its line to the inference point (when attacked) and on to the target.
      const through = parts.premises.length > 0 ? [...lines[parts.premises[0]], ...arrowLine.slice(1)] : arrowLine;
      points = withStart(through, nodes.get(r.from[0])!);
    }
    const attackedMiddle = out.get(r.to)?.middle;
    const end = targetUnit ? borderPoint(targetUnit, points[points.length - 2]) : attackedMiddle ? { ...attackedMiddle } : centre(ex.inference[targetRelation!]);
    points[points.length - 1] = end;
    const at = ex.inference[k] >= 0 ? centre(ex.inference[k]) : null;
    const label = r.label && at ? { x: at.x - r.label.width / 2, y: at.y - labelGap - r.label.height, width: r.label.width, height: r.label.height } : null;
    out.set(r.id, {
      id: r.id,
      from: [...r.from],
      to: r.to,
      premiseLines,
      junction: linked ? at : null,
      points,
      middle: curveMiddle(points),
      label,
    });
    state[k] = 2;
  };
  relations.forEach((_, k) => draw(k));
}

/// A copy of `points` starting on `from`'s border, towards the next point.
function withStart(points: readonly Point[], from: PlacedNode): Point[] {
  const copy = points.map((p) => ({ ...p }));
  copy[0] = borderPoint(from, copy[1]);
  return copy;
}

/// A relation from a unit to itself cannot occur in a valid map; if one arrives anyway it gets a
/// small loop on the right of its box instead of breaking the layout.
function loopEdge(r: LayoutEdge, n: PlacedNode): PlacedEdge {
  const x = n.x + n.width;
  const y1 = n.y + n.height / 4;
  const y2 = n.y + (3 * n.height) / 4;
  const points = [{ x, y: y1 }, { x: x + 20, y: y1 }, { x: x + 20, y: y2 }, { x, y: y2 }];
  return { id: r.id, from: [...r.from], to: r.to, premiseLines: [], junction: null, points, middle: curveMiddle(points), label: null };
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
    placed.set(n.id, place(n, x, y));
    x += n.width + nodeSep;
    rowHeight = Math.max(rowHeight, n.height);
  }
}

function center(n: Box): Point {
  return { x: n.x + n.width / 2, y: n.y + n.height / 2 };
}

/// Where the ray from the box's centre towards `toward` leaves the box.
function borderPoint(n: Box, toward: Point): Point {
  const c = center(n);
  let dx = toward.x - c.x;
  let dy = toward.y - c.y;
  if (dx === 0 && dy === 0) dy = 1;
  const t = Math.min(dx !== 0 ? n.width / 2 / Math.abs(dx) : Infinity, dy !== 0 ? n.height / 2 / Math.abs(dy) : Infinity);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/// Every point of an edge's drawing (the objects themselves, so they can be moved).
function edgePoints(e: PlacedEdge): Point[] {
  const points = [...e.points, ...e.premiseLines.flat(), e.middle];
  if (e.junction) points.push(e.junction);
  return points;
}

/// The box around all of an edge's drawing: lines, junction and label.
export function edgeBox(e: PlacedEdge): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const corners = edgePoints(e);
  if (e.label) corners.push(e.label, { x: e.label.x + e.label.width, y: e.label.y + e.label.height });
  for (const p of corners) {
    [minX, minY, maxX, maxY] = [Math.min(minX, p.x), Math.min(minY, p.y), Math.max(maxX, p.x), Math.max(maxY, p.y)];
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/// Moves everything so the top-left of the bounding box is at (margin, margin).
function translate(nodes: Map<string, PlacedNode>, edges: Map<string, PlacedEdge>): GraphLayout {
  if (nodes.size === 0) return { nodes, edges, width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const cover = (b: Box) => {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  };
  for (const n of nodes.values()) cover(n);
  for (const e of edges.values()) cover(edgeBox(e));
  const dx = layoutMargin - minX;
  const dy = layoutMargin - minY;
  const move = (p: Point) => {
    p.x += dx;
    p.y += dy;
  };
  for (const n of nodes.values()) move(n);
  for (const e of edges.values()) {
    for (const p of edgePoints(e)) move(p);
    if (e.label) move(e.label);
  }
  return { nodes, edges, width: maxX - minX + 2 * layoutMargin, height: maxY - minY + 2 * layoutMargin };
}
