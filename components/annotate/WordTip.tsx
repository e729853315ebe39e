'use client';
// The word tooltip over the essay: the word under the mouse, else the word at the keyboard
// caret, with its reading and the units over it. At the caret only while the essay has focus:
// the caret is the keyboard's place in the text, and once the user is elsewhere (the list, the
// divider) the text may reflow under a stale tooltip; the place is measured again when focus
// comes back. It gives way to the selection toolbar at once. Under the word in horizontal text;
// in 縦書き beside it (left, where the reading goes on, when there is room), not over the column.
import { useCallback, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { textUnits, type ArgumentMap } from '@/lib/argument';
import type { TokenDetails, TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../editor/positions';
import { rangesOf } from '../editor/highlights';
import { isVertical } from '../editor/vertical';
import { unitsAt } from '../editor/extensions/unit-layer';
import { useLocale } from '../I18nProvider';
import { useAfterPaint } from '../useAfterPaint';
import { TokenInfo } from '../TokenInfo';
import { useTokenDetails, type DocumentRef } from './useDocumentContent';
import { labelClass, labelName, type LabelInfo } from './labels';

export interface TipPlace {
  tokenIndex: number;
  left: number;
  top: number;
  /// 縦書き: `left` is the tip's right edge (it stands left of the word).
  leftOfWord?: boolean;
}

/// Room a tip needs beside a column (its max-width, 20rem).
const TIP_ROOM = 330;

interface Options {
  editorRef: React.RefObject<Editor | null>;
  frameRef: React.RefObject<HTMLDivElement | null>;
  positions: PositionMap;
  tokens: readonly TokenSpan[];
  caret: number | null;
  /// A selection is shown (its toolbar takes the place).
  hidden: boolean;
  documentRef: DocumentRef;
}

export function useWordTip({ editorRef, frameRef, positions, tokens, caret, hidden, documentRef }: Options) {
  const [hover, setHover] = useState<TipPlace | null>(null);
  const [essayFocused, setEssayFocused] = useState(false);
  const place = useCallback(
    (index: number): TipPlace | null => {
      const view = editorRef.current?.view;
      const frame = frameRef.current;
      if (!view || !frame) return null;
      const rect = rangesOf(view, positions).rect(tokens[index].start, tokens[index].end);
      const base = frame.getBoundingClientRect();
      if (isVertical(view.dom)) {
        const room = rect.left - base.left > TIP_ROOM;
        return { tokenIndex: index, left: room ? rect.left - base.left - 6 : rect.right - base.left + 6, top: rect.top - base.top, leftOfWord: room };
      }
      return { tokenIndex: index, left: rect.left - base.left, top: rect.bottom - base.top + 6 };
    },
    [editorRef, frameRef, positions, tokens],
  );
  // The word under the mouse, reported by the token layer.
  const onHoverChange = useCallback((index: number | null) => setHover(index == null ? null : place(index)), [place]);
  const caretInfo = useMemo(() => (caret == null || !essayFocused ? null : place(caret)), [caret, essayFocused, place]);
  // The tooltip, like the list, follows once the frame that shows a change is painted: the frame
  // after a label key has only the new unit to draw.
  const tip = useAfterPaint(hidden ? null : (hover ?? caretInfo));
  const info = hidden ? null : tip;
  // Here, not in the tooltip: the loaded chunks of details outlive each tooltip shown.
  const details = useTokenDetails(documentRef, info?.tokenIndex ?? null, info ? tokens[info.tokenIndex].surface : '');
  return {
    hover,
    info,
    details,
    onHoverChange,
    onFocus: (e: React.FocusEvent) => setEssayFocused(e.target === editorRef.current?.view.dom),
    onBlur: () => setEssayFocused(false),
  };
}

interface TipProps {
  info: TipPlace;
  details: TokenDetails | null;
  tokens: readonly TokenSpan[];
  map: ArgumentMap;
  labels: readonly LabelInfo[];
}

export function WordTip({ info, details, tokens, map, labels }: TipProps) {
  const locale = useLocale();
  const token = tokens[info.tokenIndex];
  return (
    <div
      role="tooltip"
      className="pointer-events-none absolute z-10 min-w-40 max-w-80 rounded-md border border-stone-300 bg-white/95 px-3 py-2 shadow-lg"
      style={{ left: info.left, top: info.top, transform: info.leftOfWord ? 'translateX(-100%)' : undefined }}
    >
      <TokenInfo token={token} details={details} />
      {unitsAt(textUnits(map.units), token.start).map((u) => (
        <p key={u.id} className="mt-1 border-t border-stone-200 pt-1 text-sm">
          <span className={`label-chip ${labelClass(labels, u.label)}`}>{labelName(labels.find((l) => l.id === u.label), locale)}</span>
          {u.note && <span className="ml-2 text-stone-700">{u.note}</span>}
        </p>
      ))}
    </div>
  );
}
