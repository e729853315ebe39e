import { describe, expect, it } from 'vitest';
import { applyChecked, checkOperation } from './check';
import { LIMITS, mapSizeProblem } from './limits';
import { addUnitOp, apply, invert, removeRelationOp, removeUnitOp, type Operation } from './operations';
import { operationsRequestSchema } from './schema';
import { catalog } from '@/lib/i18n/messages';
import { initialSync, startBatch, type SyncState } from './sync';
import type { ArgumentMap, TextUnit as Unit, Relation } from './types';

const ctx = { textLength: 100, boundaries: Array.from({ length: 101 }, (_, i) => i), labels: ['claim'] };
const unit = (i: number): Unit => ({ id: `u${i}`, label: 'claim', start: i % 99, end: (i % 99) + 1, note: '' });
const relation = (i: number, from: string, to: string): Relation => ({ id: `r${i}`, type: 'support', from: [from], to, note: '' });
/// A map of `n` units, `hub` (u0) related to the next `k` of them: built as a value, not by apply.
function mapOf(n: number, k = 0): ArgumentMap {
  const units = Array.from({ length: n }, (_, i) => unit(i)).sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  const relations = Array.from({ length: k }, (_, i) => relation(i, `u${i + 1}`, 'u0')).sort((a, b) => a.id.localeCompare(b.id));
  return { units, relations, mainClaimId: null };
}
const addRelation = (r: Relation): Operation => ({ op: 'addRelation', relation: r });

describe('map size limits when applying operations', () => {
  it.each([
    ['a unit past the units limit', mapOf(LIMITS.unitsPerMap), addUnitOp(unit(LIMITS.unitsPerMap)), /20,000 units, the limit/],
    ['a relation past the per-unit limit', mapOf(LIMITS.relationsPerUnit + 1, LIMITS.relationsPerUnit), addRelation(relation(999, 'u0', `u${LIMITS.relationsPerUnit}`)), /more than 200 relations \(its own and those aimed at them\), the limit for one unit/],
    [
      'a unit carrying more relations than one unit may have',
      mapOf(LIMITS.relationsPerUnit + 1),
      { op: 'addUnit', unit: unit(9999), relations: Array.from({ length: LIMITS.relationsPerUnit + 1 }, (_, i) => relation(i, 'u9999', `u${i}`)), mainClaim: false } as Operation,
      /more than 200 relations, the limit for one unit/,
    ],
  ])('refuses %s, naming the limit', (_name, map, operation, message) => {
    expect(checkOperation(map, operation, ctx)).toMatch(message);
  });

  it('accepts operations up to the limits', () => {
    expect(checkOperation(mapOf(LIMITS.unitsPerMap - 1), addUnitOp(unit(LIMITS.unitsPerMap)), ctx)).toBeNull();
    expect(checkOperation(mapOf(LIMITS.relationsPerUnit + 1, LIMITS.relationsPerUnit - 1), addRelation(relation(999, 'u0', `u${LIMITS.relationsPerUnit}`)), ctx)).toBeNull();
  });

  it('refuses a batch that passes a limit halfway as a whole, at the operation that passes it', () => {
    const result = applyChecked(mapOf(LIMITS.unitsPerMap - 1), [addUnitOp(unit(LIMITS.unitsPerMap)), addUnitOp(unit(LIMITS.unitsPerMap + 1))], ctx);
    expect(result).toMatchObject({ ok: false, index: 1, error: expect.stringMatching(/the limit/) });
  });
});

describe('removals carry their undercutters: the load of a unit (issue 17)', () => {
  // u1 supports u0 (r-base); attackers a0, a1, … undercut r-base (x0, x1, …).
  function undercut(n: number, nested = 0): ArgumentMap {
    const attackers = Array.from({ length: n + nested }, (_, i): Unit => ({ id: `a${i}`, label: 'claim', start: (i % 97) + 2, end: (i % 97) + 3, note: '' }));
    const units = [unit(0), unit(1), ...attackers].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    const relations: Relation[] = [
      relation(0, 'u1', 'u0'),
      ...Array.from({ length: n }, (_, i): Relation => ({ id: `x${i}`, type: 'attack', from: [`a${i}`], to: 'r0', note: '' })),
      // Undercutters of the first undercutter: they go with r0 too.
      ...Array.from({ length: nested }, (_, i): Relation => ({ id: `y${i}`, type: 'attack', from: [`a${n + i}`], to: 'x0', note: '' })),
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    return { units, relations, mainClaimId: null };
  }
  const undercutter = (id: string, attacker: string, to: string): Operation => ({ op: 'addRelation', relation: { id, type: 'attack', from: [attacker], to, note: '' } });
  const limit = LIMITS.relationsPerUnit;

  it('refuses the undercutter that would make one removal carry more than the limit, direct or nested', () => {
    // r0 with limit − 2 undercutters: u0's load is limit − 1 (r0 and all of them).
    const base = undercut(limit - 2);
    const extra = ['b', 'c'].map((id, i): Unit => ({ id, label: 'claim', start: 50 + i, end: 51 + i, note: '' }));
    const map = { ...base, units: [...base.units, ...extra].sort((a, b) => (a as Unit).start - (b as Unit).start || (a.id < b.id ? -1 : 1)) };
    expect(checkOperation(map, undercutter('z', 'b', 'r0'), ctx)).toBeNull();
    const full = apply(map, undercutter('z', 'b', 'r0'));
    const refused = /unit \w+ would carry more than 200 relations \(its own and those aimed at them\), the limit for one unit/;
    expect(checkOperation(full, undercutter('z2', 'c', 'r0'), ctx)).toMatch(refused);
    // A refusal the editor words (refusal.relationLimit), not a stale change.
    expect(applyChecked(full, [undercutter('z2', 'c', 'r0')], ctx)).toMatchObject({ ok: false, index: 0, refusal: 'relationLimit', code: 'relationLimit' });
    // Aimed at an undercutter (x0), it would go with r0 as well.
    expect(checkOperation(full, undercutter('z2', 'c', 'x0'), ctx)).toMatch(refused);
    // A new premise brings its relation's weight to the unit: of x0 (weight 1) it fits; of r0
    // (weight 200, with b's own z) it would pass the limit.
    expect(checkOperation(full, { op: 'addPremise', id: 'x0', unit: 'b', position: 1 }, ctx)).toBeNull();
    expect(checkOperation(full, { op: 'addPremise', id: 'r0', unit: 'c', position: 1 }, ctx)).toBeNull();
    expect(checkOperation(full, { op: 'addPremise', id: 'r0', unit: 'b', position: 1 }, ctx)).toMatch(/unit b would carry more than 200/);
  });

  it('removes a relation with the most undercutters the limit lets in, in one operation a request may carry, and undoes it', () => {
    const map = undercut(limit - 1 - 3, 3); // r0 and limit − 1 relations aimed at it, transitively
    const remove = removeRelationOp(map, 'r0');
    expect(remove).toMatchObject({ op: 'removeRelation', undercutters: expect.any(Array) });
    expect((remove as { undercutters: Relation[] }).undercutters).toHaveLength(limit - 1);
    expect(operationsRequestSchema.safeParse({ baseVersion: 1, operations: [remove, invert(remove)] }).success).toBe(true);
    const result = applyChecked(map, [remove, invert(remove)], ctx);
    expect(result).toMatchObject({ ok: true, map });
    // Removing the unit under it carries the same relations and r0.
    const removeUnit = removeUnitOp(map, 'u0');
    expect((removeUnit as { relations: Relation[] }).relations).toHaveLength(limit);
    expect(operationsRequestSchema.safeParse({ baseVersion: 1, operations: [removeUnit, invert(removeUnit)] }).success).toBe(true);
    expect(applyChecked(map, [removeUnit, invert(removeUnit)], ctx)).toMatchObject({ ok: true, map });
  });

  it('says in words why a map saved before the limit cannot lose an over-weight relation in one change', () => {
    const legacy = undercut(limit + 50);
    expect(checkOperation(legacy, removeRelationOp(legacy, 'r0'), ctx)).toMatch(/removing relation r0 would take 250 relations with it, more than the 200 one change may carry: remove the undercutters aimed at it first/);
    expect(checkOperation(legacy, removeUnitOp(legacy, 'u0'), ctx)).toMatch(/removing unit u0 would take 251 relations with it/);
    expect(applyChecked(legacy, [removeRelationOp(legacy, 'r0')], ctx)).toMatchObject({ ok: false, refusal: 'relationLimit', code: 'relationLimit' });
    // The editor's words for it name the limit.
    for (const locale of ['ja', 'en'] as const) expect(catalog[locale]['refusal.relationLimit']).toContain(String(LIMITS.relationsPerUnit));
    // One undercutter at a time still goes.
    expect(checkOperation(legacy, removeRelationOp(legacy, 'x7'), ctx)).toBeNull();
  });

  it('counts undercutters in a whole map (imports)', () => {
    expect(mapSizeProblem(undercut(limit - 1))).toBeNull();
    expect(mapSizeProblem(undercut(limit - 3, 3))).toMatchObject({ code: 'unitTooManyRelations', params: { max: 200 } });
  });
});

describe('map size limits of a whole map (imports)', () => {
  it.each([
    ['fits', mapOf(LIMITS.unitsPerMap, LIMITS.relationsPerUnit), null],
    ['too many units', mapOf(LIMITS.unitsPerMap + 1), { code: 'tooManyUnits', params: { count: '20,001', max: '20,000' } }],
    ['a unit with too many relations', mapOf(LIMITS.relationsPerUnit + 2, LIMITS.relationsPerUnit + 1), { code: 'unitTooManyRelations', params: { id: 'u0', max: 200 } }],
  ])('%s', (_name, map, expected) => {
    expect(mapSizeProblem(map)).toEqual(expected);
  });

  it('counts relations against the map limit', () => {
    const relations = Array.from({ length: LIMITS.relationsPerMap + 1 }, (_, i) => relation(i, `a${i}`, `b${i}`));
    expect(mapSizeProblem({ units: [], relations })).toEqual({ code: 'tooManyRelations', params: { count: '40,001', max: '40,000' } });
  });
});

describe('request schema limits', () => {
  const add = (i: number, relations: Relation[] = []) => ({ op: 'addUnit', unit: unit(i), relations, mainClaim: false });
  it.each([
    ['a batch over the operations limit', Array.from({ length: LIMITS.operationsPerBatch + 1 }, (_, i) => add(i)), /at most 500 operations/],
    ['an addUnit over the relations limit', [add(0, Array.from({ length: LIMITS.relationsPerUnit + 1 }, (_, i) => relation(i, 'u0', `u${i + 1}`)))], /at most 200 relations/],
    ['a note over the length limit', [{ ...add(0), unit: { ...unit(0), note: 'x'.repeat(LIMITS.noteChars + 1) } }], /at most 10,000 characters/],
  ])('refuses %s, naming the limit', (_name, operations, message) => {
    const parsed = operationsRequestSchema.safeParse({ baseVersion: 1, operations });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toMatch(message);
  });

  it('accepts a batch at the limits', () => {
    const operations = Array.from({ length: LIMITS.operationsPerBatch }, (_, i) => add(i));
    expect(operationsRequestSchema.safeParse({ baseVersion: 1, operations }).success).toBe(true);
  });
});

describe('the client batches within the operations limit', () => {
  it('sends a long queue as several batches of at most the limit', () => {
    const pending = Array.from({ length: LIMITS.operationsPerBatch * 2 + 1 }, (_, i) => addUnitOp(unit(i)));
    let s: SyncState = { ...initialSync(1, mapOf(0)), pending };
    const sizes: number[] = [];
    for (;;) {
      const started = startBatch(s, `b${sizes.length}`);
      if (!started) break;
      sizes.push(started.batch.operations.length);
      s = { ...started.state, inFlight: null };
    }
    expect(sizes).toEqual([LIMITS.operationsPerBatch, LIMITS.operationsPerBatch, 1]);
  });
});
