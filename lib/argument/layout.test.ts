import { describe, expect, it } from 'vitest';
import { syntheticLayoutInput } from '@/bench/layout';
import { layoutGraph, layoutInputKey, layoutMargin, type GraphLayout, type LayoutInput, type PlacedNode, type Point } from './layout';

// Nodes as `id` or `id:width:height` (default 120 × 40); edges as `from>to`.
function inputOf(nodes: string[], edges: string[], mainClaimId: string | null = null): LayoutInput {
  return {
    nodes: nodes.map((spec) => {
      const [id, w, h] = spec.split(':');
      return { id, width: w ? Number(w) : 120, height: h ? Number(h) : 40 };
    }),
    edges: edges.map((spec, i) => {
      const [from, to] = spec.split('>');
      return { id: `r${i}`, from, to };
    }),
    mainClaimId,
  };
}

function onBorder(p: Point, n: PlacedNode, tolerance = 0.5): boolean {
  const inside = p.x >= n.x - tolerance && p.x <= n.x + n.width + tolerance && p.y >= n.y - tolerance && p.y <= n.y + n.height + tolerance;
  const nearSide = Math.min(Math.abs(p.x - n.x), Math.abs(p.x - n.x - n.width), Math.abs(p.y - n.y), Math.abs(p.y - n.y - n.height)) <= tolerance;
  return inside && nearSide;
}

function overlap(a: PlacedNode, b: PlacedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/// The invariants every layout keeps; `acyclic`: also check that every target is above its source.
function expectValid(input: LayoutInput, layout: GraphLayout, opts: { acyclic: boolean }) {
  const nodes = [...layout.nodes.values()];
  expect(nodes.map((n) => n.id).sort()).toEqual(input.nodes.map((n) => n.id).sort());
  for (const n of input.nodes) {
    const p = layout.nodes.get(n.id)!;
    expect([p.width, p.height]).toEqual([n.width, n.height]);
    expect(p.x).toBeGreaterThanOrEqual(layoutMargin - 1e-9);
    expect(p.y).toBeGreaterThanOrEqual(layoutMargin - 1e-9);
    expect(p.x + p.width).toBeLessThanOrEqual(layout.width - layoutMargin + 1e-9);
    expect(p.y + p.height).toBeLessThanOrEqual(layout.height - layoutMargin + 1e-9);
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
    const from = layout.nodes.get(e.from)!;
    const to = layout.nodes.get(e.to)!;
    expect(placed.points.length).toBeGreaterThanOrEqual(2);
    if (!onBorder(placed.points[0], from)) expect.fail(`${e.id} does not start on ${e.from}'s border`);
    if (!onBorder(placed.points[placed.points.length - 1], to)) expect.fail(`${e.id} does not end on ${e.to}'s border`);
    for (const p of placed.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(layout.width);
      expect(p.y).toBeLessThanOrEqual(layout.height);
    }
    if (opts.acyclic && e.from !== input.mainClaimId) {
      if (!(to.y + to.height <= from.y)) expect.fail(`${e.to} is not above ${e.from}`);
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

  it('gives an empty drawing for an empty map', () => {
    const layout = layoutGraph(inputOf([], [], null));
    expect([layout.nodes.size, layout.edges.size, layout.width, layout.height]).toEqual([0, 0, 0, 0]);
  });

  it('handles a single node', () => {
    const layout = layoutGraph(inputOf(['t:100:30'], [], 't'));
    expect(layout.nodes.get('t')).toEqual({ id: 't', x: layoutMargin, y: layoutMargin, width: 100, height: 30 });
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
      const edges = input.edges.map((e, i) => (i % 7 === seed % 7 ? { ...e, from: e.to, to: e.from } : e));
      const withCycles = { ...input, edges };
      expectValid(withCycles, layoutGraph(withCycles), { acyclic: false });
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
    ];
    for (const v of variants) expect(layoutInputKey(v)).not.toBe(layoutInputKey(base));
  });
  it('cannot be confused by separators inside ids', () => {
    expect(layoutInputKey(inputOf(['a,b', 'c'], [], null))).not.toBe(layoutInputKey(inputOf(['a', 'b,c'], [], null)));
  });
});
