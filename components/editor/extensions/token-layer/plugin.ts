// The token layer: a token caret moved with the keyboard (the read-only editor has no text caret
// of its own), a token-snapped selection — from a mouse drag, or Shift+arrows off the caret —
// and the word under the mouse. All three are painted as CSS highlights (../../highlights), so
// moving them never touches the essay's DOM. The caret moves by word, sentence, paragraph and
// screenful (./moves).
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { TokenSpan } from '@/lib/tokens/types';
import { snapToTokens, tokenBoundaries } from '@/lib/argument/snap';
import type { PositionMap } from '../../positions';
import { clear, paint, rangesOf } from '../../highlights';
import { paragraphStarts, sentenceStarts } from '@/lib/text/sentences';
import { BOTTOM, TOP, reveal } from '../../reveal';
import { isWordToken, stepWordToken, tokenIndexAt } from './tokenIndex';
import { caretMove, edgeWord, stepToStop, type CaretMove } from './moves';

/// `caret` is the focused token; `anchor`, when set, is the other end of a selected token range.
export interface TokenSelection {
  caret: number | null;
  anchor: number | null;
}

export const tokenLayerKey = new PluginKey<TokenSelection>('tokenLayer');

export interface TokenLayerPluginOptions {
  /// The canonical text the tokens cover (its sentences and paragraphs are caret stops).
  text: string;
  tokens: readonly TokenSpan[];
  positions: PositionMap;
  onSelectionChange?: (selection: TokenSelection) => void;
  onHoverChange?: (index: number | null) => void;
}

/// The span [start, end) a token selection covers, in canonical offsets.
export function selectedSpan(tokens: readonly TokenSpan[], selection: TokenSelection): { start: number; end: number } | null {
  if (selection.caret == null) return null;
  const a = selection.anchor ?? selection.caret;
  return { start: tokens[Math.min(a, selection.caret)].start, end: tokens[Math.max(a, selection.caret)].end };
}

export function setTokenSelection(view: EditorView, selection: TokenSelection) {
  view.dispatch(view.state.tr.setMeta(tokenLayerKey, selection));
}

const names = ['ronten-caret', 'ronten-selection', 'ronten-hover'];

export function tokenLayerPlugin({ text, tokens, positions, onSelectionChange, onHoverChange }: TokenLayerPluginOptions): Plugin<TokenSelection> {
  const boundaries = tokenBoundaries(tokens);
  const stops = { sentence: sentenceStarts(text), paragraph: paragraphStarts(text) };
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform);
  let hovered: number | null = null;

  const select = (view: EditorView, selection: TokenSelection) => setTokenSelection(view, selection);

  /// Reads the browser's selection (a mouse drag) and snaps it outward to whole tokens.
  const selectionFromDOM = (view: EditorView): TokenSelection | null => {
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
    const span = snapToTokens(boundaries, Math.min(from, to), Math.max(from, to));
    if (!span) return null;
    let first = tokenIndexAt(tokens, span.start);
    let last = tokenIndexAt(tokens, span.end - 1);
    // A drag across a paragraph end should not start or end on the line break itself.
    while (first < last && !isWordToken(tokens[first])) first++;
    while (last > first && !isWordToken(tokens[last])) last--;
    return from <= to ? { anchor: first, caret: last } : { anchor: last, caret: first };
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
        return caret == null ? edgeWord(tokens, -1) : stepWordToken(tokens, caret, move.step);
      case 'edge':
        return edgeWord(tokens, move.step);
      case 'page':
        return turnPage(view, caret, move.step);
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

  return new Plugin<TokenSelection>({
    key: tokenLayerKey,
    state: {
      init: () => ({ caret: null, anchor: null }),
      apply: (tr: Transaction, value) => (tr.getMeta(tokenLayerKey) as TokenSelection | undefined) ?? value,
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
          const caret = now.caret != null ? tokens[now.caret] : null;
          paint(
            view,
            new Map([
              ['ronten-selection', span ? [ranges.range(span.start, span.end)] : []],
              ['ronten-caret', caret ? [ranges.range(caret.start, caret.end)] : []],
            ]),
          );
          onSelectionChange?.(now);
        },
        destroy: () => clear(editorView, names),
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
          const move = caretMove(event, mac);
          if (!move) return false;
          event.preventDefault();
          const next = target(view, move, caret, event.shiftKey);
          // Shift extends a selection from where the caret was; a plain move collapses it.
          select(view, { caret: next, anchor: event.shiftKey ? (anchor ?? caret ?? next) : null });
          // The caret is the keyboard user's only view of where they are: keep it on screen.
          reveal(rangesOf(view, positions).rect(tokens[next].start, tokens[next].end));
          return true;
        },
        mouseup(view) {
          const dragged = selectionFromDOM(view);
          if (dragged) select(view, dragged);
          // Our own highlights show the selection and caret; the browser's selection would
          // only make ProseMirror sync it back on every later transaction.
          view.dom.ownerDocument.getSelection()?.removeAllRanges();
          return false;
        },
        mousedown(view, event) {
          if (event.button !== 0 || event.shiftKey) return false;
          select(view, { caret: tokenAtPoint(view, event), anchor: null });
          return false;
        },
        mousemove(view, event) {
          setHover(view, tokenAtPoint(view, event));
          return false;
        },
        mouseleave(view) {
          setHover(view, null);
          return false;
        },
      },
    },
  });
}
