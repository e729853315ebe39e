// Windowing for the unit list: only the rows in view (plus a margin) are rendered, so a map of
// thousands of units costs a few dozen rows of DOM. Rows have one fixed height except the open
// (selected) row, whose measured height shifts the rows after it. Pure arithmetic, tested alone.

export interface RowLayout {
  count: number;
  rowHeight: number;
  /// Index of the open row, or -1.
  openIndex: number;
  /// Measured height of the open row (rowHeight until measured).
  openHeight: number;
}

export function rowTop(layout: RowLayout, index: number): number {
  const extra = layout.openIndex >= 0 && index > layout.openIndex ? layout.openHeight - layout.rowHeight : 0;
  return index * layout.rowHeight + extra;
}

export function totalHeight(layout: RowLayout): number {
  return rowTop(layout, layout.count);
}

/// The index of the row at vertical position `y` (clamped to the rows).
export function rowAt(layout: RowLayout, y: number): number {
  if (layout.count === 0) return 0;
  const { rowHeight, openIndex, openHeight } = layout;
  let index: number;
  if (openIndex >= 0 && y >= rowTop(layout, openIndex) + openHeight) {
    index = openIndex + 1 + Math.floor((y - rowTop(layout, openIndex) - openHeight) / rowHeight);
  } else if (openIndex >= 0 && y >= rowTop(layout, openIndex)) {
    index = openIndex;
  } else {
    index = Math.floor(y / rowHeight);
  }
  return Math.max(0, Math.min(layout.count - 1, index));
}

/// Rows [first, last) to render for a viewport at `scrollTop` of height `viewport`.
export function visibleRows(layout: RowLayout, scrollTop: number, viewport: number, overscan = 8): { first: number; last: number } {
  if (layout.count === 0) return { first: 0, last: 0 };
  const first = Math.max(0, rowAt(layout, scrollTop) - overscan);
  const last = Math.min(layout.count, rowAt(layout, scrollTop + viewport) + 1 + overscan);
  return { first, last };
}
