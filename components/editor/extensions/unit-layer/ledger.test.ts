import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitLedger } from './ledger';
import { nestingDepths, type Span } from './nesting';
import { portions } from './portions';

// "abcd\nefghij\nkl": blocks [0,4) [5,11) [12,14).
const blocks = [
  { kind: 'paragraph' as const, start: 0, end: 4 },
  { kind: 'paragraph' as const, start: 5, end: 11 },
  { kind: 'paragraph' as const, start: 12, end: 14 },
];

const span = (id: string, start: number, end: number): Span => ({ id, start, end });

describe('UnitLedger', () => {
  it('reports what a change adds, removes and deepens', () => {
    const ledger = new UnitLedger<Span>(blocks);
    const inner = span('inner', 6, 8);
    const other = span('other', 12, 13);
    expect(ledger.sync([inner, other])).toEqual({ removed: [], added: [inner, other], deepened: [] });
    // An outer unit around `inner` puts it one level down.
    const outer = span('outer', 5, 10);
    expect(ledger.sync([inner, other, outer])).toEqual({ removed: [], added: [outer], deepened: ['inner'] });
    expect([ledger.depth('outer'), ledger.depth('inner')]).toEqual([0, 1]);
    // A changed unit is its old version removed and its new one added.
    const moved = span('other', 12, 14);
    expect(ledger.sync([inner, moved, outer])).toEqual({ removed: [other], added: [moved], deepened: [] });
    expect(ledger.sync([inner])).toEqual({ removed: [outer, moved], added: [], deepened: ['inner'] });
    expect(ledger.depth('inner')).toBe(0);
    expect([...ledger.partsIn(1)]).toEqual([{ unit: inner, portion: { block: 1, start: 6, end: 8 } }]);
    expect([...ledger.partsIn(2)]).toEqual([]);
  });

  it('treats an equal copy as changed (identity is the contract)', () => {
    const ledger = new UnitLedger<Span>(blocks);
    const a = span('a', 0, 2);
    ledger.sync([a]);
    const copy = { ...a };
    expect(ledger.sync([copy])).toEqual({ removed: [a], added: [copy], deepened: [] });
  });

  // Any sequence of maps, each made from the last by small edits or replaced wholesale: the
  // ledger always agrees with working everything out afresh.
  it('agrees with a fresh count after any sequence of changes', () => {
    const unit = fc
      .tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 7 }))
      .map(([start, length, id]) => span(`u${id}`, start, Math.min(14, start + length)));
    const step = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), unit, drop: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('replace' as const), units: fc.array(unit, { maxLength: 40 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const ledger = new UnitLedger<Span>(blocks);
        let units: Span[] = [];
        let depths = new Map<string, number>();
        for (const s of steps) {
          const before = units;
          if (s.kind === 'edit') units = [...units.filter((u) => u.id !== s.unit.id && u.id !== `u${s.drop}`), s.unit];
          else units = [...new Map(s.units.map((u, i) => [u.id, i % 2 ? u : { ...u, id: `w${u.id}` }])).values()];
          const changes = ledger.sync(units);
          const fresh = nestingDepths(units);
          for (const u of units) expect(ledger.depth(u.id)).toBe(fresh.get(u.id));
          const ids = (xs: readonly Span[]) => xs.map((u) => u.id).sort();
          expect(ids(changes.added)).toEqual(ids(units.filter((u) => !before.includes(u))));
          expect(ids(changes.removed)).toEqual(ids(before.filter((u) => !units.includes(u))));
          const kept = units.filter((u) => before.includes(u));
          expect([...changes.deepened].sort()).toEqual(ids(kept.filter((u) => depths.get(u.id) !== fresh.get(u.id))));
          blocks.forEach((_, b) => {
            const parts = [...ledger.partsIn(b)];
            expect(ids(parts.map((p) => p.unit))).toEqual(ids(units.filter((u) => portions(blocks, u).some((p) => p.block === b))));
            for (const p of parts) expect(portions(blocks, p.unit)).toContainEqual(p.portion);
          });
          depths = fresh;
        }
      }),
    );
  });
});
