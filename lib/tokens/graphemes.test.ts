import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { graphemeBoundaries } from './graphemes';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

function reference(text: string): number[] {
  return [...[...segmenter.segment(text)].map((s) => s.index), text.length];
}

function computed(text: string): number[] {
  const b = graphemeBoundaries(text);
  return [...b.keys()].filter((i) => b[i] === 1);
}

const pieces = fc.constantFrom(
  '外交', 'の', 'ロシア', '。', '、', ' ', '　', '\n', '\r\n', '\r', 'abc', 'ｶﾞ', 'ﾊﾟ', 'か\u3099',
  'e\u0301', '〰', '〽️', '👨‍👩‍👧', '🇯🇵', '🇺🇸🇯', '👍🏽', '❤️', '1️⃣', '𠮷', '한국어', 'क्षि', '\u200d',
  '\uD800', '\uDC00', '\u0000',
);
const texts = fc.oneof(
  fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('graphemeBoundaries', () => {
  it('agrees with Intl.Segmenter on the whole text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(computed(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['', [0]],
    ['ab', [0, 1, 2]],
    ['か\u3099き', [0, 2, 3]],
    ['a\r\nb', [0, 1, 3, 4]],
    ['x🇯🇵🇺🇸y', [0, 1, 5, 9, 10]],
  ])('%j', (text, expected) => {
    expect(computed(text)).toEqual(expected);
  });

  it('stays fast and correct on long texts (windows, forced cuts between code points only)', () => {
    const prose = '𠮷野家で外交について議論した。👨‍👩‍👧と🇯🇵。\n'.repeat(3000);
    // A line break is always a grapheme boundary, so segmenting line by line is a fast reference.
    const expected = new Set<number>();
    let offset = 0;
    for (const line of prose.split('\n')) {
      for (const i of reference(line)) expected.add(offset + i);
      offset += line.length + 1;
    }
    expect(computed(prose)).toEqual([...expected]);
    const emoji = '😀'.repeat(5000);
    const b = graphemeBoundaries(emoji);
    for (let i = 1; i < emoji.length; i += 2) expect(b[i]).toBe(0);
  });
});
