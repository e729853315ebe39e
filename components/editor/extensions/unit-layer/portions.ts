// Which paragraph holds which part of which unit, and what changed between two versions of the
// map's units: the bookkeeping of the unit marks (./marks), kept pure so it can be tested
// without a browser.
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

/// The ids of units to take away and to draw, going from `before` to `after`. Units are
/// immutable values (lib/argument), so an unchanged unit is the same object: identity says it.
export function unitChanges<T extends Span>(before: readonly T[], after: readonly T[]): { removed: string[]; added: T[] } {
  const next = new Map(after.map((u) => [u.id, u]));
  const removed = before.filter((u) => next.get(u.id) !== u).map((u) => u.id);
  const old = new Map(before.map((u) => [u.id, u]));
  const added = after.filter((u) => old.get(u.id) !== u);
  return { removed, added };
}
