'use client';
// The map's layout without freezing the page: laid out in a Web Worker
// (lib/argument/layout.worker), newest structure first (lib/argument/layoutScheduler: one job
// running, one waiting, the waiting one replaced). Until the first layout arrives there is none
// (the view says it is laying out); after that the last layout stays drawn until the next one
// arrives, so a unit just made appears a moment later while the text stays responsive.
//
// Tiny maps are laid out in place (in a layout effect, so before the browser paints): there a
// worker's round trip would cost more than the layout and show as a flash. Where there is no
// Worker (jsdom, old browsers) every layout is computed in place, as before.
import { startTransition, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { layoutInputKey, type GraphLayout, type LayoutInput } from '@/lib/argument/layout';
import { LayoutScheduler, type LayoutReply, type LayoutWorkerPort } from '@/lib/argument/layoutScheduler';

/// Nodes plus edges below which a layout runs in place. Measured (Node, `layoutGraph` on the
/// bench's synthetic maps, CPU time, least of 60 runs, on a loaded 2-core machine): 3 ms at 9,
/// 9–12 ms at 22, 12–18 ms at 31–35, 19–21 ms at 45–47, 28–55 ms at 66–70. Up to here a layout
/// costs less than a frame, and drawing it in the same commit beats the worker's round trip
/// (its answer a frame later at best; the first one also waits for the worker to start).
export const inPlaceBelow = 24;

function spawnLayoutWorker(receive: (reply: LayoutReply) => void, broken: () => void): LayoutWorkerPort | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('../../lib/argument/layout.worker.ts', import.meta.url), { type: 'module', name: 'ronten-map-layout' });
  worker.onmessage = (event: MessageEvent<LayoutReply>) => receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    broken();
  };
  worker.onmessageerror = broken;
  return worker;
}

interface Drawn {
  key: string;
  layout: GraphLayout;
}

// The layout last delivered: the map tab opened again on an unchanged map draws at once.
let lastDrawn: Drawn | null = null;

export interface MapLayout {
  /// The layout to draw: the current structure's, or the last one while that is computed; null
  /// before the first arrives.
  layout: GraphLayout | null;
  /// Whether `layout` is the current structure's.
  current: boolean;
  /// Resolves once the current structure's layout is drawn (committed): what the picture exports
  /// wait for.
  whenCurrent: () => Promise<void>;
}

export function useMapLayout(input: LayoutInput): MapLayout {
  const key = useMemo(() => layoutInputKey(input), [input]);
  const [drawn, setDrawn] = useState<Drawn | null>(() => (lastDrawn?.key === key ? lastDrawn : null));
  const [failure, setFailure] = useState<Error | null>(null);

  const scheduler = useRef<LayoutScheduler | null>(null);
  // Set while a request is made: a layout delivered then was computed in place.
  const requesting = useRef(false);
  useLayoutEffect(() => {
    const s = new LayoutScheduler(
      {
        spawn: spawnLayoutWorker,
        inPlace: (i) => i.nodes.length + i.edges.length < inPlaceBelow,
        deliver: (k, layout) => {
          const next = (lastDrawn = { key: k, layout });
          // In place: drawn in this commit, before the browser paints. From the worker: drawn
          // in a transition, so React renders the hundreds of nodes in slices between the
          // user's keys and clicks instead of in one long task.
          if (requesting.current) setDrawn(next);
          else startTransition(() => setDrawn(next));
        },
        fail: setFailure,
      },
      drawn?.key ?? null, // at mount: a layout kept from before is not asked for again
    );
    scheduler.current = s;
    return () => s.dispose();
  }, []);
  // Declared after the scheduler's effect, so it runs after it (React runs effects in order).
  useLayoutEffect(() => {
    requesting.current = true;
    try {
      scheduler.current!.request(key, input);
    } finally {
      requesting.current = false;
    }
    // Keyed by `key` alone: a new `input` object with the same key lays out the same.
  }, [key]);

  const current = drawn?.key === key;
  const waiting = useRef<Array<() => void>>([]);
  const isCurrent = useRef(current);
  // A layout effect: runs as the layout is committed (the drawing is in the DOM), before any
  // event handler can ask.
  useLayoutEffect(() => {
    isCurrent.current = current;
    if (current) for (const resolve of waiting.current.splice(0)) resolve();
  }, [current]);
  const whenCurrent = useCallback(() => (isCurrent.current ? Promise.resolve() : new Promise<void>((resolve) => waiting.current.push(resolve))), []);

  if (failure) throw failure;
  return { layout: drawn?.layout ?? null, current, whenCurrent };
}
