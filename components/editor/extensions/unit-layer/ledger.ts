// What the unit layer knows of the map's units, kept up to date change by change: each unit by
// id, which units have a part in each paragraph, and each unit's nesting depth (./nesting).
//
// A label key adds one unit to a map of hundreds or thousands. Diffing the whole map, indexing
// it again and sorting it for depths cost about a millisecond a key at 1,000 units, in the
// frame that must show the new unit; here a change costs one pass of comparisons over the units.
import type { Block } from '@/lib/text/types';
import { nestingDepths, nestingOrder, type Span } from './nesting';
import { portions, type Portion } from './portions';

/// Past this many units changed at once (an import, the first load), depths are worked out
/// afresh rather than one unit at a time (each of which is a pass over all units).
const BULK = 32;

const precedes = (a: Span, b: Span) => nestingOrder(a, b) < 0;

/// A unit's part in one block.
export interface Part<T> {
  unit: T;
  portion: Portion;
}

export interface LedgerChanges<T extends Span> {
  /// Units no longer in the map, or replaced by a changed version (their old version).
  removed: T[];
  /// Units new to the map, or changed.
  added: T[];
  /// Units kept as they were whose nesting depth changed.
  deepened: string[];
}

export class UnitLedger<T extends Span> {
  readonly byId = new Map<string, T>();
  private depths = new Map<string, number>();
  private inBlock = new Map<number, Map<string, Part<T>>>();

  constructor(private blocks: readonly Block[]) {}

  /// The units' parts in `block`.
  partsIn(block: number): Iterable<Part<T>> {
    return this.inBlock.get(block)?.values() ?? [];
  }

  depth(id: string): number {
    return this.depths.get(id) ?? 0;
  }

  clear() {
    this.byId.clear();
    this.depths.clear();
    this.inBlock.clear();
  }

  /// Brings the ledger to `units`. Units are immutable values (lib/argument): an unchanged unit
  /// is the same object, so identity says what changed.
  sync(units: readonly T[]): LedgerChanges<T> {
    const added: T[] = [];
    let present = 0;
    for (const u of units) {
      const old = this.byId.get(u.id);
      if (old) present++;
      if (old !== u) added.push(u);
    }
    const removed = added.flatMap((u) => this.byId.get(u.id) ?? []);
    if (present < this.byId.size) {
      const ids = new Set(units.map((u) => u.id));
      for (const [id, u] of this.byId) if (!ids.has(id)) removed.push(u);
    }
    if (removed.length + added.length > BULK) return { removed, added, deepened: this.bulk(units, removed, added) };
    const before = new Map<string, number>();
    for (const u of removed) this.remove(u, before);
    for (const u of added) this.add(u, before);
    const fresh = new Set(added.map((u) => u.id));
    const deepened = [...before].filter(([id, depth]) => !fresh.has(id) && this.byId.has(id) && this.depths.get(id) !== depth);
    return { removed, added, deepened: deepened.map(([id]) => id) };
  }

  private index(u: T) {
    this.byId.set(u.id, u);
    for (const portion of portions(this.blocks, u)) {
      let parts = this.inBlock.get(portion.block);
      if (!parts) this.inBlock.set(portion.block, (parts = new Map()));
      parts.set(u.id, { unit: u, portion });
    }
  }

  private unindex(u: T) {
    this.byId.delete(u.id);
    for (const p of portions(this.blocks, u)) this.inBlock.get(p.block)?.delete(u.id);
  }

  /// Takes `w` out; units it covered at their start sit one level higher. Their depth before
  /// the first change goes to `before`.
  private remove(w: T, before: Map<string, number>) {
    this.unindex(w);
    this.depths.delete(w.id);
    this.shift(w, -1, before);
  }

  private add(w: T, before: Map<string, number>) {
    let depth = 0;
    for (const v of this.byId.values()) if (precedes(v, w) && v.end > w.start) depth++;
    this.index(w);
    this.depths.set(w.id, depth);
    this.shift(w, 1, before);
  }

  /// A unit's depth counts the units before it (in `precedes` order) still open at its start.
  private shift(w: T, by: 1 | -1, before: Map<string, number>) {
    for (const u of this.byId.values()) {
      if (u === w || u.start >= w.end || !precedes(w, u)) continue;
      const depth = this.depths.get(u.id) ?? 0;
      if (!before.has(u.id)) before.set(u.id, depth);
      this.depths.set(u.id, depth + by);
    }
  }

  private bulk(units: readonly T[], removed: readonly T[], added: readonly T[]): string[] {
    for (const u of removed) this.unindex(u);
    for (const u of added) this.index(u);
    const depths = nestingDepths(units);
    const fresh = new Set(added.map((u) => u.id));
    const deepened = [...depths].filter(([id, depth]) => !fresh.has(id) && this.depths.get(id) !== depth).map(([id]) => id);
    this.depths = depths;
    return deepened;
  }
}
