import { describe, expect, it } from 'vitest';
import { spanBoxes, type Words } from './geometry';

// Four words: "ab" "c" on the first line, "de" broken over the line end, "f" on the second.
const line1 = { top: 0, height: 20 };
const line2 = { top: 30, height: 20 };
const words: Words = {
  starts: [0, 2, 3, 5],
  boxes: [
    [{ left: 0, width: 20, ...line1 }],
    [{ left: 20, width: 10, ...line1 }],
    [
      { left: 30, width: 10, ...line1 },
      { left: 0, width: 10, ...line2 },
    ],
    [{ left: 10, width: 10, ...line2 }],
  ],
};

describe('spanBoxes', () => {
  it('makes one box around the words of a span on one line', () => {
    expect(spanBoxes(words, 0, 3)).toEqual([{ left: 0, width: 30, ...line1 }]);
    expect(spanBoxes(words, 2, 3)).toEqual([{ left: 20, width: 10, ...line1 }]);
  });

  it('makes a box per line for a span over a line end', () => {
    expect(spanBoxes(words, 2, 6)).toEqual([
      { left: 20, width: 20, ...line1 },
      { left: 0, width: 20, ...line2 },
    ]);
  });

  it('leaves out empty rectangles and words outside the span', () => {
    const withSpace: Words = { starts: [0, 2, 3], boxes: [[{ left: 0, width: 20, ...line1 }], [{ left: 20, width: 0, ...line1 }], [{ left: 0, width: 5, ...line2 }]] };
    expect(spanBoxes(withSpace, 2, 3)).toEqual([]);
    expect(spanBoxes(withSpace, 0, 3)).toEqual([{ left: 0, width: 20, ...line1 }]);
    expect(spanBoxes(words, 6, 6)).toEqual([]);
  });

  it('covers a taller word on the same line (a larger glyph)', () => {
    const mixed: Words = { starts: [0, 1], boxes: [[{ left: 0, width: 10, top: 2, height: 16 }], [{ left: 10, width: 10, ...line1 }]] };
    expect(spanBoxes(mixed, 0, 2)).toEqual([{ left: 0, width: 20, ...line1 }]);
  });
});

// The same words in 縦書き: columns 20 px wide, the first at the right (left 30), the second to
// its left (left 0); along a column, words run down.
const col1 = { left: 30, width: 20 };
const col2 = { left: 0, width: 20 };
const columns: Words = {
  starts: [0, 2, 3, 5],
  boxes: [
    [{ top: 0, height: 20, ...col1 }],
    [{ top: 20, height: 10, ...col1 }],
    [
      { top: 30, height: 10, ...col1 },
      { top: 0, height: 10, ...col2 },
    ],
    [{ top: 10, height: 10, ...col2 }],
  ],
};

describe('spanBoxes in vertical columns', () => {
  it('makes one box around the words of a span in one column', () => {
    expect(spanBoxes(columns, 0, 3, true)).toEqual([{ top: 0, height: 30, ...col1 }]);
  });

  it('makes a box per column for a span over a column end', () => {
    expect(spanBoxes(columns, 2, 6, true)).toEqual([
      { top: 20, height: 20, ...col1 },
      { top: 0, height: 20, ...col2 },
    ]);
    // Read as horizontal lines, the two columns' boxes (tops 30 and 0 apart by more than half a
    // height) would be cut wrongly: the first column's words share no top.
    expect(spanBoxes(columns, 0, 3, false)).toHaveLength(2);
  });

  it('leaves out rectangles empty along the column (a line break)', () => {
    const withBreak: Words = { starts: [0, 2], boxes: [[{ top: 0, height: 20, ...col1 }], [{ top: 20, height: 0, ...col1 }]] };
    expect(spanBoxes(withBreak, 0, 3, true)).toEqual([{ top: 0, height: 20, ...col1 }]);
  });

  it('covers a narrower glyph in the same column', () => {
    const mixed: Words = { starts: [0, 1], boxes: [[{ top: 0, height: 10, left: 32, width: 16 }], [{ top: 10, height: 10, ...col1 }]] };
    expect(spanBoxes(mixed, 0, 2, true)).toEqual([{ top: 0, height: 20, ...col1 }]);
  });
});
