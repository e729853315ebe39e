import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { MAX_SENTENCE, planKuromojiInput } from './chunks';

const pieces = fc.constantFrom(
  '外交', 'について', '。', '、', ' ', '\n', '\n\n', '𠮷', '😀', '🇯🇵', '\u0000', '\uD800', '\uDC00',
  'ｶﾀｶﾅ', 'abc', '！', '」',
);
const texts = fc.oneof(
  fc.array(pieces, { maxLength: 80 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ASTRAL_RUN = /(?:[\uD800-\uDBFF][\uDC00-\uDFFF]){2}/;

function expectValidPlan(text: string): void {
  const plan = planKuromojiInput(text);
  let end = 0;
  for (const p of plan) {
    expect(p.start).toBe(end);
    expect(p.end).toBeGreaterThan(p.start);
    end = p.end;
    if (p.kind === 'analyze') {
      const s = text.slice(p.start, p.end);
      expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(s).not.toMatch(/[\n\u0000]/);
      expect(s).not.toMatch(LONE);
      expect(s).not.toMatch(ASTRAL_RUN);
    }
  }
  expect(end).toBe(text.length);
}

describe('planKuromojiInput', () => {
  it('covers the text with pieces kuromoji can take', () => {
    fc.assert(fc.property(texts, (text) => expectValidPlan(text)), { numRuns: 500 });
  });

  it('sets aside newlines, NUL, lone surrogates and runs of non-BMP characters', () => {
    const text = '𠮷野家\n\n🇯🇵あ\u0000い\uD800。';
    const plan = planKuromojiInput(text).map((p) => [p.kind, text.slice(p.start, p.end)]);
    expect(plan).toEqual([
      ['analyze', '𠮷野家'],
      ['fixed', '\n\n'],
      ['fixed', '🇯🇵'],
      ['analyze', 'あ'],
      ['fixed', '\u0000'],
      ['analyze', 'い'],
      ['fixed', '\uD800'],
      ['analyze', '。'],
    ]);
  });

  it('splits after 、 and 。 like kuromoji, and cuts long sentences at natural breaks', () => {
    const text = '一、二。三';
    expect(planKuromojiInput(text).map((p) => text.slice(p.start, p.end))).toEqual(['一、', '二。', '三']);
    const long = '外交について議論する！'.repeat(100);
    const plan = planKuromojiInput(long);
    expect(plan.length).toBeGreaterThan(1);
    for (const p of plan.slice(0, -1)) expect(long[p.end - 1]).toBe('！');
    expectValidPlan('あ'.repeat(5000));
    expectValidPlan('😀あ'.repeat(3000));
  });
});
