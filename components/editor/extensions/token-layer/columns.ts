// The caret's moves that measure columns in 縦書き (../../vertical): ←/→ to the word beside the
// caret in the next / previous column, and PageDown/PageUp a scroller's width of columns on.
// The moves along the text (phrase, sentence, paragraph) are the same in both directions
// (./moves); these two only read the layout.
import type { EditorView } from '@tiptap/pm/view';
import type { TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../../positions';
import { rangesOf } from '../../highlights';
import { revealSideways } from '../../vertical';
import { isWordToken, stepWordToken, tokenIndexAt } from './tokenIndex';

/// How far probes step sideways, in glyph widths, and how many columns' worth they try (a
/// paragraph's margin and the gap between columns lie between two lines' glyphs).
const PROBE_STEP = 0.25;
const PROBES = 40;

/// The word beside the caret in the next column (`step` 1: to the left) or the previous one
/// (-1: to the right) — the word at the caret's height there, or that column's nearest (a short
/// last column) — or the caret itself when there is no column that way.
export function wordAcrossColumns(view: EditorView, positions: PositionMap, tokens: readonly TokenSpan[], scroller: HTMLElement, caret: number, step: 1 | -1): number {
  const ranges = rangesOf(view, positions);
  const first = () => ranges.rects(tokens[caret].start, tokens[caret].end)[0] ?? ranges.rect(tokens[caret].start, tokens[caret].end);
  let at = first();
  // Probes must land on the text as shown: columns beyond the scroller's edge are clipped.
  const box = scroller.getBoundingClientRect();
  const reach = PROBES * PROBE_STEP * at.width;
  if ((step === 1 && at.left - reach / 2 < box.left) || (step === -1 && at.right + reach / 2 > box.right)) {
    revealSideways(scroller, { left: at.left - step * reach / 2, right: at.right - step * reach / 2 }, 'instant');
    at = first();
  }
  const y = (at.top + at.bottom) / 2;
  const end = tokens.length ? tokens[tokens.length - 1].end : 0;
  for (let k = 1; k <= PROBES; k++) {
    const x = step === 1 ? at.left - k * PROBE_STEP * at.width : at.right + k * PROBE_STEP * at.width;
    if (x < box.left || x > box.right) break;
    const hit = view.posAtCoords({ left: x, top: y });
    if (!hit) continue;
    const o = positions.toOffset(hit.pos);
    // The character before the gap posAtCoords found, or after it: the first in another column.
    for (const c of [o - 1, o]) {
      if (c < 0 || c >= end) continue;
      const r = ranges.rect(c, c + 1);
      if (r.width === 0 || r.height === 0) continue;
      const beyond = step === 1 ? r.right <= at.left + 0.5 : r.left >= at.right - 0.5;
      // In the column probed: beside a paragraph posAtCoords answers its end as if the text ran
      // down the page (a point right of a paragraph is "after" it there; here it is before).
      if (!beyond || x < r.left - 1 || x > r.right + 1) continue;
      const index = tokenIndexAt(tokens, c);
      return isWordToken(tokens[index]) ? index : stepWordToken(tokens, index, step);
    }
  }
  return caret;
}

/// PageDown / PageUp in 縦書き: scrolls the columns a scroller's width on (left) or back, and
/// puts the caret on the word now where it was on the screen; null when the scroller could not
/// move (the caller takes the first or last word).
export function turnColumns(view: EditorView, positions: PositionMap, tokens: readonly TokenSpan[], scroller: HTMLElement, caret: number | null, step: 1 | -1): number | null {
  const ranges = rangesOf(view, positions);
  const was = caret == null ? null : ranges.rect(tokens[caret].start, tokens[caret].end);
  const box = scroller.getBoundingClientRect();
  const before = scroller.scrollLeft;
  scroller.scrollBy({ left: -step * Math.max(100, box.width - 48), behavior: 'instant' });
  if (scroller.scrollLeft === before) return null;
  const hit = view.posAtCoords({
    left: Math.min(Math.max(was ? (was.left + was.right) / 2 : box.right - 24, box.left + 4), box.right - 4),
    top: was ? (was.top + was.bottom) / 2 : box.top + 12,
  });
  if (!hit) return null;
  const index = tokenIndexAt(tokens, positions.toOffset(hit.pos));
  return isWordToken(tokens[index]) ? index : stepWordToken(tokens, index, step);
}
