import { describe, expect, it } from 'vitest';
import { syntheticLayoutInput } from '@/bench/layout';
import { curveMiddle, flattenCurve } from './edgeGeometry';
import { edgeBox, layoutGraph, layoutInputKey, layoutMargin, type Box, type GraphLayout, type LayoutInput, type PlacedNode, type Point } from './layout';

// Nodes as `id` or `id:width:height` (default 120 × 40), `!` after the id for an implicit unit;
// edges as `from>to`, `a+b>to` for a linked argument, `x>r0` aimed at the first relation (ids are
// `r<index>`), `…>to@label` with a 60 × 14 label.
function inputOf(nodes: string[], edges: string[], mainClaimId: string | null = null): LayoutInput {
  return {
    nodes: nodes.map((spec) => {
      const [name, w, h] = spec.split(':');
      const id = name.replace(/!$/, '');
      return { id, width: w ? Number(w) : 120, height: h ? Number(h) : 40, ...(name.endsWith('!') ? { implicit: true } : {}) };
    }),
    edges: edges.map((spec, i) => {
      const [body, label] = spec.split('@');
      const [from, to] = body.split('>');
      return { id: `r${i}`, from: from.split('+'), to, ...(label !== undefined ? { label: { width: 60, height: 14 } } : {}) };
    }),
    mainClaimId,
  };
}

function onBorder(p: Point, n: PlacedNode, tolerance = 0.5): boolean {
  const inside = p.x >= n.x - tolerance && p.x <= n.x + n.width + tolerance && p.y >= n.y - tolerance && p.y <= n.y + n.height + tolerance;
  const nearSide = Math.min(Math.abs(p.x - n.x), Math.abs(p.x - n.x - n.width), Math.abs(p.y - n.y), Math.abs(p.y - n.y - n.height)) <= tolerance;
  return inside && nearSide;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const near = (p: Point, q: Point, tolerance = 1e-6) => Math.hypot(p.x - q.x, p.y - q.y) <= tolerance;
const last = (points: readonly Point[]) => points[points.length - 1];

/// The distance from `p` to the polyline `line`.
function distanceTo(p: Point, line: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1], line[i]];
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p.x - a.x - dx * t, p.y - a.y - dy * t));
  }
  return best;
}

/// The length of the curve through `points` from its start to the chord end nearest `p`.
function lengthUpTo(points: readonly Point[], p: Point): { before: number; total: number } {
  const flat = flattenCurve(points);
  let total = 0;
  let before = 0;
  let best = Infinity;
  for (let i = 1; i < flat.length; i++) {
    total += Math.hypot(flat[i].x - flat[i - 1].x, flat[i].y - flat[i - 1].y);
    const d = Math.hypot(flat[i].x - p.x, flat[i].y - p.y);
    if (d < best) [best, before] = [d, total];
  }
  return { before, total };
}

/// Whether following `to` from relation `id` through relations comes back to it.
function inTargetCycle(input: LayoutInput, id: string): boolean {
  const byId = new Map(input.edges.map((e) => [e.id, e]));
  let at = byId.get(id)!.to;
  for (let hops = 0; hops <= byId.size; hops++) {
    if (at === id) return true;
    const next = byId.get(at);
    if (!next) return false;
    at = next.to;
  }
  return false;
}

/// The invariants every layout keeps; `acyclic`: also check that every target is above its premises.
function expectValid(input: LayoutInput, layout: GraphLayout, opts: { acyclic: boolean }) {
  const nodes = [...layout.nodes.values()];
  expect(nodes.map((n) => n.id).sort()).toEqual(input.nodes.map((n) => n.id).sort());
  const inBounds = (b: Box) => {
    expect(b.x).toBeGreaterThanOrEqual(layoutMargin - 1e-9);
    expect(b.y).toBeGreaterThanOrEqual(layoutMargin - 1e-9);
    expect(b.x + b.width).toBeLessThanOrEqual(layout.width - layoutMargin + 1e-9);
    expect(b.y + b.height).toBeLessThanOrEqual(layout.height - layoutMargin + 1e-9);
  };
  for (const n of input.nodes) {
    const p = layout.nodes.get(n.id)!;
    expect([p.width, p.height, p.implicit ?? false]).toEqual([n.width, n.height, n.implicit ?? false]);
    inBounds(p);
  }
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      if (overlap(nodes[i], nodes[j])) expect.fail(`${nodes[i].id} overlaps ${nodes[j].id}`);
    }
  }
  if (input.mainClaimId !== null) {
    const main = layout.nodes.get(input.mainClaimId)!;
    expect(main.y).toBe(Math.min(...nodes.map((n) => n.y)));
  }
  expect([...layout.edges.keys()].sort()).toEqual(input.edges.map((e) => e.id).sort());
  for (const e of input.edges) {
    const placed = layout.edges.get(e.id)!;
    expect([placed.from, placed.to]).toEqual([e.from, e.to]);
    expect(placed.points.length).toBeGreaterThanOrEqual(2);
    if (!near(placed.middle, curveMiddle(placed.points))) expect.fail(`${e.id}'s middle is not halfway along its arrow`);
    const linked = e.from.length > 1;
    expect([placed.premiseLines.length, placed.junction !== null]).toEqual([linked ? e.from.length : 0, linked]);
    if (linked) {
      expect(near(placed.points[0], placed.junction!)).toBe(true);
      placed.premiseLines.forEach((line, i) => {
        if (!onBorder(line[0], layout.nodes.get(e.from[i])!)) expect.fail(`${e.id}'s line from ${e.from[i]} does not start on its border`);
        expect(near(last(line), placed.junction!)).toBe(true);
      });
    } else if (!onBorder(placed.points[0], layout.nodes.get(e.from[0])!)) expect.fail(`${e.id} does not start on ${e.from[0]}'s border`);
    const target = layout.nodes.get(e.to);
    if (target && !onBorder(last(placed.points), target)) expect.fail(`${e.id} does not end on ${e.to}'s border`);
    // (Relations aimed at each other in a circle, impossible in a valid map, cannot all do so.)
    if (!target && !inTargetCycle(input, e.id) && !near(last(placed.points), layout.edges.get(e.to)!.middle)) expect.fail(`${e.id} does not end on the middle of ${e.to}`);
    for (const p of [...placed.points, ...placed.premiseLines.flat()]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(layout.width);
      expect(p.y).toBeLessThanOrEqual(layout.height);
    }
    expect(placed.label !== null).toBe(e.label !== undefined);
    if (placed.label) {
      inBounds(placed.label);
      for (const n of nodes) if (overlap(placed.label, n)) expect.fail(`${e.id}'s label overlaps ${n.id}`);
    }
    if (opts.acyclic && target && !e.from.includes(input.mainClaimId ?? '')) {
      for (const p of e.from) {
        const from = layout.nodes.get(p)!;
        if (!(target.y + target.height <= from.y)) expect.fail(`${e.to} is not above ${p}`);
        if (placed.junction && !(target.y + target.height < placed.junction.y && placed.junction.y < from.y)) expect.fail(`${e.id}'s junction is not between ${e.to} and ${p}`);
      }
    }
  }
}

describe('layoutGraph', () => {
  const essay = inputOf(['t', 'c1', 'c2', 'e1', 'e2:120:76', 'x', 'r', 'e3'], ['c1>t', 'c2>t', 'e1>c1', 'e2>c1', 'x>c1', 'r>x', 'e3>c2'], 't');

  it('draws conclusions above premises, the main claim on top', () => {
    const layout = layoutGraph(essay);
    expectValid(essay, layout, { acyclic: true });
    const y = (id: string) => layout.nodes.get(id)!.y;
    expect(y('c1')).toBe(y('c2')); // siblings share a layer
    expect(y('t')).toBeLessThan(y('c1'));
    expect(y('c1')).toBeLessThan(y('x'));
    expect(y('x')).toBeLessThan(y('r'));
  });

  it('keeps nothing above the main claim when it is itself a premise or attacker', () => {
    const input = inputOf(['t', 'a', 'b', 'c'], ['a>t', 't>b', 'c>b'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
    expect(layout.nodes.get('b')!.y).toBeGreaterThan(layout.nodes.get('t')!.y);
  });

  it('keeps the main claim on top when another argument is deeper, and aligns the top layer', () => {
    const input = inputOf(['t:120:30', 'e', 'k:120:90', 'k1', 'k2', 'k3', 'k4'], ['e>t', 'k1>k', 'k2>k1', 'k3>k2', 'k4>k3', 'k4>t'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
  });

  it('puts a main claim without relations on top, not among the loose units', () => {
    const input = inputOf(['a', 't', 'b', 'c', 'n'], ['a>b', 'b>c'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
    expect(layout.nodes.get('n')!.y).toBeGreaterThan(layout.nodes.get('a')!.y);
  });

  it('puts units without relations in a row at the bottom, in input order', () => {
    const input = inputOf(['n1', 't', 'n2:80:60', 'a', 'n3', 'b'], ['a>t', 'b>a'], null);
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
    const loose = ['n1', 'n2', 'n3'].map((id) => layout.nodes.get(id)!);
    const related = ['t', 'a', 'b'].map((id) => layout.nodes.get(id)!);
    expect(new Set(loose.map((n) => n.y)).size).toBe(1);
    expect(loose[0].y).toBeGreaterThanOrEqual(Math.max(...related.map((n) => n.y + n.height)));
    expect(loose[0].x).toBeLessThan(loose[1].x);
    expect(loose[1].x).toBeLessThan(loose[2].x);
  });

  it('wraps many loose units into rows below each other', () => {
    const input = inputOf(Array.from({ length: 40 }, (_, i) => `n${i}`), [], null);
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
    const rows = new Set([...layout.nodes.values()].map((n) => n.y));
    expect(rows.size).toBeGreaterThan(1);
    expect(layout.nodes.get('n0')!).toMatchObject({ x: layoutMargin, y: layoutMargin });
  });

  it('lays out support cycles, opposite relations and parallel relations', () => {
    const input = inputOf(['t', 'a', 'b', 'c', 'd'], ['a>b', 'b>c', 'c>a', 'a>t', 'd>a', 'a>d', 'd>t', 'd>t'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: false });
  });

  it('keeps the main claim on top when it is inside a cycle', () => {
    const input = inputOf(['t', 'a', 'b'], ['a>t', 'b>a', 't>b'], 't');
    expectValid(input, layoutGraph(input), { acyclic: false });
  });

  it('leaves out edges to unknown nodes and survives a self-relation', () => {
    const input = inputOf(['t', 'a'], ['a>t', 'a>ghost', 'a>a'], 't');
    const layout = layoutGraph(input);
    expect([...layout.edges.keys()]).toEqual(['r0', 'r2']);
    const loop = layout.edges.get('r2')!;
    const a = layout.nodes.get('a')!;
    expect(onBorder(loop.points[0], a) && onBorder(loop.points[loop.points.length - 1], a)).toBe(true);
  });

  it('joins a linked argument’s premises at one junction below the target, with one arrow from it', () => {
    const input = inputOf(['t', 'a', 'b', 'c', 'e'], ['a+b+c>t', 'e>t'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
    const linked = layout.edges.get('r0')!;
    const [t, a, b, c] = ['t', 'a', 'b', 'c'].map((id) => layout.nodes.get(id)!);
    const j = linked.junction!;
    // Horizontally among its premises, below the target and closer to it than the premises are.
    expect(j.x).toBeGreaterThanOrEqual(Math.min(a.x, b.x, c.x));
    expect(j.x).toBeLessThanOrEqual(Math.max(a.x + a.width, b.x + b.width, c.x + c.width));
    expect(j.y - (t.y + t.height)).toBeLessThan(a.y - (t.y + t.height));
    // The premises share a layer, as does the single-premise sibling.
    expect(new Set([a.y, b.y, c.y, layout.nodes.get('e')!.y]).size).toBe(1);
  });

  it('ends an undercutter halfway along the arrow it attacks, on its curve', () => {
    const input = inputOf(['t', 'e', 'x'], ['e>t', 'x>r0'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
    const attacked = layout.edges.get('r0')!;
    const end = last(layout.edges.get('r1')!.points);
    expect(end).toEqual(attacked.middle);
    expect(distanceTo(end, flattenCurve(attacked.points))).toBeLessThan(0.01);
    const { before, total } = lengthUpTo(attacked.points, end);
    expect(Math.abs(before - total / 2)).toBeLessThan(total / 50);
    // The attacker sits beside the attacked arrow, below the claim, not on top of anything.
    expect(layout.nodes.get('x')!.y).toBeGreaterThan(layout.nodes.get('t')!.y);
  });

  it('ends an undercutter of a linked argument on its junction’s arrow, and follows chains', () => {
    const input = inputOf(['t', 'a', 'b', 'x', 'y', 'z'], ['a+b>t', 'x>r0', 'y>r1', 'z>r2'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: false });
    const linked = layout.edges.get('r0')!;
    expect(distanceTo(linked.middle, flattenCurve(linked.points))).toBeLessThan(0.01);
    expect(linked.middle.y).toBeLessThan(linked.junction!.y);
    expect(linked.middle.y).toBeGreaterThan(layout.nodes.get('t')!.y + layout.nodes.get('t')!.height);
    for (const [attacker, attacked] of [['r1', 'r0'], ['r2', 'r1'], ['r3', 'r2']]) {
      expect(last(layout.edges.get(attacker)!.points)).toEqual(layout.edges.get(attacked)!.middle);
    }
  });

  it('places a scheme label beside its arrow, clear of the boxes', () => {
    const input = inputOf(['t', 'a', 'b', 'e', 'f'], ['a+b>t@', 'e>t@', 'f>e'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
    for (const id of ['r0', 'r1']) {
      const { label, points } = layout.edges.get(id)!;
      const centre = { x: label!.x + label!.width / 2, y: label!.y + label!.height / 2 };
      expect(distanceTo(centre, flattenCurve(points))).toBeLessThan(label!.width / 2 + 20);
    }
    expect(layout.edges.get('r2')!.label).toBeNull();
    // The edge's box holds its lines, junction and label.
    const linked = layout.edges.get('r0')!;
    const box = edgeBox(linked);
    for (const p of [...linked.points, ...linked.premiseLines.flat(), linked.junction!, linked.label!, { x: linked.label!.x + linked.label!.width, y: linked.label!.y + linked.label!.height }]) {
      expect(p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height).toBe(true);
    }
  });

  it('carries the implicit flag through to placed nodes, related or loose', () => {
    const input = inputOf(['t', 'i!', 'a', 'k!'], ['a+i>t'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: true });
    expect(['t', 'i', 'a', 'k'].map((id) => layout.nodes.get(id)!.implicit ?? false)).toEqual([false, true, false, true]);
  });

  it('keeps the main claim on top when it is a linked premise or an undercutter', () => {
    const input = inputOf(['t', 'a', 'b', 'c', 'd'], ['t+a>b', 'c>b', 't>r1', 'd>t'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: false });
  });

  it('leaves out relations aimed at unknown relations, and survives undercutters aimed at each other', () => {
    const dropped = layoutGraph(inputOf(['t', 'a', 'x'], ['a>t', 'x>ghost', 'a>r1'], 't'));
    expect([...dropped.edges.keys()]).toEqual(['r0']);
    const input = inputOf(['t', 'a', 'x', 'y'], ['a>t', 'x>r2', 'y>r1'], 't');
    const layout = layoutGraph(input);
    expectValid(input, layout, { acyclic: false });
  });

  it('gives an empty drawing for an empty map', () => {
    const layout = layoutGraph(inputOf([], [], null));
    expect([layout.nodes.size, layout.edges.size, layout.width, layout.height]).toEqual([0, 0, 0, 0]);
  });

  it('handles a single node', () => {
    const layout = layoutGraph(inputOf(['t:100:30'], [], 't'));
    expect(layout.nodes.get('t')).toStrictEqual({ id: 't', x: layoutMargin, y: layoutMargin, width: 100, height: 30 });
    expect([layout.width, layout.height]).toEqual([100 + 2 * layoutMargin, 30 + 2 * layoutMargin]);
  });

  it('is deterministic', () => {
    const input = syntheticLayoutInput(120, 160, 7);
    const a = layoutGraph(input);
    const b = layoutGraph(structuredClone(input));
    expect(JSON.stringify([[...a.nodes], [...a.edges], a.width, a.height])).toBe(JSON.stringify([[...b.nodes], [...b.edges], b.width, b.height]));
  });

  it('lays out a 300-unit / 400-relation map (the bench input) keeping every invariant', () => {
    const input = syntheticLayoutInput(300, 400);
    expect([input.nodes.length, input.edges.length]).toEqual([300, 400]);
    expectValid(input, layoutGraph(input), { acyclic: true });
  });

  it('keeps every invariant on random maps with cycles and the main claim as a premise', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const input = syntheticLayoutInput(40, 60, seed);
      // Reverse a few relations, making cycles and sometimes pointing from the main claim.
      const edges = input.edges.map((e, i) => (i % 7 === seed % 7 ? { ...e, from: [e.to], to: e.from[0] } : e));
      const withCycles = { ...input, edges };
      expectValid(withCycles, layoutGraph(withCycles), { acyclic: false });
    }
  });

  it('keeps every invariant with linked arguments, undercutters and labels (the deep bench input)', () => {
    const input = syntheticLayoutInput(300, 400, 1, { deep: true });
    expect(input.edges.some((e) => e.from.length > 1)).toBe(true);
    expect(input.edges.some((e) => e.to.startsWith('r'))).toBe(true);
    expect(input.edges.some((e) => e.label)).toBe(true);
    expectValid(input, layoutGraph(input), { acyclic: true });
    for (let seed = 2; seed <= 11; seed++) {
      const small = syntheticLayoutInput(40, 60, seed, { deep: true });
      expectValid(small, layoutGraph(small), { acyclic: true });
    }
  });
});

describe('layoutInputKey', () => {
  const base = inputOf(['t', 'a:120:60'], ['a>t'], 't');
  it('is equal for equal inputs and changes with whatever moves the layout', () => {
    expect(layoutInputKey(structuredClone(base))).toBe(layoutInputKey(base));
    const variants: LayoutInput[] = [
      inputOf(['t', 'a:120:61'], ['a>t'], 't'),
      inputOf(['t', 'a:120:60'], ['t>a'], 't'),
      inputOf(['t', 'a:120:60'], ['a>t'], null),
      inputOf(['a:120:60', 't'], ['a>t'], 't'),
      inputOf(['t', 'a:120:60', 'b'], ['a>t'], 't'),
      inputOf(['t', 'a:120:60', 'b'], ['a+b>t'], 't'),
      inputOf(['t', 'a:120:60'], ['a>t@'], 't'),
      inputOf(['t', 'a!:120:60'], ['a>t'], 't'),
    ];
    for (const v of variants) expect(layoutInputKey(v)).not.toBe(layoutInputKey(base));
  });
  it('cannot be confused by separators inside ids', () => {
    expect(layoutInputKey(inputOf(['a,b', 'c'], [], null))).not.toBe(layoutInputKey(inputOf(['a', 'b,c'], [], null)));
  });
});
