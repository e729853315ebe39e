'use client';
// The argument map: a node per unit, an edge per relation, laid out in layers with conclusions
// above their premises (lib/argument/layout; recomputed only when the structure changes). Pan by
// dragging the background, zoom with the wheel or the buttons, fit, and a minimap for large
// maps. Pan and zoom set a CSS transform on the SVG, promoted to its own layer while moving, so
// the compositor moves the picture without repainting it and React never re-renders.
// Drag from one node onto another to relate them. Everything edits through the workspace's
// operations, so it is undoable and saved like any other change.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArgumentMap, RelationType } from '@/lib/argument/types';
import { layoutGraph, layoutInputKey, type LayoutEdge, type LayoutNode, type PlacedEdge, type PlacedNode } from '@/lib/argument/layout';
import type { StructureHint } from '@/lib/argument/hints';
import { useLocale, useT } from '../I18nProvider';
import { useStableHandlers } from '../useStableHandlers';
import { colorsOfSlot, labelSlot, type LabelInfo } from '../annotate/labels';
import { fontFamily, nodeHeight, nodeMetrics, nodeOutline, nodeText, nodeWidth, type NodeText } from './nodeShape';
import { printMap, savePng, saveSvg, standaloneSvg } from './exportPicture';
import { relationTypeKey } from '@/lib/i18n/locale';

export interface MapActions {
  onSelectUnit: (id: string | null) => void;
  onSelectRelation: (id: string | null) => void;
  onHover: (ids: string[]) => void;
  onConnect: (from: string, to: string, type: RelationType) => void;
}

interface Props extends MapActions {
  title: string;
  text: string;
  map: ArgumentMap;
  labels: LabelInfo[];
  hints: StructureHint[];
  selectedUnitId: string | null;
  selectedRelationId: string | null;
  emphasizedIds: ReadonlySet<string>;
  readOnly: boolean;
}

interface View {
  x: number;
  y: number;
  k: number;
}

const minimapThreshold = 12;
/// Below this scale node text is too small to read.
const minReadableScale = 0.6;
const margin = 8; // around the layout, which has its own margin

function edgePath(points: Array<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  if (points.length === 2) return `M${points[0].x},${points[0].y} L${points[1].x},${points[1].y}`;
  // A smooth curve through dagre's bend points (quadratic segments between midpoints).
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    d += ` Q${points[i].x},${points[i].y} ${i === points.length - 2 ? `${points[i + 1].x},${points[i + 1].y}` : `${mid.x},${mid.y}`}`;
  }
  return d;
}

/// Memoized: the workspace re-renders on every key, the map only when its data changes (the
/// workspace hands it stable handlers, ../useStableHandlers).
export const ArgumentMapView = memo(function ArgumentMapView(props: Props) {
  const { title, text, map, labels, hints, selectedUnitId, selectedRelationId, emphasizedIds, readOnly } = props;
  const t = useT();
  const locale = useLocale();
  // Nodes and edges are memoized; their handlers keep one identity and reach the latest props.
  const actions = useStableHandlers<MapActions>({ onSelectUnit: props.onSelectUnit, onSelectRelation: props.onSelectRelation, onHover: props.onHover, onConnect: props.onConnect });

  // --- Layout: only when the structure changes (ids, labels, sizes, relations, main claim).
  const texts = useMemo(() => new Map(map.units.map((u) => [u.id, nodeText(text.slice(u.start, u.end))])), [map.units, text]);
  const layoutInput = useMemo(() => {
    const nodes: LayoutNode[] = map.units.map((u) => ({ id: u.id, width: nodeWidth, height: nodeHeight(texts.get(u.id)!) }));
    const edges: LayoutEdge[] = map.relations.map((r) => ({ id: r.id, from: r.from, to: r.to }));
    return { nodes, edges, mainClaimId: map.mainClaimId };
  }, [map.units, map.relations, map.mainClaimId, texts]);
  const layoutKey = layoutInputKey(layoutInput);
  const layoutRef = useRef<{ key: string; layout: ReturnType<typeof layoutGraph> } | null>(null);
  if (!layoutRef.current || layoutRef.current.key !== layoutKey) layoutRef.current = { key: layoutKey, layout: layoutGraph(layoutInput) };
  const layout = layoutRef.current.layout;
  const width = layout.width + 2 * margin;
  const height = layout.height + 2 * margin;

  const hintsByUnit = useMemo(() => {
    const m = new Map<string, StructureHint[]>();
    for (const h of hints) for (const id of h.unitIds) m.set(id, [...(m.get(id) ?? []), h]);
    return m;
  }, [hints]);
  const labelName = useCallback((id: string) => labels.find((l) => l.id === id)?.[locale] ?? id, [labels, locale]);

  // --- Pan and zoom, applied to the DOM directly.
  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const miniViewRef = useRef<SVGRectElement>(null);
  const view = useRef<View>({ x: 0, y: 0, k: 1 });
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const apply = useCallback(() => {
    const { x, y, k } = view.current;
    const svg = svgRef.current;
    const stage = frameRef.current;
    if (!svg || !stage) return;
    svg.style.transform = `translate(${x}px, ${y}px) scale(${k})`;
    // A layer of its own while moving; dropped when still, so the text is re-rasterized sharp.
    svg.style.willChange = 'transform';
    if (settle.current) clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      if (svgRef.current) svgRef.current.style.willChange = '';
    }, 200);
    const mini = miniViewRef.current;
    if (mini) {
      mini.setAttribute('x', String(-x / k));
      mini.setAttribute('y', String(-y / k));
      mini.setAttribute('width', String(stage.clientWidth / k));
      mini.setAttribute('height', String(stage.clientHeight / k));
    }
  }, []);
  const fit = useCallback(() => {
    const svg = frameRef.current;
    if (!svg) return;
    const k = Math.min(1.2, Math.max(0.1, Math.min(svg.clientWidth / width, svg.clientHeight / height)));
    view.current = { k, x: (svg.clientWidth - width * k) / 2, y: Math.max(0, (svg.clientHeight - height * k) / 2) };
    apply();
  }, [width, height, apply]);
  const zoomAt = useCallback(
    (factor: number, cx?: number, cy?: number) => {
      const svg = frameRef.current;
      if (!svg) return;
      const { x, y, k } = view.current;
      const nk = Math.min(3, Math.max(0.1, k * factor));
      const px = cx ?? svg.clientWidth / 2;
      const py = cy ?? svg.clientHeight / 2;
      view.current = { k: nk, x: px - ((px - x) * nk) / k, y: py - ((py - y) * nk) / k };
      apply();
    },
    [apply],
  );

  // First view: the whole map when it is legible that small; otherwise the top of the map (the
  // main claim and what hangs from it) at a readable scale, with the minimap for the rest.
  const fitted = useRef(false);
  useLayoutEffect(() => {
    const svg = frameRef.current;
    if (fitted.current || layout.nodes.size === 0 || !svg) return apply();
    fitted.current = true;
    const k = Math.min(svg.clientWidth / width, svg.clientHeight / height);
    if (k >= minReadableScale) return fit();
    const main = map.mainClaimId ? layout.nodes.get(map.mainClaimId) : undefined;
    const focusX = main ? main.x + margin + main.width / 2 : width / 2;
    view.current = { k: minReadableScale, x: svg.clientWidth / 2 - focusX * minReadableScale, y: 12 };
    apply();
  }, [layout, fit, apply, width, height, map.mainClaimId]);

  useEffect(() => {
    const svg = frameRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  // Bring a unit selected elsewhere (text, list) into view.
  useEffect(() => {
    const node = selectedUnitId ? layout.nodes.get(selectedUnitId) : undefined;
    const svg = frameRef.current;
    if (!node || !svg) return;
    const { x, y, k } = view.current;
    const left = (node.x + margin) * k + x;
    const top = (node.y + margin) * k + y;
    const inside = left >= 0 && top >= 0 && left + node.width * k <= svg.clientWidth && top + node.height * k <= svg.clientHeight;
    if (!inside) {
      view.current = { k, x: svg.clientWidth / 2 - (node.x + margin + node.width / 2) * k, y: svg.clientHeight / 2 - (node.y + margin + node.height / 2) * k };
      apply();
    }
  }, [selectedUnitId, layout, apply]);

  // --- Pointer: pan on the background, click or drag-to-connect on nodes.
  const gesture = useRef<
    | { kind: 'pan'; startX: number; startY: number; x: number; y: number }
    | { kind: 'node'; id: string; startX: number; startY: number; connecting: boolean }
    | null
  >(null);
  const linkLineRef = useRef<SVGLineElement>(null);
  const [chooser, setChooser] = useState<{ from: string; to: string; left: number; top: number } | null>(null);

  const toGraph = (clientX: number, clientY: number) => {
    const r = frameRef.current!.getBoundingClientRect();
    const { x, y, k } = view.current;
    return { x: (clientX - r.left - x) / k - margin, y: (clientY - r.top - y) / k - margin };
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    const nodeEl = (e.target as Element).closest('[data-unit-id]');
    const edgeEl = (e.target as Element).closest('[data-relation-id]');
    if (edgeEl) return;
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    gesture.current = nodeEl
      ? { kind: 'node', id: nodeEl.getAttribute('data-unit-id')!, startX: e.clientX, startY: e.clientY, connecting: false }
      : { kind: 'pan', startX: e.clientX, startY: e.clientY, x: view.current.x, y: view.current.y };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const g = gesture.current;
    if (!g) return;
    if (g.kind === 'pan') {
      view.current = { ...view.current, x: g.x + e.clientX - g.startX, y: g.y + e.clientY - g.startY };
      apply();
      return;
    }
    if (readOnly) return;
    if (!g.connecting && Math.hypot(e.clientX - g.startX, e.clientY - g.startY) > 6) g.connecting = true;
    const line = linkLineRef.current;
    const from = layout.nodes.get(g.id);
    if (g.connecting && line && from) {
      const p = toGraph(e.clientX, e.clientY);
      line.setAttribute('x1', String(from.x + from.width / 2));
      line.setAttribute('y1', String(from.y + from.height / 2));
      line.setAttribute('x2', String(p.x));
      line.setAttribute('y2', String(p.y));
      line.setAttribute('visibility', 'visible');
    }
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const g = gesture.current;
    gesture.current = null;
    linkLineRef.current?.setAttribute('visibility', 'hidden');
    if (!g) return;
    if (g.kind === 'pan') {
      if (Math.hypot(e.clientX - g.startX, e.clientY - g.startY) < 3) {
        actions.onSelectUnit(null);
        actions.onSelectRelation(null);
      }
      return;
    }
    if (!g.connecting) return actions.onSelectUnit(g.id);
    const target = document.elementFromPoint(e.clientX, e.clientY)?.closest('[data-unit-id]')?.getAttribute('data-unit-id');
    const frame = frameRef.current!.getBoundingClientRect();
    if (target && target !== g.id) setChooser({ from: g.id, to: target, left: e.clientX - frame.left, top: e.clientY - frame.top });
  };

  const exportSvgText = () => standaloneSvg(svgRef.current!, width, height, title);

  return (
    <section role="region" aria-label={t('map.region')} className="flex h-full min-h-[28rem] flex-col">
      <div className="mb-2 flex flex-wrap items-center gap-1 text-sm">
        <button type="button" className="btn" aria-label={t('map.zoomIn')} title={t('map.zoomIn')} onClick={() => zoomAt(1.25)}>
          ＋
        </button>
        <button type="button" className="btn" aria-label={t('map.zoomOut')} title={t('map.zoomOut')} onClick={() => zoomAt(0.8)}>
          －
        </button>
        <button type="button" className="btn" onClick={fit}>
          {t('map.fit')}
        </button>
        <span className="ml-auto" />
        <button type="button" className="btn" onClick={() => saveSvg(exportSvgText(), 'argument-map.svg')}>
          {t('map.exportSvg')}
        </button>
        <button type="button" className="btn" onClick={() => void savePng(exportSvgText(), width, height, 'argument-map.png')}>
          {t('map.exportPng')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() =>
            printMap(
              exportSvgText(),
              title,
              map.units.map((u) => ({ label: labelName(u.label), quote: text.slice(u.start, u.end), note: u.note })),
            )
          }
        >
          {t('map.print')}
        </button>
      </div>
      <div
        ref={frameRef}
        className="relative min-h-[26rem] flex-1 touch-none overflow-hidden rounded-md border border-stone-300 bg-white select-none"
        style={{ cursor: 'grab' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        {map.units.length === 0 && <p className="absolute inset-x-0 top-6 text-center text-sm text-stone-500">{t('map.empty')}</p>}
        <svg
          ref={svgRef}
          width={width}
          height={height}
          className="absolute top-0 left-0 origin-top-left"
          fontFamily={fontFamily}
        >
          <defs>
            <marker id="arrow-support" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 Z" fill="#44403c" />
            </marker>
            <marker id="arrow-attack" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10" fill="none" stroke="#d55e00" strokeWidth="2" />
              <path d="M10,0 L10,10" stroke="#d55e00" strokeWidth="2" />
            </marker>
          </defs>
          <g data-viewport="">
            <g transform={`translate(${margin},${margin})`}>
              {map.relations.map((r) => {
                const placed = layout.edges.get(r.id);
                return placed ? (
                  <Edge
                    key={r.id}
                    edge={placed}
                    type={r.type}
                    selected={r.id === selectedRelationId}
                    label={t('map.edgeLabel', {
                      from: labelName(map.units.find((u) => u.id === r.from)?.label ?? ''),
                      to: labelName(map.units.find((u) => u.id === r.to)?.label ?? ''),
                      type: t(relationTypeKey(r.type)),
                    })}
                    onSelect={actions}
                  />
                ) : null;
              })}
              {map.units.map((u) => {
                const placed = layout.nodes.get(u.id);
                return placed ? (
                  <Node
                    key={u.id}
                    id={u.id}
                    node={placed}
                    slot={labelSlot(labels, u.label)}
                    labelText={labelName(u.label)}
                    quote={text.slice(u.start, u.end)}
                    note={u.note}
                    lines={texts.get(u.id)!}
                    main={u.id === map.mainClaimId}
                    selected={u.id === selectedUnitId}
                    emphasized={emphasizedIds.has(u.id)}
                    hints={hintsByUnit.get(u.id)}
                    hintText={(h) => t(`hints.${h.kind}`)}
                    actions={actions}
                  />
                ) : null;
              })}
              <line ref={linkLineRef} visibility="hidden" stroke="#0369a1" strokeWidth="2" strokeDasharray="4 3" data-export="omit" pointerEvents="none" />
            </g>
          </g>
        </svg>
        {map.units.length > minimapThreshold && (
          <Minimap
            layout={layout}
            width={width}
            height={height}
            viewRef={miniViewRef}
            onJump={(gx, gy) => {
              const svg = frameRef.current!;
              const { k } = view.current;
              view.current = { k, x: svg.clientWidth / 2 - gx * k, y: svg.clientHeight / 2 - gy * k };
              apply();
            }}
            label={t('map.minimap')}
            colorOf={(id) => colorsOfSlot(labelSlot(labels, map.units.find((u) => u.id === id)?.label ?? '')).fill}
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
            {(['support', 'attack'] as const).map((type) => (
              <button
                key={type}
                type="button"
                autoFocus={type === 'support'}
                className="btn"
                onClick={() => {
                  actions.onConnect(chooser.from, chooser.to, type);
                  setChooser(null);
                }}
              >
                {t(type === 'support' ? 'map.connectSupport' : 'map.connectAttack')}
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

interface NodeProps {
  id: string;
  node: PlacedNode;
  /// The label's slot in the scheme (null: not in it): colours and outline.
  slot: number | null;
  labelText: string;
  quote: string;
  note: string;
  lines: NodeText;
  main: boolean;
  selected: boolean;
  emphasized: boolean;
  hints: StructureHint[] | undefined;
  hintText: (h: StructureHint) => string;
  actions: MapActions;
}

const Node = memo(function Node({ id, node, slot, labelText, quote, note, lines, main, selected, emphasized, hints, hintText, actions }: NodeProps) {
  const colors = colorsOfSlot(slot);
  const { fontSize, lineHeight, headerHeight, padding } = nodeMetrics;
  const tip = [`${labelText}${main ? ' ★' : ''}`, quote, note, ...(hints ?? []).map(hintText)].filter(Boolean).join('\n');
  return (
    <g
      data-unit-id={id}
      transform={`translate(${node.x},${node.y})`}
      role="button"
      tabIndex={0}
      aria-label={`${labelText}${main ? ' ★' : ''}: ${quote}`}
      aria-pressed={selected}
      style={{ cursor: 'pointer' }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          actions.onSelectUnit(id);
        }
      }}
      onPointerEnter={() => actions.onHover([id])}
      onPointerLeave={() => actions.onHover([])}
    >
      <title>{tip}</title>
      <path
        d={nodeOutline(slot, node.width, node.height)}
        fill={selected || emphasized ? '#e0f2fe' : '#ffffff'}
        stroke={selected ? '#0c4a6e' : colors.edge}
        strokeWidth={selected ? 3 : main ? 3 : 1.5}
        // Saved pictures show the map, not what happened to be selected (exportPicture.ts).
        data-export-fill="#ffffff"
        data-export-stroke={colors.edge}
        data-export-stroke-width={main ? 3 : 1.5}
      />
      <rect x={padding} y={6} width={Math.max(40, (labelText.length + (main ? 2 : 0)) * 12 + 8)} height={16} rx={3} fill={colors.fill} />
      <text x={padding + 6} y={18} fontSize={11} fontWeight={700} fill={colors.ink}>
        {labelText}
        {main ? ' ★' : ''}
      </text>
      <text fontSize={fontSize} fill="#1c1917">
        {lines.lines.map((line, i) => (
          <tspan key={i} x={padding} y={headerHeight + (i + 1) * lineHeight - 4}>
            {line}
          </tspan>
        ))}
      </text>
      {hints && hints.length > 0 && (
        <g transform={`translate(${node.width - 10},-6)`} data-hint-badge="">
          <circle r={9} fill="#f59e0b" stroke="#ffffff" strokeWidth={1.5} />
          <text textAnchor="middle" y={4} fontSize={12} fontWeight={700} fill="#ffffff">
            !
          </text>
        </g>
      )}
    </g>
  );
});

const Edge = memo(function Edge({
  edge,
  type,
  selected,
  label,
  onSelect,
}: {
  edge: PlacedEdge;
  type: RelationType;
  selected: boolean;
  label: string;
  onSelect: MapActions;
}) {
  const d = edgePath(edge.points);
  const attack = type === 'attack';
  return (
    <g
      data-relation-id={edge.id}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      style={{ cursor: 'pointer' }}
      onClick={() => onSelect.onSelectRelation(edge.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect.onSelectRelation(edge.id);
        }
      }}
    >
      <title>{label}</title>
      {/* A wide invisible stroke makes thin edges easy to click. */}
      <path d={d} fill="none" stroke="transparent" strokeWidth={12} data-export="omit" />
      <path
        d={d}
        fill="none"
        stroke={attack ? '#d55e00' : '#44403c'}
        strokeWidth={selected ? 3.5 : 1.8}
        data-export-stroke-width={1.8}
        strokeDasharray={attack ? '7 4' : undefined}
        markerEnd={`url(#arrow-${type})`}
      />
    </g>
  );
});

function Minimap({
  layout,
  width,
  height,
  viewRef,
  onJump,
  label,
  colorOf,
}: {
  layout: ReturnType<typeof layoutGraph>;
  width: number;
  height: number;
  viewRef: React.RefObject<SVGRectElement | null>;
  onJump: (x: number, y: number) => void;
  label: string;
  colorOf: (id: string) => string;
}) {
  const w = 160;
  const h = Math.max(60, Math.min(140, (w * height) / width));
  return (
    <svg
      aria-label={label}
      role="img"
      className="absolute right-2 bottom-2 rounded border border-stone-300 bg-white/90"
      width={w}
      height={h}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      onPointerDown={(e) => {
        e.stopPropagation(); // not a pan of the map behind
        // The drawing is centred in the minimap (preserveAspectRatio meet).
        const r = e.currentTarget.getBoundingClientRect();
        const scale = Math.max(width / r.width, height / r.height);
        const offsetX = (r.width - width / scale) / 2;
        const offsetY = (r.height - height / scale) / 2;
        onJump((e.clientX - r.left - offsetX) * scale, (e.clientY - r.top - offsetY) * scale);
      }}
    >
      <g transform={`translate(${margin},${margin})`}>
        {[...layout.nodes.values()].map((n) => (
          <rect key={n.id} x={n.x} y={n.y} width={n.width} height={n.height} fill={colorOf(n.id)} opacity={0.6} />
        ))}
      </g>
      <rect ref={viewRef} fill="none" stroke="#0369a1" strokeWidth={Math.max(width, height) / 80} />
    </svg>
  );
}
