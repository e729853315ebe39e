// mapWrite finds a batch's changes by walking the map before and after it, comparing references
// (changedItems). Checked here against the plain definition — every item looked up by id on the
// other side — for random batches of every kind of operation on random maps, and with the maps'
// items copied (a snapshot read from the database shares no object with anything), where the
// walk passes over nothing and must still find exactly the changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPremiseOp,
  addRelationOp,
  addUnitOp,
  applyChecked,
  emptyMap,
  removePremiseOp,
  removeRelationOp,
  removeUnitOp,
  sameValue,
  setMainClaimOp,
  updateRelationOp,
  updateUnitOp,
  type ArgumentMap,
  type Operation,
} from '@/lib/argument';
import { mapWrite } from './mapWrite';
import { premiseRows, relationRow, relationRows, unitRow } from './maps';

const ctx = { textLength: 40, boundaries: Array.from({ length: 41 }, (_, i) => i), labels: ['claim', 'evidence'] };
const NOW = '2026-12-04T00:00:00.000Z';

/// The plain definition of a write: each side's items looked up by id on the other.
function expectedWrite(mapId: string, before: ArgumentMap, after: ArgumentMap) {
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x]));
  const oldUnits = byId(before.units);
  const newUnits = byId(after.units);
  const oldRelations = byId(before.relations);
  const newRelations = byId(after.relations);
  const isRelation = (id: string) => newRelations.has(id);
  const edited = <T extends { id: string }>(items: readonly T[], old: Map<string, T>) => items.filter((x) => old.has(x.id) && !sameValue(old.get(x.id), x));
  const addedRelations = after.relations.filter((r) => !oldRelations.has(r.id));
  const editedRelations = edited(after.relations, oldRelations);
  const repremised = editedRelations.filter((r) => !sameValue(oldRelations.get(r.id)!.from, r.from));
  return {
    mapId,
    goneRelations: before.relations.filter((r) => !newRelations.has(r.id)).map((r) => r.id),
    goneUnits: before.units.filter((u) => !newUnits.has(u.id)).map((u) => u.id),
    newUnits: after.units.filter((u) => !oldUnits.has(u.id)).map((u) => unitRow(mapId, u, NOW)),
    changedUnits: edited(after.units, oldUnits).map((u) => unitRow(mapId, u, NOW)),
    newRelations: relationRows(mapId, addedRelations, () => NOW, isRelation),
    changedRelations: editedRelations.map((r) => relationRow(mapId, r, NOW, isRelation)),
    repremised: repremised.map((r) => r.id),
    newPremises: premiseRows(mapId, [...addedRelations, ...repremised]),
    mainClaimId: before.mainClaimId !== after.mainClaimId ? after.mainClaimId : undefined,
    batch: null,
  };
}

/// One change someone might make to `map` (numbers pick what and where), or null.
function change(map: ArgumentMap, kind: number, a: number, b: number, c: number, newId: () => string): Operation | null {
  const { units, relations } = map;
  const unit = (n: number) => units[n % units.length];
  const relation = (n: number) => relations[n % relations.length];
  const span = () => {
    const start = a % 39;
    return { start, end: start + 1 + (b % Math.min(4, 39 - start)) };
  };
  switch (kind % 10) {
    case 0:
    case 1:
      return addUnitOp({ id: newId(), label: ctx.labels[c % 2], ...span(), note: '' });
    case 2:
      return units.length ? removeUnitOp(map, unit(a).id) : null;
    case 3:
      // A new span moves the unit in the map's order.
      return units.length ? updateUnitOp(map, unit(c).id, c % 2 ? span() : { note: `n${b % 3}`, label: ctx.labels[a % 2] }) : null;
    case 4:
      return units.length > 1 ? addRelationOp({ id: newId(), type: (a + b) % 2 ? 'attack' : 'support', from: [unit(a).id], to: unit(b).id, note: '' }) : null;
    case 5:
      // An undercutter: an attack aimed at a relation.
      return relations.length && units.length ? addRelationOp({ id: newId(), type: 'attack', from: [unit(a).id], to: relation(b).id, note: '' }) : null;
    case 6:
      return relations.length ? removeRelationOp(map, relation(a).id) : null;
    case 7:
      return relations.length ? updateRelationOp(map, relation(a).id, b % 2 ? { note: `r${c % 3}` } : { type: relation(a).type === 'support' ? 'attack' : 'support' }) : null;
    case 8:
      if (!relations.length || !units.length) return null;
      return c % 2 ? addPremiseOp(map, relation(a).id, unit(b).id) : relation(a).from.length > 1 ? removePremiseOp(map, relation(a).id, relation(a).from[b % relation(a).from.length]) : null;
    default:
      return setMainClaimOp(map, units.length && a % 3 ? unit(b).id : null);
  }
}

/// Applies the changes that fit, one at a time (a change the map refuses is left out).
function applySome(map: ArgumentMap, picks: Array<[number, number, number, number]>, newId: () => string): ArgumentMap {
  let current = map;
  for (const [kind, a, b, c] of picks) {
    const op = change(current, kind, a, b, c, newId);
    const result = op && applyChecked(current, [op], ctx);
    if (result?.ok) current = result.map;
  }
  return current;
}

const pick = fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat());

/// Fresh ids x0, x1, … for the units and relations one history adds.
function idMaker(): () => string {
  let n = 0;
  return () => `x${n++}`;
}

/// A map made by a random history of changes, and the same map after a random batch.
const beforeAndAfter = (maxHistory: number, maxBatch: number) =>
  fc.tuple(fc.array(pick, { maxLength: maxHistory }), fc.array(pick, { minLength: 1, maxLength: maxBatch })).map(([history, batch]) => {
    const newId = idMaker();
    const before = applySome(emptyMap, history, newId);
    return { before, after: applySome(before, batch, newId) };
  });

describe('mapWrite', () => {
  it('writes exactly the changes of any batch, whether or not the maps share their unchanged items', () => {
    fc.assert(
      fc.property(beforeAndAfter(40, 8), ({ before, after }) => {
        const expected = expectedWrite('m', before, after);
        expect(mapWrite('m', before, after, NOW, null)).toEqual(expected);
        // A snapshot read back from the database: equal values, no object in common.
        expect(mapWrite('m', structuredClone(before), after, NOW, null)).toEqual(expected);
        expect(mapWrite('m', before, structuredClone(after), NOW, null)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('finds the changes whatever order the items come in', () => {
    // Each list of the write sorted, since the order of the items decides theirs.
    const sorted = (w: ReturnType<typeof mapWrite>) =>
      Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))) : v]));
    fc.assert(
      fc.property(beforeAndAfter(30, 6), ({ before, after }) => {
        const reversed = { ...after, units: after.units.slice().reverse(), relations: after.relations.slice().reverse() };
        expect(sorted(mapWrite('m', before, reversed, NOW, null))).toEqual(sorted(expectedWrite('m', before, after)));
      }),
      { numRuns: 200 },
    );
  });

  it('writes nothing for a batch that leaves the map as it was', () => {
    const before = applySome(emptyMap, [[0, 1, 2, 0], [0, 5, 1, 1], [4, 0, 1, 0]], idMaker());
    const same = mapWrite('m', before, structuredClone(before), NOW, null);
    expect(same).toMatchObject({ goneRelations: [], goneUnits: [], newUnits: [], changedUnits: [], newRelations: [], changedRelations: [], repremised: [], newPremises: [] });
    expect(before.units.length).toBeGreaterThan(1);
    expect(before.relations.length).toBe(1);
  });
});
