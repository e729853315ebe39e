import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  isCodePointBoundary,
  makeOffsetConverter,
  toCodePointOffset,
  toUtf16Offset,
} from './offsets';

// [text, pairs of (UTF-16 offset, code-point offset) that name the same boundary]
const CASES: Array<[string, Array<[number, number]>]> = [
  ['', [[0, 0]]],
  ['abc', [[0, 0], [1, 1], [3, 3]]],
  ['日本語', [[0, 0], [2, 2], [3, 3]]],
  ['𠮷野家', [[0, 0], [2, 1], [3, 2], [4, 3]]],
  ['a😀b', [[0, 0], [1, 1], [3, 2], [4, 3]]],
  ['𩸽を食べる𩸽', [[0, 0], [2, 1], [3, 2], [6, 5], [8, 6]]],
  // A ZWJ family is 5 code points and 8 code units; offsets may fall between its parts.
  ['👨\u200d👩\u200d👧', [[2, 1], [3, 2], [5, 3], [6, 4], [8, 5]]],
  // Lone surrogates count one code point each.
  ['\uD800a\uDC00', [[1, 1], [2, 2], [3, 3]]],
];

const converters = [
  ['functions', (text: string) => ({
    toCp: (i: number) => toCodePointOffset(text, i),
    toU16: (c: number) => toUtf16Offset(text, c),
  })],
  ['makeOffsetConverter', (text: string) => {
    const conv = makeOffsetConverter(text);
    return { toCp: conv.toCodePoint, toU16: conv.toUtf16 };
  }],
] as const;

describe.each(converters)('offset conversion (%s)', (_name, make) => {
  it.each(CASES)('converts boundaries of %j both ways', (text, pairs) => {
    const { toCp, toU16 } = make(text);
    for (const [u16, cp] of pairs) {
      expect(toCp(u16)).toBe(cp);
      expect(toU16(cp)).toBe(u16);
    }
  });

  it.each([
    ['𠮷', 1],
    ['a😀b', 2],
    ['x𩸽y😀z', 5],
  ])('rejects UTF-16 offset inside a surrogate pair: %j at %d', (text, offset) => {
    const { toCp } = make(text);
    expect(() => toCp(offset)).toThrow(RangeError);
    expect(() => toCp(offset)).toThrow(/inside the surrogate pair of U\+/);
  });

  it.each([
    ['abc', -1],
    ['abc', 4],
    ['abc', 1.5],
    ['abc', Number.NaN],
    ['𠮷', 3],
    ['', 1],
  ])('rejects out-of-range UTF-16 offset in %j: %d', (text, offset) => {
    expect(() => make(text).toCp(offset)).toThrow(/out of range/);
  });

  it.each([
    ['abc', -1],
    ['abc', 4],
    ['𠮷', 2], // one code point: 2 is past the end although .length is 2
    ['', 1],
    ['abc', 0.5],
    ['abc', Number.POSITIVE_INFINITY],
  ])('rejects out-of-range code-point offset in %j: %d', (text, offset) => {
    expect(() => make(text).toU16(offset)).toThrow(RangeError);
    expect(() => make(text).toU16(offset)).toThrow(/out of range/);
  });
});

describe('codePointLength and boundaries', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['𠮷野家', 3],
    ['😀😀', 2],
    ['\uD800\uD800', 2],
  ])('%j has %d code points', (text, n) => {
    expect(codePointLength(text)).toBe(n);
    expect(makeOffsetConverter(text).codePointLength).toBe(n);
  });

  it('knows which UTF-16 offsets are boundaries', () => {
    const text = 'a𠮷b';
    expect([0, 1, 2, 3, 4, 5, -1, 1.5].map((i) => isCodePointBoundary(text, i))).toEqual([
      true, true, false, true, true, false, false, false,
    ]);
    const conv = makeOffsetConverter(text);
    expect([0, 1, 2, 3, 4, 5, -1, 1.5].map((i) => conv.isBoundary(i))).toEqual([
      true, true, false, true, true, false, false, false,
    ]);
  });
});

// Strings of every kind the texts may hold: printable graphemes (multi-code-point ones
// included), any code point (non-BMP ones are most of the range), and raw code units with
// lone surrogates, which JS strings allow.
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('a', 'あ', '𠮷', '𩸽', '😀', '\uD83D', '\uDE00', '\u200d'),
    maxLength: 40,
  }),
);

describe('offset properties', () => {
  it('codePointLength counts what Array.from counts', () => {
    fc.assert(fc.property(anyText, (s) => codePointLength(s) === Array.from(s).length));
  });

  it('round-trips every boundary in both directions, converter and functions alike', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const conv = makeOffsetConverter(s);
        const n = codePointLength(s);
        for (let cp = 0; cp <= n; cp++) {
          const u = toUtf16Offset(s, cp);
          expect(conv.toUtf16(cp)).toBe(u);
          expect(toCodePointOffset(s, u)).toBe(cp);
          expect(conv.toCodePoint(u)).toBe(cp);
        }
        for (let u = 0; u <= s.length; u++) {
          const boundary = isCodePointBoundary(s, u);
          expect(conv.isBoundary(u)).toBe(boundary);
          if (boundary) {
            expect(toUtf16Offset(s, toCodePointOffset(s, u))).toBe(u);
          } else {
            expect(() => toCodePointOffset(s, u)).toThrow(RangeError);
            expect(() => conv.toCodePoint(u)).toThrow(RangeError);
          }
        }
      }),
    );
  });

  it('slices by code point as Python would: text[start:end]', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (s, x, y) => {
        const cps = Array.from(s);
        const a = Math.min(x, y) % (cps.length + 1);
        const b = a + ((Math.max(x, y) - Math.min(x, y)) % (cps.length + 1 - a));
        const conv = makeOffsetConverter(s);
        expect(s.slice(conv.toUtf16(a), conv.toUtf16(b))).toBe(cps.slice(a, b).join(''));
      }),
    );
  });
});
