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
// Invariant: every relation a unit has fits in one removeUnit (MAX_RELATIONS_PER_UNIT is checked
// when relations are added), so deleting any unit the limits let in is never refused.

export const LIMITS = {
  /// Operations in one saved batch (POST /api/maps/:id/operations).
  operationsPerBatch: 500,
  /// Relations touching one unit, and so carried by one addUnit/removeUnit.
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

/// Null when a map of this size fits the limits, else the limit it passes.
export function mapSizeProblem(map: { units: readonly unknown[]; relations: ReadonlyArray<{ id: string; from: readonly string[]; to: string }> }): MapSizeProblem | null {
  if (map.units.length > LIMITS.unitsPerMap) return { code: 'tooManyUnits', params: { count: count(map.units.length), max: count(LIMITS.unitsPerMap) } };
  if (map.relations.length > LIMITS.relationsPerMap) return { code: 'tooManyRelations', params: { count: count(map.relations.length), max: count(LIMITS.relationsPerMap) } };
  const perUnit = new Map<string, number>();
  for (const r of map.relations) {
    if (r.from.length > LIMITS.premisesPerRelation) return { code: 'relationTooManyPremises', params: { id: r.id, max: LIMITS.premisesPerRelation } };
    for (const end of [...r.from, r.to]) {
      const n = (perUnit.get(end) ?? 0) + 1;
      if (n > LIMITS.relationsPerUnit) return { code: 'unitTooManyRelations', params: { id: end, max: LIMITS.relationsPerUnit } };
      perUnit.set(end, n);
    }
  }
  return null;
}
