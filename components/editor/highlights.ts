// Paints spans of the essay with the CSS Custom Highlight API instead of decorations.
//
// Why: the essay's DOM never changes, so DOM Ranges over its text nodes stay valid forever, and
// highlights cost no layout at all. Measured on the corpus essay: 5,000 units as inline
// decorations took ~1.4 s to lay out (each unit a span, split at every token); as highlights
// the DOM stays one text node per paragraph. Styles live in globals.css as ::highlight(name).
// (Pattern: Recogito's text-annotator renderer, which keeps the model apart from how it is drawn.)
import type { EditorView } from '@tiptap/pm/view';
import type { PositionMap } from './positions';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => object;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const g = globalThis as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  return g.CSS?.highlights && g.Highlight ? { highlights: g.CSS.highlights, Highlight: g.Highlight } : null;
}

export function highlightsSupported(): boolean {
  return registry() !== null;
}

/// Builds and caches DOM Ranges for canonical spans of one editor view.
export class RangeCache {
  private cache = new Map<string, Range>();
  constructor(
    private view: EditorView,
    private positions: PositionMap,
  ) {}

  range(start: number, end: number): Range {
    const key = `${start}:${end}`;
    let range = this.cache.get(key);
    if (!range) {
      const from = this.view.domAtPos(this.positions.toPos(start));
      const to = this.view.domAtPos(this.positions.toPos(end));
      range = this.view.dom.ownerDocument.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      this.cache.set(key, range);
    }
    return range;
  }

  /// The viewport rectangle of a span (for tooltips, toolbars and scrolling).
  rect(start: number, end: number): DOMRect {
    return this.range(start, end).getBoundingClientRect();
  }
}

interface LiveHighlight extends Iterable<Range> {
  priority: number;
  has(range: Range): boolean;
  add(range: Range): void;
  delete(range: Range): boolean;
  clear(): void;
}

/// What each owner (an editor view) has put in each named highlight, so that several editors on
/// one page (the compare view) share the page-wide highlight names without clobbering each other.
const owned = new WeakMap<object, Map<string, Set<Range>>>();

function liveHighlight(name: string, priority: number, create: boolean): LiveHighlight | undefined {
  const r = registry();
  if (!r) return undefined;
  const all = r.highlights as HighlightRegistry & { get(name: string): LiveHighlight | undefined };
  let highlight = all.get(name);
  if (!highlight && create) {
    highlight = new r.Highlight() as LiveHighlight;
    highlight.priority = priority;
    r.highlights.set(name, highlight);
  }
  return highlight;
}

/// Sets `owner`'s share of the named highlights to exactly these ranges; names not given are
/// left alone. A higher priority paints over a lower one where ranges overlap. Only the ranges
/// that changed are added or removed, so the browser repaints just those (replacing whole
/// highlights made it repaint every unit on each change).
export function paint(owner: object, groups: ReadonlyMap<string, readonly Range[]>, priority = 0) {
  let mine = owned.get(owner);
  if (!mine) owned.set(owner, (mine = new Map()));
  for (const [name, ranges] of groups) {
    const before = mine.get(name) ?? new Set<Range>();
    const next = new Set(ranges);
    const highlight = liveHighlight(name, priority, next.size > 0);
    if (highlight) {
      for (const range of before) if (!next.has(range)) highlight.delete(range);
      for (const range of next) if (!before.has(range)) highlight.add(range);
    }
    mine.set(name, next);
  }
}

/// Takes `owner`'s ranges out of the named highlights (an editor going away).
export function clear(owner: object, names: readonly string[]) {
  paint(owner, new Map(names.map((n) => [n, []])));
}

const caches = new WeakMap<EditorView, RangeCache>();

/// The range cache of a view (one per view: the token layer, unit layer and workspace share it).
export function rangesOf(view: EditorView, positions: PositionMap): RangeCache {
  let cache = caches.get(view);
  if (!cache) {
    cache = new RangeCache(view, positions);
    caches.set(view, cache);
  }
  return cache;
}
