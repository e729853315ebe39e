// The size limits of an argument map and of what changes it: one table, used by the wire
// schemas (./schema), the checks that apply operations (./check), imports (the map import route
// and the CLI's `import`) and the client's batching (./sync). The README's "Limits" section
// lists the same numbers.
//
// Why these numbers: a real essay's map has tens of units, a long book chapter's a few hundred;
// 20,000 units is two orders of magnitude above that and still a map one request can load,
// check and store in well under a second. One unit rarely carries more than a handful of
// relations; 200 lets a hub claim be supported from everywhere. A batch is what the client
// gathered while the previous one was on its way (usually 1–5 operations); 500 covers a long
// offline stretch, and the client sends longer queues as several batches.
//
// The deeper model (issue 17): a linked argument rarely joins more than three or four premises;
// 20 leaves room for a teacher's reconstruction of a long list of reasons without letting one
// relation grow without bound. An implicit unit's text is a reconstructed sentence (1,000
// characters is a long paragraph); an answer to a critical question is a short note (2,000).
//
// Invariant: every removal fits in one operation, so deleting any unit or relation the limits let
// in is never refused. A removal carries more than the relations it names (./operations:
// cascades): removing a relation takes the relations aimed at it (undercutters, transitively),
// removing a unit its relations and theirs. So the per-unit limit counts a unit's LOAD, not only
// its relations: weight(r) = 1 + Σ weight(x) over the relations x aimed at r (r with its
// undercutters, transitively), load(u) = Σ weight(r) over the relations touching u (as a premise
// or as the target). load(u) ≤ relationsPerUnit bounds what removeUnit(u) carries; and every
// relation's weight is at most the load of the units of the relation at the bottom of its chain
// (the one aimed at a unit), so removeRelation's carried undercutters fit the same list. Checked
// when relations, premises and units are added (./check) and when a map is imported (below).

export const LIMITS = {
  /// Operations in one saved batch (POST /api/maps/:id/operations).
  operationsPerBatch: 500,
  /// Relations touching one unit, with the relations aimed at them (its load, see the header):
  /// what one addUnit/removeUnit, or one removeRelation's undercutters, may carry.
  relationsPerUnit: 200,
  /// Units in one map (checked when applying operations and when importing).
  unitsPerMap: 20_000,
  /// Relations in one map.
  relationsPerMap: 40_000,
  /// Characters of a unit's or relation's note.
  noteChars: 10_000,
  /// Characters of a unit, relation or label id.
  idChars: 100,
  /// Premises of one relation (a linked argument).
  premisesPerRelation: 20,
  /// Characters of an implicit unit's text (after trimming).
  implicitTextChars: 1_000,
  /// Characters of an answer to a critical question.
  criticalAnswerChars: 2_000,
} as const;

const count = (n: number) => n.toLocaleString('en');

/// Which limit a whole map passes, as a reason code and parameters (the import's catalog words
/// them: lib/formats/formatErrors `formatError.<code>`).
export type MapSizeProblem =
  | { code: 'tooManyUnits' | 'tooManyRelations'; params: { count: string; max: string } }
  | { code: 'unitTooManyRelations' | 'relationTooManyPremises'; params: { id: string; max: number } };

type RelationShape = { id: string; from: readonly string[]; to: string };

/// weight(r) for every relation (see the header): r and everything aimed at it, transitively. A
/// cycle (possible only in an import, which mapProblems refuses) is cut where it closes.
export function relationWeights(relations: readonly RelationShape[]): Map<string, number> {
  const aimedAt = new Map<string, string[]>();
  for (const r of relations) {
    const list = aimedAt.get(r.to);
    if (list) list.push(r.id);
    else aimedAt.set(r.to, [r.id]);
  }
  const weight = new Map<string, number>();
  const open = new Set<string>();
  // Iterative post-order: undercutter chains may be long, the stack is not.
  for (const root of relations) {
    if (weight.has(root.id)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: root.id, next: 0 }];
    open.add(root.id);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const children = aimedAt.get(top.id) ?? [];
      if (top.next < children.length) {
        const child = children[top.next++];
        if (!weight.has(child) && !open.has(child)) {
          open.add(child);
          stack.push({ id: child, next: 0 });
        }
        continue;
      }
      weight.set(top.id, 1 + children.reduce((sum, c) => sum + (weight.get(c) ?? 0), 0));
      open.delete(top.id);
      stack.pop();
    }
  }
  return weight;
}

/// load(u) (see the header) of every end of a relation that is not itself a relation, or of
/// the ids in `only` when given.
export function unitLoads(relations: readonly RelationShape[], only?: ReadonlySet<string>): Map<string, number> {
  const weight = relationWeights(relations);
  const load = new Map<string, number>();
  for (const r of relations) {
    for (const end of [...r.from, r.to]) {
      if (weight.has(end) || (only && !only.has(end))) continue;
      load.set(end, (load.get(end) ?? 0) + weight.get(r.id)!);
    }
  }
  return load;
}

/// Null when a map of this size fits the limits, else the limit it passes.
export function mapSizeProblem(map: { units: readonly unknown[]; relations: readonly RelationShape[] }): MapSizeProblem | null {
  if (map.units.length > LIMITS.unitsPerMap) return { code: 'tooManyUnits', params: { count: count(map.units.length), max: count(LIMITS.unitsPerMap) } };
  if (map.relations.length > LIMITS.relationsPerMap) return { code: 'tooManyRelations', params: { count: count(map.relations.length), max: count(LIMITS.relationsPerMap) } };
  for (const r of map.relations) {
    if (r.from.length > LIMITS.premisesPerRelation) return { code: 'relationTooManyPremises', params: { id: r.id, max: LIMITS.premisesPerRelation } };
  }
  const load = unitLoads(map.relations);
  for (const r of map.relations) {
    for (const end of [...r.from, r.to]) {
      if ((load.get(end) ?? 0) > LIMITS.relationsPerUnit) return { code: 'unitTooManyRelations', params: { id: end, max: LIMITS.relationsPerUnit } };
    }
  }
  return null;
}
