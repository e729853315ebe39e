import path from 'node:path';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';

import type { Token } from './types';
import { loadTokenizer, tokenizeWith, type KuromojiTokenizer } from './kuromoji';
import { packTokens, unpackTokens, type PackedTokens } from './wire';
import { packedTokensSchema, tokenSchema } from './wireSchema';

let tokenizer: KuromojiTokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

const ESSAY = path.join(__dirname, '../../corpus/russia-diplomacy-2020.source.txt');

/// Through JSON and the schema, as the tokens travel from the server to the browser.
function overTheWire(text: string, tokens: Token[]): { back: Token[]; json: string } {
  const json = JSON.stringify(packTokens(tokens));
  const back = unpackTokens(text, packedTokensSchema.parse(JSON.parse(json)));
  return { back, json };
}

describe('packTokens / unpackTokens', () => {
  it('round-trips the essay exactly, in under half the size of plain JSON', () => {
    const text = fs.readFileSync(ESSAY, 'utf8').replace(/\r/g, '');
    const tokens = tokenizeWith(tokenizer, text);
    const { back, json } = overTheWire(text, tokens);
    expect(back).toEqual(tokens);
    expect(json.length).toBeLessThan(0.5 * JSON.stringify(tokens).length);
    expect(tokens.every((t) => tokenSchema.safeParse(t).success)).toBe(true);
  });

  it('round-trips tokens of random text exactly', () => {
    const pieces = fc.constantFrom(
      '外交', 'ロシア', 'は', '食べた', '。', '、', '\n', '　', ' ', '𠮷', '🇯🇵', '👨‍👩‍👧', 'か\u3099',
      'ｶﾀｶﾅ', '2020', 'ABC', '\uD800', 'ヴァ', 'ー',
    );
    const texts = fc.oneof(
      fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = tokenizeWith(tokenizer, text);
        expect(overTheWire(text, tokens).back).toEqual(tokens);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips tokens whose fields differ from what would be derived', () => {
    const text = 'アイ';
    const tokens: Token[] = [
      { start: 0, end: 1, cpStart: 0, cpEnd: 1, surface: 'ア', pos: 'X', posDetail: 'a,b', basicForm: '0', reading: '' },
      { start: 1, end: 2, cpStart: 1, cpEnd: 2, surface: 'イ', pos: 'X', posDetail: 'a,b', basicForm: 'イ', reading: 'イ' },
    ];
    expect(overTheWire(text, tokens).back).toEqual(tokens);
  });

  it('packs an empty text', () => {
    expect(overTheWire('', []).back).toEqual([]);
  });

  it('refuses tokens that do not run contiguously from 0', () => {
    const t = tokenizeWith(tokenizer, '外交と内政');
    expect(() => packTokens(t.slice(1))).toThrow(/expected to start at 0/);
  });

  it('refuses a text the tokens do not fit', () => {
    const packed = packTokens(tokenizeWith(tokenizer, '外交と内政'));
    expect(() => unpackTokens('外交と', packed)).toThrow(/after the text/);
    expect(() => unpackTokens('外交と内政です', packed)).toThrow(/uncovered/);
    expect(() => unpackTokens('交𠮷と政', packed)).toThrow(/inside a surrogate pair/);
  });
});

describe('packedTokensSchema', () => {
  const valid: PackedTokens = { v: 1, len: [2, 1], tags: [['名詞', '一般']], tag: [0, 0], basic: [0, 0], reading: [0, ''], phrases: 'C' };

  it('accepts a packed form', () => {
    expect(packedTokensSchema.parse(valid)).toEqual(valid);
  });

  it.each<[string, unknown]>([
    ['another version', { ...valid, v: 2 }],
    ['a zero length', { ...valid, len: [0, 1] }],
    ['columns of unequal length', { ...valid, reading: [0] }],
    ['a tag out of range', { ...valid, tag: [0, 1] }],
    ['1 as a "same" marker', { ...valid, basic: [1, 0] }],
    ['phrases that do not cover the tokens', { ...valid, phrases: 'B' }],
    ['phrases not encoded', { ...valid, phrases: '!' }],
    ['a missing column', { v: 1, len: [], tags: [], tag: [], basic: [] }],
  ])('rejects %s', (_name, value) => {
    expect(packedTokensSchema.safeParse(value).success).toBe(false);
  });
});
