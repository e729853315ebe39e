// Map-view layout figure: how long `layoutGraph` takes on a map the size of a long essay's
// (300 units, 400 relations). The synthetic map is also what the layout tests run on, so the
// figure and the tests measure the same shape of input.
import { performance } from 'node:perf_hooks';
import { layoutGraph, type LayoutEdge, type LayoutInput, type LayoutNode } from '@/lib/argument/layout';
import { seededRandom as random } from '@/lib/seededRandom';

/// A random but realistic map: unit 0 is the main claim; claims and evidence support earlier
/// claims, counterarguments attack earlier claims or evidence, rebuttals attack earlier
/// counterarguments; about one unit in twenty is not related yet; the remaining relations are
/// cross-links, again from a later unit to an earlier one (so the map is acyclic and the main
/// claim is never a premise). Node sizes are those of one to four lines of label text.
export function syntheticLayoutInput(unitCount: number, relationCount: number, seed = 1): LayoutInput {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const labels: string[] = [];
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const seen = new Set<string>();
  const byLabel: Record<string, number[]> = { claim: [], evidence: [], counterargument: [], rebuttal: [] };
  const loose = new Set<number>();
  const addEdge = (from: number, to: number): boolean => {
    const key = `${from}>${to}`;
    if (from === to || seen.has(key) || edges.length >= relationCount) return false;
    seen.add(key);
    edges.push({ id: `r${edges.length}`, from: `u${from}`, to: `u${to}` });
    return true;
  };
  const targetsFor = (label: string): number[] =>
    label === 'counterargument' ? [...byLabel.claim, ...byLabel.evidence] : label === 'rebuttal' ? byLabel.counterargument : byLabel.claim;

  for (let i = 0; i < unitCount; i++) {
    const r = rnd();
    const label = i === 0 ? 'claim' : r < 0.25 ? 'claim' : r < 0.65 ? 'evidence' : r < 0.85 ? 'counterargument' : 'rebuttal';
    labels.push(label);
    nodes.push({ id: `u${i}`, width: 176, height: 24 + 18 * (1 + Math.floor(rnd() * 4)) });
    if (i > 0 && rnd() < 0.05) loose.add(i);
    else if (i > 0) {
      const targets = targetsFor(label);
      addEdge(i, targets.length > 0 ? pick(targets) : pick(byLabel.claim));
    }
    byLabel[label].push(i);
  }
  for (let tries = 0; edges.length < relationCount && tries < relationCount * 50; tries++) {
    const from = 1 + Math.floor(rnd() * (unitCount - 1));
    if (loose.has(from)) continue;
    const targets = targetsFor(labels[from]).filter((t) => t < from);
    if (targets.length > 0) addEdge(from, pick(targets));
  }
  return { nodes, edges, mainClaimId: 'u0' };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function layoutFigures(report: (name: string, value: string, target?: string) => void): Promise<void> {
  const input = syntheticLayoutInput(300, 400);
  layoutGraph(input); // warm-up: JIT and module initialisation
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    layoutGraph(input);
    runs.push(performance.now() - t0);
  }
  report('layout 300 units / 400 relations', `${median(runs).toFixed(1)} ms`, 'target: < 500 ms');
}
