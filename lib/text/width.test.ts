import { describe, expect, it } from 'vitest';
import { displayWidth } from './width';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 1.5],
    ['日本語', 3],
    ['ロシアの 2020年', 4 + 0.5 + 2 + 1],
    ['（1）、。「」・［］', 9.5], // the ASCII 1 is half-width,
    ['ｶﾀｶﾅ', 2], // half-width katakana
    ['\u3000', 1], // ideographic space
    ['𠮷𩸽😀', 3], // one per code point, not per UTF-16 unit
    ['か\u3099', 1], // combining voicing mark adds nothing
    ['e\u0301', 0.5],
    ['…①■※→', 5], // East Asian ambiguous: full-width in Japanese type
  ])('%j is %d wide', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
