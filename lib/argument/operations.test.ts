import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addUnitOp,
  apply,
  applyAll,
  invert,
  invertAll,
  OperationError,
  removeRelationOp,
  removeUnitOp,
  setMainClaimOp,
  updateRelationOp,
  updateUnitOp,
  type Operation,
} from './operations';
import { checkOperation, applyChecked, type DocumentContext } from './check';
import { compareUnits, emptyMap, type ArgumentMap } from './types';

const labels = ['claim', 'evidence', 'counterargument', 'rebuttal'];
const unit = (id: string, start: number, end: number, label = 'claim') => ({ id, label, start, end, note: '' });
const rel = (id: string, from: string, to: string, type: 'support' | 'attack' = 'support') => ({ id, type, from, to, note: '' });

/// Builds one valid operation for `map` from random numbers (or null when none fits).
function operationFor(map: ArgumentMap, [kind, a, b, c]: number[], serial: number): Operation | null {
  const u = map.units;
  const pick = <T,>(xs: readonly T[], n: number) => xs[n % xs.length];
  switch (kind % 8) {
    case 0:
    case 1: {
      const start = a % 40;
      return addUnitOp(unit(`u${serial}`, start, start + 1 + (b % 10), pick(labels, c)));
    }
    case 2:
      return u.length ? removeUnitOp(map, pick(u, a).id) : null;
    case 3: {
      if (!u.length) return null;
      const target = pick(u, a);
      const fields = [{ label: pick(labels, b) }, { note: `note ${b}` }, { start: Math.max(0, target.end - 1 - (b % 3)) }, { end: target.start + 1 + (c % 5) }];
      return updateUnitOp(map, target.id, pick(fields, c));
    }
    case 4: {
      if (u.length < 2) return null;
      const from = pick(u, a);
      const to = pick(u, b);
      const type = c % 2 ? 'support' : 'attack';
      if (from.id === to.id || map.relations.some((r) => r.type === type && r.from === from.id && r.to === to.id)) return null;
      return { op: 'addRelation', relation: rel(`r${serial}`, from.id, to.id, type) };
    }
    case 5:
      return map.relations.length ? removeRelationOp(map, pick(map.relations, a).id) : null;
    case 6: {
      if (!map.relations.length) return null;
      const r = pick(map.relations, a);
      const type = r.type === 'support' ? 'attack' : 'support';
      if (b % 2 && !map.relations.some((x) => x.type === type && x.from === r.from && x.to === r.to)) return updateRelationOp(map, r.id, { type });
      return updateRelationOp(map, r.id, { note: `why ${c}` });
    }
    default:
      return setMainClaimOp(map, u.length && a % 3 ? pick(u, b).id : null);
  }
}

const intents = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 40 });

function run(intentList: number[][]) {
  let map: ArgumentMap = emptyMap;
  const ops: Operation[] = [];
  const maps = [map];
  intentList.forEach((intent, i) => {
    const op = operationFor(map, intent, i);
    if (!op) return;
    map = apply(map, op);
    ops.push(op);
    maps.push(map);
  });
  return { ops, maps, map };
}

describe('operations', () => {
  it('applying any sequence and then its inverse restores the map', () => {
    fc.assert(
      fc.property(intents, (list) => {
        const { ops, map } = run(list);
        expect(applyAll(map, invertAll(ops))).toEqual(emptyMap);
      }),
      { numRuns: 300 },
    );
  });

  it('each operation is undone by its inverse, and redone by itself', () => {
    fc.assert(
      fc.property(intents, (list) => {
        const { ops, maps } = run(list);
        ops.forEach((op, i) => {
          expect(apply(maps[i + 1], invert(op))).toEqual(maps[i]);
          expect(apply(apply(maps[i + 1], invert(op)), op)).toEqual(maps[i + 1]);
          expect(invert(invert(op))).toEqual(op);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('operations survive a JSON round trip', () => {
    fc.assert(
      fc.property(intents, (list) => {
        const { ops, map } = run(list);
        const wire = JSON.parse(JSON.stringify(ops)) as Operation[];
        expect(applyAll(emptyMap, wire)).toEqual(map);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps units sorted by position', () => {
    const map = applyAll(emptyMap, [addUnitOp(unit('b', 5, 9)), addUnitOp(unit('a', 0, 3)), addUnitOp(unit('c', 0, 2))]);
    expect(map.units.map((u) => u.id)).toEqual(['c', 'a', 'b']);
    // Moving an edge moves the unit to its new place.
    expect(apply(map, updateUnitOp(map, 'c', { start: 6, end: 12 })).units.map((u) => u.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps units in text order through any sequence of operations', () => {
    fc.assert(
      fc.property(intents, (list) => {
        const { map } = run(list);
        expect(map.units).toEqual([...map.units].sort(compareUnits));
      }),
      { numRuns: 200 },
    );
  });

  it('removing a unit takes its relations and main-claim status with it, and undo restores them', () => {
    let map = applyAll(emptyMap, [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 4, 6, 'evidence')), { op: 'addRelation', relation: rel('r', 'b', 'a') }]);
    map = apply(map, setMainClaimOp(map, 'a'));
    const removal = removeUnitOp(map, 'a');
    const after = apply(map, removal);
    expect(after).toEqual({ units: [unit('b', 4, 6, 'evidence')], relations: [], mainClaimId: null });
    expect(apply(after, invert(removal))).toEqual(map);
  });

  it.each([
    ['a duplicate unit id', [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('a', 4, 5))], /already exists/],
    ['a self-relation', [addUnitOp(unit('a', 0, 3)), { op: 'addRelation', relation: rel('r', 'a', 'a') }], /itself/],
    ['a relation to a missing unit', [addUnitOp(unit('a', 0, 3)), { op: 'addRelation', relation: rel('r', 'a', 'zz') }], /missing unit zz/],
    [
      'a duplicate relation',
      [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 3, 4)), { op: 'addRelation', relation: rel('r1', 'a', 'b') }, { op: 'addRelation', relation: rel('r2', 'a', 'b') }],
      /already exists/,
    ],
    ['a stale update', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { label: 'evidence' }, after: { label: 'rebuttal' } }], /has changed/],
    ['an empty span', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { end: 3 }, after: { end: 0 } }], /empty/],
    ['a stale main claim', [addUnitOp(unit('a', 0, 3)), { op: 'setMainClaim', before: 'a', after: null }], /main claim/],
    // A `before` that leaves out a changed field would overwrite it blind.
    ['a blind update (before: {})', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: {}, after: { label: 'rebuttal' } }], /exactly the fields after changes \(label\)/],
    ['an update whose before lacks a changed field', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { label: 'claim' }, after: { label: 'rebuttal', note: 'x' } }], /exactly the fields/],
    ['an update whose before names another field', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { note: '' }, after: { label: 'rebuttal' } }], /exactly the fields/],
    ['an update that changes nothing', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: {}, after: {} }], /changes nothing/],
    [
      'a blind relation update',
      [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 3, 4)), { op: 'addRelation', relation: rel('r1', 'a', 'b') }, { op: 'updateRelation', id: 'r1', before: {}, after: { type: 'attack' } }],
      /exactly the fields after changes \(type\)/,
    ],
  ] as Array<[string, Operation[], RegExp]>)('refuses %s', (_name, ops, message) => {
    expect(() => applyAll(emptyMap, ops)).toThrow(OperationError);
    expect(() => applyAll(emptyMap, ops)).toThrow(message);
  });
});

describe('checkOperation', () => {
  // "ロシアの外交" tokens ロシア|の|外交 → boundaries 0, 3, 4, 6
  const ctx: DocumentContext = { textLength: 6, boundaries: [0, 3, 4, 6], labels };

  it.each([
    [unit('a', 0, 3), null],
    [unit('a', 0, 7), /outside the text/],
    [unit('a', 1, 3), /start 1 is not on a token boundary/],
    [unit('a', 0, 5), /end 5 is not on a token boundary/],
    [unit('a', 3, 3), /empty/],
    [unit('a', 0, 3, 'opinion'), /unknown label "opinion"/],
  ])('addUnit %j', (u, expected) => {
    const error = checkOperation(emptyMap, addUnitOp(u), ctx);
    if (expected === null) expect(error).toBeNull();
    else expect(error).toMatch(expected);
  });

  it('reports the index of the first bad operation and applies nothing', () => {
    const result = applyChecked(emptyMap, [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { end: 3 }, after: { end: 5 } }], ctx);
    expect(result).toEqual({ ok: false, index: 1, error: 'unit a: end 5 is not on a token boundary' });
    expect(result.ok === false && 'refusal' in result).toBe(false);
  });

  it('names the refusals a user can run into by hand, so the UI can say them in its language', () => {
    const two = applyChecked(emptyMap, [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 4, 6))], ctx);
    if (!two.ok) throw new Error(two.error);
    const support = { id: 'r1', type: 'support' as const, from: 'a', to: 'b', note: '' };
    const self = applyChecked(two.map, [{ op: 'addRelation', relation: { ...support, to: 'a' } }], ctx);
    expect(self).toMatchObject({ ok: false, refusal: 'selfRelation', error: 'a unit cannot support or attack itself' });
    const twice = applyChecked(two.map, [{ op: 'addRelation', relation: support }, { op: 'addRelation', relation: { ...support, id: 'r2' } }], ctx);
    expect(twice).toMatchObject({ ok: false, index: 1, refusal: 'duplicateRelation' });
    // Retyping into a relation that exists is the same refusal.
    const attack = { ...support, id: 'r2', type: 'attack' as const };
    const both = applyChecked(two.map, [{ op: 'addRelation', relation: support }, { op: 'addRelation', relation: attack }], ctx);
    if (!both.ok) throw new Error(both.error);
    const retyped = applyChecked(both.map, [{ op: 'updateRelation', id: 'r2', before: { type: 'attack' }, after: { type: 'support' } }], ctx);
    expect(retyped).toMatchObject({ ok: false, refusal: 'duplicateRelation' });
  });
});
