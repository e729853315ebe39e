// A unit's boxes worked out from its words' rectangles, which the unit layer (./marks) measures
// once per paragraph, when it first draws the paragraph. Drawing a new unit then reads no
// layout: measuring it directly made the browser lay out the page in the middle of the label
// key, and again for the frame.
//
// The essay's layout changes only when its size or fonts do, and then every paragraph is
// measured and drawn again.
import { floorIndex } from '@/lib/argument/snap';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/// The measured words of one paragraph, in text order: where each starts, and its rectangles
/// (one per line: a word broken over a line end has two).
export interface Words {
  starts: readonly number[];
  boxes: readonly (readonly Box[])[];
}

/// One box per line the span [start, end) runs over, around its words on that line: what the
/// browser reports for a range over those words. Spans start and end on word boundaries.
export function spanBoxes(words: Words, start: number, end: number): Box[] {
  const lines: Box[] = [];
  if (start >= end || words.starts.length === 0) return lines;
  // The word starts are token boundaries, and so is `start`.
  for (let i = floorIndex(words.starts, start); i < words.starts.length && words.starts[i] < end; i++) {
    for (const box of words.boxes[i]) {
      if (box.width === 0) continue;
      const line = lines.at(-1);
      // Words come in text order, so a box is on the last line found or starts a new one.
      if (!line || Math.abs(box.top - line.top) >= Math.max(line.height, box.height) / 2) {
        lines.push({ ...box });
        continue;
      }
      const right = Math.max(line.left + line.width, box.left + box.width);
      const bottom = Math.max(line.top + line.height, box.top + box.height);
      line.left = Math.min(line.left, box.left);
      line.top = Math.min(line.top, box.top);
      line.width = right - line.left;
      line.height = bottom - line.top;
    }
  }
  return lines;
}
