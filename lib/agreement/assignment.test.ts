import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimalMatching, type PrioritizedEdge } from './assignment';

/// The lexicographic objective (pairs, Σ priority[0], Σ priority[1], …) of a matching.
function objective(pairs: Array<[number, number]>, edges: readonly PrioritizedEdge[], levels: number): number[] {
  const out = [pairs.length, ...new Array<number>(levels).fill(0)];
  for (const [l, r] of pairs) {
    const best = edges.filter((e) => e.left === l && e.right === r).map((e) => e.priority).sort(compareVectors).at(-1)!;
    best.forEach((p, i) => (out[i + 1] += p));
  }
  return out;
}

function compareVectors(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/// Every matching by exhaustive search: the best objective.
function bruteForce(leftCount: number, edges: readonly PrioritizedEdge[], levels: number): number[] {
  let best = [0, ...new Array<number>(levels).fill(0)];
  const usedRight = new Set<number>();
  const chosen: Array<[number, number]> = [];
  const visit = (l: number) => {
    if (l === leftCount) {
      const o = objective(chosen, edges, levels);
      if (compareVectors(o, best) > 0) best = o;
      return;
    }
    visit(l + 1);
    for (const e of edges) {
      if (e.left !== l || usedRight.has(e.right)) continue;
      usedRight.add(e.right);
      chosen.push([l, e.right]);
      visit(l + 1);
      chosen.pop();
      usedRight.delete(e.right);
    }
  };
  visit(0);
  return best;
}

describe('optimalMatching', () => {
  it('maximizes pairs first, then each priority in turn (against exhaustive search)', () => {
    const graph = fc
      .record({ left: fc.integer({ min: 0, max: 5 }), right: fc.integer({ min: 0, max: 5 }) })
      .chain(({ left, right }) =>
        fc.record({
          left: fc.constant(left),
          right: fc.constant(right),
          edges:
            left === 0 || right === 0
              ? fc.constant([] as PrioritizedEdge[])
              : fc.uniqueArray(
                  fc.record({
                    left: fc.integer({ min: 0, max: left - 1 }),
                    right: fc.integer({ min: 0, max: right - 1 }),
                    priority: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 })),
                  }),
                  { selector: (e) => `${e.left} ${e.right}`, maxLength: 14 },
                ),
        }),
      );
    fc.assert(
      fc.property(graph, ({ left, right, edges }) => {
        const pairs = optimalMatching(left, right, edges);
        // A matching, over edges only.
        expect(new Set(pairs.map(([l]) => l)).size).toBe(pairs.length);
        expect(new Set(pairs.map(([, r]) => r)).size).toBe(pairs.length);
        for (const [l, r] of pairs) expect(edges.some((e) => e.left === l && e.right === r)).toBe(true);
        expect(objective(pairs, edges, 2)).toEqual(bruteForce(left, edges, 2));
      }),
      { numRuns: 400, seed: 20260 },
    );
  });

  it('is deterministic and sorted by left index', () => {
    const edges: PrioritizedEdge[] = [
      { left: 1, right: 0, priority: [5] },
      { left: 0, right: 0, priority: [5] },
      { left: 0, right: 1, priority: [5] },
    ];
    expect(optimalMatching(2, 2, edges)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('refuses malformed edges', () => {
    expect(() => optimalMatching(1, 1, [{ left: 0, right: 1, priority: [] }])).toThrow(RangeError);
    expect(() => optimalMatching(1, 1, [{ left: 0, right: 0, priority: [-1] }])).toThrow(RangeError);
    expect(() => optimalMatching(1, 1, [{ left: 0, right: 0, priority: [0.5] }])).toThrow(RangeError);
  });
});
