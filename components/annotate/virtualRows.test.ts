import { describe, expect, it } from 'vitest';
import { rowAt, rowTop, totalHeight, visibleRows, type RowLayout } from './virtualRows';

const closed: RowLayout = { count: 1000, rowHeight: 60, openIndex: -1, openHeight: 60 };
const open: RowLayout = { count: 1000, rowHeight: 60, openIndex: 10, openHeight: 300 };

describe('virtual rows', () => {
  it('places rows at fixed steps, shifted after the open row', () => {
    expect(rowTop(closed, 3)).toBe(180);
    expect(rowTop(open, 10)).toBe(600);
    expect(rowTop(open, 11)).toBe(900);
    expect(totalHeight(open)).toBe(60 * 1000 + 240);
  });

  it('finds the row at a position, inside the open row too', () => {
    expect(rowAt(open, 599)).toBe(9);
    expect(rowAt(open, 600)).toBe(10);
    expect(rowAt(open, 899)).toBe(10);
    expect(rowAt(open, 900)).toBe(11);
    expect(rowAt(open, 1e9)).toBe(999);
    expect(rowAt(open, -5)).toBe(0);
  });

  it('renders only the rows in view plus a margin', () => {
    expect(visibleRows(closed, 6000, 600, 5)).toEqual({ first: 95, last: 116 });
    expect(visibleRows(closed, 0, 600, 5)).toEqual({ first: 0, last: 16 });
    expect(visibleRows({ ...closed, count: 0 }, 0, 600)).toEqual({ first: 0, last: 0 });
    const { first, last } = visibleRows(closed, 59_000, 2000, 5);
    expect(last).toBe(1000);
    expect(first).toBe(978);
  });
});
