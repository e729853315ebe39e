// 縦書き: the essay set in vertical-rl columns (the reader's choice, components/annotate/
// readingOptions). Its frame sits in a scroller that is vertical-rl too (globals.css,
// .essay-scroll.is-vertical), so the text's beginning is at the scroller's right edge and the
// reader scrolls sideways; the page still scrolls up and down around it.
//
// What depends on the direction asks here: the unit boxes (lines are columns), the caret's
// keys (./extensions/token-layer/moves, ./extensions/token-layer/columns), bringing a span into
// view (./reveal) and the reader's place (./extensions/readingPlace). The document, offsets,
// selections and quotes are the same in both directions: only the layout turns.

const SCROLLER = '.essay-scroll.is-vertical';

/// The sideways scroller of an essay set vertically, or null when it is horizontal.
export function verticalScroller(inside: Element): HTMLElement | null {
  return inside.closest<HTMLElement>(SCROLLER);
}

export function isVertical(inside: Element): boolean {
  return verticalScroller(inside) !== null;
}

/// Scrolls `scroller` sideways so that `rect` (viewport coordinates) sits a third of the way in
/// from its right edge — where the reading goes on, leftwards — unless it is in view already.
/// Returns how far the text moved right (negative: left), for callers that go on measuring.
export function revealSideways(scroller: HTMLElement, rect: Pick<DOMRect, 'left' | 'right'>, behavior: ScrollBehavior = 'auto'): number {
  const box = scroller.getBoundingClientRect();
  const room = Math.min(24, box.width / 8);
  if (rect.left >= box.left + room && rect.right <= box.right - room) return 0;
  const before = scroller.scrollLeft;
  scroller.scrollBy({ left: rect.right - (box.right - box.width / 3), behavior });
  return before - scroller.scrollLeft;
}

/// A vertical wheel over the columns scrolls them sideways (down = on in the text = left), as
/// a horizontal one does — once the columns are wholly on screen: until then it scrolls the
/// page to them, and at either end of the text the page scrolls on. Returns the listener's
/// removal.
export function wheelSideways(scroller: HTMLElement): () => void {
  const onWheel = (event: WheelEvent) => {
    if (!scroller.matches(SCROLLER) || event.ctrlKey || event.shiftKey || Math.abs(event.deltaX) >= Math.abs(event.deltaY)) return;
    const box = scroller.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) return;
    const before = scroller.scrollLeft;
    const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 32 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? scroller.clientWidth : 1;
    scroller.scrollBy({ left: -event.deltaY * unit, behavior: 'instant' });
    if (scroller.scrollLeft !== before) event.preventDefault();
  };
  scroller.addEventListener('wheel', onWheel, { passive: false });
  return () => scroller.removeEventListener('wheel', onWheel);
}
