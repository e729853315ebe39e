// Where the map's view goes: its first view, "fit", and bringing a node into view. Pure
// arithmetic over boxes in the drawing's coordinates and the frame's size (no DOM, no React).
//
// A view {x, y, k} draws the point p of the drawing at (x + p.x·k, y + p.y·k) in the frame.
// Invariants:
// - The first view and fit never go below `readableScale` (node text ≥ 11 px on screen); when
//   what they were asked to show does not fit at that scale, they say so (`clamped`) and show
//   its top (where the main claim is: lib/argument/layout) at the readable scale.
// - The first view shows the whole map when it fits readably, else the main claim and its
//   nearest neighbours (one relation away), else the main claim alone.
// - Neither ever enlarges past `maxFitScale`.
import { nodeMetrics } from './nodeShape';

export interface View {
  x: number;
  y: number;
  k: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Frame {
  width: number;
  height: number;
}

/// The smallest on-screen size of node text, in CSS px.
export const minTextPx = 11;
/// The scale at which the smallest node text is `minTextPx` on screen.
export const readableScale = minTextPx / Math.min(nodeMetrics.fontSize, nodeMetrics.labelFontSize);
/// Fit and the first view never enlarge past this.
export const maxFitScale = 1.2;
/// The zoom buttons and the wheel stay within these.
export const zoomLimits = { min: 0.1, max: 3 };
/// Room kept between what a view shows and the frame's edge.
const pad = 12;

export function boundsOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/// The view showing `box` whole and centred, as large as allowed; below `readableScale` it stays
/// at that scale showing the box's top — its middle (`align` 'centre', where the main claim sits)
/// or its left end ('start', where the first of a row of units sits) — and says `clamped`.
export function fitBox(box: Box, frame: Frame, align: 'centre' | 'start' = 'centre'): { view: View; clamped: boolean } {
  const k = Math.min(maxFitScale, (frame.width - 2 * pad) / box.width, (frame.height - 2 * pad) / box.height);
  const clamped = k < readableScale;
  const s = clamped ? readableScale : k;
  const x = clamped && align === 'start' ? pad - box.x * s : frame.width / 2 - (box.x + box.width / 2) * s;
  const y = clamped ? pad - box.y * s : frame.height / 2 - (box.y + box.height / 2) * s;
  return { view: { x, y, k: s }, clamped };
}

/// The map's first view: everything when it fits readably; else the main claim and the units one
/// relation away from it (or, without a main claim, the top layer from its left end, where the
/// first units in text order are); else the main claim alone.
export function firstView(
  nodes: ReadonlyMap<string, Box>,
  edges: readonly { from: string; to: string }[],
  mainClaimId: string | null,
  frame: Frame,
): { view: View; clamped: boolean } | null {
  const all = boundsOf([...nodes.values()]);
  if (!all) return null;
  const whole = fitBox(all, frame);
  if (!whole.clamped) return whole;
  const main = mainClaimId ? nodes.get(mainClaimId) : undefined;
  let focus: Box[];
  if (main) {
    const near = new Set([mainClaimId!]);
    for (const e of edges) {
      if (e.from === mainClaimId) near.add(e.to);
      if (e.to === mainClaimId) near.add(e.from);
    }
    focus = [...near].map((id) => nodes.get(id)).filter((b): b is Box => b !== undefined);
  } else {
    const top = Math.min(...[...nodes.values()].map((b) => b.y));
    focus = [...nodes.values()].filter((b) => b.y === top);
  }
  const near = fitBox(boundsOf(focus)!, frame, main ? 'centre' : 'start');
  if (!near.clamped || !main) return { view: near.view, clamped: true };
  return { view: fitBox(main, frame).view, clamped: true };
}

/// Whether any part of `content` lies outside the frame in `view`.
export function offFrame(view: View, content: Box, frame: Frame): boolean {
  const left = view.x + content.x * view.k;
  const top = view.y + content.y * view.k;
  return left < -0.5 || top < -0.5 || left + content.width * view.k > frame.width + 0.5 || top + content.height * view.k > frame.height + 0.5;
}

/// The view moved just enough to show `box` (centred on it when it is larger than the frame);
/// null when it is already in view.
export function intoView(view: View, box: Box, frame: Frame): View | null {
  const { k } = view;
  const left = view.x + box.x * k;
  const top = view.y + box.y * k;
  const w = box.width * k;
  const h = box.height * k;
  const dx = w + 2 * pad > frame.width ? frame.width / 2 - (left + w / 2) : left < pad ? pad - left : left + w > frame.width - pad ? frame.width - pad - (left + w) : 0;
  const dy = h + 2 * pad > frame.height ? frame.height / 2 - (top + h / 2) : top < pad ? pad - top : top + h > frame.height - pad ? frame.height - pad - (top + h) : 0;
  return dx === 0 && dy === 0 ? null : { k, x: view.x + dx, y: view.y + dy };
}
