'use client';
// The workspace's edits: every change a lib/argument operation, checked, applied locally,
// recorded for undo and handed to autosave (useSavedMap's commit); a refusal is shown where the
// user looks (the notice area), a success said to screen readers. Also the selection it works
// on — the snapped word range, the selected units (several: a linked argument's premises) or
// relation — and link mode (what the next pick means: ./picking decides), since every edit
// moves one of them.
import { useCallback, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import {
  addPremiseOp,
  addRelationOp,
  addUnitOp,
  isImplicit,
  removePremiseOp,
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
import { finishUndercut, focusOf, modeSelection, noSelection, pick, refusalKey, startMode, type LinkMode, type PickOutcome, type Selection } from './picking';

type SavedMap = ReturnType<typeof useSavedMap>;

export type { LinkMode } from './picking';

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
  const [selection, setSelectionState] = useState<Selection>(noSelection);
  const [linkMode, setLinkMode] = useState<LinkMode | null>(null);
  /// Touch's Shift: while on, a pick adds to the selection (the touch bar's "select several").
  const [several, setSeveral] = useState(false);
  // The unit whose list row stays open while a relation picked there is selected.
  const [anchorId, setAnchorId] = useState<string | null>(null);

  // A search, not an index: the workspace looks up one or two units a render, and a map of
  // every unit rebuilt on each key was most of a key's garbage.
  const unitOf = (id: string) => map.units.find((u) => u.id === id);
  // Units and relations removed meanwhile (undo, another tab) drop out of the selection.
  const selectedIds = useMemo(() => selection.units.filter((id) => map.units.some((u) => u.id === id)), [selection.units, map.units]);
  const selectedId = focusOf({ units: selectedIds, relation: null });
  const selected = selectedId ? (unitOf(selectedId) ?? null) : null;
  const selectedRelationId = selection.relation;
  const selectedRelation = selectedRelationId && map.relations.some((r) => r.id === selectedRelationId) ? selectedRelationId : null;
  const setSelectedId = useCallback((id: string | null) => setSelectionState({ units: id ? [id] : [], relation: null }), []);
  const setSelectedRelationId = useCallback((id: string | null) => setSelectionState((s) => (id ? { units: [], relation: id } : { ...s, relation: null })), []);
  /// The snapped range the label commands act on (none while read-only).
  const span = readOnly || tokenSelection.anchor == null ? null : selectedSpan(tokens, tokenSelection);

  /// Checks, applies, records for undo and saves one user action.
  const run = useCallback(
    (operations: Operation[], message?: string) => {
      if (readOnly) return false;
      const result = commit(operations);
      if (!result.ok) {
        showNotice({ tone: 'error', text: t('announce.refused', { reason: t(refusalKey(result)) }) });
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
    if (run([removeUnitOp(map, id)], t('announce.unitRemoved'))) setSelectionState((s) => ({ ...s, units: s.units.filter((x) => x !== id) }));
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

  /// Enters a mode (S, A or P on the selection), told to screen readers. "Select several" ends
  /// with the gathering: the next tap picks the target (turned on again, taps add premises).
  const enterMode = (mode: LinkMode) => {
    setLinkMode(mode);
    setSeveral(false);
    setSelectionState(modeSelection(mode));
    announce(modePrompt(t, mode));
  };
  /// S / A: relate the selected units to the next pick (a list row's buttons pass their unit:
  /// the selection when it is in it, else that unit alone); A with a relation selected attacks
  /// that relation.
  const startLink = (type: RelationType, from?: string) => {
    if (readOnly) return;
    const mode = startMode(from && !selectedIds.includes(from) ? { units: [from], relation: null } : { units: selectedIds, relation: from ? null : selectedRelation }, type);
    if (mode) enterMode(mode);
  };
  /// P: the next unit picked becomes a premise of the selected relation.
  const startAddPremise = () => {
    const mode = readOnly ? null : startMode({ units: [], relation: selectedRelation }, 'addPremise');
    if (mode) enterMode(mode);
  };
  /// S with a relation selected: a support of a relation (backing) is not allowed — said as
  /// the model's refusal is.
  const explainBacking = () => showNotice({ tone: 'error', text: t('announce.refused', { reason: t('refusal.backingNotAllowed') }) });

  /// Makes one relation with all its premises (a linked argument when there are several): picked
  /// in link mode, or dragged node to node in the map.
  const relate = (from: string | readonly string[], to: string, type: RelationType) => {
    const relation = { id: `r-${crypto.randomUUID().slice(0, 8)}`, type, from: typeof from === 'string' ? [from] : [...from], to, note: '' };
    const linked = relation.from.length > 1;
    return run([addRelationOp(relation)], t(linked ? 'announce.linkedAdded' : 'announce.relationAdded', { type: t(relationTypeKey(type)), n: relation.from.length }));
  };
  const addPremise = (relationId: string, unit: string) => run([addPremiseOp(map, relationId, unit)], t('announce.premiseAdded'));
  const removePremise = (relationId: string, unit: string) => run([removePremiseOp(map, relationId, unit)], t('announce.premiseRemoved'));

  /// Carries out what a pick means (./picking).
  const follow = (outcome: PickOutcome) => {
    switch (outcome.kind) {
      case 'select':
        setSelectionState(outcome.selection);
        return;
      case 'mode':
        setLinkMode(outcome.mode);
        setSelectionState(outcome.selection);
        announce(outcome.mode ? modePrompt(t, outcome.mode) : t('announce.linkCancelled'));
        return;
      case 'relate':
        if (relate(outcome.from, outcome.to, outcome.type)) {
          setLinkMode(null);
          setSelectionState(outcome.selection);
        }
        return;
      case 'addPremise':
        if (addPremise(outcome.relation, outcome.unit)) setLinkMode(null);
        return;
      case 'none':
        return;
    }
  };

  const current: Selection = { units: selectedIds, relation: selectedRelation };
  /// A unit picked in the text, the list or the map (`extend`: with Shift): in link mode a
  /// relation's target or one more premise, else the selection.
  const chooseUnit = (id: string | null, extend = false) => {
    const outcome = pick(current, linkMode, { kind: 'unit', id, extend: extend || several });
    follow(outcome);
    if (outcome.kind === 'select' && (extend || several)) announce(t('announce.unitsSelected', { n: outcome.selection.units.length }));
    setAnchorId(null);
  };
  /// A relation picked (an edge in the map, a relation row in the list — from unit `anchor`'s
  /// row, which then stays open): in attack link mode the target of an undercutter.
  const selectRelation = (id: string | null, anchor: string | null = null) => {
    // Nothing picked (the map's background) only unselects the relation: the map also
    // unselects the unit in the same event, which this must not undo.
    if (id === null) return linkMode ? undefined : setSelectedRelationId(null);
    follow(pick(current, linkMode, { kind: 'relation', id, extend: false }));
    if (!linkMode) setAnchorId(anchor);
  };
  /// Closes the selected relation's details: the unit whose row it was picked in stays open.
  const closeRelation = () => setSelectionState({ units: anchorId && unitOf(anchorId) ? [anchorId] : [], relation: null });
  /// The undercut prompt's "Done": the attackers collected so far attack the relation.
  const finishPick = () => {
    const outcome = finishUndercut(linkMode);
    if (outcome) follow(outcome);
  };
  const cancelMode = () => {
    setLinkMode(null);
    setSeveral(false);
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
    selectedIds,
    selectedRelation,
    setSelectedRelationId,
    /// The unit whose list row is open: the selected one, or the one a selected relation was
    /// picked from.
    openUnitId: selectedId ?? (selectedRelation && anchorId && unitOf(anchorId) ? anchorId : null),
    linkMode,
    cancelMode,
    several,
    setSeveral,
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
    startAddPremise,
    explainBacking,
    relate,
    removePremise,
    chooseUnit,
    selectRelation,
    closeRelation,
    finishPick,
    travel,
  };
}

export type UnitEditing = ReturnType<typeof useUnitEditing>;

/// What the user is asked to pick next, in a mode.
export function modePrompt(t: Translate, mode: LinkMode): string {
  switch (mode.kind) {
    case 'link':
      return mode.from.length > 1 ? t('annotate.pickTargetLinked', { type: t(relationTypeKey(mode.type)), n: mode.from.length }) : t('annotate.pickTarget', { type: t(relationTypeKey(mode.type)) });
    case 'undercut':
      return t('annotate.pickAttackers', { n: mode.from.length });
    case 'addPremise':
      return t('annotate.pickPremise');
  }
}
