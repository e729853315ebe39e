// Draws argument units as boxes behind the essay's text: one absolutely positioned element for
// each line a unit runs over, in a layer under the text (aria-hidden: the unit list is the
// accessible view of the units). The boxes are in the layer's shadow root, styled by ./looks.
//
// Why boxes and not CSS highlights (../../highlights, which still draw the caret, the snapped
// selection and the hovered word): Chromium records every highlighted word in view afresh on
// every frame that paints anything at all. With 1,000 units that was ~12 ms a frame here, so a
// label key, an arrow key or a hover each cost most of a frame. Boxes are cached like any
// element: a frame that adds one costs ~2 ms whatever the size of the map. A new unit's boxes
// come from its words' rectangles, measured when the paragraph was first drawn (./geometry).
//
// Boxes are drawn per paragraph: those in view at once, those within a screen of it when the
// browser is idle, so a map of thousands of units costs only what is near the view; a change of
// the essay's size (window, fonts, or in a long essay a paragraph laid out for the first time,
// its estimated height giving way to its own: ../lazyParagraphs) draws them again. A printout gets CSS highlights instead:
// printing lays the text out anew at the page's width.
//
// 縦書き (../../vertical): lines are columns, so a unit gets a box per column, and the paragraphs
// near the view are those near it sideways (they run right to left). Turning the text changes
// the essay's size, which draws everything again.
import type { EditorView } from '@tiptap/pm/view';
import type { TextUnit } from '@/lib/argument/types';
import type { Block } from '@/lib/text/types';
import type { Token } from '@/lib/tokens/types';
import type { PositionMap } from '../../positions';
import { clear, paint, rangesOf, type RangeCache } from '../../highlights';
import { SLOT_COUNT, labelSlot } from '@/components/annotate/labels';
import { slotClass, unitMarkCss } from './looks';
import { spanBoxes, type Box, type Words } from './geometry';
import { tokenIndexAt } from '../token-layer/tokenIndex';
import { UnitLedger, type Part } from './ledger';
import { portions } from './portions';
import { isVertical } from '../../vertical';

export interface UnitLayerInput {
  /// Units of the text only (an implicit unit has no place in it: lib/argument textUnits).
  units: readonly TextUnit[];
  /// The scheme's labels in order: a unit's look is its label's slot.
  labels: readonly { id: string }[];
  mainClaimId: string | null;
  /// The selected units (several: the premises of a linked argument being made).
  selectedIds: readonly string[];
  /// Units to emphasise (hover in the list or map, link targets).
  highlightIds: ReadonlySet<string>;
}

const EMPTY: UnitLayerInput = { units: [], labels: [], mainClaimId: null, selectedIds: [], highlightIds: new Set() };

/// How far above and below the viewport paragraphs get their boxes ahead of need, in viewport
/// heights.
const MARGIN = 1;

/// Runs `task` when the browser is idle, with a clock of the time left (Safari has no
/// requestIdleCallback: soon after, with a short budget).
function whenIdle(task: (timeLeft: () => number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => task(() => deadline.timeRemaining()));
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const start = performance.now();
    task(() => 8 - (performance.now() - start));
  }, 50);
  return () => clearTimeout(id);
}

/// The CSS highlight a unit is printed with (see beforePrint).
export function printHighlightName(slot: number | null): string {
  return `ronten-print-${slotClass(slot)}`;
}
const PRINT_NAMES = [...Array.from({ length: SLOT_COUNT }, (_, k) => k), null].map(printHighlightName);

export class UnitMarks {
  private input = EMPTY;
  /// The units drawn: by id, by block, with their nesting depths.
  private ledger: UnitLedger<TextUnit>;
  /// Blocks whose boxes are drawn.
  private drawn = new Set<number>();
  /// Each unit's boxes (over all drawn blocks).
  private boxes = new Map<string, HTMLElement[]>();
  /// Each drawn block's element, holding its boxes.
  private groups = new Map<number, HTMLElement>();
  /// Each drawn block's words, measured (relative to the layer).
  private words = new Map<number, Words>();
  /// Whether the words were measured in vertical columns (縦書き).
  private vertical = false;
  private ranges: RangeCache;
  /// Where the boxes go: the layer's shadow root, after its stylesheet.
  private root: ShadowRoot;
  private style: HTMLStyleElement;
  private size = { width: -1, height: -1 };
  private resize: ResizeObserver;
  private pending = 0;
  private cancelIdle: (() => void) | null = null;

  constructor(
    private view: EditorView,
    positions: PositionMap,
    private blocks: readonly Block[],
    private tokens: readonly Pick<Token, 'start' | 'end'>[],
    private layer: HTMLElement,
  ) {
    this.ledger = new UnitLedger(blocks);
    this.ranges = rangesOf(view, positions);
    this.root = layer.shadowRoot ?? layer.attachShadow({ mode: 'open' });
    this.style = document.createElement('style');
    this.style.textContent = unitMarkCss;
    this.root.replaceChildren(this.style);
    this.resize = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width === this.size.width && height === this.size.height) return;
      // The first report is the size the boxes were just drawn at.
      const first = this.size.width < 0;
      this.size = { width, height };
      if (!first) this.redraw();
    });
    this.resize.observe(view.dom);
    // Scrolling of the page or of any pane holding the essay (scroll events do not bubble).
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll);
    document.fonts?.addEventListener('loadingdone', this.redraw);
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
  }

  /// Brings the boxes in line with `next`: only units that changed are drawn again, and only the
  /// selection, main claim and emphasis of the units they concern are restyled.
  update(next: UnitLayerInput) {
    const prev = this.input;
    this.input = next;
    const before = next.labels === prev.labels ? prev.units : [];
    if (next.labels !== prev.labels) {
      this.clear();
      this.ledger.clear();
    }
    if (next.units !== before) {
      const { removed, added, deepened } = this.ledger.sync(next.units);
      for (const u of removed) this.forget(u.id);
      for (const id of deepened) {
        for (const box of this.boxes.get(id) ?? []) box.style.setProperty('--depth', String(this.ledger.depth(id)));
      }
      this.draw(added.flatMap((unit) => portions(this.blocks, unit).filter((p) => this.drawn.has(p.block)).map((portion) => ({ unit, portion }))));
    }
    const touched = new Set([...prev.selectedIds, ...next.selectedIds, prev.mainClaimId, next.mainClaimId, ...prev.highlightIds, ...next.highlightIds]);
    for (const id of touched) if (id) this.restyle(id);
    // Later blocks are drawn as they come near (scroll, resize); only the first update looks.
    if (this.drawn.size === 0) this.drawNear();
    this.layer.dataset.units = String(next.units.length);
  }

  destroy() {
    this.resize.disconnect();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    document.fonts?.removeEventListener('loadingdone', this.redraw);
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    this.afterPrint();
    cancelAnimationFrame(this.pending);
    this.cancelIdle?.();
    this.clear();
  }

  /// Printing lays the text out again at the page's width, where boxes measured on screen would
  /// sit on the wrong words: the printout gets the units as CSS highlights instead, which
  /// follow the text (globals.css hides the boxes in print).
  private beforePrint = () => {
    const groups = new Map<string, AbstractRange[]>(PRINT_NAMES.map((n) => [n, []]));
    for (const u of this.input.units) {
      groups.get(printHighlightName(labelSlot(this.input.labels, u.label)))!.push(this.ranges.range(u.start, u.end));
    }
    paint(this, groups);
  };

  private afterPrint = () => clear(this, PRINT_NAMES);

  private onScroll = () => {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.drawNear();
    });
  };

  /// Draws what is in view now, and what is within MARGIN screens of it once the browser is idle.
  private drawNear() {
    this.drawBlocks(this.undrawnNear(0));
    this.drawAhead();
  }

  /// Draws the blocks within MARGIN screens one at a time while the browser is idle, and has
  /// their boxes styled and laid out there too (else that work would land in the next frame).
  /// Boxes never move paragraphs, so which blocks are left is found once per idle period.
  private drawAhead() {
    this.cancelIdle?.();
    this.cancelIdle = whenIdle((timeLeft) => {
      this.cancelIdle = null;
      const left = this.undrawnNear(MARGIN);
      // A block of dense units takes a few milliseconds: start one only with time for it.
      while (left.length > 0 && timeLeft() > 6) {
        this.drawBlocks(left.splice(0, 1));
        void this.layer.getBoundingClientRect();
      }
      if (left.length > 0) this.drawAhead();
    });
  }

  /// Text moved (the essay's size changed, a font arrived): every box is drawn again.
  private redraw = () => {
    this.clear();
    this.drawNear();
  };

  private clear() {
    this.root.replaceChildren(this.style);
    this.groups.clear();
    this.boxes.clear();
    this.drawn.clear();
    this.words.clear();
  }

  private forget(id: string) {
    for (const box of this.boxes.get(id) ?? []) box.remove();
    this.boxes.delete(id);
  }

  private classOf(u: TextUnit): string {
    const { labels, selectedIds, mainClaimId, highlightIds } = this.input;
    return `unit-mark ${slotClass(labelSlot(labels, u.label))}${u.id === mainClaimId ? ' is-main' : ''}${highlightIds.has(u.id) ? ' is-emphasized' : ''}${selectedIds.includes(u.id) ? ' is-selected' : ''}`;
  }

  private restyle(id: string) {
    const u = this.ledger.byId.get(id);
    if (!u) return;
    const name = this.classOf(u);
    for (const box of this.boxes.get(id) ?? []) box.className = name;
  }

  /// The blocks within `margin` screens of the viewport that are not drawn yet, in text order.
  /// Paragraphs run down the page, or in 縦書き from right to left.
  private undrawnNear(margin: number): number[] {
    const paragraphs = this.view.dom.children;
    const n = Math.min(paragraphs.length, this.blocks.length);
    const vertical = isVertical(this.view.dom);
    const screen = vertical ? window.innerWidth : window.innerHeight;
    const start = -margin * screen;
    const end = (1 + margin) * screen;
    /// Wholly before the near area (above it; right of it), and wholly after it.
    const before = (r: DOMRect) => (vertical ? r.left > end : r.bottom < start);
    const after = (r: DOMRect) => (vertical ? r.right < start : r.top > end);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(paragraphs[mid].getBoundingClientRect())) lo = mid + 1;
      else hi = mid;
    }
    const blocks: number[] = [];
    for (let b = lo; b < n && !after(paragraphs[b].getBoundingClientRect()); b++) if (!this.drawn.has(b)) blocks.push(b);
    return blocks;
  }

  /// Measures the blocks' words, then draws their units' parts.
  private drawBlocks(blocks: readonly number[]) {
    if (blocks.length === 0) return;
    this.vertical = isVertical(this.view.dom);
    this.layer.toggleAttribute('data-vertical', this.vertical);
    const origin = this.layer.getBoundingClientRect();
    for (const b of blocks) {
      this.drawn.add(b);
      this.words.set(b, this.measure(b, origin));
    }
    this.draw(blocks.flatMap((b) => [...this.ledger.partsIn(b)]));
  }

  /// The rectangles of a block's words, relative to the layer at `origin`. Callers measure
  /// every block they need before they add any box: a read after a write lays the page out.
  private measure(block: number, origin: DOMRect): Words {
    const { start, end } = this.blocks[block];
    const starts: number[] = [];
    const boxes: Box[][] = [];
    // Tokens cover the text, a line break being a token of its own: one starts where the block does.
    for (let i = tokenIndexAt(this.tokens, start); i < this.tokens.length && this.tokens[i].end <= end; i++) {
      const token = this.tokens[i];
      starts.push(token.start);
      boxes.push(Array.from(this.ranges.rects(token.start, token.end), (r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height })));
    }
    return { starts, boxes };
  }

  /// Adds the boxes of unit parts in drawn (so measured) blocks; reads no layout.
  private draw(parts: readonly Part<TextUnit>[]) {
    for (const { unit: u, portion } of parts) {
      const { block, start, end } = portion;
      const words = this.words.get(block);
      if (!words) continue;
      let list = this.boxes.get(u.id);
      if (!list) this.boxes.set(u.id, (list = []));
      const name = this.classOf(u);
      const depth = this.ledger.depth(u.id);
      const group = this.group(block);
      for (const r of spanBoxes(words, start, end, this.vertical)) {
        const box = document.createElement('div');
        box.className = name;
        box.dataset.unit = u.id;
        box.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px${depth ? `;--depth:${depth}` : ''}`;
        list.push(box);
        group.append(box);
      }
    }
  }

  /// The element holding a block's boxes. Each block's boxes are laid out on their own (layout
  /// containment): adding a paragraph's boxes then costs that paragraph, not every box drawn.
  private group(block: number): HTMLElement {
    let group = this.groups.get(block);
    if (!group) {
      group = document.createElement('div');
      group.className = 'block';
      this.root.append(group);
      this.groups.set(block, group);
    }
    return group;
  }
}
