// Ranges over the essay's text, and painting them with the CSS Custom Highlight API instead of
// decorations: the word caret, the snapped selection, the hovered word, the compare view's
// units. (The annotation editor's own units are boxes: ./extensions/unit-layer/marks.)
//
// Why: the essay's DOM never changes, so ranges over its text nodes stay valid forever, and the
// essay's DOM stays one text node per paragraph (inline decorations split it at every unit and
// word: 5,000 units took ~1.4 s to lay out). Styles live in globals.css as ::highlight(name).
// Chromium records highlighted text afresh on every frame that paints, so highlights suit a few
// ranges, or views that do not change while read.
// (Pattern: Recogito's text-annotator renderer, which keeps the model apart from how it is drawn.)
import type { EditorView } from '@tiptap/pm/view';
import type { PositionMap } from './positions';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: AbstractRange[]) => object;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const g = globalThis as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  return g.CSS?.highlights && g.Highlight ? { highlights: g.CSS.highlights, Highlight: g.Highlight } : null;
}

export function highlightsSupported(): boolean {
  return registry() !== null;
}

/// Builds and caches the ranges of canonical spans of one editor view, and measures spans.
///
/// The cached ranges are StaticRanges: the browser updates every live Range on each removal of
/// a node anywhere in the document, so thousands of cached live Ranges (one per unit and word)
/// made every DOM removal on the page slow (~2 ms a label key with 1,000 units). The essay's DOM
/// never changes, so static ranges stay right; measuring borrows one live Range.
export class RangeCache {
  private cache = new Map<string, StaticRange>();
  private probe: Range | null = null;
  constructor(
    private view: EditorView,
    private positions: PositionMap,
  ) {}

  range(start: number, end: number): StaticRange {
    const key = `${start}:${end}`;
    let range = this.cache.get(key);
    if (!range) {
      const [from, to] = this.ends(start, end);
      range = new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
      this.cache.set(key, range);
    }
    return range;
  }

  private ends(start: number, end: number) {
    return [this.view.domAtPos(this.positions.toPos(start)), this.view.domAtPos(this.positions.toPos(end))] as const;
  }

  /// Measuring caches nothing: the unit layer measures every word of a paragraph once.
  private measured(start: number, end: number): Range {
    const [from, to] = this.ends(start, end);
    const probe = (this.probe ??= this.view.dom.ownerDocument.createRange());
    probe.setStart(from.node, from.offset);
    probe.setEnd(to.node, to.offset);
    return probe;
  }

  /// The viewport rectangle of a span (for tooltips, toolbars and scrolling).
  rect(start: number, end: number): DOMRect {
    return this.measured(start, end).getBoundingClientRect();
  }

  /// The viewport rectangles of a span, one per line it runs over.
  rects(start: number, end: number): DOMRectList {
    return this.measured(start, end).getClientRects();
  }
}

interface LiveHighlight extends Iterable<AbstractRange> {
  priority: number;
  has(range: AbstractRange): boolean;
  add(range: AbstractRange): void;
  delete(range: AbstractRange): boolean;
  clear(): void;
}

/// What each owner (an editor view) has put in each named highlight, so that several editors on
/// one page (the compare view) share the page-wide highlight names without clobbering each other.
const owned = new WeakMap<object, Map<string, Set<AbstractRange>>>();

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
export function paint(owner: object, groups: ReadonlyMap<string, readonly AbstractRange[]>, priority = 0) {
  let mine = owned.get(owner);
  if (!mine) owned.set(owner, (mine = new Map()));
  for (const [name, ranges] of groups) {
    const before = mine.get(name) ?? new Set<AbstractRange>();
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
