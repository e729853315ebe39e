'use client';
// Autosave (./useSavedMap) wired to the notice area (./Notices): what the sync state reports and
// the save status, worded in the UI's language (./saveNotices), shown where the user looks.
import { useCallback, useEffect, useRef } from 'react';
import type { ArgumentMap, DocumentContext, SyncNotice } from '@/lib/argument';
import type { Translate } from '@/lib/i18n/locale';
import { useNotices } from './Notices';
import { statusNotice, syncNotice } from './saveNotices';
import { useSavedMap } from './useSavedMap';

interface Options {
  t: Translate;
  text: string;
  mapId: string | null;
  version: number;
  map: ArgumentMap;
  ctx: DocumentContext;
}

export function useWorkspaceSave({ t, text, mapId, version, map: initialMap, ctx }: Options) {
  // What the user must see as well as hear goes to the notice area (which announces it too).
  const notices = useNotices();
  const { show, dismissKey } = notices;
  const shownMap = useRef(initialMap);
  const onNotice = useCallback((notice: SyncNotice) => show(syncNotice(t, notice, text, shownMap.current)), [show, t, text]);
  const saved = useSavedMap({ mapId, version, map: initialMap, ctx, onNotice });
  const { map, status, unsaved } = saved;
  useEffect(() => {
    shownMap.current = map;
  }, [map]);
  useEffect(() => {
    const notice = statusNotice(t, status, unsaved);
    if (notice) show(notice);
    else dismissKey('save');
    // Shown when the status changes, not again for every change queued meanwhile.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);
  return { saved, notices };
}
