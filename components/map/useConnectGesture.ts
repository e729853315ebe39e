'use client';
// The map's pointer gestures: drag the background to pan; press a node and release to select it;
// drag from one node onto another to relate them (a dashed line follows the pointer, then a
// small dialog asks support or attack), or onto an edge to attack that relation (an undercutter;
// the dialog then offers only that). Coordinates come through the pan/zoom view. Two fingers
// pinch and pan instead (./usePanZoom), and these give way.
import { useRef, useState } from 'react';
import type { GraphLayout } from '@/lib/argument/layout';
import type { View } from './viewport';

interface Options {
  frameRef: React.RefObject<HTMLDivElement | null>;
  view: React.RefObject<View>;
  /// Two fingers are pinching (../usePanZoom): the one-pointer gestures give way.
  pinching: React.RefObject<boolean>;
  moveTo: (view: View) => void;
  layout: GraphLayout;
  /// The layout's offset in the drawing.
  margin: number;
  readOnly: boolean;
  onSelectUnit: (id: string | null, extend?: boolean) => void;
  onSelectRelation: (id: string | null) => void;
}

export interface Chooser {
  from: string;
  /// A unit id, or a relation id when `onRelation`.
  to: string;
  onRelation: boolean;
  left: number;
  top: number;
}

type Gesture = { kind: 'pan'; startX: number; startY: number; x: number; y: number } | { kind: 'node'; id: string; startX: number; startY: number; connecting: boolean };

export function useConnectGesture({ frameRef, view, pinching, moveTo, layout, margin, readOnly, onSelectUnit, onSelectRelation }: Options) {
  const gesture = useRef<Gesture | null>(null);
  const linkLineRef = useRef<SVGLineElement>(null);
  const [chooser, setChooser] = useState<Chooser | null>(null);

  const toGraph = (clientX: number, clientY: number) => {
    const r = frameRef.current!.getBoundingClientRect();
    const { x, y, k } = view.current;
    return { x: (clientX - r.left - x) / k - margin, y: (clientY - r.top - y) / k - margin };
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0 || pinching.current) {
      gesture.current = null;
      return;
    }
    const nodeEl = (e.target as Element).closest('[data-unit-id]');
    const edgeEl = (e.target as Element).closest('[data-relation-id]');
    if (edgeEl) return;
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    gesture.current = nodeEl
      ? { kind: 'node', id: nodeEl.getAttribute('data-unit-id')!, startX: e.clientX, startY: e.clientY, connecting: false }
      : { kind: 'pan', startX: e.clientX, startY: e.clientY, x: view.current.x, y: view.current.y };
  };

  const onPointerMove = (e: React.PointerEvent) => {
    if (pinching.current) gesture.current = null;
    const g = gesture.current;
    if (!g) return;
    if (g.kind === 'pan') {
      moveTo({ ...view.current, x: g.x + e.clientX - g.startX, y: g.y + e.clientY - g.startY });
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
    const g = pinching.current ? null : gesture.current;
    gesture.current = null;
    linkLineRef.current?.setAttribute('visibility', 'hidden');
    if (!g) return;
    if (g.kind === 'pan') {
      if (Math.hypot(e.clientX - g.startX, e.clientY - g.startY) < 3) {
        onSelectUnit(null);
        onSelectRelation(null);
      }
      return;
    }
    if (!g.connecting) return onSelectUnit(g.id, e.shiftKey);
    // Nodes are drawn over edges, so a drop on a node is never taken for its edges'.
    const under = document.elementFromPoint(e.clientX, e.clientY);
    const unit = under?.closest('[data-unit-id]')?.getAttribute('data-unit-id');
    const relation = unit ? null : under?.closest('[data-relation-id]')?.getAttribute('data-relation-id');
    const frame = frameRef.current!.getBoundingClientRect();
    const at = { left: e.clientX - frame.left, top: e.clientY - frame.top };
    if (unit && unit !== g.id) setChooser({ from: g.id, to: unit, onRelation: false, ...at });
    else if (relation) setChooser({ from: g.id, to: relation, onRelation: true, ...at });
  };

  return { linkLineRef, chooser, setChooser, handlers: { onPointerDown, onPointerMove, onPointerUp } };
}
