// Which paragraph holds which part of a unit: units are drawn (./marks) and indexed (./ledger)
// paragraph by paragraph.
import type { Block } from '@/lib/text/types';
import type { Span } from './nesting';
import { blockIndexAtOffset } from '../../positions';

/// The part of a unit inside one block: [start, end) in canonical offsets.
export interface Portion {
  block: number;
  start: number;
  end: number;
}

/// A unit cut at block boundaries (a unit may run over a paragraph break); empty parts, such as
/// the separator '\n' alone, are left out.
export function portions(blocks: readonly Block[], span: Span): Portion[] {
  const out: Portion[] = [];
  if (blocks.length === 0) return out;
  for (let b = blockIndexAtOffset(blocks, span.start); b < blocks.length && blocks[b].start < span.end; b++) {
    const start = Math.max(span.start, blocks[b].start);
    const end = Math.min(span.end, blocks[b].end);
    if (start < end) out.push({ block: b, start, end });
  }
  return out;
}
