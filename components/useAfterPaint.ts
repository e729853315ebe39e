'use client';
// A value that follows another only once the browser has painted the frame after its change.
//
// For views that must not delay that frame: React's useDeferredValue renders the deferred copy
// in tasks that may well run before the next frame, whose style and layout then carry the
// view's new elements too (the unit list's open row restyled ~300 elements in the frame meant
// to show a new unit). Here the update waits for a task after the frame's paint, and renders as
// a transition, so a key pressed meanwhile still comes first.
import { startTransition, useEffect, useState } from 'react';

/// Runs `task` once the next frame is painted; answers a function that cancels it. (A task
/// queued from requestAnimationFrame runs after that frame's paint.)
export function afterNextPaint(task: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (!cancelled) task();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (shown === value) return;
    return afterNextPaint(() => startTransition(() => setShown(value)));
  }, [value, shown]);
  return shown;
}
