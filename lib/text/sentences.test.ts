import { describe, expect, it } from 'vitest';
import { paragraphStarts, sentenceStarts } from './sentences';

/// The cases mark each expected start with '|'; the marks are taken out to get the text.
function marks(s: string): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const ch of s) {
    if (ch === '|') starts.push(text.length);
    else text += ch;
  }
  return { text, starts };
}

describe('sentenceStarts', () => {
  it.each([
    ['', 'empty text'],
    ['   \n\u3000', 'only white space'],
    ['|今日は晴れ。|明日は雨？|本当！', 'full-width terminators'],
    ['|今日は晴れ｡|明日は雨?|本当!', 'half-width terminators'],
    ['|Is it? |Yes! |Fine.', 'half-width text; the ASCII period does not end a sentence'],
    ['|円周率は3.14です。|次。', 'a decimal point is not an end'],
    ['|本当か？！|そうだ。', 'a run of terminators ends once'],
    ['|「行く。」|と言った。|次。', 'closing brackets after a terminator stay with its sentence (a と after them starts anew: a known limit)'],
    ['|「本当？」|『嘘！』|次', 'each quoted exclamation is a sentence'],
    ['|嘘！』）|次', 'closers of more than one kind'],
    ['|（注。）|次。', 'a closing parenthesis'],
    ['|一文目。\u3000|二文目。', 'an ideographic space is skipped'],
    ['|見出し\n|本文です。|続き\n\n|次の段落', 'a line break ends a sentence'],
    ['|𠮷野家に行った。|𩸽を食べた？|😀おいしい', 'non-BMP characters: offsets count UTF-16 units'],
    ['|終わり。', 'a final terminator starts nothing after it'],
    ['|。。|次', 'a text may open with a terminator'],
  ])('%j (%s)', (input) => {
    const { text, starts } = marks(input);
    expect(sentenceStarts(text)).toEqual(starts);
  });

  it('never cuts a surrogate pair', () => {
    const text = '𠮷。𠮷！𠮷？\n𠮷';
    for (const s of sentenceStarts(text)) expect(text.codePointAt(s)).toBe(0x20bb7);
  });
});

describe('paragraphStarts', () => {
  it.each([
    ['', 'empty text'],
    ['|一段落。二文目。', 'one paragraph'],
    ['|見出し\n|本文。\n\n|次', 'a blank line starts nothing'],
    ['\u3000|字下げ\n\u3000|𠮷から', 'indentation is skipped'],
  ])('%j (%s)', (input) => {
    const { text, starts } = marks(input);
    expect(paragraphStarts(text)).toEqual(starts);
  });
});
