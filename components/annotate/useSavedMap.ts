'use client';
// Autosave around the pure sync state machine (lib/argument/sync): sends pending operations in
// batches within a quarter second, keeps everything unsent in localStorage so a reload or a
// closed tab loses nothing, retries with back-off while the server is unreachable, and rebases
// onto the server's map when another tab or device wrote first.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  acknowledge,
  enqueue,
  hasUnsaved,
  initialSync,
  rebase,
  restore,
  reuseUnchanged,
  startBatch,
  unconfirmed,
  type ArgumentMap,
  type DocumentContext,
  type Operation,
  type StoredSync,
  type SyncState,
} from '@/lib/argument';
import { useStableHandlers } from '../useStableHandlers';

export type SaveStatus = 'saved' | 'saving' | 'offline';

export type SyncNotice =
  | { kind: 'merged' }
  | { kind: 'conflict'; dropped: number }
  | { kind: 'refused'; reason: string };

const storageKey = (mapId: string) => `ronten:unsaved:${mapId}`;
const debounceMs = 250;
const maxRetryMs = 5000;

function loadStored(mapId: string): StoredSync | null {
  try {
    const raw = window.localStorage.getItem(storageKey(mapId));
    const stored = raw ? (JSON.parse(raw) as StoredSync) : null;
    return stored?.mapId === mapId ? stored : null;
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

function newId(): string {
  return crypto.randomUUID();
}

interface Options {
  mapId: string | null;
  version: number;
  map: ArgumentMap;
  ctx: DocumentContext;
  /// Called when the server's map replaced ours (undo history no longer applies).
  onNotice: (notice: SyncNotice) => void;
}

export function useSavedMap({ mapId, version, map: initialMap, ctx, onNotice }: Options) {
  const [sync, setSync] = useState<SyncState>(() => initialSync(version, initialMap));
  const ref = useRef(sync);
  const sending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryMs = useRef(0);
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

  const fetchServerMap = useCallback(async () => {
    const res = await fetch(`/api/maps/${mapId}`, { cache: 'no-store' });
    if (!res.ok) throw new Error(`GET map: ${res.status}`);
    return (await res.json()) as { version: number; map: ArgumentMap };
  }, [mapId]);

  const flush = useCallback(async (): Promise<void> => {
    if (!mapId || sending.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    let batch = ref.current.inFlight;
    if (!batch) {
      const started = startBatch(ref.current, newId());
      if (!started) {
        setStatus('saved');
        return;
      }
      update(started.state);
      batch = started.batch;
    }
    sending.current = true;
    setStatus('saving');
    try {
      const res = await fetch(`/api/maps/${mapId}/operations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      if (res.status >= 500) throw new Error(`server error ${res.status}`);
      const body = await res.json();
      if (res.ok) {
        try {
          update(acknowledge(ref.current, body.version, body.map, ctx));
        } catch {
          // Our idea of the confirmed map drifted: take the server's and replay the rest.
          const server = await fetchServerMap();
          update(rebase({ ...ref.current, inFlight: null }, server, ctx).state);
        }
      } else if (res.status === 409) {
        const result = rebase(ref.current, { version: body.version, map: body.map }, ctx);
        update(result.state);
        notify(result.ok ? { kind: 'merged' } : { kind: 'conflict', dropped: result.dropped.length });
      } else {
        // Refused (422/404…): what we hold does not fit the server's map; take the server's.
        const server = await fetchServerMap();
        update(initialSync(server.version, server.map));
        notify({ kind: 'refused', reason: String(body.reason ?? body.error ?? res.status) });
      }
      retryMs.current = 0;
    } catch {
      // Unreachable: keep everything (it is in localStorage too) and try again later.
      setStatus('offline');
      retryMs.current = Math.min(maxRetryMs, retryMs.current ? retryMs.current * 2 : 500);
      timer.current = setTimeout(() => void flush(), retryMs.current);
      return;
    } finally {
      sending.current = false;
    }
    if (hasUnsaved(ref.current)) void flush();
    else setStatus('saved');
  }, [mapId, ctx, update, fetchServerMap]);

  const schedule = useCallback(() => {
    if (timer.current || sending.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, debounceMs);
  }, [flush]);

  // Restore what a previous page load left unsent, and send it.
  useEffect(() => {
    if (!mapId) return;
    const stored = loadStored(mapId);
    if (stored) {
      update(restore(ref.current, stored, ctx));
      void flush();
    }
    const online = () => void flush();
    // Another tab may have saved meanwhile: pick up its changes when we come back.
    const focus = async () => {
      if (sending.current || hasUnsaved(ref.current)) return;
      try {
        const server = await fetchServerMap();
        if (server.version > ref.current.confirmed.version && !hasUnsaved(ref.current)) {
          update(initialSync(server.version, server.map));
          notify({ kind: 'merged' });
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

  /// Checks the user's operations against the map as it is now, applies and queues them; answers
  /// the problem, changing nothing, when they do not apply.
  const commit = useCallback(
    (operations: Operation[]) => {
      const result = enqueue(ref.current, operations, ctx);
      if (!result.ok) return result;
      update(result.state);
      if (mapId) {
        setStatus((s) => (s === 'offline' ? s : 'saving'));
        schedule();
      }
      return result;
    },
    [update, schedule, mapId, ctx],
  );

  /// The server's map replaced ours wholesale (an import): start over from it.
  const reset = useCallback((version: number, map: ArgumentMap) => update(initialSync(version, map)), [update]);

  // The same map object while its contents stay the same (a rebase or the server's map taken
  // over may change nothing the user sees), so the views keyed on it do not redo work.
  const shown = useRef<ArgumentMap | null>(null);
  const map = useMemo(() => (shown.current = reuseUnchanged(shown.current, sync.local)), [sync.local]);
  return { map, status, unsaved: unconfirmed(sync).length, version: sync.confirmed.version, commit, reset };
}
