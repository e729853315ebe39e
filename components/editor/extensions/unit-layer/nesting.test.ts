import { describe, expect, it } from 'vitest';
import { nestingDepths, pickUnitAt, unitsAt } from './nesting';

const outer = { id: 'outer', start: 0, end: 10 };
const inner = { id: 'inner', start: 2, end: 5 };
const innermost = { id: 'innermost', start: 3, end: 4 };
const overlap = { id: 'overlap', start: 8, end: 14 };
const apart = { id: 'apart', start: 20, end: 22 };

describe('unit nesting', () => {
  it('gives nested and overlapping units increasing depths', () => {
    const depths = nestingDepths([innermost, apart, overlap, inner, outer]);
    expect(Object.fromEntries(depths)).toEqual({ outer: 0, inner: 1, innermost: 2, overlap: 1, apart: 0 });
  });

  it('lists units at an offset innermost first', () => {
    expect(unitsAt([outer, inner, innermost], 3).map((u) => u.id)).toEqual(['innermost', 'inner', 'outer']);
    expect(unitsAt([outer, inner], 10)).toEqual([]);
  });

  it('cycles outward through nested units on repeated picks', () => {
    const units = [outer, inner, innermost];
    expect(pickUnitAt(units, 3, null)?.id).toBe('innermost');
    expect(pickUnitAt(units, 3, 'innermost')?.id).toBe('inner');
    expect(pickUnitAt(units, 3, 'inner')?.id).toBe('outer');
    expect(pickUnitAt(units, 3, 'outer')?.id).toBe('innermost');
    expect(pickUnitAt(units, 3, 'apart')?.id).toBe('innermost');
    expect(pickUnitAt(units, 15, null)).toBeNull();
  });
});
