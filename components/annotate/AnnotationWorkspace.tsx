'use client';
// The annotation workspace: the essay with its units, the selection toolbar, the unit list and
// the save status. All changes are lib/argument operations: checked, applied locally, recorded
// for undo, and handed to autosave. Read-only (the example map) shows the same views.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { preload } from 'react-dom';
import dynamic from 'next/dynamic';
import type { Editor } from '@tiptap/react';
import {
  addUnitOp,
  removeRelationOp,
  removeUnitOp,
  setMainClaimOp,
  stepEdge,
  tokenBoundaries,
  updateRelationOp,
  updateUnitOp,
  type ArgumentMap,
  type DocumentContext,
  type Operation,
  type RelationType,
  type SyncNotice,
} from '@/lib/argument';
import { createPositionMap } from '../editor/positions';
import { rangesOf } from '../editor/highlights';
import { reveal } from '../editor/reveal';
import { isWordToken, pickCaret, selectedSpan, setTokenSelection, stepWordToken, tokenIndexAt, type TokenSelection } from '../editor/extensions/token-layer';
import { pickUnitAt, unitsAt, type UnitLayerInput } from '../editor/extensions/unit-layer';
import { useLocale, useT } from '../I18nProvider';
import { useAfterPaint } from '../useAfterPaint';
import { useStableHandlers } from '../useStableHandlers';
import { TokenInfo } from '../TokenInfo';
import { contentUrl, useDocumentContent, useTokenDetails, type DocumentContent, type DocumentRef } from './useDocumentContent';
import { AnnotatedEssay } from './AnnotatedEssay';
import { labelClass, labelKeys, labelName, type LabelInfo } from './labels';
import { SelectionToolbar } from './SelectionToolbar';
import { UnitList } from './UnitList';
import { SaveIndicator } from './SaveIndicator';
import { useSavedMap } from './useSavedMap';
import { NoticeArea, useNotices } from './Notices';
import { statusNotice, syncNotice } from './saveNotices';
import { SidePane, type PaneTab } from './SidePane';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useSuggestions } from './useSuggestions';
import { schemeLabel } from '@/lib/signposts/accept';
import type { Suggestion } from '@/lib/signposts/suggest';
import { LinkPrompt } from './LinkPrompt';
import { ExportMenu, type FormatChoice } from './ExportMenu';
import { ImportDialog } from './ImportDialog';
import { SelectedComments, useFeedback, type CommentsProps } from './Comments';
import { useCaretAnnouncement } from './caretAnnouncement';
import { StructureHints } from '../map/StructureHints';
import { labelCounts, labelRoles, structureHints } from '@/lib/argument/hints';
import { relationTypeKey } from '@/lib/i18n/locale';
import { SubmitMapButton, type SubmitTarget } from '../grading/SubmitMapButton';

// The map (and its layout engine) loads when its tab is first opened, not with the page.
const ArgumentMapView = dynamic(() => import('../map/ArgumentMapView').then((m) => m.ArgumentMapView), { ssr: false });

export interface WorkspaceProps {
  title: string;
  /// The text and its tokens are fetched, not passed: a big text inlined made megabytes of HTML.
  documentRef: DocumentRef;
  labels: LabelInfo[];
  /// null: read-only (nothing is saved).
  mapId: string | null;
  version: number;
  map: ArgumentMap;
  /// The export and import formats (from the server's registry); none for read-only views.
  formats?: FormatChoice[];
  /// Feedback comments on the map (also on read-only review pages); none for the example map.
  comments?: CommentsProps;
  /// The map is submitted: shown (and exportable) but not editable until an instructor unlocks
  /// it — the server refuses edits anyway (423); this keeps the page from offering them.
  locked?: boolean;
  /// Offer the signposts' suggestions (an instructor may turn them off for an assignment).
  suggestions?: boolean;
  /// The assignment the map is handed in to, when it belongs to one: offers Submit.
  submit?: SubmitTarget;
}

interface Hover {
  tokenIndex: number;
  left: number;
  top: number;
}

interface LinkMode {
  type: RelationType;
  from: string;
}

const noFormats: FormatChoice[] = [];

/// What the shortcut handler reads of a key event: React's and the DOM's both fit.
type KeyEvent = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'preventDefault'>;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable && target.getAttribute('contenteditable') === 'true' || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/// Loads the document's text and tokens, then shows the workspace.
export function AnnotationWorkspace(props: WorkspaceProps) {
  const t = useT();
  // Fetched while the page's scripts load, not after them.
  preload(contentUrl(props.documentRef), { as: 'fetch', crossOrigin: 'anonymous' });
  const [content, retry] = useDocumentContent(props.documentRef);
  if (content.status === 'ready') return <Workspace {...props} text={content.text} blocks={content.blocks} tokens={content.tokens} phrases={content.phrases} />;
  if (content.status === 'loading') {
    return (
      <p role="status" className="py-8 text-stone-500">
        {t('document.loading')}
      </p>
    );
  }
  return (
    <p role="alert" className="py-8">
      {t('document.loadFailed', { reason: content.reason })}{' '}
      <button type="button" className="btn" onClick={retry}>
        {t('document.retry')}
      </button>
    </p>
  );
}

function Workspace({ title, documentRef, text, blocks, tokens, phrases, labels, mapId, version, map: initialMap, formats = noFormats, comments, locked = false, suggestions: suggestionsAllowed = true, submit }: WorkspaceProps & DocumentContent) {
  const t = useT();
  const locale = useLocale();
  const readOnly = mapId === null || locked;
  const positions = useMemo(() => createPositionMap(blocks, text.length), [blocks, text.length]);
  const ctx: DocumentContext = useMemo(
    () => ({ textLength: text.length, boundaries: tokenBoundaries(tokens), labels: labels.map((l) => l.id) }),
    [text.length, tokens, labels],
  );
  const labelById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const roles = useMemo(() => labelRoles(labels.map((l) => l.id)), [labels]);

  const [announcement, setAnnouncement] = useState('');
  // What the user must see as well as hear goes to the notice area (which announces it too).
  const { notices, show: showNotice, dismiss: dismissNotice, dismissKey } = useNotices();
  const shownMap = useRef(initialMap);
  const onNotice = useCallback((notice: SyncNotice) => showNotice(syncNotice(t, notice, text, shownMap.current)), [showNotice, t, text]);
  const { map, status, unsaved, version: savedVersion, canUndo, canRedo, commit, travel: travelHistory, reset } = useSavedMap({ mapId, version, map: initialMap, ctx, onNotice });
  useEffect(() => {
    shownMap.current = map;
  }, [map]);
  useEffect(() => {
    const notice = statusNotice(t, status, unsaved);
    if (notice) showNotice(notice);
    else dismissKey('save');
    // Shown when the status changes, not again for every change queued meanwhile.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);
  const feedback = useFeedback(comments);

  const [tokenSelection, setSelection] = useState<TokenSelection>({ caret: null, anchor: null });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedRelationId, setSelectedRelationId] = useState<string | null>(null);
  const [pane, setPane] = useState<PaneTab>('list');
  const [linkMode, setLinkMode] = useState<LinkMode | null>(null);
  const [hoverIds, setHoverIds] = useState<ReadonlySet<string>>(new Set());
  const [hover, setHover] = useState<Hover | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const onReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
    setEditor(editor);
  }, []);

  // A search, not an index: the workspace looks up one or two units a render, and a map of
  // every unit rebuilt on each key was most of a key's garbage. (The hints, which quote many
  // units, index the map they were made from: quoteOf.)
  const unitOf = (id: string) => map.units.find((u) => u.id === id);
  const selected = selectedId ? unitOf(selectedId) ?? null : null;

  const unitLayer: UnitLayerInput = useMemo(
    () => ({ units: map.units, labels, mainClaimId: map.mainClaimId, selectedId: selected?.id ?? null, highlightIds: hoverIds }),
    [map.units, labels, map.mainClaimId, selected, hoverIds],
  );

  // The essay's unit boxes follow the map at once (drawn before the next frame: what the label
  // key must show). The unit list and the map pane follow a copy that changes only after that
  // frame is painted: with a thousand units their re-render, the list's open row and the map's
  // layout would otherwise land in the frame that shows the new unit's boxes.
  const paneState = useMemo(() => ({ map, selectedId: selected?.id ?? null }), [map, selected]);
  const deferred = useAfterPaint(paneState);

  /// Checks, applies, records for undo and saves one user action.
  const run = useCallback(
    (operations: Operation[], message?: string) => {
      if (readOnly) return false;
      const result = commit(operations);
      if (!result.ok) {
        showNotice({ tone: 'error', text: t('announce.refused', { reason: t(result.refusal ? `refusal.${result.refusal}` : 'request.status.409') }) });
        return false;
      }
      if (message) setAnnouncement(message);
      return true;
    },
    [readOnly, commit, showNotice, t],
  );

  const clearTokenSelection = () => {
    const view = editorRef.current?.view;
    if (view) setTokenSelection(view, { caret: tokenSelection.caret, anchor: null });
  };

  const addUnit = (label: string, selection = tokenSelection) => {
    const span = selectedSpan(tokens, selection);
    if (!span) return;
    const id = `u-${crypto.randomUUID().slice(0, 8)}`;
    if (run([addUnitOp({ id, label, start: span.start, end: span.end, note: '' })], t('announce.unitAdded', { label: labelName(labelById.get(label), locale) }))) {
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
    const next = unit && stepEdge(ctx.boundaries, unit, edge, step);
    if (next) run([updateUnitOp(map, id, edge === 'start' ? { start: next.start } : { end: next.end })]);
  };
  const toggleMainClaim = (id: string) =>
    run([setMainClaimOp(map, map.mainClaimId === id ? null : id)], t(map.mainClaimId === id ? 'announce.mainClaimCleared' : 'announce.mainClaimSet'));
  const retype = (relationId: string, type: RelationType) => run([updateRelationOp(map, relationId, { type })]);
  const removeRelation = (relationId: string) => run([removeRelationOp(map, relationId)]);

  const startLink = (type: RelationType, from = selectedId) => {
    if (!from || readOnly) return;
    setSelectedId(from);
    setLinkMode({ type, from });
    setAnnouncement(t('annotate.pickTarget', { type: t(relationTypeKey(type)) }));
  };
  /// Relates two units (picked in link mode, or dragged node to node in the map).
  const relate = (from: string, to: string, type: RelationType) => {
    const relation = { id: `r-${crypto.randomUUID().slice(0, 8)}`, type, from, to, note: '' };
    const typeName = t(relationTypeKey(type));
    return run([{ op: 'addRelation', relation }], t('announce.relationAdded', { type: typeName }));
  };
  const completeLink = (to: string) => {
    if (linkMode && relate(linkMode.from, to, linkMode.type)) setLinkMode(null);
  };

  const chooseUnit = (id: string | null) => {
    if (id && linkMode) return completeLink(id);
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
    if (step.ok) setAnnouncement(t(direction === 'undo' ? 'announce.undone' : 'announce.redone'));
    else if (step.reason === 'empty') setAnnouncement(t(direction === 'undo' ? 'announce.nothingToUndo' : 'announce.nothingToRedo'));
    else showNotice({ tone: 'warning', text: t(direction === 'undo' ? 'announce.undoConflict' : 'announce.redoConflict') });
  };
  const undo = () => travel('undo');
  const redo = () => travel('redo');

  const scrollTextTo = (id: string) => {
    const view = editorRef.current?.view;
    const unit = unitOf(id);
    if (!view || !unit) return;
    const rect = rangesOf(view, positions).rect(unit.start, unit.end);
    reveal(rect, 'smooth');
  };

  /// The viewport boxes of a unit's lines in the essay (where the link prompt goes).
  const unitLines = (id: string): DOMRect[] => {
    const view = editorRef.current?.view;
    const unit = unitOf(id);
    return view && unit ? [...rangesOf(view, positions).rects(unit.start, unit.end)] : [];
  };

  /// "In text" on a list row: the unit is selected, the word caret goes to its first word and
  /// the essay takes focus, so the keyboard (and the caret's announcement) carries on there.
  const jumpToUnit = (id: string) => {
    const view = editorRef.current?.view;
    const unit = unitOf(id);
    if (!view || !unit) return;
    setSelectedId(id);
    setSelectedRelationId(null);
    const at = tokenIndexAt(tokens, unit.start);
    setTokenSelection(view, { caret: isWordToken(tokens[at]) ? at : stepWordToken(tokens, at, 1), anchor: null });
    view.dom.focus({ preventScroll: true });
    scrollTextTo(id);
  };

  /// "In text" on a suggestion: the caret to its first word, the essay focused and scrolled there.
  const jumpToOffset = (offset: number) => {
    const view = editorRef.current?.view;
    if (!view) return;
    const at = tokenIndexAt(tokens, offset);
    setTokenSelection(view, { caret: isWordToken(tokens[at]) ? at : stepWordToken(tokens, at, 1), anchor: null });
    view.dom.focus({ preventScroll: true });
    reveal(rangesOf(view, positions).rect(offset, tokens[at].end), 'smooth');
  };

  const labelIds = useMemo(() => labels.map((l) => l.id), [labels]);
  const suggestionLabel = useCallback((s: Suggestion) => labelName(labelById.get(schemeLabel(s, labelIds) ?? ''), locale), [labelById, labelIds, locale]);
  const suggestions = useSuggestions({
    enabled: suggestionsAllowed && !readOnly,
    text,
    tokens,
    map,
    labelIds,
    mapId,
    caretOffset: tokenSelection.caret == null ? null : tokens[tokenSelection.caret].start,
    editor,
    positions,
    run,
    accepted: useCallback((s: Suggestion) => t('suggest.accepted', { label: suggestionLabel(s) }), [t, suggestionLabel]),
  });
  const atHand = suggestions.atHand === undefined ? undefined : suggestions.suggestions[suggestions.atHand];

  // Shortcuts also work when nothing in particular has focus (e.g. after a dialog closed).
  const keyHandler = useRef<(event: KeyEvent) => void>(() => {});
  useEffect(() => {
    const onBodyKey = (event: KeyboardEvent) => {
      if (event.target === document.body) keyHandler.current(event);
    };
    window.addEventListener('keydown', onBodyKey);
    return () => window.removeEventListener('keydown', onBodyKey);
  }, []);

  const onKeyDown = (event: KeyEvent) => {
    if (isTyping(event.target)) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && (event.key === 'z' || event.key === 'Z')) {
      event.preventDefault();
      return event.shiftKey ? redo() : undo();
    }
    if (mod && event.key === 'y') {
      event.preventDefault();
      return redo();
    }
    if (mod || event.altKey) return;
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
    if (digit && !event.shiftKey) {
      const label = labels[Number(digit) - 1];
      if (!label || readOnly) return;
      event.preventDefault();
      if (tokenSelection.anchor != null) return addUnit(label.id);
      // A caret alone: the phrase (or morpheme) it shows.
      if (!selected && tokenSelection.caret != null && editorRef.current) return addUnit(label.id, pickCaret(editorRef.current.view));
      if (selected) return relabel(selected.id, label.id);
      return;
    }
    switch (event.key) {
      case ' ':
        if (tokenSelection.caret != null && editorRef.current && event.target === editorRef.current.view.dom) {
          event.preventDefault();
          pickCaret(editorRef.current.view);
        }
        return;
      case 'Enter': {
        if (tokenSelection.caret == null || event.target !== editorRef.current?.view.dom) return;
        event.preventDefault();
        const pick = pickUnitAt(map.units, tokens[tokenSelection.caret].start, linkMode ? null : selectedId);
        if (pick) chooseUnit(pick.id);
        return;
      }
      case 's':
      case 'S':
        if (selected) startLink('support');
        return;
      case 'a':
      case 'A':
        if (selected) startLink('attack');
        return;
      case 'm':
      case 'M':
        if (selected && selected.label === roles.claim) toggleMainClaim(selected.id);
        else if (selected) setAnnouncement(t('announce.mainClaimOnlyClaim', { label: labelName(labelById.get(roles.claim ?? ''), locale) }));
        return;
      case 'Delete':
      case 'Backspace':
        if (selectedRelationId && map.relations.some((r) => r.id === selectedRelationId)) {
          event.preventDefault();
          removeRelation(selectedRelationId);
          setSelectedRelationId(null);
        } else if (selected) {
          event.preventDefault();
          removeUnit(selected.id);
        }
        return;
      case 'y':
      case 'Y':
      case 'n':
      case 'N':
        if (suggestions.atHand === undefined) return;
        event.preventDefault();
        if (event.key.toLowerCase() === 'y') suggestions.accept(suggestions.atHand);
        else suggestions.dismiss(suggestions.atHand);
        return;
      case 'Escape':
        if (linkMode) setLinkMode(null);
        else if (tokenSelection.anchor == null && selected) setSelectedId(null);
        return;
    }
    // By the character, not the key's place: a Japanese (JIS) keyboard's [ sits where a US
    // keyboard's ] is.
    const edge = ({ '[': 'start', '{': 'start', ']': 'end', '}': 'end' } as Record<string, 'start' | 'end'>)[event.key];
    if (selected && edge) {
      event.preventDefault();
      // [ and ] grow the unit outward; with Shift they shrink it.
      const outward = edge === 'start' ? -1 : 1;
      moveEdge(selected.id, edge, (event.shiftKey ? -outward : outward) as 1 | -1);
    }
  };

  // The word under the mouse (reported by the token layer) gets the info tooltip.
  keyHandler.current = onKeyDown;

  /// Choosing a unit from the list or a hint also brings it into view in the text.
  const showUnit = (id: string) => {
    chooseUnit(id);
    scrollTextTo(id);
  };

  const onHoverChange = useCallback(
    (index: number | null) => {
      const view = editorRef.current?.view;
      const frame = frameRef.current;
      if (index == null || !view || !frame) return setHover(null);
      const rect = rangesOf(view, positions).rect(tokens[index].start, tokens[index].end);
      const base = frame.getBoundingClientRect();
      setHover({ tokenIndex: index, left: rect.left - base.left, top: rect.bottom - base.top + 6 });
    },
    [positions, tokens],
  );

  const onClick = (event: React.MouseEvent) => {
    const view = editorRef.current?.view;
    if (!view || tokenSelection.anchor != null) return;
    const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!hit) return;
    const pick = pickUnitAt(map.units, positions.toOffset(hit.pos), linkMode ? null : selectedId);
    chooseUnit(pick?.id ?? null);
  };

  const span = readOnly ? null : tokenSelection.anchor != null ? selectedSpan(tokens, tokenSelection) : null;
  const toolbarAt = useMemo(() => {
    const view = editorRef.current?.view;
    const frame = frameRef.current;
    if (!span || !view || !frame) return null;
    const end = view.coordsAtPos(positions.toPos(span.end));
    const base = frame.getBoundingClientRect();
    return { left: Math.max(0, end.left - base.left - 120), top: end.bottom - base.top + 8 };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [span?.start, span?.end, positions]);

  // The word under the mouse, else the word at the keyboard caret, gets the info tooltip.
  // Only while the essay has focus: the caret is the keyboard's place in the text, and once the
  // user is elsewhere (the list, the divider) the text may reflow under a stale tooltip. The
  // position is measured again when focus comes back.
  const [essayFocused, setEssayFocused] = useState(false);
  // The tooltip's content, said: the word, its reading and the units over it.
  const caretDetails = useTokenDetails(documentRef, tokenSelection.caret, tokenSelection.caret == null ? '' : tokens[tokenSelection.caret].surface);
  useCaretAnnouncement(
    { t, locale, text, tokens, caretReading: caretDetails?.reading ?? null, detailsPending: caretDetails === null, units: map.units, labels, mainClaimId: map.mainClaimId },
    tokenSelection,
    announcement,
    setAnnouncement,
  );
  const caretInfo = useMemo((): Hover | null => {
    const view = editorRef.current?.view;
    const frame = frameRef.current;
    if (tokenSelection.caret == null || !essayFocused || !view || !frame) return null;
    const token = tokens[tokenSelection.caret];
    const at = rangesOf(view, positions).rect(token.start, token.end);
    const base = frame.getBoundingClientRect();
    return { tokenIndex: tokenSelection.caret, left: at.left - base.left, top: at.bottom - base.top + 6 };
  }, [tokenSelection.caret, essayFocused, tokens, positions]);
  // The tooltip, like the list, follows once the frame that shows a change is painted: the frame
  // after a label key has only the new unit to draw. It gives way to the toolbar at once.
  const tip = useAfterPaint(span ? null : hover ?? caretInfo);
  const info = span ? null : tip;
  const infoUnits = info ? unitsAt(map.units, tokens[info.tokenIndex].start) : [];
  const infoDetails = useTokenDetails(documentRef, info?.tokenIndex ?? null, info ? tokens[info.tokenIndex].surface : '');
  // What the map emphasises: units hovered in the list or map, and the units under the mouse.
  const hoverUnitKey = hover ? unitsAt(map.units, tokens[hover.tokenIndex].start).map((u) => u.id).join(' ') : '';
  const emphasizedIds = useMemo(() => new Set([...hoverIds, ...(hoverUnitKey ? hoverUnitKey.split(' ') : [])]), [hoverIds, hoverUnitKey]);
  // Only the map tab shows hints and counts: keep them off the labelling hot path otherwise.
  const mapShown = pane === 'map';
  const hints = useMemo(() => (mapShown ? structureHints(deferred.map, roles) : []), [deferred.map, mapShown, roles]);
  const counts = useMemo(() => (mapShown ? labelCounts(deferred.map) : {}), [deferred.map, mapShown]);
  const quoteOf = useMemo(() => {
    const byId = new Map(mapShown ? deferred.map.units.map((u) => [u.id, u]) : []);
    return (id: string) => {
      const u = byId.get(id);
      return u ? text.slice(u.start, u.end) : id;
    };
  }, [deferred.map, mapShown, text]);

  // The list, the map and the toolbar's dialogs are memoized: with these they re-render only
  // when what they show changes, not on every key.
  const handlers = useStableHandlers({
    showUnit,
    jumpToUnit,
    jumpToOffset,
    relabel,
    setNote,
    removeUnit,
    moveEdge,
    toggleMainClaim,
    startLink,
    retype,
    removeRelation,
    selectRelation,
    relate,
    hoverUnits: (ids: string[]) => setHoverIds(new Set(ids)),
    selectOnMap: (id: string | null) => {
      chooseUnit(id);
      if (id) scrollTextTo(id);
    },
    imported: (v: number, m: ArgumentMap, units: number, relations: number) => {
      reset(v, m);
      setSelectedId(null);
      showNotice({ tone: 'info', text: t('io.done', { units, relations }) });
    },
  });

  return (
    <SidePane
      onKeyDown={onKeyDown}
      tab={pane}
      onTab={setPane}
      main={
      <div>
        <div className="sticky top-0 z-20 mb-3 flex flex-wrap items-center gap-2 border-b border-stone-200 bg-stone-50 py-2 text-sm">
          {!readOnly && (
            <>
              <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z" className="btn">
                {t('annotate.undo')}
              </button>
              <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" className="btn">
                {t('annotate.redo')}
              </button>
              <SaveIndicator status={status} unsaved={unsaved} />
            </>
          )}
          {readOnly && <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">{t('annotate.readOnly')}</span>}
          {atHand && (
            <span role="status" data-testid="suggestion-at-caret" className="rounded border border-dashed border-sky-600 bg-white px-2 py-0.5 text-sky-900">
              {t('suggest.atCaret', { label: suggestionLabel(atHand), cue: atHand.cue })}
            </span>
          )}
          {mapId && (
            <span className="ml-auto flex gap-2">
              <a href={`/api/maps/${encodeURIComponent(mapId)}/export?format=json`} download className="btn">
                {t('annotate.exportJson')}
              </a>
              <ExportMenu mapId={mapId} formats={formats} />
              {!readOnly && <ImportDialog mapId={mapId} baseVersion={savedVersion} busy={unsaved > 0} onImported={handlers.imported} />}
              {!readOnly && submit && <SubmitMapButton target={submit} map={map} labels={ctx.labels} pending={unsaved > 0} />}
            </span>
          )}
        </div>
        {linkMode && (
          <LinkPrompt locate={() => unitLines(linkMode.from)}>
            <span>{t('annotate.pickTarget', { type: t(relationTypeKey(linkMode.type)) })}</span>
            <button type="button" className="btn shrink-0" onClick={() => setLinkMode(null)}>
              {t('annotate.cancelLink')}
            </button>
          </LinkPrompt>
        )}
        <div
          ref={frameRef}
          className={`relative ${linkMode ? 'linking' : ''}`}
          onClick={onClick}
          onFocus={(e) => setEssayFocused(e.target === editorRef.current?.view.dom)}
          onBlur={() => setEssayFocused(false)}
        >
          <AnnotatedEssay
            text={text}
            blocks={blocks}
            tokens={tokens}
            phrases={phrases}
            documentRef={documentRef}
            positions={positions}
            units={unitLayer}
            label={t('document.text')}
            onSelectionChange={setSelection}
            onHoverChange={onHoverChange}
            onReady={onReady}
          />
          {span && toolbarAt && (
            <SelectionToolbar
              labels={labels}
              quote={text.slice(span.start, span.end)}
              at={toolbarAt}
              onLabel={addUnit}
              onCancel={() => clearTokenSelection()}
            />
          )}
          {info && (
            <div
              role="tooltip"
              className="pointer-events-none absolute z-10 min-w-40 max-w-80 rounded-md border border-stone-300 bg-white/95 px-3 py-2 shadow-lg"
              style={{ left: info.left, top: info.top }}
            >
              <TokenInfo token={tokens[info.tokenIndex]} details={infoDetails} />
              {infoUnits.map((u) => (
                <p key={u.id} className="mt-1 border-t border-stone-200 pt-1 text-sm">
                  <span className={`label-chip ${labelClass(labels, u.label)}`}>{labelName(labelById.get(u.label), locale)}</span>
                  {u.note && <span className="ml-2 text-stone-700">{u.note}</span>}
                </p>
              ))}
            </div>
          )}
        </div>
        <p id="essay-help" className="mt-4 text-xs text-stone-500">
          {t('annotate.shortcutList', { keys: labelKeys(labels.length, t) })}
        </p>
      </div>
      }
      list={
      <UnitList
        text={text}
        map={deferred.map}
        labels={labels}
        selectedId={deferred.selectedId}
        linkMode={linkMode}
        readOnly={readOnly}
        feedback={feedback}
        onSelect={handlers.showUnit}
        onJump={handlers.jumpToUnit}
        onHover={handlers.hoverUnits}
        onRelabel={handlers.relabel}
        onNote={handlers.setNote}
        onRemove={handlers.removeUnit}
        onMoveEdge={handlers.moveEdge}
        onToggleMainClaim={handlers.toggleMainClaim}
        onStartLink={handlers.startLink}
        onRetype={handlers.retype}
        onRemoveRelation={handlers.removeRelation}
      />
      }
      map={
        <div className="flex h-[calc(100vh-8rem)] min-h-[32rem] flex-col">
          <ArgumentMapView
            title={title}
            text={text}
            boundaries={ctx.boundaries}
            map={deferred.map}
            labels={labels}
            hints={hints}
            selectedUnitId={deferred.selectedId}
            selectedRelationId={selectedRelationId}
            emphasizedIds={emphasizedIds}
            readOnly={readOnly}
            onSelectUnit={handlers.selectOnMap}
            onSelectRelation={handlers.selectRelation}
            onHover={handlers.hoverUnits}
            onConnect={handlers.relate}
            onJumpToUnit={handlers.jumpToUnit}
          />
          <StructureHints
            storageKey={`ronten:hints:${mapId ?? 'example'}`}
            hints={hints}
            counts={counts}
            labels={labels}
            quoteOf={quoteOf}
            onSelect={handlers.showUnit}
          />
          <SelectedComments
            feedback={feedback}
            unitId={selected?.id ?? null}
            relationId={map.relations.some((r) => r.id === selectedRelationId) ? selectedRelationId : null}
          />
        </div>
      }
      suggestions={
        suggestions.suggestions.length > 0 && (
          <SuggestionsPanel state={suggestions} text={text} labels={labels} readOnly={readOnly} onJump={handlers.jumpToOffset} />
        )
      }
      footer={
      <>
        <div aria-live="polite" role="status" className="sr-only" data-testid="announcer">
          {announcement}
        </div>
        <NoticeArea notices={notices} onDismiss={dismissNotice} />
      </>
      }
    />
  );
}
