import { describe, expect, it } from 'vitest';
import type { Token } from '@/lib/tokens/types';
import { paragraphStarts, sentenceStarts } from '@/lib/text/sentences';
import { caretMove, extendByPhrase, extendToPhrase, phraseAround, stepPhrase, stepToStop } from './moves';
import { phraseStartTokens } from '@/lib/tokens/phrases';

/// Tokens from their surfaces (the other fields do not matter to moves).
function tokensOf(surfaces: string[]): { text: string; tokens: Token[] } {
  let start = 0;
  const tokens = surfaces.map((surface) => {
    const token: Token = { start, end: start + surface.length, cpStart: 0, cpEnd: 0, surface, pos: '', posDetail: '', basicForm: surface, reading: '' };
    start += surface.length;
    return token;
  });
  return { text: surfaces.join(''), tokens };
}

// Two paragraphs: 「𠮷野家に行った。本当？」 / 「　次の段落です。終わり」.
const { text, tokens } = tokensOf(['𠮷野家', 'に', '行っ', 'た', '。', '本当', '？', '\n', '\u3000', '次', 'の', '段落', 'です', '。', '終わり']);
const word = (surface: string) => tokens.findIndex((t) => t.surface === surface);

describe('stepToStop', () => {
  const sentences = sentenceStarts(text);
  const paragraphs = paragraphStarts(text);
  it.each([
    ['sentence', '𠮷野家', 1, '本当'],
    ['sentence', 'に', 1, '本当'],
    ['sentence', '本当', 1, '次'], // over the line break and the indent
    ['sentence', '次', 1, '終わり'],
    ['sentence', '終わり', 1, '終わり'], // no next sentence: the last word
    ['sentence', '行っ', -1, '𠮷野家'], // back to its own sentence's start
    ['sentence', '本当', -1, '𠮷野家'], // at a start: the sentence before
    ['sentence', '？', -1, '本当'],
    ['sentence', '𠮷野家', -1, '𠮷野家'],
    ['paragraph', '行っ', 1, '次'],
    ['paragraph', '次', 1, '終わり'], // no next paragraph: the last word
    ['paragraph', '段落', -1, '次'],
    ['paragraph', '次', -1, '𠮷野家'],
  ] as const)('%s from %s by %d lands on %s', (by, from, step, to) => {
    expect(tokens[stepToStop(tokens, by === 'sentence' ? sentences : paragraphs, word(from), step)].surface).toBe(to);
  });

  // By token index: 0 𠮷野家, 4 。, 6 ？, 9 次, 13 。, 14 終わり.
  it.each([
    ['sentence', 0, 4], // to the end of its own sentence, 。 included
    ['sentence', 4, 6],
    ['sentence', 9, 13],
    ['sentence', 14, 14],
    ['paragraph', 1, 6], // the paragraph's last word, not the line break or the indent
    ['paragraph', 6, 14],
  ] as const)('extending by %s from token %d reaches token %d', (by, from, to) => {
    expect(stepToStop(tokens, by === 'sentence' ? sentences : paragraphs, from, 1, true)).toBe(to);
  });

  it('starts at the first word when there is no caret', () => {
    expect(stepToStop(tokens, sentences, null, 1)).toBe(0);
    expect(stepToStop(tokens, sentences, null, -1)).toBe(0);
  });
});

describe('caretMove', () => {
  const key = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });
  it.each([
    [key('ArrowRight'), false, { by: 'word', step: 1, morpheme: false }],
    [key('ArrowUp'), true, { by: 'word', step: -1, morpheme: false }],
    [key('ArrowRight', { altKey: true }), false, { by: 'word', step: 1, morpheme: true }], // morpheme precision
    [key('ArrowLeft', { ctrlKey: true, altKey: true }), true, { by: 'word', step: -1, morpheme: true }], // ⌃⌥ on macOS
    [key('ArrowLeft', { ctrlKey: true, altKey: true }), false, null],
    [key('ArrowRight', { ctrlKey: true }), false, { by: 'sentence', step: 1 }],
    [key('ArrowLeft', { ctrlKey: true }), false, { by: 'sentence', step: -1 }],
    [key('ArrowLeft', { altKey: true }), true, { by: 'sentence', step: -1 }], // ⌥+← on macOS
    [key('ArrowRight', { ctrlKey: true }), true, { by: 'sentence', step: 1 }], // when macOS leaves it to the page
    [key('ArrowDown', { ctrlKey: true }), false, { by: 'paragraph', step: 1 }],
    [key('ArrowUp', { altKey: true }), true, { by: 'paragraph', step: -1 }],
    [key('ArrowRight', { metaKey: true }), true, null],
    [key('PageDown'), false, { by: 'page', step: 1 }],
    [key('PageUp'), true, { by: 'page', step: -1 }],
    [key('PageDown', { ctrlKey: true }), false, null], // the browser's next tab
    [key('Home'), false, { by: 'edge', step: -1 }],
    [key('End'), false, { by: 'edge', step: 1 }],
    [key('a'), false, null],
  ])('%j (mac: %s) is %j', (event, mac, move) => {
    expect(caretMove(event, mac)).toEqual(move);
  });

  // 縦書き: ↓/↑ along the column, ←/→ across columns (← is forward: the next column is left).
  it.each([
    [key('ArrowDown'), false, { by: 'word', step: 1, morpheme: false }],
    [key('ArrowUp'), false, { by: 'word', step: -1, morpheme: false }],
    [key('ArrowDown', { altKey: true }), false, { by: 'word', step: 1, morpheme: true }],
    [key('ArrowLeft'), false, { by: 'line', step: 1, morpheme: false }],
    [key('ArrowRight'), false, { by: 'line', step: -1, morpheme: false }],
    [key('ArrowLeft', { altKey: true }), false, { by: 'line', step: 1, morpheme: true }],
    [key('ArrowDown', { ctrlKey: true }), false, { by: 'sentence', step: 1 }],
    [key('ArrowUp', { altKey: true }), true, { by: 'sentence', step: -1 }], // ⌥ on macOS
    [key('ArrowLeft', { ctrlKey: true }), false, { by: 'paragraph', step: 1 }],
    [key('ArrowRight', { ctrlKey: true }), false, { by: 'paragraph', step: -1 }],
    [key('ArrowLeft', { metaKey: true }), true, null],
    [key('PageDown'), false, { by: 'page', step: 1 }],
    [key('End'), false, { by: 'edge', step: 1 }],
  ])('vertical: %j (mac: %s) is %j', (event, mac, move) => {
    expect(caretMove(event, mac, true)).toEqual(move);
  });
});

describe('phrase moves', () => {
  // 0 𠮷野家 1 に | 2 行っ 3 た 4 。 | 5 本当 6 ？ 7 \n | 8 　 9 次 10 の | 11 段落 12 です 13 。 | 14 終わり
  const starts = phraseStartTokens([2, 3, 3, 3, 3, 1]);

  it.each([
    [null, 1, 0],
    [0, 1, 2],
    [1, 1, 2],
    [2, 1, 5],
    [5, 1, 9], // over the line break and the indent, to the phrase's first word
    [14, 1, 14], // no next phrase
    [3, -1, 2], // back to its own phrase's start
    [2, -1, 0], // already there: the phrase before
    [9, -1, 5],
    [0, -1, 0],
  ] as const)('from %s, a step of %i reaches token %i', (caret, step, to) => {
    expect(stepPhrase(tokens, starts, caret, step)).toBe(to);
  });

  it('Shift+arrows grow and shrink a selection of whole phrases, ending on words', () => {
    let sel: { caret: number; anchor: number | null } = { caret: 2, anchor: null };
    sel = extendByPhrase(tokens, starts, sel, 1);
    expect(sel).toEqual({ anchor: 2, caret: 6 }); // 行った。本当？ (the line break left out)
    sel = extendByPhrase(tokens, starts, sel, 1);
    expect(sel).toEqual({ anchor: 2, caret: 10 });
    sel = extendByPhrase(tokens, starts, sel, -1);
    expect(sel).toEqual({ anchor: 2, caret: 6 });
    sel = extendByPhrase(tokens, starts, sel, -1);
    expect(sel).toEqual({ anchor: 4, caret: 2 }); // one phrase: 行った。
    sel = extendByPhrase(tokens, starts, sel, -1);
    expect(sel).toEqual({ anchor: 4, caret: 0 }); // grows backward
    expect(extendByPhrase(tokens, starts, { caret: 3, anchor: null }, -1)).toEqual({ anchor: 4, caret: 0 });
  });

  it('a double tap takes the phrase around the word, without its line break; the word alone without phrases', () => {
    expect(phraseAround(tokens, starts, 3)).toEqual({ anchor: 2, caret: 4 }); // 行った。
    expect(phraseAround(tokens, starts, 6)).toEqual({ anchor: 5, caret: 6 }); // 本当？ (not the \n)
    expect(phraseAround(tokens, starts, 10)).toEqual({ anchor: 9, caret: 10 }); // 次の (not the indent)
    expect(phraseAround(tokens, null, 3)).toEqual({ anchor: 3, caret: 3 });
  });

  it('Shift+← / → in 縦書き select whole phrases from the anchor to the word in the other column', () => {
    // From the caret on 行っ to 段落 (a column on): 行った。本当？　次の段落です。 in phrases.
    expect(extendToPhrase(tokens, starts, { caret: 2, anchor: null }, 11)).toEqual({ anchor: 2, caret: 13 });
    // Then back over the anchor to 𠮷野家: the anchor's phrase is kept whole, from its end.
    expect(extendToPhrase(tokens, starts, { caret: 13, anchor: 2 }, 0)).toEqual({ anchor: 4, caret: 0 });
    // Landing mid-phrase (た) still takes its whole phrase.
    expect(extendToPhrase(tokens, starts, { caret: 0, anchor: null }, 3)).toEqual({ anchor: 0, caret: 4 });
  });
});
