// Bringing a span of the essay into view: the page scrolls, and the workspace's toolbar sticks
// to the top of it, so "in view" means below that toolbar.
//
// A long essay renders its paragraphs lazily (./extensions/lazyParagraphs): one never shown has
// an estimated height, so a place measured before a scroll is off by what the paragraphs laid
// out on the way turn out to measure. There every programmatic scroll is settled: the page goes
// there at once (a smooth scroll would lay out everything it passes), then, after each of the
// next frames has laid out what came into view, the place is measured again and the page
// corrected, until it stays put. Other essays scroll once, as they always did.
import type { EditorView } from '@tiptap/pm/view';
import { isLazy } from './extensions/lazyParagraphs';
import { revealSideways, verticalScroller } from './vertical';

/// Room kept clear at the top (the sticky toolbar and some air) and at the bottom. The reader's
/// place in the essay is the text just below the top one (./extensions/readingPlace).
export const TOP = 80;
export const BOTTOM = 40;

/// Frames a settling scroll may take, and the frames in a row that must move nothing for it to
/// end: a paragraph coming into view is laid out in the frame after the one that finds it in
/// view, so one quiet frame may only mean that nothing has been laid out yet.
const SETTLE_FRAMES = 20;
const QUIET_FRAMES = 3;

/// Scrolls the page so that the span `measure` finds (viewport coordinates) sits a third of the
/// way down, unless it is already in view. In 縦書き the columns' scroller first brings it in
/// sideways (./vertical).
export function reveal(view: EditorView, measure: () => DOMRect | null, behavior: ScrollBehavior = 'auto') {
  const scroller = verticalScroller(view.dom);
  const sideways = scroller && measure();
  if (scroller && sideways) revealSideways(scroller, sideways, behavior);
  const rect = measure();
  if (!rect || (rect.top >= TOP && rect.bottom <= window.innerHeight - BOTTOM)) return;
  scrollToPlace(view, () => measure()?.top ?? null, window.innerHeight / 3, behavior);
}

/// Scrolls the page so that the place whose viewport top `measureTop` gives is `at` px from the
/// top of the viewport; settled in a lazily rendered essay (see the header).
export function scrollToPlace(view: EditorView, measureTop: () => number | null, at: number, behavior: ScrollBehavior = 'auto') {
  const top = measureTop();
  if (top == null) return;
  if (!isLazy(view)) {
    window.scrollBy({ top: top - at, behavior });
    return;
  }
  window.scrollBy({ top: top - at, behavior: 'instant' });
  settle(view, measureTop, at);
}

/// Pending settlings, by view: a newer scroll replaces an older one still correcting.
const settling = new WeakMap<EditorView, number>();

function settle(view: EditorView, measureTop: () => number | null, at: number) {
  cancelAnimationFrame(settling.get(view) ?? 0);
  let frames = 0;
  let still = 0;
  const step = () => {
    if (view.isDestroyed) return void settling.delete(view);
    const top = measureTop();
    if (top == null) return void settling.delete(view);
    const before = window.scrollY;
    const off = Math.round(top - at);
    if (off !== 0) window.scrollBy({ top: off, behavior: 'instant' });
    // Done when frames in a row moved nothing (right there, or at the page's end).
    still = window.scrollY === before ? still + 1 : 0;
    if (still < QUIET_FRAMES && ++frames < SETTLE_FRAMES) settling.set(view, requestAnimationFrame(step));
    else settling.delete(view);
  };
  settling.set(view, requestAnimationFrame(step));
}
