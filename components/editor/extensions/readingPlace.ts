// Keeps the reader's place when the essay's width changes (the window resized, the side pane's
// divider dragged). The text reflows, and the same scroll offset then shows other lines:
// narrowing the window from 1,280 to 1,000 px put the reader a paragraph and a half further on
// (Chromium's scroll anchoring does not cover it here). The place is the text at the top of the
// view, just below the sticky toolbar, noted once scrolling stops; after a reflow the page
// scrolls to put that text back where it was (settled after layout in a long essay, whose
// unshown paragraphs' estimated heights change with the width too: ../reveal).
import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { TOP, scrollToPlace } from '../reveal';

/// How long after the last scroll event the place is noted: not on every frame of a scroll.
const SETTLE_MS = 150;

export const ReadingPlace = Extension.create({
  name: 'readingPlace',
  addProseMirrorPlugins() {
    return [new Plugin({ view: (view) => keepPlace(view) })];
  },
});

function keepPlace(view: EditorView) {
  /// A position in the text at the reading line, and where it was on screen.
  let place: { pos: number; top: number } | null = null;
  let width = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const note = () => {
    const box = view.dom.getBoundingClientRect();
    // Only while reading inside the essay: at the top of the page there is nothing to keep.
    if (window.scrollY === 0 || box.top > TOP || box.bottom < TOP) {
      place = null;
      return;
    }
    const hit = view.posAtCoords({ left: box.left + box.width / 2, top: TOP + 1 });
    place = hit ? { pos: hit.pos, top: view.coordsAtPos(hit.pos).top } : null;
  };
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(note, SETTLE_MS);
  };
  const resize = new ResizeObserver(([entry]) => {
    const next = entry.contentRect.width;
    if (next === width) return;
    const first = width < 0;
    width = next;
    if (first) return note();
    if (place) {
      const { pos, top } = place;
      scrollToPlace(view, () => view.coordsAtPos(pos).top, top);
    }
  });
  resize.observe(view.dom);
  window.addEventListener('scroll', onScroll, { passive: true });
  return {
    destroy() {
      resize.disconnect();
      window.removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    },
  };
}
