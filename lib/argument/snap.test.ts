import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isBoundary, phraseOf, snapToTokens, stepEdge, tokenBoundaries, widenToPhrases } from './snap';

// "ロシア|の|外交|を|振り返る" → boundaries 0,3,4,6,7,11
const tokens = [
  { start: 0, end: 3 },
  { start: 3, end: 4 },
  { start: 4, end: 6 },
  { start: 6, end: 7 },
  { start: 7, end: 11 },
];
const b = tokenBoundaries(tokens);

describe('snapToTokens', () => {
  it.each([
    ['mid-word to mid-word takes both words', 1, 5, { start: 0, end: 6 }],
    ['exact boundaries stay', 3, 6, { start: 3, end: 6 }],
    ['backwards drag is normalized', 5, 1, { start: 0, end: 6 }],
    ['collapsed inside a word takes the word', 8, 8, { start: 7, end: 11 }],
    ['collapsed on a boundary takes the next word', 4, 4, { start: 4, end: 6 }],
    ['past the end clamps', 9, 50, { start: 7, end: 11 }],
    ['collapsed at the very end is nothing', 11, 11, null],
  ])('%s', (_name, from, to, expected) => {
    expect(snapToTokens(b, from, to)).toEqual(expected);
  });

  it('always yields a non-empty span on boundaries that covers the selection', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (x, y) => {
        const span = snapToTokens(b, x, y)!;
        expect(isBoundary(b, span.start) && isBoundary(b, span.end)).toBe(true);
        expect(span.start).toBeLessThanOrEqual(Math.min(x, y));
        expect(span.end).toBeGreaterThanOrEqual(Math.max(x, y));
        expect(span.end).toBeGreaterThan(span.start);
      }),
    );
  });
});

describe('stepEdge', () => {
  it.each([
    ['grow end', { start: 3, end: 4 }, 'end', 1, { start: 3, end: 6 }],
    ['shrink end', { start: 3, end: 6 }, 'end', -1, { start: 3, end: 4 }],
    ['grow start', { start: 3, end: 4 }, 'start', -1, { start: 0, end: 4 }],
    ['shrink start', { start: 0, end: 4 }, 'start', 1, { start: 3, end: 4 }],
    ['cannot empty', { start: 3, end: 4 }, 'end', -1, null],
    ['cannot leave the text', { start: 7, end: 11 }, 'end', 1, null],
    ['cannot go before 0', { start: 0, end: 3 }, 'start', -1, null],
  ] as const)('%s', (_name, span, edge, step, expected) => {
    expect(stepEdge(b, span, edge, step)).toEqual(expected);
  });
});

describe('phrases', () => {
  // Tokens 0–1, 2–4, 5 form three phrases of six tokens.
  const starts = [0, 2, 5, 6];
  it.each([
    [0, 0], [1, 0], [2, 1], [4, 1], [5, 2], [6, 2],
  ])('token %i is in phrase %i', (token, phrase) => {
    expect(phraseOf(starts, token)).toBe(phrase);
  });
  it.each([
    [[3, 3], { first: 2, last: 4 }],
    [[1, 3], { first: 0, last: 4 }],
    [[2, 4], { first: 2, last: 4 }],
    [[4, 5], { first: 2, last: 5 }],
  ] as const)('widens %j to %j', ([first, last], expected) => {
    expect(widenToPhrases(starts, first, last)).toEqual(expected);
  });
  it('leaves a range alone without phrases', () => {
    expect(widenToPhrases([0], 1, 2)).toEqual({ first: 1, last: 2 });
  });
});
