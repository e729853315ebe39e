// Converts between canonical-text offsets and ProseMirror positions, and builds the editor's
// document from the canonical blocks.
//
// The essay document never changes: one top-level node per block (heading or paragraph),
// holding that block's text. Canonical text joins blocks with one '\n', while ProseMirror spends
// two positions between blocks (a close and an open token) and one before the first. Hence
//   pos = offset + blockIndex + 1   for any offset inside block `blockIndex` (ends included).
// The separator '\n' after a block has no position of its own: it maps to the end of its block.
// ProseMirror counts UTF-16 code units like JS strings, so no code-point arithmetic is needed.

import type { Block } from '@/lib/text/types';

export interface PositionMap {
  /// Canonical UTF-16 offset → ProseMirror position.
  toPos(offset: number): number;
  /// ProseMirror position → canonical UTF-16 offset (a position between two blocks clamps to
  /// the end of the block before it).
  toOffset(pos: number): number;
  /// The ProseMirror document size (doc.content.size).
  readonly size: number;
}

/// Index of the block containing `offset` (block.start ≤ offset ≤ block.end), by binary search.
export function blockIndexAtOffset(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function createPositionMap(blocks: readonly Block[], textLength: number): PositionMap {
  if (blocks.length === 0) {
    if (textLength !== 0) throw new RangeError('blocks are empty but the text is not');
    return { toPos: () => 0, toOffset: () => 0, size: 0 };
  }
  const last = blocks[blocks.length - 1];
  const size = last.end + blocks.length + 1;
  return {
    size,
    toPos(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset > textLength) {
        throw new RangeError(`offset ${offset} is outside the text (0..${textLength})`);
      }
      const i = blockIndexAtOffset(blocks, offset);
      // The '\n' after block i sits at blocks[i].end; it maps to the end of block i.
      return Math.min(offset, blocks[i].end) + i + 1;
    },
    toOffset(pos) {
      if (!Number.isInteger(pos) || pos < 0 || pos > size) {
        throw new RangeError(`position ${pos} is outside the document (0..${size})`);
      }
      // Block i's content spans positions [start + i + 1, end + i + 1]; search on that.
      let lo = 0;
      let hi = blocks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (blocks[mid].start + mid + 1 <= pos) lo = mid;
        else hi = mid - 1;
      }
      const b = blocks[lo];
      const offset = pos - lo - 1;
      return Math.max(b.start, Math.min(b.end, offset));
    },
  };
}

export interface DocJSON {
  type: 'doc';
  content: Array<{ type: 'heading' | 'paragraph'; content?: Array<{ type: 'text'; text: string }> }>;
}

/// The tiptap/ProseMirror JSON for the canonical text. Empty blocks cannot hold a text node.
export function documentJSON(text: string, blocks: readonly Block[]): DocJSON {
  return {
    type: 'doc',
    content: blocks.map((b) => {
      const slice = text.slice(b.start, b.end);
      return { type: b.kind, ...(slice ? { content: [{ type: 'text' as const, text: slice }] } : {}) };
    }),
  };
}
