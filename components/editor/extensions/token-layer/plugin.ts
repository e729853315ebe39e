// The token layer: one inline decoration per word token (so hover can show its reading), a
// token caret moved with the keyboard (the read-only editor has no text caret of its own), and
// a token-snapped selection — from a mouse drag, or from Shift+arrows off the caret.
// Token decorations are built once — the document never changes — and the caret and selection
// are added to that set per change, which costs O(log n) instead of rebuilding thousands.
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Token } from '@/lib/tokens/types';
import { snapToTokens, tokenBoundaries } from '@/lib/argument/snap';
import type { PositionMap } from '../../positions';
import { isWordToken, stepWordToken, tokenIndexAt } from './tokenIndex';

/// `caret` is the focused token; `anchor`, when set, is the other end of a selected token range.
export interface TokenSelection {
  caret: number | null;
  anchor: number | null;
}

export const tokenLayerKey = new PluginKey<TokenSelection>('tokenLayer');

export interface TokenLayerPluginOptions {
  tokens: readonly Token[];
  positions: PositionMap;
  onSelectionChange?: (selection: TokenSelection) => void;
}

/// The span [start, end) a token selection covers, in canonical offsets.
export function selectedSpan(tokens: readonly Token[], selection: TokenSelection): { start: number; end: number } | null {
  if (selection.caret == null) return null;
  const a = selection.anchor ?? selection.caret;
  return { start: tokens[Math.min(a, selection.caret)].start, end: tokens[Math.max(a, selection.caret)].end };
}

export function setTokenSelection(view: EditorView, selection: TokenSelection) {
  view.dispatch(view.state.tr.setMeta(tokenLayerKey, selection));
}

export function tokenLayerPlugin({ tokens, positions, onSelectionChange }: TokenLayerPluginOptions): Plugin<TokenSelection> {
  const boundaries = tokenBoundaries(tokens);
  let base: DecorationSet | null = null;
  const baseFor = (state: EditorState) => {
    if (!base) {
      const decorations: Decoration[] = [];
      tokens.forEach((t, i) => {
        if (!isWordToken(t)) return;
        decorations.push(Decoration.inline(positions.toPos(t.start), positions.toPos(t.end), { class: 'tok', 'data-ti': String(i) }));
      });
      base = DecorationSet.create(state.doc, decorations);
    }
    return base;
  };

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
    dom.removeAllRanges();
    return from <= to ? { anchor: first, caret: last } : { anchor: last, caret: first };
  };

  return new Plugin<TokenSelection>({
    key: tokenLayerKey,
    state: {
      init: () => ({ caret: null, anchor: null }),
      apply: (tr: Transaction, value) => (tr.getMeta(tokenLayerKey) as TokenSelection | undefined) ?? value,
    },
    view: () => {
      let last: TokenSelection | undefined;
      return {
        update(view) {
          const now = tokenLayerKey.getState(view.state);
          if (now && now !== last) {
            last = now;
            onSelectionChange?.(now);
          }
        },
      };
    },
    props: {
      decorations(state) {
        const set = baseFor(state);
        const selection = tokenLayerKey.getState(state)!;
        if (selection.caret == null) return set;
        const extra: Decoration[] = [];
        const caret = tokens[selection.caret];
        if (selection.anchor != null) {
          const span = selectedSpan(tokens, selection)!;
          extra.push(Decoration.inline(positions.toPos(span.start), positions.toPos(span.end), { class: 'tok-selection' }));
        }
        extra.push(Decoration.inline(positions.toPos(caret.start), positions.toPos(caret.end), { class: 'tok-caret', 'aria-current': 'true' }));
        return set.add(state.doc, extra);
      },
      handleDOMEvents: {
        keydown(view, event) {
          if (tokens.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return false;
          const { caret, anchor } = tokenLayerKey.getState(view.state)!;
          const first = stepWordToken(tokens, -1, 1);
          let next: number | null;
          switch (event.key) {
            case 'ArrowRight':
            case 'ArrowDown':
              next = caret == null ? first : stepWordToken(tokens, caret, 1);
              break;
            case 'ArrowLeft':
            case 'ArrowUp':
              next = caret == null ? first : stepWordToken(tokens, caret, -1);
              break;
            case 'Home':
              next = first;
              break;
            case 'End':
              next = stepWordToken(tokens, tokens.length, -1);
              break;
            case 'Escape':
              if (caret == null) return false;
              // First Escape drops the selection, the second the caret.
              select(view, anchor != null ? { caret, anchor: null } : { caret: null, anchor: null });
              return false;
            default:
              return false;
          }
          event.preventDefault();
          // Shift extends a selection from where the caret was; a plain move collapses it.
          select(view, { caret: next, anchor: event.shiftKey ? (anchor ?? caret ?? next) : null });
          return true;
        },
        mouseup(view) {
          const dragged = selectionFromDOM(view);
          if (dragged) select(view, dragged);
          return false;
        },
        mousedown(view, event) {
          if (event.button !== 0 || event.shiftKey) return false;
          const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
          if (!hit) return false;
          const index = tokenIndexAt(tokens, positions.toOffset(hit.pos));
          select(view, { caret: isWordToken(tokens[index]) ? index : null, anchor: null });
          return false;
        },
      },
    },
  });
}
