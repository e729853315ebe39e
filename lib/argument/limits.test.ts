import { describe, expect, it } from 'vitest';
import { applyChecked, checkOperation } from './check';
import { LIMITS, mapSizeProblem } from './limits';
import { addUnitOp, type Operation } from './operations';
import { operationsRequestSchema } from './schema';
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
    ['a relation past the per-unit limit', mapOf(LIMITS.relationsPerUnit + 1, LIMITS.relationsPerUnit), addRelation(relation(999, 'u0', `u${LIMITS.relationsPerUnit}`)), /already has 200 relations/],
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
