'use client';
// The argument map: a node per unit (./MapNode), an edge per relation (./MapEdge: a linked
// argument's premises joined at a junction into one arrow, an undercutter ending on the middle
// of the arrow it attacks, a scheme's name beside its arrow), laid out in layers with
// conclusions above their premises (lib/argument/layout; recomputed only when the structure
// changes, in a worker: ./useMapLayout — the last layout stays drawn meanwhile). It opens on
// what matters at a readable scale (./viewport), pans and zooms without re-rendering
// (./usePanZoom), shows a minimap whenever part of it is off the frame (./Minimap), and relates
// units by dragging one node onto another, or attacks an inference by dragging a node onto its
// arrow (./useConnectGesture).
// Everything edits through the workspace's operations, so it is undoable and saved like any
// other change.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { isImplicit, isTextUnit, premiseEdges, unitText, type ArgumentMap, type RelationType } from '@/lib/argument/types';
import { edgeBox, type GraphLayout, type LayoutEdge, type LayoutNode } from '@/lib/argument/layout';
import { displayWidth } from '@/lib/text/width';
import type { StructureHint } from '@/lib/argument/hints';
import { useLocale, useT } from '../I18nProvider';
import { useStableHandlers } from '../useStableHandlers';
import { colorsOfSlot, labelSlot, type LabelInfo } from '../annotate/labels';
import { fontFamily, nodeHeight, nodeText, nodeWidth } from './nodeShape';
import { printMap, savePng, saveSvg, standaloneSvg } from './exportPicture';
import { EdgeMarkers, MapEdge, schemeFontSize } from './MapEdge';
import { relationName, schemeName, shortQuote } from './edgeNames';
import { MapNode } from './MapNode';
import { Minimap } from './Minimap';
import { usePanZoom } from './usePanZoom';
import { useConnectGesture } from './useConnectGesture';
import { useMapLayout } from './useMapLayout';
import type { Box } from './viewport';

export interface MapActions {
  /// `extend`: Shift was held (the unit joins the selection: a linked argument's premises).
  onSelectUnit: (id: string | null, extend?: boolean) => void;
  onSelectRelation: (id: string | null) => void;
  onHover: (ids: string[]) => void;
  /// A node dragged onto another node (`to` a unit id) or onto an edge (`to` that relation's id:
  /// an attack on the inference, an undercutter), the type chosen in the small dialog that
  /// follows. The workspace refuses what the model refuses.
  onConnect: (from: string, to: string, type: RelationType) => void;
  /// Puts the essay's caret on the unit and scrolls the text to it (J on a node, or the
  /// toolbar's "In text" button for the selected node).
  onJumpToUnit: (id: string) => void;
}

interface Props extends MapActions {
  title: string;
  text: string;
  /// Sorted token boundaries of the text: node text breaks only between words.
  boundaries?: readonly number[];
  map: ArgumentMap;
  labels: LabelInfo[];
  hints: StructureHint[];
  selectedUnitId: string | null;
  selectedRelationId: string | null;
  emphasizedIds: ReadonlySet<string>;
  readOnly: boolean;
}

const margin = 8; // around the layout, which has its own margin
/// What is drawn before the first layout arrives.
const noLayout: GraphLayout = { nodes: new Map(), edges: new Map(), width: 0, height: 0 };

/// Memoized: the workspace re-renders on every key, the map only when its data changes (the
/// workspace hands it stable handlers, ../useStableHandlers).
export const ArgumentMapView = memo(function ArgumentMapView(props: Props) {
  const { title, text, boundaries, map, labels, hints, selectedUnitId, selectedRelationId, emphasizedIds, readOnly } = props;
  const t = useT();
  const locale = useLocale();
  // Nodes and edges are memoized; their handlers keep one identity and reach the latest props.
  const actions = useStableHandlers<MapActions>({ onSelectUnit: props.onSelectUnit, onSelectRelation: props.onSelectRelation, onHover: props.onHover, onConnect: props.onConnect, onJumpToUnit: props.onJumpToUnit });

  // --- Layout: only when the structure changes (ids, labels, sizes, relations, main claim).
  const texts = useMemo(
    () => new Map(map.units.map((u) => [u.id, isTextUnit(u) ? nodeText(text.slice(u.start, u.end), boundaries, u.start) : nodeText(u.text)])),
    [map.units, text, boundaries],
  );
  // A support naming a scheme gets a label of the scheme's name: the layout leaves room for it.
  const schemeNames = useMemo(() => new Map(map.relations.map((r) => [r.id, r.type === 'support' ? schemeName(r, locale) : null])), [map.relations, locale]);
  const layoutInput = useMemo(() => {
    const nodes: LayoutNode[] = map.units.map((u) => ({ id: u.id, width: nodeWidth, height: nodeHeight(texts.get(u.id)!), ...(isImplicit(u) ? { implicit: true } : {}) }));
    const edges: LayoutEdge[] = map.relations.map((r) => {
      const name = schemeNames.get(r.id);
      return { id: r.id, from: r.from, to: r.to, ...(name ? { label: { width: Math.ceil(displayWidth(name) * schemeFontSize * 1.1) + 12, height: schemeFontSize + 7 } } : {}) };
    });
    return { nodes, edges, mainClaimId: map.mainClaimId };
  }, [map.units, map.relations, map.mainClaimId, texts, schemeNames]);
  // Unit to unit, one per premise (an undercutter's to the unit the attacked relation bears on):
  // what the first view counts as "one relation away from the main claim", and the units a
  // hovered edge emphasizes.
  const unitEdges = useMemo(() => premiseEdges({ relations: map.relations }), [map.relations]);
  // Units and relations the drawn layout does not have yet are not drawn until it arrives.
  const { layout: drawnLayout, current: layoutCurrent, whenCurrent } = useMapLayout(layoutInput);
  const layout = drawnLayout ?? noLayout;
  const width = layout.width + 2 * margin;
  const height = layout.height + 2 * margin;
  // Node boxes in the drawing's coordinates (the layout sits at margin, margin).
  const boxes = useMemo(() => new Map<string, Box>([...layout.nodes].map(([id, n]) => [id, { x: n.x + margin, y: n.y + margin, width: n.width, height: n.height }])), [layout]);
  const edgeBoxes = useMemo(
    () =>
      new Map<string, Box>(
        [...layout.edges].map(([id, e]) => {
          const b = edgeBox(e);
          return [id, { ...b, x: b.x + margin, y: b.y + margin }];
        }),
      ),
    [layout],
  );
  const content = useMemo(() => ({ x: 0, y: 0, width: layout.nodes.size ? width : 0, height }), [layout, width, height]);

  const hintsByUnit = useMemo(() => {
    const m = new Map<string, StructureHint[]>();
    for (const h of hints) for (const id of h.unitIds) m.set(id, [...(m.get(id) ?? []), h]);
    return m;
  }, [hints]);
  const labelName = useCallback((id: string) => labels.find((l) => l.id === id)?.[locale] ?? id, [labels, locale]);

  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const miniViewRef = useRef<SVGRectElement>(null);
  const zoom = usePanZoom({ frameRef, svgRef, miniViewRef, boxes, edgeBoxes, content, edges: unitEdges, mainClaimId: map.mainClaimId });
  const { bringIntoView, apply: applyView, offFrame: anyOffFrame } = zoom;
  // A minimap just shown needs the view's rectangle drawn in it.
  useEffect(() => {
    if (anyOffFrame) applyView();
  }, [anyOffFrame, applyView]);

  // Bring a unit selected elsewhere (text, list) into view.
  useEffect(() => {
    if (selectedUnitId) bringIntoView(selectedUnitId);
  }, [selectedUnitId, bringIntoView]);

  const nodeActions = useMemo(() => ({ onSelectUnit: actions.onSelectUnit, onHover: actions.onHover, onFocusNode: bringIntoView, onJumpToUnit: actions.onJumpToUnit }), [actions, bringIntoView]);
  const edgeActions = useMemo(() => ({ onSelectRelation: actions.onSelectRelation, onHover: actions.onHover, onFocusEdge: bringIntoView }), [actions, bringIntoView]);
  const gesture = useConnectGesture({ frameRef, view: zoom.view, pinching: zoom.pinching, moveTo: zoom.moveTo, layout, margin, readOnly, onSelectUnit: actions.onSelectUnit, onSelectRelation: actions.onSelectRelation });
  const { chooser, setChooser } = gesture;

  const unitById = useMemo(() => new Map(map.units.map((u) => [u.id, u])), [map.units]);
  // What the map draws of the layout: a layout computed before a unit was deleted still has it.
  const minimapNodes = useMemo(() => [...layout.nodes.values()].filter((n) => unitById.has(n.id)), [layout, unitById]);
  const selectedUnit = selectedUnitId ? unitById.get(selectedUnitId) : undefined;
  // An implicit unit has no place in the text to jump to.
  const jumpTarget = selectedUnit && isTextUnit(selectedUnit) ? selectedUnit : null;
  // Each relation's name and the units it joins, kept while the map, text and language stay.
  const edgeInfo = useMemo(() => {
    const relations = new Map(map.relations.map((r) => [r.id, r]));
    const context = { t, locale, text, units: unitById, relations, labelName };
    const bearsOn = new Map<string, string>();
    for (const e of unitEdges) bearsOn.set(e.relation.id, e.to);
    return new Map(map.relations.map((r) => [r.id, { name: relationName(r, context), ends: [...r.from, bearsOn.get(r.id)!] }]));
  }, [map.relations, unitEdges, unitById, t, locale, text, labelName]);
  // A node's chip: its label's name, and "★ main claim" on the main claim.
  const chips = new Map(map.units.map((u) => [u.id, u.id === map.mainClaimId ? `${labelName(u.label)} ★ ${t('annotate.mainClaim')}` : labelName(u.label)]));

  // The pictures are copies of the drawing: they wait until it shows the current structure, and
  // take their rows from the map as it is then.
  const printRows = useRef<() => Array<{ label: string; quote: string; note: string }>>(() => []);
  useLayoutEffect(() => {
    printRows.current = () => map.units.map((u) => ({ label: isImplicit(u) ? t('map.implicitNode', { label: labelName(u.label) }) : labelName(u.label), quote: unitText(u, text), note: u.note }));
  });
  const picture = async () => {
    await whenCurrent();
    const svg = svgRef.current!;
    const [w, h] = [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
    return { svg: standaloneSvg(svg, w, h, title), width: w, height: h };
  };

  return (
    <section role="region" aria-label={t('map.region')} className="flex h-full min-h-[28rem] flex-col">
      <div className="mb-2 flex flex-wrap items-center gap-1 text-sm">
        <button type="button" className="btn" aria-label={t('map.zoomIn')} title={t('map.zoomIn')} onClick={() => zoom.zoomAt(1.25)}>
          ＋
        </button>
        <button type="button" className="btn" aria-label={t('map.zoomOut')} title={t('map.zoomOut')} onClick={() => zoom.zoomAt(0.8)}>
          －
        </button>
        <button type="button" className="btn" onClick={zoom.fit}>
          {t('map.fit')}
        </button>
        {jumpTarget && (
          <button
            type="button"
            className="btn"
            aria-keyshortcuts="J"
            aria-label={t('annotate.jumpToUnitNamed', { label: labelName(jumpTarget.label), quote: shortQuote(text.slice(jumpTarget.start, jumpTarget.end), 30) })}
            onClick={() => actions.onJumpToUnit(jumpTarget.id)}
          >
            {t('annotate.jumpToUnit')}
          </button>
        )}
        <span className="ml-auto" />
        <button type="button" className="btn" onClick={() => void picture().then((p) => saveSvg(p.svg, 'argument-map.svg'))}>
          {t('map.exportSvg')}
        </button>
        <button type="button" className="btn" onClick={() => void picture().then((p) => savePng(p.svg, p.width, p.height, 'argument-map.png'))}>
          {t('map.exportPng')}
        </button>
        <button type="button" className="btn" onClick={() => void picture().then((p) => printMap(p.svg, title, printRows.current()))}>
          {t('map.print')}
        </button>
      </div>
      {zoom.note && (
        <p role="status" data-map-note={zoom.note} className="mb-1 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-stone-800">
          {t(zoom.note === 'tooSmall' ? 'map.noteTooSmall' : 'map.noteFitClamped')}
        </p>
      )}
      <div
        ref={frameRef}
        className="relative min-h-[26rem] flex-1 touch-none overflow-hidden rounded-md border border-stone-300 bg-white select-none"
        style={{ cursor: 'grab' }}
        data-layout={layoutCurrent ? 'current' : 'pending'}
        {...gesture.handlers}
      >
        {map.units.length === 0 && <p className="absolute inset-x-0 top-6 text-center text-sm text-stone-500">{t('map.empty')}</p>}
        {map.units.length > 0 && !drawnLayout && (
          // Faded in after a moment, so a short wait (a small map, a warm worker) does not flash it.
          <p role="status" className="absolute inset-x-0 top-6 text-center text-sm text-stone-600 transition-opacity delay-150 duration-200 starting:opacity-0">
            {t('map.layingOut')}
          </p>
        )}
        {/* A later layout: the drawing stays; a quiet note (no live region: it would speak at
            every edit) fades in only if the wait is long enough to notice. */}
        {drawnLayout && !layoutCurrent && (
          <p className="pointer-events-none absolute top-2 left-2 z-10 rounded bg-white/90 px-1.5 py-0.5 text-xs text-stone-600 transition-opacity delay-300 duration-300 starting:opacity-0">
            {t('map.updatingLayout')}
          </p>
        )}
        <svg ref={svgRef} width={width} height={height} className="absolute top-0 left-0 origin-top-left" fontFamily={fontFamily}>
          <EdgeMarkers />
          <g data-viewport="">
            <g transform={`translate(${margin},${margin})`}>
              {map.relations.map((r) => {
                const placed = layout.edges.get(r.id);
                const info = edgeInfo.get(r.id)!;
                return placed ? (
                  <MapEdge key={r.id} edge={placed} type={r.type} selected={r.id === selectedRelationId} name={info.name} schemeName={schemeNames.get(r.id) ?? null} ends={info.ends} actions={edgeActions} />
                ) : null;
              })}
              {map.units.map((u) => {
                const placed = layout.nodes.get(u.id);
                return placed ? (
                  <MapNode
                    key={u.id}
                    id={u.id}
                    node={placed}
                    slot={labelSlot(labels, u.label)}
                    chip={chips.get(u.id)!}
                    main={u.id === map.mainClaimId}
                    implicitText={isImplicit(u) ? t('map.notInText') : null}
                    name={`${isImplicit(u) ? t('map.implicitNode', { label: chips.get(u.id)! }) : chips.get(u.id)!}: ${unitText(u, text)}`}
                    quote={unitText(u, text)}
                    note={u.note}
                    lines={texts.get(u.id)!}
                    selected={u.id === selectedUnitId}
                    emphasized={emphasizedIds.has(u.id)}
                    hints={hintsByUnit.get(u.id)}
                    hintText={(h) => t(`hints.${h.kind}`)}
                    actions={nodeActions}
                  />
                ) : null;
              })}
              <line ref={gesture.linkLineRef} visibility="hidden" stroke="#0369a1" strokeWidth="2" strokeDasharray="4 3" data-export="omit" pointerEvents="none" />
            </g>
          </g>
        </svg>
        {zoom.offFrame && (
          <Minimap
            nodes={minimapNodes}
            width={width}
            height={height}
            margin={margin}
            viewRef={miniViewRef}
            onJump={(gx, gy) => {
              const frame = frameRef.current!;
              const { k } = zoom.view.current;
              zoom.moveTo({ k, x: frame.clientWidth / 2 - gx * k, y: frame.clientHeight / 2 - gy * k });
            }}
            label={t('map.minimap')}
            colorOf={(id) => colorsOfSlot(labelSlot(labels, unitById.get(id)?.label ?? '')).fill}
          />
        )}
        {chooser && (
          <div
            role="dialog"
            aria-label={t('map.connect')}
            className="absolute z-20 flex gap-1 rounded-md border border-stone-300 bg-white p-1.5 shadow-lg"
            style={{ left: chooser.left, top: chooser.top }}
            onPointerDown={(e) => e.stopPropagation()}
            onKeyDown={(e) => e.key === 'Escape' && setChooser(null)}
          >
            {/* Onto an edge: only an attack (an undercutter); the model allows no support of a relation. */}
            {(chooser.onRelation ? (['attack'] as const) : (['support', 'attack'] as const)).map((type, i) => (
              <button
                key={type}
                type="button"
                autoFocus={i === 0}
                className="btn"
                onClick={() => {
                  actions.onConnect(chooser.from, chooser.to, type);
                  setChooser(null);
                }}
              >
                {t(chooser.onRelation ? 'map.connectUndercut' : type === 'support' ? 'map.connectSupport' : 'map.connectAttack')}
              </button>
            ))}
            <button type="button" className="btn" onClick={() => setChooser(null)}>
              {t('annotate.cancel')}
            </button>
          </div>
        )}
      </div>
      {!readOnly && <p className="mt-1 text-xs text-stone-500">{t('map.nodeHint')}</p>}
    </section>
  );
});
