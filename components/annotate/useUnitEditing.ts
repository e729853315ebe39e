'use client';
// The workspace's edits: every change a lib/argument operation, checked, applied locally,
// recorded for undo and handed to autosave (useSavedMap's commit); a refusal is shown where the
// user looks (the notice area), a success said to screen readers. Also the selection it works
// on — the snapped word range, the selected unit or relation — and link mode (relating the
// selected unit to the next one picked), since every edit moves one of them.
import { useCallback, useState } from 'react';
import type { Editor } from '@tiptap/react';
import {
  addUnitOp,
  isImplicit,
  removeRelationOp,
  removeUnitOp,
  setMainClaimOp,
  setSchemeOp,
  stepEdge,
  updateRelationOp,
  updateUnitOp,
  type ArgumentMap,
  type DocumentContext,
  type Operation,
  type RelationType,
} from '@/lib/argument';
import type { TokenSpan } from '@/lib/tokens/types';
import { relationTypeKey } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/messages';
import { selectedSpan, setTokenSelection, type TokenSelection } from '../editor/extensions/token-layer';
import type { NoticeInput } from './Notices';
import { labelName, type LabelInfo } from './labels';
import type { Locale } from '@/lib/i18n/locale';
import type { useSavedMap } from './useSavedMap';

type SavedMap = ReturnType<typeof useSavedMap>;

export interface LinkMode {
  type: RelationType;
  from: string;
}

interface Options {
  t: Translate;
  locale: Locale;
  map: ArgumentMap;
  ctx: DocumentContext;
  tokens: readonly TokenSpan[];
  labels: readonly LabelInfo[];
  readOnly: boolean;
  editorRef: React.RefObject<Editor | null>;
  commit: SavedMap['commit'];
  travelHistory: SavedMap['travel'];
  showNotice: (notice: NoticeInput) => void;
  announce: (message: string) => void;
}

export function useUnitEditing({ t, locale, map, ctx, tokens, labels, readOnly, editorRef, commit, travelHistory, showNotice, announce }: Options) {
  const [tokenSelection, setSelection] = useState<TokenSelection>({ caret: null, anchor: null });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedRelationId, setSelectedRelationId] = useState<string | null>(null);
  const [linkMode, setLinkMode] = useState<LinkMode | null>(null);

  // A search, not an index: the workspace looks up one or two units a render, and a map of
  // every unit rebuilt on each key was most of a key's garbage.
  const unitOf = (id: string) => map.units.find((u) => u.id === id);
  const selected = selectedId ? (unitOf(selectedId) ?? null) : null;
  const selectedRelation = selectedRelationId && map.relations.some((r) => r.id === selectedRelationId) ? selectedRelationId : null;
  /// The snapped range the label commands act on (none while read-only).
  const span = readOnly || tokenSelection.anchor == null ? null : selectedSpan(tokens, tokenSelection);

  /// Checks, applies, records for undo and saves one user action.
  const run = useCallback(
    (operations: Operation[], message?: string) => {
      if (readOnly) return false;
      const result = commit(operations);
      if (!result.ok) {
        showNotice({ tone: 'error', text: t('announce.refused', { reason: t(result.refusal ? `refusal.${result.refusal}` : 'request.status.409') }) });
        return false;
      }
      if (message) announce(message);
      return true;
    },
    [readOnly, commit, showNotice, t, announce],
  );

  const clearTokenSelection = () => {
    const view = editorRef.current?.view;
    if (view) setTokenSelection(view, { caret: tokenSelection.caret, anchor: null });
  };

  /// Labels `selection` (by default the current one; a label key on a lone caret passes the
  /// phrase the caret shows).
  const addUnit = (label: string, selection: TokenSelection = tokenSelection) => {
    const range = selectedSpan(tokens, selection);
    if (!range) return;
    const id = `u-${crypto.randomUUID().slice(0, 8)}`;
    const name = labelName(labels.find((l) => l.id === label), locale);
    if (run([addUnitOp({ id, label, start: range.start, end: range.end, note: '' })], t('announce.unitAdded', { label: name }))) {
      setSelectedId(id);
      clearTokenSelection();
    }
  };

  const relabel = (id: string, label: string) => run([updateUnitOp(map, id, { label })]);
  const setNote = (id: string, note: string) => run([updateUnitOp(map, id, { note })]);
  const removeUnit = (id: string) => {
    if (run([removeUnitOp(map, id)], t('announce.unitRemoved')) && selectedId === id) setSelectedId(null);
  };
  const moveEdge = (id: string, edge: 'start' | 'end', step: 1 | -1) => {
    const unit = unitOf(id);
    const next = unit && !isImplicit(unit) && stepEdge(ctx.boundaries, unit, edge, step);
    if (next) run([updateUnitOp(map, id, edge === 'start' ? { start: next.start } : { end: next.end })]);
  };
  const toggleMainClaim = (id: string) =>
    run([setMainClaimOp(map, map.mainClaimId === id ? null : id)], t(map.mainClaimId === id ? 'announce.mainClaimCleared' : 'announce.mainClaimSet'));
  const retype = (relationId: string, type: RelationType) => {
    // An attack names no scheme: a support made an attack drops its scheme (and answers) in the
    // same step, so undo brings them back.
    const schemed = type === 'attack' && map.relations.some((r) => r.id === relationId && r.scheme !== undefined);
    return run([...(schemed ? [setSchemeOp(map, relationId, null)] : []), updateRelationOp(map, relationId, { type })]);
  };
  const removeRelation = (relationId: string) => {
    if (run([removeRelationOp(map, relationId)]) && selectedRelationId === relationId) setSelectedRelationId(null);
  };

  const startLink = (type: RelationType, from = selectedId) => {
    if (!from || readOnly) return;
    setSelectedId(from);
    setLinkMode({ type, from });
    announce(t('annotate.pickTarget', { type: t(relationTypeKey(type)) }));
  };
  /// Relates two units (picked in link mode, or dragged node to node in the map).
  const relate = (from: string, to: string, type: RelationType) => {
    const relation = { id: `r-${crypto.randomUUID().slice(0, 8)}`, type, from: [from], to, note: '' };
    return run([{ op: 'addRelation', relation }], t('announce.relationAdded', { type: t(relationTypeKey(type)) }));
  };

  /// A unit picked in the text, the list or the map: in link mode the relation's target, else
  /// the selection.
  const chooseUnit = (id: string | null) => {
    if (id && linkMode) {
      if (relate(linkMode.from, id, linkMode.type)) setLinkMode(null);
      return;
    }
    setSelectedId(id);
    if (id) setSelectedRelationId(null);
  };
  const selectRelation = (id: string | null) => {
    setSelectedRelationId(id);
    if (id) setSelectedId(null);
  };

  /// Undo or redo one user action; a step that no longer fits the map (another tab changed the
  /// same units) is refused and taken off the history, and the user told.
  const travel = (direction: 'undo' | 'redo') => {
    if (readOnly) return;
    const step = travelHistory(direction);
    if (step.ok) announce(t(direction === 'undo' ? 'announce.undone' : 'announce.redone'));
    else if (step.reason === 'empty') announce(t(direction === 'undo' ? 'announce.nothingToUndo' : 'announce.nothingToRedo'));
    else showNotice({ tone: 'warning', text: t(direction === 'undo' ? 'announce.undoConflict' : 'announce.redoConflict') });
  };

  return {
    run,
    tokenSelection,
    setSelection,
    span,
    selected,
    selectedId,
    setSelectedId,
    selectedRelation,
    setSelectedRelationId,
    linkMode,
    setLinkMode,
    unitOf,
    unitList: map.units,
    clearTokenSelection,
    addUnit,
    relabel,
    setNote,
    removeUnit,
    moveEdge,
    toggleMainClaim,
    retype,
    removeRelation,
    startLink,
    relate,
    chooseUnit,
    selectRelation,
    travel,
  };
}

export type UnitEditing = ReturnType<typeof useUnitEditing>;
