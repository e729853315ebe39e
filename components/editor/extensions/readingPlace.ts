// Keeps the reader's place when the essay's width changes (the window resized, the side pane's
// divider dragged). The text reflows, and the same scroll offset then shows other lines:
// narrowing the window from 1,280 to 1,000 px put the reader a paragraph and a half further on
// (Chromium's scroll anchoring does not cover it here). The place is the text at the top of the
// view, just below the sticky toolbar, noted once scrolling stops; after a reflow the page
// scrolls to put that text back where it was (settled after layout in a long essay, whose
// unshown paragraphs' estimated heights change with the width too: ../reveal).
// 縦書き (../vertical): the place is the rightmost column in view, kept by scrolling the columns
// sideways; turning the text between the two directions keeps it too (the text that was at the
// reading line is put at the new one).
import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { TOP, scrollToPlace } from '../reveal';
import { verticalScroller } from '../vertical';

/// How long after the last scroll event the place is noted: not on every frame of a scroll.
const SETTLE_MS = 150;

export const ReadingPlace = Extension.create({
  name: 'readingPlace',
  addProseMirrorPlugins() {
    return [new Plugin({ view: (view) => keepPlace(view) })];
  },
});

function keepPlace(view: EditorView) {
  /// A position in the text at the reading line, and where it was on screen: horizontally its
  /// top; in 縦書き its right edge from the scroller's right edge (the reading line is the
  /// rightmost column in view).
  let place: { pos: number; vertical: boolean; at: number } | null = null;
  /// The essay's size along its lines (width, or height in columns), and its direction.
  let size = -1;
  let vertical = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const note = () => {
    const box = view.dom.getBoundingClientRect();
    const scroller = verticalScroller(view.dom);
    if (scroller) {
      const frame = scroller.getBoundingClientRect();
      // At the text's beginning there is nothing to keep.
      if (scroller.scrollLeft === 0) {
        place = null;
        return;
      }
      const hit = view.posAtCoords({ left: Math.min(frame.right, box.right) - 8, top: Math.max(frame.top, box.top) + 8 });
      place = hit ? { pos: hit.pos, vertical: true, at: view.coordsAtPos(hit.pos).right - frame.right } : null;
      return;
    }
    // Only while reading inside the essay: at the top of the page there is nothing to keep.
    if (window.scrollY === 0 || box.top > TOP || box.bottom < TOP) {
      place = null;
      return;
    }
    const hit = view.posAtCoords({ left: box.left + box.width / 2, top: TOP + 1 });
    place = hit ? { pos: hit.pos, vertical: false, at: view.coordsAtPos(hit.pos).top } : null;
  };

  /// Puts the place back at the reading line after the text reflowed or turned.
  const restore = (scroller: HTMLElement | null) => {
    if (!place) return;
    const now = view.coordsAtPos(place.pos);
    if (!scroller) {
      const { pos } = place;
      scrollToPlace(view, () => view.coordsAtPos(pos).top, place.vertical ? TOP : place.at);
    } else {
      const frame = scroller.getBoundingClientRect();
      scroller.scrollBy({ left: now.right - frame.right - (place.vertical ? place.at : -8), behavior: 'instant' });
      // Coming from horizontal text read down the page: the columns' tops under the toolbar.
      if (!place.vertical) window.scrollBy(0, frame.top - TOP);
    }
  };

  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(note, SETTLE_MS);
  };
  const resize = new ResizeObserver(([entry]) => {
    const scroller = verticalScroller(view.dom);
    const next = scroller ? entry.contentRect.height : entry.contentRect.width;
    const turned = (scroller !== null) !== vertical;
    if (next === size && !turned) return;
    const first = size < 0;
    size = next;
    vertical = scroller !== null;
    if (first) return note();
    restore(scroller);
    // The place in the new direction's terms.
    if (turned) note();
  });
  resize.observe(view.dom);
  // Capturing: the page's scroll and the columns' scroller's (scroll events do not bubble).
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return {
    destroy() {
      resize.disconnect();
      document.removeEventListener('scroll', onScroll, { capture: true });
      clearTimeout(timer);
    },
  };
}
