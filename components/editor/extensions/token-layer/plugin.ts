// The token layer: a token caret moved with the keyboard (the read-only editor has no text caret
// of its own), a token-snapped selection — from a mouse drag, or Shift+arrows off the caret —
// and the word under the mouse. All three are painted as CSS highlights (../../highlights), so
// moving them never touches the essay's DOM. The caret moves by phrase, sentence, paragraph and
// screenful (./moves).
//
// Phrases (文節, lib/tokens/phrases.ts): a drag or a Shift+click snaps outward to whole phrases,
// and the caret steps and shows by phrase, unless the reader chose morpheme precision
// (`precision`) or holds Alt (Alt-drag, Alt+arrows — after which the caret shows its morpheme
// alone (`morpheme`), and Space picks it; ⌃⌥+arrows on macOS). A double click selects
// the phrase (the morpheme, in morpheme precision), a triple click the sentence. The selection is
// still a token range: units keep morpheme offsets.
//
// 縦書き (../../vertical) changes only the keys: the arrows turn with the text, ←/→ and the page
// keys measure columns (./columns). Drags, clicks and painting read the layout as it is.
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { TokenSpan } from '@/lib/tokens/types';
import { floorIndex, phraseOf, snapToTokens, tokenBoundaries, widenToPhrases } from '@/lib/argument/snap';
import type { PositionMap } from '../../positions';
import { clear, paint, rangesOf } from '../../highlights';
import { paragraphStarts, sentenceStarts } from '@/lib/text/sentences';
import { BOTTOM, TOP, reveal } from '../../reveal';
import { caretTokens, isWordToken, stepWordToken, tokenIndexAt } from './tokenIndex';
import { caretMove, edgeWord, extendByPhrase, extendToPhrase, phraseWord, stepPhrase, stepToStop, type CaretMove } from './moves';
import { verticalScroller } from '../../vertical';
import { turnColumns, wordAcrossColumns } from './columns';

/// `caret` is the focused token; `anchor`, when set, is the other end of a selected token range.
/// `morpheme`: the caret was moved with the modifier (Alt+arrows), so it shows and names its
/// morpheme, not the rest of its phrase.
export interface TokenSelection {
  caret: number | null;
  anchor: number | null;
  morpheme?: boolean;
}

export const tokenLayerKey = new PluginKey<TokenSelection>('tokenLayer');

export interface TokenLayerPluginOptions {
  /// The canonical text the tokens cover (its sentences and paragraphs are caret stops).
  text: string;
  tokens: readonly TokenSpan[];
  positions: PositionMap;
  /// The first token of each phrase, then the token count (phraseStartTokens); none: morphemes only.
  phrases?: readonly number[];
  /// The reader's choice, read at each gesture: snap to phrases or to morphemes.
  precision?: () => Precision;
  onSelectionChange?: (selection: TokenSelection) => void;
  onHoverChange?: (index: number | null) => void;
}

export type Precision = 'phrase' | 'morpheme';

/// The span [start, end) a token selection covers, in canonical offsets.
export function selectedSpan(tokens: readonly TokenSpan[], selection: TokenSelection): { start: number; end: number } | null {
  if (selection.caret == null) return null;
  const a = selection.anchor ?? selection.caret;
  return { start: tokens[Math.min(a, selection.caret)].start, end: tokens[Math.max(a, selection.caret)].end };
}

export function setTokenSelection(view: EditorView, selection: TokenSelection) {
  view.dispatch(view.state.tr.setMeta(tokenLayerKey, selection));
}

const pickMeta = 'tokenLayer:pick';

/// Selects what the caret shows — its phrase, or its morpheme in morpheme precision — (Space, or
/// a label key with no selection) and returns the new selection.
export function pickCaret(view: EditorView): TokenSelection {
  view.dispatch(view.state.tr.setMeta(pickMeta, true));
  return tokenLayerKey.getState(view.state)!;
}

const names = ['ronten-caret', 'ronten-selection', 'ronten-hover'];

export function tokenLayerPlugin({ text, tokens, positions, phrases, precision, onSelectionChange, onHoverChange }: TokenLayerPluginOptions): Plugin<TokenSelection> {
  const boundaries = tokenBoundaries(tokens);
  const starts = phrases && phrases.length > 1 ? phrases : null;
  /// Whether a gesture works on phrases: there are phrases, the reader did not choose morphemes,
  /// and the gesture does not hold the modifier.
  const byPhrase = (modifier: boolean) => starts != null && !modifier && (precision?.() ?? 'phrase') === 'phrase';
  /// What the caret shows: the rest of its phrase, or its token (caretTokens).
  const caretSpan = (caret: number, morpheme = false): { start: number; end: number } => {
    const { first, last } = caretTokens(tokens, byPhrase(false) ? starts : null, caret, morpheme);
    return { start: tokens[first].start, end: tokens[last].end };
  };
  const stops = { sentence: sentenceStarts(text), paragraph: paragraphStarts(text) };
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform);
  let hovered: number | null = null;

  const select = (view: EditorView, selection: TokenSelection) => setTokenSelection(view, selection);

  /// The token range [from, to) covers once snapped outward to whole words, trimmed of line
  /// breaks at its ends; `backward` puts the caret at its start.
  const snappedSelection = (from: number, to: number, backward: boolean, modifier = false): TokenSelection | null => {
    const span = snapToTokens(boundaries, from, to);
    if (!span) return null;
    let first = tokenIndexAt(tokens, span.start);
    let last = tokenIndexAt(tokens, span.end - 1);
    if (byPhrase(modifier)) ({ first, last } = widenToPhrases(starts!, first, last));
    // A drag across a paragraph end should not start or end on the line break itself.
    while (first < last && !isWordToken(tokens[first])) first++;
    while (last > first && !isWordToken(tokens[last])) last--;
    return backward ? { anchor: last, caret: first } : { anchor: first, caret: last };
  };

  /// Reads the browser's selection (a Shift+click, or a drag whose ends are off the text).
  const selectionFromDOM = (view: EditorView, modifier: boolean): TokenSelection | null => {
    const dom = view.dom.ownerDocument.getSelection();
    if (!dom || dom.isCollapsed || !dom.anchorNode || !dom.focusNode) return null;
    if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return null;
    let from: number;
    let to: number;
    try {
      from = positions.toOffset(view.posAtDOM(dom.anchorNode, dom.anchorOffset));
      to = positions.toOffset(view.posAtDOM(dom.focusNode, dom.focusOffset));
    } catch {
      return null;
    }
    return snappedSelection(Math.min(from, to), Math.max(from, to), from > to, modifier);
  };

  /// What a point of a drag covers: the character under it, as [c, c + 1), or — beside the
  /// text — the gap posAtCoords finds nearest, as [o, o). posAtCoords alone answers the gap
  /// nearest the point, which from a character's centre on is AFTER it, so a drag from there
  /// would miss the character it started on.
  const pointSpan = (view: EditorView, x: number, y: number): { lo: number; hi: number } | null => {
    const hit = view.posAtCoords({ left: x, top: y });
    if (!hit) return null;
    const o = positions.toOffset(hit.pos);
    const ranges = rangesOf(view, positions);
    const end = tokens.length ? tokens[tokens.length - 1].end : 0;
    for (const c of [o - 1, o]) {
      if (c < 0 || c >= end) continue;
      const r = ranges.rect(c, c + 1);
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return { lo: c, hi: c + 1 };
    }
    return { lo: o, hi: o };
  };

  /// A mouse drag, read from where it was pressed and where the pointer is now — not from the
  /// browser's selection: in Chromium that selection stayed collapsed on the pointer (anchor =
  /// focus, moving with it) through drags pressed at many points of a character, its centre
  /// among them, so such a drag selected nothing (e2e/drag-sweep.spec.ts: 131 of 189 drags).
  interface Press {
    x: number;
    y: number;
    at: { lo: number; hi: number } | null;
    moved: boolean;
    /// Alt held at the press: morpheme precision for this drag.
    alt: boolean;
  }
  let pressed: Press | null = null;
  const dragSelection = (view: EditorView, press: Press, x: number, y: number, alt: boolean): TokenSelection | null => {
    if (!press.at) return null;
    const at = pointSpan(view, x, y);
    if (!at) return null;
    const from = Math.min(press.at.lo, at.lo);
    const to = Math.max(press.at.hi, at.hi);
    return snappedSelection(from, to, at.lo < press.at.lo, press.alt || alt);
  };

  /// A double click: the phrase (or morpheme) under the pointer; a triple click: its sentence.
  const multiClickSelection = (view: EditorView, event: MouseEvent): TokenSelection | null => {
    const at = pointSpan(view, event.clientX, event.clientY);
    if (!at || at.lo === at.hi) return null;
    if (event.detail === 2) return snappedSelection(at.lo, at.hi, false, event.altKey);
    const k = floorIndex(stops.sentence, at.lo);
    const start = stops.sentence[k] ?? 0;
    const end = k + 1 < stops.sentence.length ? stops.sentence[k + 1] : text.length;
    return snappedSelection(start, end, false, true);
  };
  const paintSelection = (view: EditorView, selection: TokenSelection | null) => {
    const span = selection ? selectedSpan(tokens, selection) : null;
    paint(view, new Map([['ronten-selection', span ? [rangesOf(view, positions).range(span.start, span.end)] : []]]));
  };

  const tokenAtPoint = (view: EditorView, event: MouseEvent): number | null => {
    const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!hit) return null;
    const index = tokenIndexAt(tokens, positions.toOffset(hit.pos));
    if (!isWordToken(tokens[index])) return null;
    // posAtCoords answers the nearest position even beside the text: check the word is under
    // the pointer.
    const rect = rangesOf(view, positions).rect(tokens[index].start, tokens[index].end);
    const inside = event.clientX >= rect.left - 1 && event.clientX <= rect.right + 1 && event.clientY >= rect.top - 1 && event.clientY <= rect.bottom + 1;
    return inside ? index : null;
  };

  const setHover = (view: EditorView, index: number | null) => {
    if (index === hovered) return;
    hovered = index;
    const ranges = rangesOf(view, positions);
    paint(view, new Map([['ronten-hover', index == null ? [] : [ranges.range(tokens[index].start, tokens[index].end)]]]));
    onHoverChange?.(index);
  };

  /// Where a move takes the caret.
  const target = (view: EditorView, move: CaretMove, caret: number | null, extend: boolean): number => {
    switch (move.by) {
      case 'word':
        if (byPhrase(move.morpheme)) return stepPhrase(tokens, starts!, caret, move.step);
        return caret == null ? edgeWord(tokens, -1) : stepWordToken(tokens, caret, move.step);
      case 'edge':
        return edgeWord(tokens, move.step);
      case 'page': {
        const scroller = verticalScroller(view.dom);
        if (!scroller) return turnPage(view, caret, move.step);
        return turnColumns(view, positions, tokens, scroller, caret, move.step) ?? edgeWord(tokens, move.step);
      }
      case 'line': {
        const scroller = verticalScroller(view.dom);
        if (caret == null || !scroller) return caret ?? edgeWord(tokens, -1);
        const to = wordAcrossColumns(view, positions, tokens, scroller, caret, move.step);
        // By phrase, the caret lands on the first word of the phrase beside it.
        return byPhrase(move.morpheme) ? phraseWord(tokens, starts!, phraseOf(starts!, to)) : to;
      }
      default:
        return stepToStop(tokens, stops[move.by], caret, move.step, extend);
    }
  };

  /// PageUp/PageDown: scrolls a screenful (less the sticky toolbar's room) and puts the caret on
  /// the word now where it was on the screen, so it moves with the view instead of staying
  /// behind; at the top or bottom of the page, on the first or last word.
  const turnPage = (view: EditorView, caret: number | null, step: 1 | -1): number => {
    const was = caret == null ? null : rangesOf(view, positions).rect(tokens[caret].start, tokens[caret].end);
    const scrolled = window.scrollY;
    window.scrollBy({ top: step * Math.max(100, window.innerHeight - TOP - BOTTOM), behavior: 'instant' });
    if (window.scrollY === scrolled) return edgeWord(tokens, step);
    const frame = view.dom.getBoundingClientRect();
    const y = was ? (was.top + was.bottom) / 2 : TOP + 12;
    const hit = view.posAtCoords({
      left: was ? was.left + 1 : frame.left + 1,
      top: Math.min(Math.max(y, TOP + 4), window.innerHeight - BOTTOM - 4),
    });
    if (!hit) return edgeWord(tokens, step);
    const index = tokenIndexAt(tokens, positions.toOffset(hit.pos));
    return isWordToken(tokens[index]) ? index : stepWordToken(tokens, index, step);
  };

  /// The end of a press: a drag selects what it covered; a Shift+click extends the browser's
  /// selection, which is read instead.
  const release = (view: EditorView, event: MouseEvent) => {
    const drag = pressed;
    pressed = null;
    if (multiClicked) {
      // The double or triple click selected at the press; the browser's own word selection goes.
      multiClicked = false;
      view.dom.ownerDocument.getSelection()?.removeAllRanges();
      return;
    }
    const dragged = drag?.moved
      ? (dragSelection(view, drag, event.clientX, event.clientY, event.altKey) ?? selectionFromDOM(view, drag.alt || event.altKey))
      : selectionFromDOM(view, event.altKey);
    if (dragged) select(view, dragged);
    else paintSelection(view, null); // what the drag showed while it moved
    // Our own highlights show the selection and caret; the browser's selection would only make
    // ProseMirror sync it back on every later transaction.
    view.dom.ownerDocument.getSelection()?.removeAllRanges();
  };

  let multiClicked = false;
  /// The pending press's mouseup listener. One at a time: a press whose mouseup never came (the
  /// browser began a drag-and-drop of its own selection instead) must not leave a listener behind
  /// that would end the next press a second time and wipe the selection it made.
  let stopListening: (() => void) | null = null;

  return new Plugin<TokenSelection>({
    key: tokenLayerKey,
    state: {
      init: () => ({ caret: null, anchor: null }),
      apply: (tr: Transaction, value) => {
        if (tr.getMeta(pickMeta) && value.caret != null) {
          if (!byPhrase(false) || value.morpheme) return { caret: value.caret, anchor: value.caret };
          const shown = caretSpan(value.caret);
          return { caret: value.caret, anchor: tokenIndexAt(tokens, shown.end - 1) };
        }
        return (tr.getMeta(tokenLayerKey) as TokenSelection | undefined) ?? value;
      },
    },
    view: (editorView) => {
      let last: TokenSelection | undefined;
      return {
        update(view) {
          const now = tokenLayerKey.getState(view.state);
          if (!now || now === last) return;
          last = now;
          const ranges = rangesOf(view, positions);
          const span = now.anchor != null ? selectedSpan(tokens, now) : null;
          const caret = now.caret != null ? caretSpan(now.caret, now.morpheme) : null;
          paint(
            view,
            new Map([
              ['ronten-selection', span ? [ranges.range(span.start, span.end)] : []],
              ['ronten-caret', caret ? [ranges.range(caret.start, caret.end)] : []],
            ]),
          );
          onSelectionChange?.(now);
        },
        destroy: () => {
          stopListening?.();
          clear(editorView, names);
        },
      };
    },
    props: {
      handleDOMEvents: {
        keydown(view, event) {
          if (tokens.length === 0) return false;
          const { caret, anchor } = tokenLayerKey.getState(view.state)!;
          if (event.key === 'Escape') {
            if (caret == null) return false;
            // First Escape drops the selection, the second the caret.
            select(view, anchor != null ? { caret, anchor: null } : { caret: null, anchor: null });
            return false;
          }
          const move = caretMove(event, mac, verticalScroller(view.dom) !== null);
          if (!move) return false;
          event.preventDefault();
          let next: TokenSelection;
          if (move.by === 'word' && event.shiftKey && caret != null && byPhrase(move.morpheme)) {
            // Shift+arrows by phrase keep the selection to whole phrases.
            next = extendByPhrase(tokens, starts!, { caret, anchor }, move.step);
          } else if (move.by === 'line' && event.shiftKey && caret != null && byPhrase(move.morpheme)) {
            next = extendToPhrase(tokens, starts!, { caret, anchor }, target(view, move, caret, true));
          } else {
            const to = target(view, move, caret, event.shiftKey);
            // Shift extends a selection from where the caret was; a plain move collapses it.
            next = { caret: to, anchor: event.shiftKey ? (anchor ?? caret ?? to) : null };
            // Alt+arrows: the caret shows (and the live region names) the morpheme it landed on.
            if (move.by === 'word' && move.morpheme && !event.shiftKey) next.morpheme = true;
          }
          select(view, next);
          // The caret is the keyboard user's only view of where they are: keep it on screen.
          const shown = caretSpan(next.caret!, next.morpheme);
          reveal(view, () => rangesOf(view, positions).rect(shown.start, shown.end));
          return true;
        },
        mousedown(view, event) {
          pressed = null;
          stopListening?.();
          stopListening = null;
          if (event.button !== 0) return false;
          // The release may come anywhere (past the essay's edge), so listen on the document.
          const doc = view.dom.ownerDocument;
          const up = (e: MouseEvent) => {
            stopListening = null;
            release(view, e);
          };
          doc.addEventListener('mouseup', up, { capture: true, once: true });
          stopListening = () => doc.removeEventListener('mouseup', up, { capture: true });
          if (event.shiftKey) return false;
          if (event.detail >= 2) {
            const chosen = multiClickSelection(view, event);
            if (chosen) {
              // Not the browser's word or paragraph selection: ours, snapped.
              event.preventDefault();
              multiClicked = true;
              select(view, chosen);
              return true;
            }
          }
          pressed = { x: event.clientX, y: event.clientY, at: pointSpan(view, event.clientX, event.clientY), moved: false, alt: event.altKey };
          select(view, { caret: tokenAtPoint(view, event), anchor: null });
          return false;
        },
        mousemove(view, event) {
          setHover(view, tokenAtPoint(view, event));
          if (pressed && (event.buttons & 1) === 0) pressed = null;
          // Past ProseMirror's click slop (4 px) a press is a drag: show what it selects so far.
          if (pressed && !pressed.moved && Math.max(Math.abs(event.clientX - pressed.x), Math.abs(event.clientY - pressed.y)) > 4) pressed.moved = true;
          if (pressed?.moved) paintSelection(view, dragSelection(view, pressed, event.clientX, event.clientY, event.altKey));
          return false;
        },
        // A press inside a browser selection, then a move, would start the browser's
        // drag-and-drop of that text: the mouseup never comes and the drag selects nothing.
        // The essay's text is not for dragging out (copy is), so no drag ever starts.
        dragstart(_view, event) {
          event.preventDefault();
          return true;
        },
        mouseleave(view) {
          setHover(view, null);
          return false;
        },
      },
    },
  });
}
