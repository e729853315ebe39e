// Gentle structure hints for an argument map: things a student may want to look at again, never
// errors (a map in progress is allowed to be incomplete). Pure: no I/O, no UI.
//
// Invariants:
// - A hint about units has as `id` its kind plus its sorted unit ids; a hint about one relation
//   (openCriticalQuestion) its kind plus the relation's id; so it is the same string every time the
//   same problem is found; a dismissed hint stays dismissed across re-renders and reloads, and
//   comes back only when the problem changes (e.g. a cycle gains a unit).
// - Hints come in a fixed order: by kind (the order of `hintKinds`), then by the position in
//   `map.units` of the hint's first unit; `unitIds` are in `map.units` order.
// - Linear time in units + relations: maps may have thousands of units and the hints are
//   recomputed on every change, so every pass is a single sweep (no recursion, no per-unit
//   scans of the relation list).
import type { ArgumentMap } from './types';
import { schemeById } from './schemes';
import { defaultLabels, isImplicit, premiseEdges } from './types';

export type HintKind = 'unsupportedClaim' | 'idleEvidence' | 'idleImplicit' | 'openCriticalQuestion' | 'disconnected' | 'supportCycle';

/// The order hints are listed in: the most local problems first.
export const hintKinds: readonly HintKind[] = ['unsupportedClaim', 'idleEvidence', 'idleImplicit', 'openCriticalQuestion', 'disconnected', 'supportCycle'];

export interface StructureHint {
  /// Stable: the kind and the sorted unit ids (or the relation's id), so that a dismissal
  /// survives re-renders.
  id: string;
  kind: HintKind;
  /// The units the hint is about, in `map.units` order.
  unitIds: string[];
  /// For a hint about one relation (openCriticalQuestion): that relation.
  relationId?: string;
}

/// `kind:id1,id2,…` with the ids sorted. Ids are percent-encoded so that an id containing
/// `,` or `:` cannot make two different hints collide.
export function hintId(kind: HintKind, unitIds: readonly string[]): string {
  return `${kind}:${[...unitIds].sort().map(encodeURIComponent).join(',')}`;
}

/// Which labels play the claim and evidence parts in a scheme: the first and second label (the
/// default scheme's 主張 and 根拠; an instructor's own scheme lists its claim-like label first,
/// as AIF export assumes too). The main claim must carry the claim label.
export interface LabelRoles {
  claim: string | undefined;
  evidence: string | undefined;
}

export function labelRoles(labelIds: readonly string[]): LabelRoles {
  return { claim: labelIds[0], evidence: labelIds[1] };
}

const defaultRoles = labelRoles(defaultLabels);

/// Hints about the map's structure:
/// - `unsupportedClaim`: a claim no support relation points to;
/// - `idleEvidence`: evidence that supports nothing;
/// - `idleImplicit`: an implicit unit (a reconstructed premise or conclusion) that no relation
///   names, as premise or target — written down, then never connected (it then gets no
///   `unsupportedClaim` or `idleEvidence` hint: one hint says it);
/// - `openCriticalQuestion`: a support naming a scheme with a critical question left unanswered
///   (one hint per relation; `unitIds` its premises and target unit, `relationId` the relation);
/// - `disconnected`: a unit with no path (over relations of either type, either direction) to
///   the main claim — only when a main claim is set;
/// - `supportCycle`: units that support each other in a circle (one hint per strongly connected
///   component of the support relations).
/// One hint per (kind, unit), except cycles, which get one hint per component, and open
/// critical questions, one per relation. An undercut support still counts as support
/// (`unsupportedClaim`, `idleEvidence`): the undercutter questions the inference, it does not
/// remove it — the student has answered it or will.
export function structureHints(map: ArgumentMap, roles: LabelRoles = defaultRoles): StructureHint[] {
  const n = map.units.length;
  const index = new Map<string, number>();
  map.units.forEach((u, i) => index.set(u.id, i));

  // Relations are resolved to unit positions once; a relation naming a missing unit (impossible
  // under the model's invariants, but maps arrive from files and the network) is ignored rather
  // than allowed to crash the hints panel. A linked argument is one edge per premise; an
  // undercutter bears on the unit its target relation bears on (types.ts premiseEdges), so an
  // undercut inference still counts as support.
  const edges: Array<{ type: string; from: number; to: number }> = [];
  for (const e of premiseEdges(map)) {
    const from = index.get(e.from);
    const to = index.get(e.to);
    if (from !== undefined && to !== undefined) edges.push({ type: e.relation.type, from, to });
  }

  const supported = new Uint8Array(n); // has an incoming support
  const supports = new Uint8Array(n); // has an outgoing support
  for (const e of edges) {
    if (e.type !== 'support') continue;
    supports[e.from] = 1;
    supported[e.to] = 1;
  }

  const hints: StructureHint[] = [];
  const single = (kind: HintKind, i: number) => {
    const id = map.units[i].id;
    hints.push({ id: hintId(kind, [id]), kind, unitIds: [id] });
  };

  const named = new Uint8Array(n); // a premise or target of some relation
  for (const r of map.relations) {
    for (const p of r.from) {
      const i = index.get(p);
      if (i !== undefined) named[i] = 1;
    }
    const t = index.get(r.to);
    if (t !== undefined) named[t] = 1;
  }
  // An implicit unit named by nothing gets idleImplicit only (one hint, the more telling).
  const idleImplicit = (i: number) => isImplicit(map.units[i]) && !named[i];
  for (let i = 0; i < n; i++) if (map.units[i].label === roles.claim && !supported[i] && !idleImplicit(i)) single('unsupportedClaim', i);
  for (let i = 0; i < n; i++) if (map.units[i].label === roles.evidence && !supports[i] && !idleImplicit(i)) single('idleEvidence', i);

  for (let i = 0; i < n; i++) if (idleImplicit(i)) single('idleImplicit', i);

  // Relations in the order of their first unit, as the other kinds (a single sweep collects
  // them; relations are few next to units, so the sort is over the open ones only).
  const open: Array<{ first: number; hint: StructureHint }> = [];
  const endsOf = new Map<string, number[]>();
  for (const e of premiseEdges(map)) {
    const list = endsOf.get(e.relation.id) ?? [];
    for (const id of [e.from, e.to]) {
      const i = index.get(id);
      if (i !== undefined && !list.includes(i)) list.push(i);
    }
    endsOf.set(e.relation.id, list);
  }
  for (const r of map.relations) {
    const scheme = r.scheme === undefined ? undefined : schemeById(r.scheme);
    if (!scheme) continue;
    const answered = new Set((r.criticalQuestions ?? []).filter((a) => a.answer.trim() !== '').map((a) => a.id));
    if (scheme.criticalQuestions.every((q) => answered.has(q.id))) continue;
    const ends = (endsOf.get(r.id) ?? []).sort((a, b) => a - b);
    open.push({ first: ends[0] ?? n, hint: { id: hintId('openCriticalQuestion', [r.id]), kind: 'openCriticalQuestion', unitIds: ends.map((i) => map.units[i].id), relationId: r.id } });
  }
  open.sort((a, b) => a.first - b.first);
  for (const o of open) hints.push(o.hint);

  const main = map.mainClaimId === null ? undefined : index.get(map.mainClaimId);
  if (main !== undefined) {
    const reached = reachableUndirected(n, edges, main);
    for (let i = 0; i < n; i++) if (!reached[i]) single('disconnected', i);
  }

  const supportEdges = edges.filter((e) => e.type === 'support');
  for (const component of supportCycles(n, supportEdges)) {
    const unitIds = component.map((i) => map.units[i].id);
    hints.push({ id: hintId('supportCycle', unitIds), kind: 'supportCycle', unitIds });
  }
  // Each kind is produced in unit order, and supportCycles lists components by their first
  // unit, so the list is in the documented order without a global sort.
  return hints;
}

/// How many units carry each label. The default labels are always present (0 when unused), so
/// a summary can list all four; other labels appear when used.
export function labelCounts(map: ArgumentMap): Record<string, number> {
  const counts = new Map<string, number>(defaultLabels.map((l) => [l, 0]));
  for (const u of map.units) counts.set(u.label, (counts.get(u.label) ?? 0) + 1);
  // fromEntries defines own properties, so a label such as `__proto__` is counted, not lost.
  return Object.fromEntries(counts);
}

/// Compressed adjacency (CSR): the neighbours of node v are `targets[offsets[v] .. offsets[v+1])`.
/// Arrays instead of per-node lists keep the passes allocation-light on large maps.
function adjacency(n: number, pairs: ReadonlyArray<readonly [number, number]>): { offsets: Int32Array; targets: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (const [v] of pairs) offsets[v + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(pairs.length);
  // Pairs are placed in input order, so traversals (and hence results) are deterministic.
  for (const [v, w] of pairs) targets[fill[v]++] = w;
  return { offsets, targets };
}

function reachableUndirected(n: number, edges: ReadonlyArray<{ from: number; to: number }>, start: number): Uint8Array {
  const pairs: Array<[number, number]> = [];
  for (const e of edges) pairs.push([e.from, e.to], [e.to, e.from]);
  const { offsets, targets } = adjacency(n, pairs);
  const seen = new Uint8Array(n);
  const stack = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const w = targets[k];
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}

/// Strongly connected components of the directed graph that form a cycle: two or more nodes, or
/// one node with an edge to itself. Each component's nodes are ascending; components are sorted
/// by their first node. Tarjan's algorithm, run with an explicit stack because a long chain of
/// supports would overflow the call stack of a recursive version.
function supportCycles(n: number, edges: ReadonlyArray<{ from: number; to: number }>): number[][] {
  const { offsets, targets } = adjacency(
    n,
    edges.map((e) => [e.from, e.to] as const),
  );
  const selfLoop = new Uint8Array(n);
  for (const e of edges) if (e.from === e.to) selfLoop[e.from] = 1;

  const UNVISITED = -1;
  const order = new Int32Array(n).fill(UNVISITED); // discovery index
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextEdge = new Int32Array(n); // where each node's edge scan resumes
  const sccStack: number[] = [];
  const callStack: number[] = [];
  const componentOf = new Int32Array(n).fill(-1); // only for components that are cycles
  let cycleCount = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== UNVISITED) continue;
    order[root] = low[root] = counter++;
    nextEdge[root] = offsets[root];
    sccStack.push(root);
    onStack[root] = 1;
    callStack.push(root);

    while (callStack.length > 0) {
      const v = callStack[callStack.length - 1];
      if (nextEdge[v] < offsets[v + 1]) {
        const w = targets[nextEdge[v]++];
        if (order[w] === UNVISITED) {
          // "Recurse" into w; v's scan resumes at nextEdge[v] when w is finished.
          order[w] = low[w] = counter++;
          nextEdge[w] = offsets[w];
          sccStack.push(w);
          onStack[w] = 1;
          callStack.push(w);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], order[w]);
        }
        continue;
      }
      // v is finished: pass its low-link up, and pop its component if it is a root.
      callStack.pop();
      if (callStack.length > 0) {
        const parent = callStack[callStack.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === order[v]) {
        const isCycle = sccStack[sccStack.length - 1] !== v || selfLoop[v] === 1;
        const id = isCycle ? cycleCount++ : -1;
        let w: number;
        do {
          w = sccStack.pop()!;
          onStack[w] = 0;
          componentOf[w] = id;
        } while (w !== v);
      }
    }
  }
  // One sweep in node order lists each component's nodes ascending and orders the components by
  // their first node, without sorting (which would make this O(n log n)).
  const components: number[][] = [];
  const slot = new Int32Array(cycleCount).fill(-1);
  for (let v = 0; v < n; v++) {
    const c = componentOf[v];
    if (c < 0) continue;
    if (slot[c] < 0) slot[c] = components.push([]) - 1;
    components[slot[c]].push(v);
  }
  return components;
}
