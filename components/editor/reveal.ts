// Bringing a span of the essay into view: the page scrolls, and the workspace's toolbar sticks
// to the top of it, so "in view" means below that toolbar.
import { revealSideways, verticalScroller } from './vertical';

/// Room kept clear at the top (the sticky toolbar and some air) and at the bottom. The reader's
/// place in the essay is the text just below the top one (./extensions/readingPlace).
export const TOP = 80;
export const BOTTOM = 40;

/// Scrolls the page so that `rect` (viewport coordinates) sits a third of the way down, unless
/// it is already in view. `within`, an element of the essay: in 縦書き its scroller first brings
/// the rect in sideways (./vertical).
export function reveal(rect: DOMRect, behavior: ScrollBehavior = 'auto', within?: Element) {
  const scroller = within && verticalScroller(within);
  if (scroller) revealSideways(scroller, rect, behavior);
  if (rect.top < TOP || rect.bottom > window.innerHeight - BOTTOM) window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior });
}
