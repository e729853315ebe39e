import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Token } from './types';
import { loadTokenizer, tokenizeWith, type KuromojiTokenizer } from './kuromoji';
import { packTokens } from './wire';
import { DETAIL_CHUNK, chunkStart, decodeLengths, detailChunk, detailsOf, encodeLengths, phraseStarts, tokenSpans } from './spans';

let tokenizer: KuromojiTokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

/// Through JSON, as the browser gets them: the spans from the content, each token's details
/// from the chunk that holds it.
function overTheWire(text: string, tokens: Token[]): Token[] {
  const packed = packTokens(tokens);
  const { lengths } = JSON.parse(JSON.stringify({ lengths: encodeLengths(packed.len) })) as { lengths: string };
  const spans = tokenSpans(text, lengths);
  const chunks = new Map<number, ReturnType<typeof detailChunk>>();
  for (let from = 0; from < tokens.length; from += DETAIL_CHUNK) chunks.set(from, JSON.parse(JSON.stringify(detailChunk(packed, from))));
  return spans.map((s, i) => {
    const t = tokens[i];
    return { ...s, cpStart: t.cpStart, cpEnd: t.cpEnd, ...detailsOf(chunks.get(chunkStart(i))!, i, s.surface) };
  });
}

const pieces = fc.constantFrom('外交', 'ロシア', 'は', '食べた', '。', '、', '\n', '\n\n\n', '　', ' ', '𠮷', '🇯🇵', '👨‍👩‍👧', 'か\u3099', 'ｶﾀｶﾅ', '2020', 'ABC', '\uD800', 'ヴァ', 'ー');
const texts = fc.oneof(
  fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

describe('token spans and detail chunks', () => {
  it('give back every field of tokenized random text, non-BMP included', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = tokenizeWith(tokenizer, text);
        expect(overTheWire(text, tokens)).toEqual(tokens);
      }),
      { numRuns: 200 },
    );
  });

  it('give back tokens across chunk boundaries, and long tokens through the escape', () => {
    // Several chunks; tokens of every length class: 1–63 (one digit), 64+ (escaped).
    const surfaces = Array.from({ length: 3 * DETAIL_CHUNK + 17 }, (_, i) => (i % 500 === 7 ? '\n'.repeat(64 + i) : i % 3 ? '𠮷野家' : 'は'));
    const text = surfaces.join('');
    let at = 0;
    let cp = 0;
    const tokens: Token[] = surfaces.map((surface, i) => {
      const t = { start: at, end: at + surface.length, cpStart: cp, cpEnd: cp + [...surface].length, surface, pos: `品詞${i % 7}`, posDetail: i % 2 ? '一般' : '', basicForm: i % 5 ? surface : `基${i}`, reading: i % 3 ? `よみ${i}` : 'は' };
      at = t.end;
      cp = t.cpEnd;
      return t;
    });
    expect(overTheWire(text, tokens)).toEqual(tokens);
  });

  it('round-trips any positive lengths, one character each below 64', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 1, max: 63 }), fc.integer({ min: 64, max: 1 << 30 })), { maxLength: 200 }), (lengths) => {
        const encoded = encodeLengths(lengths);
        expect(decodeLengths(encoded)).toEqual(lengths);
        expect(encoded).toMatch(/^[A-Za-z0-9_~.-]*$/);
      }),
    );
    expect(encodeLengths([1, 2, 63])).toHaveLength(3);
    const edges = [1, 63, 64, 65, 36 ** 3, 1];
    expect(decodeLengths(encodeLengths(edges))).toEqual(edges);
  });

  it.each([
    ['a length of 0', 'A'],
    ['a character outside the digits', 'B*'],
    ['an escape without its end', 'B~1s'],
    ['an escape of a short length', '~1.'],
    ['an empty escape', '~.'],
    ['an escape with a sign', '~-1s.'],
  ])('refuses to decode %s', (_, encoded) => {
    expect(() => decodeLengths(encoded)).toThrow(/decodeLengths/);
  });

  it.each([
    ['fall short of the text', 'アイウ', [1, 1]],
    ['run past the text', 'アイ', [1, 2]],
  ])('refuses spans that %s', (_, text, lengths) => {
    expect(() => tokenSpans(text, encodeLengths(lengths))).toThrow(/tokenSpans/);
  });

  it('cuts chunks only where they start', () => {
    const packed = packTokens(tokenizeWith(tokenizer, '外交と内政'));
    expect(() => detailChunk(packed, 1)).toThrow(RangeError);
    expect(() => detailChunk(packed, DETAIL_CHUNK)).toThrow(RangeError);
    expect(() => detailsOf(detailChunk(packed, 0), DETAIL_CHUNK, 'x')).toThrow(RangeError);
  });
});

describe('phraseStarts', () => {
  it('turns the stored phrase sizes into the first token of each phrase, then the count', () => {
    expect(phraseStarts(encodeLengths([2, 3, 1]), 6)).toEqual([0, 2, 5, 6]);
    expect(phraseStarts('', 0)).toEqual([0]);
  });
  it('refuses sizes that do not cover the tokens', () => {
    expect(() => phraseStarts(encodeLengths([2, 3]), 6)).toThrow(/cover 5 of 6/);
  });
});
