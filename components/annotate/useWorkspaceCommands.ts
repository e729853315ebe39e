'use client';
// Binds the command table (./commands) to the workspace: the state the commands read, and the
// actions they run, made of the workspace's edits (./useUnitEditing).
import type { Editor } from '@tiptap/react';
import { textUnits, type ArgumentMap } from '@/lib/argument';
import type { TokenSpan } from '@/lib/tokens/types';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { pickCaret } from '../editor/extensions/token-layer';
import type { SuggestionsState } from './useSuggestions';
import { pickUnitAt } from '../editor/extensions/unit-layer';
import { labelName, type LabelInfo } from './labels';
import type { CommandActions, CommandState } from './commands';
import type { UnitEditing } from './useUnitEditing';

interface Options {
  t: Translate;
  locale: Locale;
  edit: UnitEditing;
  map: ArgumentMap;
  tokens: readonly TokenSpan[];
  labels: readonly LabelInfo[];
  claimLabel: string | null;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  editorRef: React.RefObject<Editor | null>;
  announce: (message: string) => void;
  /// The signposts' suggestions: Y and N act on the one at hand.
  suggestions: SuggestionsState;
  /// Opens the selected relation's "add unstated premise" field (./useRelationDetails).
  addUnstatedPremise: () => void;
}

export function useWorkspaceCommands({ t, locale, edit, map, tokens, labels, claimLabel, readOnly, canUndo, canRedo, editorRef, announce, suggestions, addUnstatedPremise }: Options) {
  const { tokenSelection, selected, linkMode } = edit;
  /// The unit at the caret (again: the one around `current`, when it is there).
  const unitAtCaret = (current: string | null) => (tokenSelection.caret == null ? null : pickUnitAt(textUnits(map.units), tokens[tokenSelection.caret].start, current));
  const state: CommandState = {
    readOnly,
    span: edit.span !== null,
    caret: tokenSelection.caret != null,
    inEssay: false,
    rowUnit: null,
    unit: selected,
    relation: edit.selectedRelation !== null,
    linking: linkMode !== null,
    several: edit.several,
    canUndo,
    canRedo,
    claimLabel,
    labelCount: labels.length,
    suggestion: suggestions.atHand !== undefined,
  };
  const actions: CommandActions = {
    label: (index) => {
      const label = labels[index].id;
      const view = editorRef.current?.view;
      if (tokenSelection.anchor != null) edit.addUnit(label);
      // A caret alone: the phrase (or morpheme) it shows.
      else if (!selected && tokenSelection.caret != null && view) edit.addUnit(label, pickCaret(view));
      else if (selected) edit.relabel(selected.id, label);
    },
    startLink: (type) => edit.startLink(type),
    explainBacking: () => edit.explainBacking(),
    startAddPremise: () => edit.startAddPremise(),
    extendSelection: (rowUnit) => {
      const id = rowUnit ?? unitAtCaret(null)?.id;
      if (id) edit.chooseUnit(id, true);
    },
    toggleSeveral: () => {
      edit.setSeveral(!edit.several);
      announce(t(edit.several ? 'announce.severalOff' : 'announce.severalOn'));
    },
    toggleMainClaim: () => selected && edit.toggleMainClaim(selected.id),
    explainMainClaim: () => announce(t('announce.mainClaimOnlyClaim', { label: labelName(labels.find((l) => l.id === claimLabel), locale) })),
    remove: () => (edit.selectedRelation ? edit.removeRelation(edit.selectedRelation) : selected && edit.removeUnit(selected.id)),
    moveEdge: (edge, step) => selected && edit.moveEdge(selected.id, edge, step),
    undo: () => edit.travel('undo'),
    redo: () => edit.travel('redo'),
    nothingTo: (direction) => announce(t(direction === 'undo' ? 'announce.nothingToUndo' : 'announce.nothingToRedo')),
    pickWord: () => {
      const view = editorRef.current?.view;
      if (view) pickCaret(view);
    },
    selectAtCaret: () => {
      const pick = unitAtCaret(linkMode ? null : (selected?.id ?? null));
      if (pick) edit.chooseUnit(pick.id);
    },
    acceptSuggestion: () => suggestions.atHand !== undefined && suggestions.accept(suggestions.atHand),
    dismissSuggestion: () => suggestions.atHand !== undefined && suggestions.dismiss(suggestions.atHand),
    addUnstatedPremise,
    cancel: () => {
      if (linkMode) edit.cancelMode();
      else if (tokenSelection.anchor != null) edit.clearTokenSelection();
      else {
        edit.setSelectedId(null);
        edit.setSeveral(false);
      }
    },
  };
  return { state, actions };
}
