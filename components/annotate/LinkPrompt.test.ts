import { describe, expect, it } from 'vitest';
import { placeLinkPrompt } from './LinkPrompt';

const viewport = { width: 1000, height: 800 };
const size = { width: 400, height: 40 };
const line = (top: number, left = 100) => ({ left, top, bottom: top + 24 });

describe('placeLinkPrompt', () => {
  it.each([
    ['under the line when there is room', line(300), { pinned: false, left: 100, top: 332 }],
    ['over the line near the bottom of the screen', line(760), { pinned: false, left: 100, top: 712 }],
    ['kept on screen at the right edge', line(300, 900), { pinned: false, left: 592, top: 332 }],
    ['pinned when the line is above the screen', line(-200), { pinned: true }],
    ['pinned when the line is under the sticky toolbar', line(20), { pinned: true }],
    ['pinned when the line is below the screen', line(900), { pinned: true }],
    ['pinned when nothing could be measured', undefined, { pinned: true }],
  ])('%s', (_, at, expected) => {
    expect(placeLinkPrompt(at, size, viewport, 56)).toEqual(expected);
  });

  it('pinned when neither under nor over the line fits', () => {
    expect(placeLinkPrompt(line(60), { width: 400, height: 450 }, { width: 1000, height: 500 }, 56)).toEqual({ pinned: true });
  });
});
