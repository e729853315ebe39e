'use client';
// Everything touch adds to the essay, loaded on touch screens only (a chunk of its own, off the
// page's first load): the tap, double-tap and long-press gestures, the selection's drag handles and the
// label bar. Shown while the last input was a touch; a mouse brings back the mouse's toolbar.
import { useCallback } from 'react';
import type { Editor } from '@tiptap/react';
import { isImplicit, textUnits, unitText, type ArgumentMap, type ArgumentUnit } from '@/lib/argument';
import type { TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../../editor/positions';
import { rangesOf } from '../../editor/highlights';
import type { TokenSelection } from '../../editor/extensions/token-layer';
import type { CommandActions, CommandState } from '../commands';
import type { LabelInfo } from '../labels';
import { modePrompt, type LinkMode } from '../useUnitEditing';
import { relationTypeKey } from '@/lib/i18n/locale';
import { useT } from '../../I18nProvider';
import { useTouchGestures } from './useTouchGestures';
import { SelectionHandles } from './SelectionHandles';
import { TouchBar } from './TouchBar';

interface Props {
  frameRef: React.RefObject<HTMLDivElement | null>;
  editorRef: React.RefObject<Editor | null>;
  positions: PositionMap;
  tokens: readonly TokenSpan[];
  /// Phrase starts as token indices, then the token count (a double tap selects a phrase).
  phrases: readonly number[];
  text: string;
  map: ArgumentMap;
  labels: readonly LabelInfo[];
  selection: TokenSelection;
  span: { start: number; end: number } | null;
  selected: ArgumentUnit | null;
  /// How many units are selected (several: premises being gathered).
  selectedCount: number;
  /// A relation is selected (in the map or the list).
  relation: boolean;
  linkMode: LinkMode | null;
  state: CommandState;
  actions: CommandActions;
  touching: boolean;
  onTouching: (touching: boolean) => void;
  onUnit: (id: string | null) => void;
}

export function TouchLayer({ frameRef, editorRef, positions, tokens, phrases, text, map, labels, selection, span, selected, selectedCount, relation, linkMode, state, actions, touching, onTouching, onUnit }: Props) {
  const t = useT();
  const view = useCallback(() => editorRef.current?.view ?? null, [editorRef]);
  useTouchGestures({ frameRef, view, positions, tokens, phrases, units: textUnits(map.units), selectedId: selected?.id ?? null, linking: linkMode !== null, onTouching, onUnit });
  if (!touching) return null;

  // An implicit unit has no place in the text to point at.
  const shown = span ?? (selected && !isImplicit(selected) ? selected : null);
  const selectionRect = () => {
    const v = view();
    return v && shown ? rangesOf(v, positions).rect(shown.start, shown.end) : null;
  };
  const subject = linkMode
    ? ({ kind: 'link', prompt: linkMode.kind === 'link' && linkMode.from.length === 1 ? t('touch.pickTarget', { type: t(relationTypeKey(linkMode.type)) }) : modePrompt(t, linkMode) } as const)
    : span
      ? ({ kind: 'words', quote: text.slice(span.start, span.end) } as const)
      : selected
        ? ({ kind: 'unit', label: selected.label, quote: unitText(selected, text), main: map.mainClaimId === selected.id, count: selectedCount } as const)
        : relation
          ? ({ kind: 'relation' } as const)
          : null;
  return (
    <>
      {span && selection.anchor != null && selection.caret != null && <SelectionHandles frameRef={frameRef} view={view} positions={positions} tokens={tokens} selection={selection} />}
      {subject && <TouchBar labels={labels} state={state} actions={actions} subject={subject} selectionRect={selectionRect} />}
      {/* Room under the last line, so it can scroll above the bar. */}
      {subject && <div aria-hidden="true" className="h-[var(--touchbar-h,0px)]" />}
    </>
  );
}
