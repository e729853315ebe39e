'use client';
// The annotation workspace: the essay with its units, the selection toolbar, the unit list, the
// map and the save status, put together. Its parts: edits and the selection (./useUnitEditing),
// the command table and its keys (./commands, ./useCommandKeys), the word tooltip (./WordTip),
// saving and its notices (./useWorkspaceSave), going to units in the text (./useTextPlaces), the
// layout (./SidePane), the map tab (./MapPane), touch (./touch, loaded on touch screens only).
// Read-only (the example map, a submitted map) shows the same views.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { preload } from 'react-dom';
import dynamic from 'next/dynamic';
import type { Editor } from '@tiptap/react';
import { textUnits, tokenBoundaries, type ArgumentMap, type DocumentContext } from '@/lib/argument';
import { createPositionMap } from '../editor/positions';
import { verticalScroller } from '../editor/vertical';
import { unitsAt, type UnitLayerInput } from '../editor/extensions/unit-layer';
import { useLocale, useT } from '../I18nProvider';
import { useAfterPaint } from '../useAfterPaint';
import { useStableHandlers } from '../useStableHandlers';
import { wordedFailure } from '../useJsonRequest';
import { contentUrl, useDocumentContent, useRangeDetails, type DocumentContent, type DocumentRef } from './useDocumentContent';
import { useReadingOptions } from './readingOptions';
import { caretTokens } from '../editor/extensions/token-layer';
import { AnnotatedEssay } from './AnnotatedEssay';
import type { LabelInfo } from './labels';
import { SelectionToolbar } from './SelectionToolbar';
import { WorkspaceToolbar } from './WorkspaceToolbar';
import { UnitList } from './UnitList';
import { NoticeArea } from './Notices';
import { SidePane, type PaneTab } from './SidePane';
import type { FormatChoice } from './ExportMenu';
import { useFeedback, type CommentsProps } from './Comments';
import { MapPane } from './MapPane';
import { useWorkspaceCommands } from './useWorkspaceCommands';
import { useCaretAnnouncement } from './caretAnnouncement';
import { modePrompt, useUnitEditing } from './useUnitEditing';
import { useRelationDetails } from './useRelationDetails';
import { useWorkspaceSave } from './useWorkspaceSave';
import { useTextPlaces } from './useTextPlaces';
import { useWordTip, WordTip } from './WordTip';
import { helpText } from './commands';
import { useCommandKeys } from './useCommandKeys';
import { labelRoles } from '@/lib/argument/hints';
import { schemeLabel } from '@/lib/signposts/accept';
import type { Suggestion } from '@/lib/signposts/suggest';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useSuggestions } from './useSuggestions';
import { LinkPrompt } from './LinkPrompt';
import { labelName } from './labels';
import { SubmitMapButton, type SubmitTarget } from '../grading/SubmitMapButton';

// Touch gestures, handles and the label bar load on touch screens only.
const TouchLayer = dynamic(() => import('./touch/TouchLayer').then((m) => m.TouchLayer), { ssr: false });

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

const noFormats: FormatChoice[] = [];

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
      {t('document.loadFailed', { reason: wordedFailure(t, content.error) })}{' '}
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
  const roles = useMemo(() => labelRoles(labels.map((l) => l.id)), [labels]);

  const [announcement, setAnnouncement] = useState('');
  const { saved, notices } = useWorkspaceSave({ t, text, mapId, version, map: initialMap, ctx });
  const { map, status, unsaved, canUndo, canRedo, reset } = saved;
  const showNotice = notices.show;
  const feedback = useFeedback(comments);

  const editorRef = useRef<Editor | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  // Also state: the suggestions paint into the editor once it exists.
  const [editor, setEditor] = useState<Editor | null>(null);
  const onReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
    setEditor(editor);
  }, []);
  const edit = useUnitEditing({ t, locale, map, ctx, tokens, labels, readOnly, editorRef, commit: saved.commit, travelHistory: saved.travel, showNotice, announce: setAnnouncement });
  const { tokenSelection, span, selected, selectedIds, linkMode } = edit;

  const [pane, setPane] = useState<PaneTab>('list');
  const [sheetOpen, setSheetOpen] = useState(false);
  const [hoverIds, setHoverIds] = useState<ReadonlySet<string>>(new Set());
  // The last input was a touch (the label bar and handles replace the floating toolbar).
  const [touching, setTouching] = useState(false);
  const [touchScreen, setTouchScreen] = useState(false);
  // The selected relation's details (./RelationDetails) and its "add unstated premise" field.
  const details = useRelationDetails({ t, locale, map, labels, readOnly, selectedRelationId: edit.selectedRelation, setSelectedRelationId: (id) => (id ? edit.setSelectedRelationId(id) : edit.closeRelation()), run: edit.run, showNotice });
  /// U: opens that field in the pane that shows the relation (the list shows it only under its
  /// open unit; else the map does).
  const addUnstatedPremise = () => {
    if (!edit.selectedRelation) return;
    details.compose(edit.selectedRelation);
    if (pane !== 'map' && !(pane === 'list' && openUnitId)) setPane('map');
    setSheetOpen(true);
  };
  useEffect(() => setTouchScreen(navigator.maxTouchPoints > 0 || matchMedia('(pointer: coarse)').matches), []);

  // What the essay draws and points at: the units of the text (an implicit unit is in the list
  // and the map only).
  const spans = useMemo(() => textUnits(map.units), [map.units]);
  const unitLayer: UnitLayerInput = useMemo(
    () => ({ units: spans, labels, mainClaimId: map.mainClaimId, selectedIds, highlightIds: hoverIds }),
    [spans, labels, map.mainClaimId, selectedIds, hoverIds],
  );

  // The essay's unit boxes follow the map at once (drawn before the next frame: what the label
  // key must show). The unit list and the map pane follow a copy that changes only after that
  // frame is painted: with a thousand units their re-render, the list's open row and the map's
  // layout would otherwise land in the frame that shows the new unit's boxes.
  const openUnitId = edit.openUnitId;
  const paneState = useMemo(() => ({ map, selectedId: selected?.id ?? null, selectedIds, openUnitId }), [map, selected, selectedIds, openUnitId]);
  const deferred = useAfterPaint(paneState);

  const places = useTextPlaces({ editorRef, positions, tokens, edit, onShowText: () => setSheetOpen(false) });

  const labelById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const suggestionLabel = useCallback((s: Suggestion) => labelName(labelById.get(schemeLabel(s, ctx.labels) ?? ''), locale), [labelById, ctx.labels, locale]);
  const suggestions = useSuggestions({
    enabled: suggestionsAllowed && !readOnly,
    text,
    tokens,
    map,
    labelIds: ctx.labels,
    mapId,
    caretOffset: tokenSelection.caret == null ? null : tokens[tokenSelection.caret].start,
    editor,
    positions,
    run: edit.run,
    accepted: useCallback((s: Suggestion) => t('suggest.accepted', { label: suggestionLabel(s) }), [t, suggestionLabel]),
  });
  const atHand = suggestions.atHand === undefined ? undefined : suggestions.suggestions[suggestions.atHand];

  const { state, actions } = useWorkspaceCommands({
    t,
    locale,
    edit,
    map,
    tokens,
    labels,
    claimLabel: roles.claim ?? null,
    readOnly,
    canUndo,
    canRedo,
    editorRef,
    announce: setAnnouncement,
    suggestions,
    addUnstatedPremise,
  });
  const onKeyDown = useCommandKeys(state, actions, () => editorRef.current?.view.dom ?? null);

  const toolbarAt = useMemo(() => {
    const view = editorRef.current?.view;
    const frame = frameRef.current;
    if (!span || !view || !frame) return null;
    const end = view.coordsAtPos(positions.toPos(span.end));
    const base = frame.getBoundingClientRect();
    // In 縦書き, under the columns at the selection's end: below the end it would cover the column.
    const columns = verticalScroller(view.dom);
    const bottom = columns ? columns.getBoundingClientRect().bottom : end.bottom;
    return { left: Math.max(0, end.left - base.left - 120), top: bottom - base.top + 8 };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [span?.start, span?.end, positions]);

  const tip = useWordTip({ editorRef, frameRef, positions, tokens, caret: tokenSelection.caret, hidden: span !== null, documentRef });
  // The caret's announcement: what the caret shows (its phrase, or morpheme), its reading and the
  // units over it.
  const caretPhrases = useReadingOptions().precision === 'phrase' ? phrases : null;
  const caretShows = tokenSelection.caret == null ? null : caretTokens(tokens, caretPhrases, tokenSelection.caret, tokenSelection.morpheme);
  const caretDetails = useRangeDetails(documentRef, tokens, caretShows);
  useCaretAnnouncement(
    { t, locale, text, tokens, phrases: caretPhrases, caretReadings: caretDetails?.map((d) => d.reading) ?? null, detailsPending: caretDetails === null, units: spans, labels, mainClaimId: map.mainClaimId },
    tokenSelection,
    announcement,
    setAnnouncement,
  );
  // What the map emphasises: units hovered in the list or map, and the units under the mouse.
  const hoverUnitKey = tip.hover ? unitsAt(spans, tokens[tip.hover.tokenIndex].start).map((u) => u.id).join(' ') : '';
  // The map draws one selected node: the other selected units (premises being gathered) are
  // emphasised.
  const emphasizedIds = useMemo(() => new Set([...hoverIds, ...(hoverUnitKey ? hoverUnitKey.split(' ') : []), ...selectedIds]), [hoverIds, hoverUnitKey, selectedIds]);
  // The list, the map and the toolbar's dialogs are memoized: with these they re-render only
  // when what they show changes, not on every key.
  const handlers = useStableHandlers({
    showUnit: places.showUnit,
    jumpToUnit: places.jumpToUnit,
    jumpToOffset: places.jumpToOffset,
    relabel: edit.relabel,
    setNote: edit.setNote,
    removeUnit: edit.removeUnit,
    moveEdge: edit.moveEdge,
    toggleMainClaim: edit.toggleMainClaim,
    startLink: edit.startLink,
    startAddPremise: edit.startAddPremise,
    retype: edit.retype,
    removeRelation: edit.removeRelation,
    removePremise: edit.removePremise,
    selectRelation: edit.selectRelation,
    selectListRelation: (id: string, anchor: string) => edit.selectRelation(id, anchor),
    relate: edit.relate,
    hoverUnits: (ids: string[]) => setHoverIds(new Set(ids)),
    selectOnMap: places.showUnit,
    imported: (v: number, m: ArgumentMap, units: number, relations: number) => {
      reset(v, m);
      edit.setSelectedId(null);
      showNotice({ tone: 'info', text: t('io.done', { units, relations }) });
    },
  });

  return (
    <SidePane
      onKeyDown={onKeyDown}
      tab={pane}
      onTab={setPane}
      sheetOpen={sheetOpen}
      onSheet={setSheetOpen}
      main={
        <div>
          <WorkspaceToolbar
            mapId={mapId}
            readOnly={readOnly}
            status={status}
            unsaved={unsaved}
            savedVersion={saved.version}
            formats={formats}
            state={state}
            actions={actions}
            onImported={handlers.imported}
          >
            {!readOnly && submit && <SubmitMapButton target={submit} map={map} labels={ctx.labels} pending={unsaved > 0} />}
          </WorkspaceToolbar>
          {atHand && (
            // Fixed, not in the toolbar: showing and hiding it as the caret moves must not move
            // the text (a tap measured before the shift would land beside its word).
            <p role="status" data-testid="suggestion-at-caret" className="pointer-events-none fixed right-2 top-14 z-30 max-w-[min(28rem,90vw)] rounded border border-dashed border-sky-600 bg-white px-2 py-0.5 text-sm text-sky-900 shadow">
              {t('suggest.atCaret', { label: suggestionLabel(atHand), cue: atHand.cue })}
            </p>
          )}
          {linkMode && (
            <LinkPrompt locate={() => (linkMode.kind === 'link' ? places.unitLines(linkMode.from[linkMode.from.length - 1]) : [])}>
              <span>{modePrompt(t, linkMode)}</span>
              {linkMode.kind === 'undercut' && linkMode.from.length > 0 && (
                <button type="button" className="btn shrink-0" onClick={edit.finishPick}>
                  {t('annotate.finishAttack', { n: linkMode.from.length })}
                </button>
              )}
              <button type="button" className="btn shrink-0" onClick={edit.cancelMode}>
                {t('annotate.cancelLink')}
              </button>
            </LinkPrompt>
          )}
          <div ref={frameRef} className={`relative ${linkMode ? 'linking' : ''}`} onClick={places.onClick} onFocus={tip.onFocus} onBlur={tip.onBlur}>
            <AnnotatedEssay
              text={text}
              blocks={blocks}
              tokens={tokens}
              phrases={phrases}
              documentRef={documentRef}
              positions={positions}
              units={unitLayer}
              label={t('document.text')}
              onSelectionChange={edit.setSelection}
              onHoverChange={tip.onHoverChange}
              onReady={onReady}
            />
            {span && toolbarAt && !touching && <SelectionToolbar labels={labels} quote={text.slice(span.start, span.end)} at={toolbarAt} state={state} actions={actions} />}
            {tip.info && !touching && <WordTip info={tip.info} details={tip.details} tokens={tokens} map={map} labels={labels} />}
            {touchScreen && !readOnly && (
              <TouchLayer
                frameRef={frameRef}
                editorRef={editorRef}
                positions={positions}
                tokens={tokens}
                phrases={phrases}
                text={text}
                map={map}
                labels={labels}
                selection={tokenSelection}
                span={span}
                selected={selected}
                selectedCount={selectedIds.length}
                relation={edit.selectedRelation !== null}
                linkMode={linkMode}
                state={state}
                actions={actions}
                touching={touching}
                onTouching={setTouching}
                onUnit={edit.chooseUnit}
              />
            )}
          </div>
          <p id="essay-help" className="mt-4 text-xs text-stone-500">
            {helpText(labels.length, t)}
          </p>
        </div>
      }
      list={
        <UnitList
          text={text}
          map={deferred.map}
          labels={labels}
          selectedId={deferred.openUnitId}
          selectedIds={deferred.selectedIds}
          selectedRelationId={edit.selectedRelation}
          linking={linkMode !== null}
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
          onRemovePremise={handlers.removePremise}
          onAddPremise={handlers.startAddPremise}
          onSelectRelation={handlers.selectListRelation}
          details={details.binding}
        />
      }
      map={
        <MapPane
          title={title}
          text={text}
          boundaries={ctx.boundaries}
          map={deferred.map}
          labels={labels}
          mapId={mapId}
          selectedUnitId={deferred.selectedId}
          selectedRelationId={edit.selectedRelation}
          emphasizedIds={emphasizedIds}
          readOnly={readOnly}
          feedback={feedback}
          onSelectUnit={handlers.selectOnMap}
          onSelectRelation={handlers.selectRelation}
          onHover={handlers.hoverUnits}
          onConnect={handlers.relate}
          onShowUnit={handlers.showUnit}
          onJumpToUnit={handlers.jumpToUnit}
          details={details.binding}
        />
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
          <NoticeArea notices={notices.notices} onDismiss={notices.dismiss} />
        </>
      }
    />
  );
}
