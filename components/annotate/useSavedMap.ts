'use client';
// Autosave around the pure sync state machine (lib/argument/sync): sends pending operations in
// batches within a quarter second, keeps everything unsent in localStorage so a reload or a
// closed tab loses nothing, and hands every answer to the state machine as classified by
// lib/argument/delivery — acknowledged, merged (another tab or device wrote first), refused (the
// batch is taken out and the user told; the queue moves on) or to be retried (unreachable,
// overloaded, signed out: kept, and sent again after a jittered, growing delay). Undo and redo
// go through the same state, so they always fit the map shown.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  adopt,
  enqueue,
  hasUnsaved,
  initialSync,
  receive,
  restore,
  reuseUnchanged,
  startBatch,
  travel as travelSync,
  unconfirmed,
  upgradeOperation,
  type Answer,
  type ArgumentMap,
  type DocumentContext,
  type Operation,
  type RetryReason,
  type StoredSync,
  type SyncNotice,
  type SyncState,
} from '@/lib/argument';
import { classifyAnswer, restoreDelay, retryDelay } from '@/lib/argument/delivery';
import { useStableHandlers } from '../useStableHandlers';

export type SaveStatus = 'saved' | 'saving' | RetryReason;

const storageKey = (mapId: string) => `ronten:unsaved:${mapId}`;
const debounceMs = 250;

function loadStored(mapId: string): StoredSync | null {
  try {
    const raw = window.localStorage.getItem(storageKey(mapId));
    const stored = raw ? (JSON.parse(raw) as StoredSync) : null;
    if (stored?.mapId !== mapId) return null;
    // Queued by a page from before relations had premise lists: read them in today's shape.
    const inFlight = stored.inFlight && { ...stored.inFlight, operations: stored.inFlight.operations.map(upgradeOperation) };
    return { ...stored, inFlight, pending: stored.pending.map(upgradeOperation) };
  } catch {
    return null;
  }
}

function persist(mapId: string, state: SyncState) {
  try {
    if (hasUnsaved(state)) {
      const stored: StoredSync = { mapId, inFlight: state.inFlight, pending: state.pending };
      window.localStorage.setItem(storageKey(mapId), JSON.stringify(stored));
    } else {
      window.localStorage.removeItem(storageKey(mapId));
    }
  } catch {
    // Storage full or disabled: the server copy still arrives; nothing else to do here.
  }
}

interface Options {
  mapId: string | null;
  version: number;
  map: ArgumentMap;
  ctx: DocumentContext;
  /// Told what the user must know after the map changed under them (merged, conflicts, refusals).
  onNotice: (notice: SyncNotice) => void;
}

export function useSavedMap({ mapId, version, map: initialMap, ctx, onNotice }: Options) {
  const [sync, setSync] = useState<SyncState>(() => initialSync(version, initialMap));
  const ref = useRef(sync);
  const sending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const { notify } = useStableHandlers({ notify: onNotice });

  const update = useCallback(
    (next: SyncState) => {
      ref.current = next;
      if (mapId) persist(mapId, next);
      setSync(next);
    },
    [mapId],
  );
  const tell = useCallback((notice: SyncNotice | null) => notice && notify(notice), [notify]);

  const fetchServerMap = useCallback(async () => {
    const res = await fetch(`/api/maps/${mapId}`, { cache: 'no-store' });
    if (!res.ok) throw new Error(`GET map: ${res.status}`);
    return (await res.json()) as { version: number; map: ArgumentMap };
  }, [mapId]);

  const later = useCallback((ms: number, run: () => void) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      run();
    }, ms);
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (!mapId || sending.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    let batch = ref.current.inFlight;
    if (!batch) {
      const started = startBatch(ref.current, crypto.randomUUID());
      if (!started) {
        setStatus('saved');
        return;
      }
      update(started.state);
      batch = started.batch;
    }
    sending.current = true;
    setStatus((s) => (s === 'saved' ? 'saving' : s));
    let answer: Answer;
    try {
      const res = await fetch(`/api/maps/${mapId}/operations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      // Read as text: an error page (a proxy's 413 or 502) is not JSON, and must not throw here.
      answer = classifyAnswer(res.status, await res.text(), res.headers.get('retry-after'), Date.now());
    } catch {
      answer = { kind: 'retry', why: 'offline', retryAfterMs: null };
    } finally {
      sending.current = false;
    }
    if (answer.kind === 'retry') {
      // Kept (it is in localStorage too) and sent again after a growing, jittered wait.
      setStatus(answer.why);
      later(retryDelay(attempt.current++, answer.retryAfterMs, Math.random), () => void flush());
      return;
    }
    attempt.current = 0;
    const result = receive(ref.current, answer, ctx);
    update(result.state);
    tell(result.notice);
    if (result.fetchMap) {
      try {
        const adopted = adopt(ref.current, await fetchServerMap(), ctx);
        update(adopted.state);
        if (adopted.notice.kind !== 'merged' || adopted.notice.droppedHistory) tell(adopted.notice);
      } catch {
        // The batch stays in flight; sent again, the server answers it with its map.
        setStatus('offline');
        later(retryDelay(attempt.current++, null, Math.random), () => void flush());
        return;
      }
    }
    setStatus('saving');
    if (hasUnsaved(ref.current)) void flush();
    else setStatus('saved');
  }, [mapId, ctx, update, tell, later, fetchServerMap]);

  const schedule = useCallback(() => {
    if (timer.current || sending.current) return;
    later(debounceMs, () => void flush());
  }, [flush, later]);

  // Restore what a previous page load left unsent, and send it — after a random short wait, so
  // that pages reloading together (a server restart) do not all send at once.
  useEffect(() => {
    if (!mapId) return;
    const stored = loadStored(mapId);
    if (stored) {
      const restored = restore(ref.current, stored, ctx);
      update(restored.state);
      tell(restored.notice);
      setStatus('saving');
      later(restoreDelay(Math.random), () => void flush());
    }
    const online = () => void flush();
    // Another tab may have saved meanwhile: pick up its changes when we come back.
    const focus = async () => {
      if (sending.current || hasUnsaved(ref.current)) return;
      try {
        const server = await fetchServerMap();
        if (server.version > ref.current.confirmed.version && !hasUnsaved(ref.current)) {
          const adopted = adopt(ref.current, server, ctx);
          update(adopted.state);
          tell(adopted.notice);
        }
      } catch {
        // offline: nothing to pick up
      }
    };
    window.addEventListener('online', online);
    window.addEventListener('focus', focus);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('focus', focus);
      if (timer.current) clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapId]);

  const queued = useCallback(() => {
    if (!mapId) return;
    setStatus((s) => (s === 'saved' ? 'saving' : s));
    schedule();
  }, [mapId, schedule]);

  /// Checks a user action's operations against the map as it is now, applies, records and
  /// queues them; answers the problem, changing nothing, when they do not apply.
  const commit = useCallback(
    (operations: Operation[]) => {
      const result = enqueue(ref.current, operations, ctx);
      if (!result.ok) return result;
      update(result.state);
      queued();
      return result;
    },
    [update, queued, ctx],
  );

  /// Undoes or redoes one action; answers 'empty' or 'conflict' (that step was taken off the
  /// history) instead of throwing.
  const travel = useCallback(
    (direction: 'undo' | 'redo') => {
      const result = travelSync(ref.current, direction, ctx);
      update(result.state);
      if (result.ok) queued();
      return result;
    },
    [update, queued, ctx],
  );

  /// The server's map replaced ours wholesale (an import): start over from it.
  const reset = useCallback((version: number, map: ArgumentMap) => update(initialSync(version, map)), [update]);

  // The same map object while its contents stay the same (a rebase or the server's map taken
  // over may change nothing the user sees), so the views keyed on it do not redo work.
  const shown = useRef<ArgumentMap | null>(null);
  const map = useMemo(() => (shown.current = reuseUnchanged(shown.current, sync.local)), [sync.local]);
  return {
    map,
    status,
    unsaved: unconfirmed(sync).length,
    version: sync.confirmed.version,
    canUndo: sync.history.done.length > 0,
    canRedo: sync.history.undone.length > 0,
    commit,
    travel,
    reset,
  };
}
