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
/// `vertical` (縦書き): the lines are columns, told apart by their left edges, not their tops,
/// and a word's extent along the line is its height.
export function spanBoxes(words: Words, start: number, end: number, vertical = false): Box[] {
  const lines: Box[] = [];
  if (start >= end || words.starts.length === 0) return lines;
  // Across the line: where a box sits (top, or left in columns) and how thick it is.
  const at = (b: Box) => (vertical ? b.left : b.top);
  const thickness = (b: Box) => (vertical ? b.width : b.height);
  // The word starts are token boundaries, and so is `start`.
  for (let i = floorIndex(words.starts, start); i < words.starts.length && words.starts[i] < end; i++) {
    for (const box of words.boxes[i]) {
      if ((vertical ? box.height : box.width) === 0) continue;
      const line = lines.at(-1);
      // Words come in text order, so a box is on the last line found or starts a new one.
      if (!line || Math.abs(at(box) - at(line)) >= Math.max(thickness(line), thickness(box)) / 2) {
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
