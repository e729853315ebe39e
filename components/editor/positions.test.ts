import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Schema } from 'prosemirror-model';
import type { Block } from '@/lib/text/types';
import { createPositionMap, documentJSON } from './positions';

// The same node shapes the editor uses, so positions are checked against real ProseMirror.
const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'text*' },
    heading: { group: 'block', content: 'text*' },
    text: {},
  },
});

function blocksOf(lines: string[], kinds?: Array<'heading' | 'paragraph'>): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    blocks.push({ kind: kinds?.[i] ?? 'paragraph', start, end: start + line.length });
    start += line.length + 1;
  });
  return { text: lines.join('\n'), blocks };
}

function check(lines: string[]) {
  const { text, blocks } = blocksOf(lines);
  const doc = schema.nodeFromJSON(documentJSON(text, blocks));
  const map = createPositionMap(blocks, text.length);
  expect(map.size).toBe(doc.content.size);
  // Every offset inside a block maps to a position where ProseMirror sees the same character.
  for (const b of blocks) {
    for (let offset = b.start; offset <= b.end; offset++) {
      const pos = map.toPos(offset);
      expect(map.toOffset(pos)).toBe(offset);
      if (offset < b.end) expect(doc.textBetween(pos, pos + 1)).toBe(text[offset]);
    }
  }
  // A span across blocks reads back as the same text (block separator as '\n').
  if (text.length > 0) {
    const first = blocks[0].start;
    const last = blocks[blocks.length - 1].end;
    expect(doc.textBetween(map.toPos(first), map.toPos(last), '\n')).toBe(text.slice(first, last));
  }
}

describe('createPositionMap', () => {
  it.each([
    [['ロシアの外交']],
    [['1．はじめに', 'ロシアの 2020年の外交を振り返る。', '他方で、欧米との関係は悪化した。']],
    [['𠮷野家で𩸽を食べた👍🏽', '👨‍👩‍👧 家族']],
    [['a', 'b', 'c']],
    [['が\u3099', 'ｶﾀｶﾅ　全角空白']],
  ])('maps %j both ways against ProseMirror', (lines) => check(lines));

  it('maps a block separator to the end of its block', () => {
    const { text, blocks } = blocksOf(['ab', 'cd']);
    const map = createPositionMap(blocks, text.length);
    expect(map.toPos(2)).toBe(3); // end of "ab"
    expect(map.toPos(3)).toBe(5); // start of "cd"
    expect(map.toOffset(4)).toBe(2); // between the blocks: clamped to the end of "ab"
  });

  it('rejects offsets and positions out of range', () => {
    const { text, blocks } = blocksOf(['ab']);
    const map = createPositionMap(blocks, text.length);
    expect(() => map.toPos(3)).toThrow(RangeError);
    expect(() => map.toPos(-1)).toThrow(RangeError);
    expect(() => map.toOffset(5)).toThrow(RangeError);
  });

  it('holds for arbitrary texts with non-BMP characters', () => {
    const line = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map((s) => s.replace(/\n/g, ' '));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => check(lines)), { numRuns: 150 });
  });
});
