import { describe, expect, it } from 'vitest';
import { firstView, fitBox, intoView, offFrame, readableScale, type Box } from './viewport';
import { nodeMetrics } from './nodeShape';

const frame = { width: 420, height: 500 };
const box = (x: number, y: number, width = 220, height = 80): Box => ({ x, y, width, height });
/// The on-screen size of the smallest node text at a scale.
const textPx = (k: number) => Math.min(nodeMetrics.fontSize, nodeMetrics.labelFontSize) * k;
const inside = (v: { x: number; y: number; k: number }, b: Box) => !offFrame(v, b, frame);

describe('the map viewport', () => {
  it('keeps node text at 11 px or more at the readable scale', () => {
    expect(textPx(readableScale)).toBeGreaterThanOrEqual(11 - 1e-9);
  });

  it('fits a small map whole, never enlarging past 1.2', () => {
    const { view, clamped } = fitBox(box(16, 16), frame);
    expect(clamped).toBe(false);
    expect(view.k).toBe(1.2);
    expect(inside(view, box(16, 16))).toBe(true);
  });

  it('does not fit below the readable scale: it says so and shows the top', () => {
    const wide = box(16, 16, 2000, 900);
    const { view, clamped } = fitBox(wide, frame);
    expect(clamped).toBe(true);
    expect(view.k).toBe(readableScale);
    expect(view.y + wide.y * view.k).toBeGreaterThanOrEqual(0); // the top is in view
  });

  // Six units: a main claim on top with two premises, and three more in layers below and aside.
  const six = new Map<string, Box>([
    ['main', box(500, 16)],
    ['a', box(260, 180)],
    ['b', box(740, 180)],
    ['c', box(16, 340)],
    ['d', box(980, 340)],
    ['e', box(500, 500)],
  ]);
  const edges = [
    { from: 'a', to: 'main' },
    { from: 'b', to: 'main' },
    { from: 'c', to: 'a' },
    { from: 'd', to: 'b' },
    { from: 'e', to: 'a' },
  ];

  it.each([
    ['a wide pane', { width: 800, height: 600 }, ['main', 'a', 'b']],
    ['a narrow pane', { width: 420, height: 500 }, ['main']],
  ])('opens on the main claim and its neighbours, readable, in %s', (_, f, shown) => {
    const first = firstView(six, edges, 'main', f)!;
    expect(first.clamped).toBe(true); // the whole map does not fit readably
    expect(textPx(first.view.k)).toBeGreaterThanOrEqual(11 - 1e-9);
    for (const id of shown) expect(offFrame(first.view, six.get(id)!, f), id).toBe(false);
  });

  it('shows everything when everything fits readably', () => {
    const small = new Map([...six].slice(0, 3));
    const first = firstView(small, edges, 'main', { width: 1200, height: 700 })!;
    expect(first.clamped).toBe(false);
    for (const b of small.values()) expect(offFrame(first.view, b, { width: 1200, height: 700 })).toBe(false);
  });

  it('without a main claim opens on the top layer from its left end', () => {
    const row = new Map(['a', 'b', 'c'].map((id, i) => [id, box(16 + i * 244, 16)]));
    const first = firstView(row, [], null, frame)!;
    expect(offFrame(first.view, row.get('a')!, frame)).toBe(false);
    expect(textPx(first.view.k)).toBeGreaterThanOrEqual(11 - 1e-9);
  });

  it('without a main claim opens on the top layer', () => {
    const first = firstView(six, edges, null, { width: 1200, height: 700 })!;
    expect(offFrame(first.view, six.get('main')!, { width: 1200, height: 700 })).toBe(false);
    expect(textPx(first.view.k)).toBeGreaterThanOrEqual(11 - 1e-9);
  });

  it('pans a node into view only when it is not already', () => {
    const view = { x: 0, y: 0, k: 1 };
    expect(intoView(view, box(20, 20, 100, 50), frame)).toBeNull();
    const moved = intoView(view, box(900, 700, 100, 50), frame)!;
    expect(moved.k).toBe(1);
    expect(inside(moved, box(900, 700, 100, 50))).toBe(true);
  });
});
