import { describe, expect, it } from 'vitest';
import { portions } from './portions';

// "ab\ncde\nf": blocks [0,2) [3,6) [7,8), the separators at 2 and 6.
const blocks = [
  { kind: 'paragraph' as const, start: 0, end: 2 },
  { kind: 'paragraph' as const, start: 3, end: 6 },
  { kind: 'paragraph' as const, start: 7, end: 8 },
];

describe('portions', () => {
  it('keeps a unit inside one block whole', () => {
    expect(portions(blocks, { id: 'u', start: 3, end: 5 })).toEqual([{ block: 1, start: 3, end: 5 }]);
  });

  it('cuts a unit at paragraph breaks and leaves the separators out', () => {
    expect(portions(blocks, { id: 'u', start: 1, end: 8 })).toEqual([
      { block: 0, start: 1, end: 2 },
      { block: 1, start: 3, end: 6 },
      { block: 2, start: 7, end: 8 },
    ]);
    // Starting on a separator: nothing in the block before it.
    expect(portions(blocks, { id: 'u', start: 2, end: 4 })).toEqual([{ block: 1, start: 3, end: 4 }]);
  });

  it('has nothing for a span of a separator alone or without blocks', () => {
    expect(portions(blocks, { id: 'u', start: 2, end: 3 })).toEqual([]);
    expect(portions([], { id: 'u', start: 0, end: 1 })).toEqual([]);
  });
});
