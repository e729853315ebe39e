'use client';
// Going to places in the essay: a unit chosen in the list, a hint or the map is brought into
// view; "In text" also puts the word caret on it and gives the essay focus; a click in the text
// picks the unit under it (again to reach the unit around it).
import type { Editor } from '@tiptap/react';
import { isImplicit, textUnits } from '@/lib/argument/types';
import type { TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../editor/positions';
import { rangesOf } from '../editor/highlights';
import { reveal } from '../editor/reveal';
import { verticalScroller } from '../editor/vertical';
import { isWordToken, setTokenSelection, stepWordToken, tokenIndexAt } from '../editor/extensions/token-layer';
import { pickUnitAt } from '../editor/extensions/unit-layer';
import type { UnitEditing } from './useUnitEditing';

interface Options {
  editorRef: React.RefObject<Editor | null>;
  positions: PositionMap;
  tokens: readonly TokenSpan[];
  edit: UnitEditing;
  /// The essay is to be shown (the narrow layout's sheet closes).
  onShowText: () => void;
}

export function useTextPlaces({ editorRef, positions, tokens, edit, onShowText }: Options) {
  const scrollTextTo = (id: string) => {
    const view = editorRef.current?.view;
    const unit = edit.unitOf(id);
    if (!view || !unit || isImplicit(unit)) return; // an implicit unit has no place in the text
    reveal(view, () => rangesOf(view, positions).rect(unit.start, unit.end), 'smooth');
  };

  /// "In text" on a list row: the unit is selected, the word caret goes to its first word and
  /// the essay takes focus, so the keyboard (and the caret's announcement) carries on there. In
  /// link mode the selection (the premises) stays: Enter there picks the unit as the target.
  const jumpToUnit = (id: string) => {
    const view = editorRef.current?.view;
    const unit = edit.unitOf(id);
    if (!view || !unit || isImplicit(unit)) return; // an implicit unit has no place in the text
    if (!edit.linkMode) edit.setSelectedId(id);
    onShowText();
    const at = tokenIndexAt(tokens, unit.start);
    setTokenSelection(view, { caret: isWordToken(tokens[at]) ? at : stepWordToken(tokens, at, 1), anchor: null });
    view.dom.focus({ preventScroll: true });
    scrollTextTo(id);
  };

  /// "In text" on a suggestion: the caret to the first word at `offset`, the essay focused and
  /// scrolled there.
  const jumpToOffset = (offset: number) => {
    const view = editorRef.current?.view;
    if (!view) return;
    onShowText();
    const at = tokenIndexAt(tokens, offset);
    setTokenSelection(view, { caret: isWordToken(tokens[at]) ? at : stepWordToken(tokens, at, 1), anchor: null });
    view.dom.focus({ preventScroll: true });
    reveal(view, () => rangesOf(view, positions).rect(offset, tokens[at].end), 'smooth');
  };

  /// The viewport boxes of a unit's lines in the essay (where the link prompt goes). In 縦書き each
  /// runs down to the columns' foot, so the prompt goes under the columns, not over the text.
  const unitLines = (id: string): DOMRect[] => {
    const view = editorRef.current?.view;
    const unit = edit.unitOf(id);
    if (!view || !unit || isImplicit(unit)) return [];
    const lines = [...rangesOf(view, positions).rects(unit.start, unit.end)];
    const columns = verticalScroller(view.dom);
    if (!columns) return lines;
    const foot = columns.getBoundingClientRect().bottom;
    return lines.map((r) => new DOMRect(r.x, r.y, r.width, Math.max(r.height, foot - r.y)));
  };

  /// Choosing a unit from the list, a hint or the map also brings it into view in the text
  /// (`extend`: Shift was held — the unit joins the selection).
  const showUnit = (id: string | null, extend = false) => {
    edit.chooseUnit(id, extend);
    if (id) scrollTextTo(id);
  };

  /// A click in the text picks the unit under it (a press that selected words does not); a
  /// Shift+click adds the innermost unit there to the selection, or takes it out.
  const onClick = (event: React.MouseEvent) => {
    const view = editorRef.current?.view;
    if (!view || edit.tokenSelection.anchor != null) return;
    const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!hit) return;
    const pick = pickUnitAt(textUnits(edit.unitList), positions.toOffset(hit.pos), edit.linkMode || event.shiftKey ? null : (edit.selected?.id ?? null));
    edit.chooseUnit(pick?.id ?? null, event.shiftKey);
  };

  return { jumpToUnit, jumpToOffset, unitLines, showUnit, onClick };
}
