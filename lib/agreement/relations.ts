// Relation matching with partial credit, and the pairing of implicit units, for the deeper
// argument model (issue 17: linked premises, undercutters, implicit units). Shared by compare.ts
// (the research figures) and teacher.ts (the teacher's reading); each passes its own pairing of
// text units. Pure.
//
// Definitions (φ maps a reference unit id to its paired candidate unit id):
// - Implicit units have no span, so span matching never sees them. A reference implicit unit u
//   and a candidate implicit unit v MAY PAIR when they have the same label and play the same
//   role: u is a premise of a reference relation R, v a premise of a candidate relation C, R and
//   C have the same type, and R's target unit is paired (through the TEXT pairing) with C's
//   target unit. They are paired one-to-one by optimalMatching, maximizing the number of pairs,
//   then the number of such shared roles. An implicit conclusion (an implicit unit that is only
//   ever a target), or an implicit premise of an undercutter, is never paired: it counts as
//   missing or extra. Implicit pairs extend φ for the relations below.
// - Relations are matched LEVEL BY LEVEL: level 0 are the relations aimed at a unit, level k + 1
//   those aimed at a relation of level k (undercutters, and undercutters of undercutters). A
//   reference relation R and a candidate relation C are CANDIDATES for each other when
//     (typed) R.type = C.type, and
//     their targets correspond: φ(R.to) = C.to for a unit target; for a relation target, R.to
//     was matched to C.to at the level before (an undercutter matches only an undercutter of the
//     matched inference).
//   Their CREDIT is the Dice overlap of their premise sets, mapped through φ (order ignored):
//     credit(R, C) = 2·|φ(R.from) ∩ C.from| / (|R.from| + |C.from|)
//   (a premise of R with no partner counts in |R.from| and in no intersection). Equal premise
//   sets score 1; a student who gave one of a linked argument's two premises scores 2·1/3 = ⅔.
//   Dice rather than Jaccard because it is the F1 of the premise sets, as unit and relation
//   figures are F1s.
// - One-to-one: within each group of candidates (same target, same type when typed) relations
//   are paired by optimalMatching over all pairs of the group, maximizing the sum of credit (the
//   group is complete, so "most pairs first" costs nothing; credit is ranked rounded to 1/10,000,
//   and reported exactly). Pairs of credit 0 (no shared premise) are dropped: both relations stay
//   unmatched.
// - Typed relation F1 (prf.ts creditScores): tp = Σ credit over the pairs, predicted = the
//   candidate's relations, expected = the reference's. Untyped the same without the type test,
//   over each map's relations with those sharing (premise set, target) counted once (a support
//   and an attack from the same premises to the same target are one untyped relation; the one
//   with the smallest id stands for them, and relations aimed at the others are re-aimed at it).

import type { ArgumentMap, Relation } from '@/lib/argument/types';
import { isImplicit } from '@/lib/argument/types';
import { optimalMatching, type PrioritizedEdge } from './assignment';

export interface RelationPair {
  reference: string;
  candidate: string;
  /// Dice overlap of the premise sets through the unit pairing, in (0, 1].
  credit: number;
}

export interface RelationMatching {
  /// In reference id order.
  pairs: RelationPair[];
  /// Σ credit: the true positives of relation P/R/F1.
  credit: number;
  /// Reference relations with no partner (id order).
  missing: string[];
  /// Candidate relations with no partner (id order).
  extra: string[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/// How far each relation is from a unit: 0 aimed at a unit, k + 1 aimed at a relation of level k.
function levels(relations: readonly Relation[]): Map<string, number> {
  const rel = new Map(relations.map((r) => [r.id, r]));
  const level = new Map<string, number>();
  const of = (r: Relation, seen: Set<string>): number => {
    const known = level.get(r.id);
    if (known !== undefined) return known;
    const target = rel.get(r.to);
    // A cycle cannot occur in a valid map; cut it rather than loop on a malformed one.
    const l = target === undefined || seen.has(target.id) ? 0 : 1 + of(target, new Set(seen).add(r.id));
    level.set(r.id, l);
    return l;
  };
  for (const r of relations) of(r, new Set([r.id]));
  return level;
}

/// Dice overlap of R's premises, mapped through φ, with C's.
export function premiseCredit(referenceFrom: readonly string[], candidateFrom: readonly string[], phi: ReadonlyMap<string, string>): number {
  const cand = new Set(candidateFrom);
  let shared = 0;
  for (const p of new Set(referenceFrom)) {
    const q = phi.get(p);
    if (q !== undefined && cand.has(q)) shared++;
  }
  return (2 * shared) / (referenceFrom.length + candidateFrom.length);
}

/// Pairs of implicit units (reference id, candidate id) by label and role (see the header);
/// `textPairs` is the pairing of text units.
export function matchImplicitUnits(reference: ArgumentMap, candidate: ArgumentMap, textPairs: ReadonlyMap<string, string>): Array<[string, string]> {
  const refImplicit = reference.units.filter(isImplicit).sort(byId);
  const candImplicit = candidate.units.filter(isImplicit).sort(byId);
  if (!refImplicit.length || !candImplicit.length) return [];
  const candIndex = new Map(candImplicit.map((u, j) => [u.id, j]));
  const roles = new Map<string, number>(); // "i:j" → shared roles
  for (const r of reference.relations) {
    const target = textPairs.get(r.to);
    if (target === undefined) continue;
    for (const c of candidate.relations) {
      if (c.type !== r.type || c.to !== target) continue;
      for (const p of r.from) {
        const i = refImplicit.findIndex((u) => u.id === p);
        if (i < 0) continue;
        for (const q of c.from) {
          const j = candIndex.get(q);
          if (j === undefined || refImplicit[i].label !== candImplicit[j].label) continue;
          roles.set(`${i}:${j}`, (roles.get(`${i}:${j}`) ?? 0) + 1);
        }
      }
    }
  }
  const edges: PrioritizedEdge[] = [...roles].map(([k, n]) => {
    const [i, j] = k.split(':').map(Number);
    return { left: i, right: j, priority: [n] };
  });
  return optimalMatching(refImplicit.length, candImplicit.length, edges).map(([i, j]) => [refImplicit[i].id, candImplicit[j].id]);
}

/// The implicit units of each map left out of `pairs` (id order): what the compare view lists as
/// missing (reference) and extra (candidate) beside the units of the text.
export function unpairedImplicitUnits(reference: Pick<ArgumentMap, 'units'>, candidate: Pick<ArgumentMap, 'units'>, pairs: ReadonlyArray<readonly [string, string]>): { missing: string[]; extra: string[] } {
  const ref = new Set(pairs.map(([r]) => r));
  const cand = new Set(pairs.map(([, c]) => c));
  return {
    missing: reference.units.filter((u) => isImplicit(u) && !ref.has(u.id)).sort(byId).map((u) => u.id),
    extra: candidate.units.filter((u) => isImplicit(u) && !cand.has(u.id)).sort(byId).map((u) => u.id),
  };
}

/// A map's relations for untyped matching: one per (premise set, target), see the header.
export function untypedRelations(relations: readonly Relation[]): Relation[] {
  const sorted = [...relations].sort(byId);
  const standFor = new Map<string, string>(); // (premises, target) key → kept id
  const alias = new Map<string, string>(); // dropped id → kept id
  const key = (r: Relation) => JSON.stringify([[...r.from].sort(), r.to]);
  for (const r of sorted) {
    const kept = standFor.get(key(r));
    if (kept === undefined) standFor.set(key(r), r.id);
    else alias.set(r.id, kept);
  }
  if (!alias.size) return sorted;
  const kept = sorted.filter((r) => !alias.has(r.id)).map((r) => (alias.has(r.to) ? { ...r, to: alias.get(r.to)! } : r));
  // Re-aiming can make two undercutters equal: repeat until nothing more merges.
  return untypedRelations(kept);
}

/// The one-to-one partial-credit matching of relations (see the header); `phi` pairs units
/// (text and implicit), `typed` whether types must agree.
/// Untyped, the relations are first reduced with untypedRelations.
export function matchRelations(reference: Pick<ArgumentMap, 'relations'>, candidate: Pick<ArgumentMap, 'relations'>, phi: ReadonlyMap<string, string>, typed: boolean): RelationMatching & { expected: number; predicted: number } {
  const refRelations = typed ? [...reference.relations].sort(byId) : untypedRelations(reference.relations);
  const candRelations = typed ? [...candidate.relations].sort(byId) : untypedRelations(candidate.relations);
  const refLevel = levels(refRelations);
  const matched = new Map<string, RelationPair>(); // reference id → pair
  const usedCandidates = new Set<string>();
  const maxLevel = Math.max(-1, ...refLevel.values());
  for (let level = 0; level <= maxLevel; level++) {
    // Group the level's reference relations by the candidate target (and type) they call for.
    const groups = new Map<string, { refs: Relation[]; cands: Relation[] }>();
    for (const r of refRelations) {
      if (refLevel.get(r.id) !== level) continue;
      const target = level === 0 ? phi.get(r.to) : matched.get(r.to)?.candidate;
      if (target === undefined) continue;
      const key = JSON.stringify([typed ? r.type : null, target]);
      let g = groups.get(key);
      if (!g) {
        g = {
          refs: [],
          cands: candRelations.filter((c) => c.to === target && (!typed || c.type === r.type)),
        };
        groups.set(key, g);
      }
      g.refs.push(r);
    }
    for (const { refs, cands } of groups.values()) {
      const open = cands.filter((c) => !usedCandidates.has(c.id));
      const credit = refs.map((r) => open.map((c) => premiseCredit(r.from, c.from, phi)));
      const edges: PrioritizedEdge[] = [];
      refs.forEach((_, i) => open.forEach((_, j) => edges.push({ left: i, right: j, priority: [Math.round(credit[i][j] * 10_000)] })));
      for (const [i, j] of optimalMatching(refs.length, open.length, edges)) {
        if (credit[i][j] <= 0) continue;
        matched.set(refs[i].id, { reference: refs[i].id, candidate: open[j].id, credit: credit[i][j] });
        usedCandidates.add(open[j].id);
      }
    }
  }
  const pairs = refRelations.filter((r) => matched.has(r.id)).map((r) => matched.get(r.id)!);
  return {
    expected: refRelations.length,
    predicted: candRelations.length,
    pairs,
    credit: pairs.reduce((s, p) => s + p.credit, 0),
    missing: refRelations.filter((r) => !matched.has(r.id)).map((r) => r.id),
    extra: candRelations.filter((c) => !usedCandidates.has(c.id)).map((c) => c.id),
  };
}
