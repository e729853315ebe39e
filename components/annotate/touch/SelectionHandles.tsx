'use client';
// Drag handles at both ends of the selected words (touch): dragging one moves that end over the
// text, snapped to whole words as a mouse drag is, while the other end stays. A handle hangs
// below its line so the finger does not hide the words; what is under the finger's point,
// lifted by that distance, is the new end. (Keyboard users extend with Shift+arrows: the
// handles are not in the accessibility tree.) In 縦書き the start's handle stands above the first
// character and the end's hangs below the last, in the column; the columns scroll sideways in
// their own scroller, so the handles follow its scrolling and hide when their end is out of it.
import { useLayoutEffect, useRef, useState } from 'react';
import type { EditorView } from '@tiptap/pm/view';
import type { TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../../editor/positions';
import { isWordToken, setTokenSelection, stepWordToken, type TokenSelection } from '../../editor/extensions/token-layer';
import { wordAt } from './wordAt';
import { rangesOf } from '../../editor/highlights';
import { verticalScroller } from '../../editor/vertical';

interface Props {
  frameRef: React.RefObject<HTMLDivElement | null>;
  view: () => EditorView | null;
  positions: PositionMap;
  tokens: readonly TokenSpan[];
  selection: TokenSelection;
}

interface Place {
  left: number;
  top: number;
  /// The middle of the end's line, in the frame.
  line: number;
  /// 縦書き: the middle of the end's column, in the frame (the finger is lifted sideways too).
  column?: number;
  hidden?: boolean;
}

export function SelectionHandles({ frameRef, view, positions, tokens, selection }: Props) {
  const [places, setPlaces] = useState<{ start: Place; end: Place } | null>(null);
  const drag = useRef<{ fixed: number; lift: number; liftX: number; pointer: number } | null>(null);
  const first = Math.min(selection.anchor!, selection.caret!);
  const last = Math.max(selection.anchor!, selection.caret!);

  useLayoutEffect(() => {
    const v = view();
    const frame = frameRef.current;
    if (!v || !frame) return;
    const measure = () => {
      const base = frame.getBoundingClientRect();
      // Asked at each measure: the reader may turn the text while words are selected.
      const scroller = verticalScroller(v.dom);
      if (scroller) {
        const ranges = rangesOf(v, positions);
        const shown = scroller.getBoundingClientRect();
        const a = ranges.rects(tokens[first].start, tokens[first].end)[0];
        const b = [...ranges.rects(tokens[last].start, tokens[last].end)].at(-1);
        if (!a || !b) return setPlaces(null);
        const place = (c: DOMRect, top: number): Place => ({
          left: (c.left + c.right) / 2 - base.left,
          top: top - base.top,
          line: (c.top + c.bottom) / 2 - base.top,
          column: (c.left + c.right) / 2 - base.left,
          hidden: c.right < shown.left || c.left > shown.right,
        });
        setPlaces({ start: place(a, a.top - 44), end: place(b, b.bottom) });
        return;
      }
      const a = v.coordsAtPos(positions.toPos(tokens[first].start), 1);
      const b = v.coordsAtPos(positions.toPos(tokens[last].end), -1);
      const place = (c: { left: number; top: number; bottom: number }): Place => ({ left: c.left - base.left, top: c.bottom - base.top, line: (c.top + c.bottom) / 2 - base.top });
      setPlaces({ start: place(a), end: place(b) });
    };
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(frame);
    // The columns' scroller (it scrolls only in 縦書き).
    const columns = v.dom.closest('.essay-scroll');
    columns?.addEventListener('scroll', measure, { passive: true });
    return () => {
      resized.disconnect();
      columns?.removeEventListener('scroll', measure);
    };
  }, [view, frameRef, positions, tokens, first, last]);

  if (!places) return null;

  const handle = (which: 'start' | 'end') => {
    const at = places[which];
    if (at.hidden) return null;
    return (
      <div
        key={which}
        aria-hidden="true"
        data-handle={which}
        className="selection-handle absolute z-30 flex h-11 w-11 -translate-x-1/2 touch-none items-start justify-center"
        style={{ left: at.left, top: at.top }}
        onPointerDown={(e) => {
          e.stopPropagation();
          e.currentTarget.setPointerCapture(e.pointerId);
          const frame = frameRef.current!.getBoundingClientRect();
          drag.current = { fixed: which === 'start' ? last : first, lift: e.clientY - (frame.top + at.line), liftX: at.column == null ? 0 : e.clientX - (frame.left + at.column), pointer: e.pointerId };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          const v = view();
          if (!d || !v || e.pointerId !== d.pointer) return;
          let index = wordAt(v, positions, tokens, e.clientX - d.liftX, e.clientY - d.lift, false);
          if (index == null) return;
          if (!isWordToken(tokens[index])) index = stepWordToken(tokens, index, index > d.fixed ? -1 : 1);
          setTokenSelection(v, { anchor: d.fixed, caret: index });
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
        onClick={(e) => e.stopPropagation()}
      >
        <span className="mt-0.5 block h-4 w-4 rounded-full border-2 border-white bg-sky-700 shadow" />
      </div>
    );
  };
  return (
    <>
      {handle('start')}
      {handle('end')}
    </>
  );
}
