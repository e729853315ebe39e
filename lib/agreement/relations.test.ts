import { describe, expect, it } from 'vitest';
import type { ArgumentMap, ArgumentUnit, Relation, RelationType } from '@/lib/argument/types';
import { compareMaps, comparisonCsv } from './compare';
import { matchRelations, premiseCredit, untypedRelations } from './relations';

const unit = (id: string, label: string, start: number, end: number): ArgumentUnit => ({ id, label, start, end, note: '' });
const implicit = (id: string, label: string, text: string): ArgumentUnit => ({ id, label, implicit: true, text, note: '' });
const rel = (id: string, type: RelationType, from: string[], to: string): Relation => ({ id, type, from, to, note: '' });
const map = (units: readonly ArgumentUnit[], relations: Relation[] = []): ArgumentMap => ({ units, relations, mainClaimId: null });

// Reference: the thesis t rests on a, b and an unstated premise i1 TOGETHER (one linked
// argument R1); c undercuts that inference (R2, aimed at R1).
const reference = map(
  [unit('t', 'claim', 0, 10), unit('a', 'evidence', 20, 30), unit('b', 'evidence', 40, 50), unit('c', 'counterargument', 60, 70), implicit('i1', 'evidence', '前提')],
  [rel('R1', 'support', ['a', 'b', 'i1'], 't'), rel('R2', 'attack', ['c'], 'R1')],
);
// Candidate: the same spans; a linked argument from A and an unstated premise j1 only (B given as
// a separate, convergent reason C3); C undercuts C1.
const candidate = map(
  [unit('T', 'claim', 0, 10), unit('A', 'evidence', 20, 30), unit('B', 'evidence', 40, 50), unit('C', 'counterargument', 60, 70), implicit('j1', 'evidence', '別の言葉の前提')],
  [rel('C1', 'support', ['A', 'j1'], 'T'), rel('C2', 'attack', ['C'], 'C1'), rel('C3', 'support', ['B'], 'T')],
);

describe('relation matching with partial credit (computed by hand)', () => {
  it('scores a linked argument, an undercutter and an implicit premise', () => {
    const c = compareMaps(reference, candidate);
    // Span units: t–T, a–A, b–B, c–C exactly; the implicit units take no part: P = R = F1 = 1.
    expect(c.units.exact).toEqual({ precision: 1, recall: 1, f1: 1, matched: 4, missing: 0, extra: 0 });
    // Implicit units: i1 and j1 are both 'evidence' and premises of a support aimed at t ↔ T:
    // one pair of one each, P = R = F1 = 1.
    expect(c.implicitMatches).toEqual([{ reference: 'i1', candidate: 'j1' }]);
    expect(c.implicitUnmatched).toEqual({ missing: [], extra: [] });
    expect(c.implicitUnits).toEqual({ precision: 1, recall: 1, f1: 1, matched: 1, missing: 0, extra: 0 });
    // φ = {t:T, a:A, b:B, c:C, i1:j1}. Level 0, supports of T: R1 against C1 and C3.
    //   R1–C1: φ{a,b,i1} = {A,B,j1}, ∩ {A,j1} = 2 → 2·2/(3+2) = 4/5
    //   R1–C3: ∩ {B} = 1 → 2·1/(3+1) = 1/2;  one-to-one, the larger: R1–C1 = 4/5, C3 extra.
    // Level 1: R2 aims at R1, matched to C1; C2 aims at C1 with {C} = φ{c}: credit 1.
    // typed: tp = 4/5 + 1 = 9/5; P = (9/5)/3 = 3/5, R = (9/5)/2 = 9/10, F1 = 2·(9/5)/(3+2) = 18/25.
    expect(c.relationMatches).toEqual({
      pairs: [
        { reference: 'R1', candidate: 'C1', credit: 0.8 },
        { reference: 'R2', candidate: 'C2', credit: 1 },
      ],
      missing: [],
      extra: ['C3'],
    });
    expect(c.relations.typed.matched).toBeCloseTo(9 / 5, 12);
    expect(c.relations.typed.precision).toBeCloseTo(3 / 5, 12);
    expect(c.relations.typed.recall).toBeCloseTo(9 / 10, 12);
    expect(c.relations.typed.f1).toBeCloseTo(18 / 25, 12);
    expect(c.relations.typed.extra).toBeCloseTo(3 - 9 / 5, 12);
    // Untyped: no two relations share premises and target, so the same.
    expect(c.relations.untyped.f1).toBeCloseTo(18 / 25, 12);
  });

  it('writes the figures as CSV with the implicit units and how many relation pairs are partial', () => {
    const lines = comparisonCsv(compareMaps(reference, candidate)).slice(1).split('\r\n');
    expect(lines).toEqual([
      'measure,precision,recall,f1,partly_found',
      'units_exact,1,1,1,',
      'units_overlap,1,1,1,',
      'implicit_units,1,1,1,',
      // 3/5, 9/10, 18/25 (above); R1–C1 earned 4/5: one partial pair.
      'relations_typed,0.6,0.9,0.72,1',
      'relations_untyped,0.6,0.9,0.72,',
      'label_accuracy,1,,,',
      '',
    ]);
  });

  it('an undercutter of an unmatched inference earns nothing', () => {
    // C2 now undercuts C3 (B → T), which no reference relation is paired with.
    const other = map(candidate.units, [rel('C1', 'support', ['A', 'j1'], 'T'), rel('C2', 'attack', ['C'], 'C3'), rel('C3', 'support', ['B'], 'T')]);
    const c = compareMaps(reference, other);
    // tp = 4/5 (R1–C1 only); P = (4/5)/3 = 4/15, R = (4/5)/2 = 2/5.
    expect(c.relationMatches.missing).toEqual(['R2']);
    expect(c.relations.typed.precision).toBeCloseTo(4 / 15, 12);
    expect(c.relations.typed.recall).toBeCloseTo(2 / 5, 12);
  });

  it('an implicit unit with another label or role is not paired, and its premise slot earns nothing', () => {
    const relabelled = map(
      candidate.units.map((u) => (u.id === 'j1' ? { ...u, label: 'claim' } : u)),
      candidate.relations as Relation[],
    );
    const c = compareMaps(reference, relabelled);
    expect(c.implicitMatches).toEqual([]);
    // Listed by the compare view: the reference's i1 as missing, the candidate's j1 as extra.
    expect(c.implicitUnmatched).toEqual({ missing: ['i1'], extra: ['j1'] });
    expect(c.implicitUnits).toMatchObject({ matched: 0, missing: 1, extra: 1 });
    // R1–C1: ∩ {A} only → 2·1/5 = 2/5; R1–C3 = 1/2 is now larger, so R1 pairs with C3 and C1 is
    // extra; the undercutter R2 then needs an attack on C3 — C2 aims at C1: R2 missing.
    expect(c.relationMatches.pairs).toEqual([{ reference: 'R1', candidate: 'C3', credit: 0.5 }]);
    // Span figures are untouched by implicit units.
    expect(c.units.overlap.f1).toBe(1);
  });

  it('pairs to maximize total credit, not the number of pairs with credit', () => {
    // R1 {a,b,c,d}, R2 {a} against C1 {a,b,c,d}, C2 {d}, all supports of t:
    // R1–C1 = 1 (+ R2–C2 = 0, dropped) beats R1–C2 + R2–C1 = 2·1/5 + 2·1/5 = 4/5.
    const phi = new Map(['t', 'a', 'b', 'c', 'd'].map((x) => [x, x]));
    const m = matchRelations(
      { relations: [rel('R1', 'support', ['a', 'b', 'c', 'd'], 't'), rel('R2', 'support', ['a'], 't')] },
      { relations: [rel('C1', 'support', ['a', 'b', 'c', 'd'], 't'), rel('C2', 'support', ['d'], 't')] },
      phi,
      true,
    );
    expect(m.pairs).toEqual([{ reference: 'R1', candidate: 'C1', credit: 1 }]);
    expect(m.missing).toEqual(['R2']);
    expect(m.extra).toEqual(['C2']);
  });

  it('premiseCredit is the Dice overlap; untypedRelations merges a support and an attack of one shape', () => {
    const phi = new Map([['a', 'A'], ['b', 'B']]);
    expect(premiseCredit(['a', 'b'], ['A'], phi)).toBeCloseTo(2 / 3, 12);
    expect(premiseCredit(['a', 'b'], ['B', 'A'], phi)).toBe(1);
    expect(premiseCredit(['x'], ['A'], phi)).toBe(0);
    const merged = untypedRelations([rel('s', 'support', ['a', 'b'], 't'), rel('t2', 'attack', ['b', 'a'], 't'), rel('u', 'attack', ['c'], 't2')]);
    expect(merged.map((r) => [r.id, r.to])).toEqual([['s', 't'], ['u', 's']]);
  });
});
