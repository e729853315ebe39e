'use client';
// Pan and zoom of the map. The view {x, y, k} lives in a ref and is applied to the SVG as a CSS
// transform, promoted to its own layer while moving, so the compositor moves the picture without
// repainting it and React never re-renders on a pan. What the view arithmetic decides (first
// view, fit, into view) is ./viewport; this hook applies it and reports what the user must know:
// whether part of the map is off the frame (the minimap shows then) and whether the text is
// below a readable size or "fit" could not show everything readably (a visible note).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { firstView, fitBox, intoView, offFrame, readableScale, zoomLimits, type Box, type View } from './viewport';

export type ViewNote = 'tooSmall' | 'fitClamped' | null;

interface Options {
  frameRef: React.RefObject<HTMLDivElement | null>;
  svgRef: React.RefObject<SVGSVGElement | null>;
  miniViewRef: React.RefObject<SVGRectElement | null>;
  /// Node boxes in the drawing's coordinates, and the whole drawing.
  boxes: ReadonlyMap<string, Box>;
  /// Edge boxes (relation ids), also brought into view when focused.
  edgeBoxes: ReadonlyMap<string, Box>;
  content: Box;
  edges: readonly { from: string; to: string }[];
  mainClaimId: string | null;
}

export function usePanZoom({ frameRef, svgRef, miniViewRef, boxes, edgeBoxes, content, edges, mainClaimId }: Options) {
  const view = useRef<View>({ x: 0, y: 0, k: 1 });
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clamped = useRef(false);
  const [status, setStatus] = useState<{ off: boolean; note: ViewNote }>({ off: false, note: null });
  const contentRef = useRef(content);
  contentRef.current = content;

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
    const frame = { width: stage.clientWidth, height: stage.clientHeight };
    const off = contentRef.current.width > 0 && offFrame(view.current, contentRef.current, frame);
    const note: ViewNote = k < readableScale - 1e-6 ? 'tooSmall' : clamped.current && off ? 'fitClamped' : null;
    // A state change only when what is shown changes, not on every frame of a pan.
    setStatus((s) => (s.off === off && s.note === note ? s : { off, note }));
  }, [frameRef, svgRef, miniViewRef]);

  const frameSize = () => ({ width: frameRef.current?.clientWidth ?? 0, height: frameRef.current?.clientHeight ?? 0 });

  const fit = useCallback(() => {
    if (!frameRef.current || content.width === 0) return;
    const fitted = fitBox(content, frameSize());
    clamped.current = fitted.clamped;
    view.current = fitted.view;
    apply();
  }, [content, apply]);

  const zoomAt = useCallback(
    (factor: number, cx?: number, cy?: number) => {
      const frame = frameRef.current;
      if (!frame) return;
      const { x, y, k } = view.current;
      const nk = Math.min(zoomLimits.max, Math.max(zoomLimits.min, k * factor));
      const px = cx ?? frame.clientWidth / 2;
      const py = cy ?? frame.clientHeight / 2;
      view.current = { k: nk, x: px - ((px - x) * nk) / k, y: py - ((py - y) * nk) / k };
      apply();
    },
    [frameRef, apply],
  );

  const moveTo = useCallback(
    (next: View) => {
      view.current = next;
      apply();
    },
    [apply],
  );

  /// Pans just enough to show the node or edge (a unit selected elsewhere, a node or an edge
  /// focused by Tab).
  const bringIntoView = useCallback(
    (id: string) => {
      const box = boxes.get(id) ?? edgeBoxes.get(id);
      if (!box || !frameRef.current) return;
      const next = intoView(view.current, box, frameSize());
      if (next) moveTo(next);
    },
    [boxes, edgeBoxes, moveTo],
  );

  // First view: what matters at a readable scale (./viewport firstView); later layouts keep the
  // view the user has.
  const placed = useRef(false);
  useLayoutEffect(() => {
    if (placed.current || boxes.size === 0 || !frameRef.current) return apply();
    placed.current = true;
    const first = firstView(boxes, edges, mainClaimId, frameSize());
    if (first) {
      clamped.current = first.clamped;
      view.current = first.view;
    }
    apply();
  }, [boxes, edges, mainClaimId, apply]);

  // Two fingers pinch and pan together: the drawing's point under the fingers' midpoint stays
  // under it while their distance scales the view. Listened to before the connect gesture's
  // handlers, which give way while `pinching` is set.
  const pinching = useRef(false);
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const touches = new Map<number, { x: number; y: number }>();
    let start: { dist: number; mid: { x: number; y: number }; view: View } | null = null;
    const spread = () => {
      const [a, b] = [...touches.values()];
      const r = frame.getBoundingClientRect();
      return { dist: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), mid: { x: (a.x + b.x) / 2 - r.left, y: (a.y + b.y) / 2 - r.top } };
    };
    const down = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (touches.size === 2) {
        start = { ...spread(), view: { ...view.current } };
        pinching.current = true;
      }
    };
    const move = (e: PointerEvent) => {
      if (!touches.has(e.pointerId)) return;
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (!start || touches.size < 2) return;
      const now = spread();
      const k = Math.min(zoomLimits.max, Math.max(zoomLimits.min, (start.view.k * now.dist) / start.dist));
      const gx = (start.mid.x - start.view.x) / start.view.k;
      const gy = (start.mid.y - start.view.y) / start.view.k;
      view.current = { k, x: now.mid.x - gx * k, y: now.mid.y - gy * k };
      apply();
    };
    const up = (e: PointerEvent) => {
      touches.delete(e.pointerId);
      if (touches.size < 2) start = null;
      if (touches.size === 0) pinching.current = false;
    };
    frame.addEventListener('pointerdown', down, true);
    frame.addEventListener('pointermove', move, true);
    frame.addEventListener('pointerup', up, true);
    frame.addEventListener('pointercancel', up, true);
    return () => {
      frame.removeEventListener('pointerdown', down, true);
      frame.removeEventListener('pointermove', move, true);
      frame.removeEventListener('pointerup', up, true);
      frame.removeEventListener('pointercancel', up, true);
    };
  }, [frameRef, apply]);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = frame.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    // A resized pane shows more or less of the map: the minimap and note follow.
    const resized = new ResizeObserver(() => apply());
    resized.observe(frame);
    return () => {
      frame.removeEventListener('wheel', onWheel);
      resized.disconnect();
    };
  }, [frameRef, zoomAt, apply]);

  return { view, pinching, apply, fit, zoomAt, moveTo, bringIntoView, offFrame: status.off, note: status.note };
}
