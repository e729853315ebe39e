// Map-view layout figures: how long `layoutGraph` takes on a map the size of a long essay's
// (300 units, 400 relations) and on one ten times larger, each with plain relations only and
// with the deeper shapes (linked arguments, undercutters, scheme labels). The synthetic map is
// also what the layout tests run on, so the figures and the tests measure the same input.
import { performance } from 'node:perf_hooks';
import { layoutGraph, type LayoutEdge, type LayoutInput, type LayoutNode } from '@/lib/argument/layout';
import { seededRandom as random } from '@/lib/seededRandom';

/// A random but realistic map: unit 0 is the main claim; claims and evidence support earlier
/// claims, counterarguments attack earlier claims or evidence, rebuttals attack earlier
/// counterarguments; about one unit in twenty is not related yet; the remaining relations are
/// cross-links, again from a later unit to an earlier one (so the map is acyclic and the main
/// claim is never a premise). Node sizes are those of one to four lines of label text.
///
/// `deep`: then about a third of the claims with two or more supports have two of them joined
/// into one linked argument, about one attack in five is turned into an undercutter of an
/// earlier support (of an earlier claim than the attacker), and about a third of the supports carry a scheme label. Plain relations
/// have ids `r<n>` in order; the deep shapes keep their first relation's id.
export function syntheticLayoutInput(unitCount: number, relationCount: number, seed = 1, { deep = false } = {}): LayoutInput {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const labels: string[] = [];
  const nodes: LayoutNode[] = [];
  const edges: Array<LayoutEdge & { from: string[]; attack: boolean }> = [];
  const seen = new Set<string>();
  const byLabel: Record<string, number[]> = { claim: [], evidence: [], counterargument: [], rebuttal: [] };
  const loose = new Set<number>();
  const addEdge = (from: number, to: number): boolean => {
    const key = `${from}>${to}`;
    if (from === to || seen.has(key) || edges.length >= relationCount) return false;
    seen.add(key);
    const attack = labels[from] === 'counterargument' || labels[from] === 'rebuttal';
    edges.push({ id: `r${edges.length}`, from: [`u${from}`], to: `u${to}`, attack });
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
  const plain = edges.map(({ id, from, to }) => ({ id, from, to }));
  return { nodes, edges: deep ? deepen(edges, rnd) : plain, mainClaimId: 'u0' };
}

/// The deeper shapes of `syntheticLayoutInput`'s `deep` option.
function deepen(edges: ReadonlyArray<LayoutEdge & { from: string[]; attack: boolean }>, rnd: () => number): LayoutEdge[] {
  const out: LayoutEdge[] = [];
  const firstSupportTo = new Map<string, LayoutEdge & { from: string[] }>();
  const supports: Array<{ id: string; to: number }> = [];
  const index = (id: string) => Number(id.slice(1));
  for (const e of edges) {
    if (!e.attack) {
      const first = firstSupportTo.get(e.to);
      if (first && first.from.length === 1 && !first.from.includes(e.from[0]) && rnd() < 0.35) {
        first.from.push(e.from[0]); // joined into the first support of the same claim
        continue;
      }
      const r = { id: e.id, from: [...e.from], to: e.to, ...(rnd() < 0.3 ? { label: { width: 9 * 12, height: 16 } } : {}) };
      if (!first) firstSupportTo.set(e.to, r);
      supports.push({ id: e.id, to: index(e.to) });
      out.push(r);
      continue;
    }
    // An undercutter only of a support of an earlier claim: every path upwards then goes to
    // earlier units, so the map stays acyclic.
    const undercut = rnd() < 0.2 ? supports.filter((s) => s.to < index(e.from[0])) : [];
    out.push({ id: e.id, from: e.from, to: undercut.length > 0 ? undercut[Math.floor(rnd() * undercut.length)].id : e.to });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function layoutFigures(report: (name: string, value: string, target?: string) => void): Promise<void> {
  for (const [units, relations, runs] of [
    [300, 400, 5],
    [3000, 4000, 3],
  ] as const) {
    for (const deep of [false, true]) {
      const input = syntheticLayoutInput(units, relations, 1, { deep });
      layoutGraph(input); // warm-up: JIT and module initialisation
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        layoutGraph(input);
        times.push(performance.now() - t0);
      }
      const name = `layout ${units.toLocaleString('en')} units / ${relations.toLocaleString('en')} relations${deep ? ', deep' : ''}`;
      report(name, `${median(times).toFixed(1)} ms`, units <= 300 ? 'target: < 500 ms' : '');
    }
  }
}
