'use client';
// Taking a student's unit or relation into the assignment's reference map from the compare
// view: the operations come from lib/agreement/curation.ts, are saved through the ordinary
// POST /api/maps/:id/operations (so the server checks them as any edit), and one Undo sends
// their inverses. After each save the page is refreshed, so the comparison is recomputed on the
// server against the new reference. Every outcome, refusals included, becomes one sentence in
// `notice` (CurationNotice shows it where the user is looking and a screen reader hears it).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { takeIntoReference, type TakeItem } from '@/lib/agreement/curation';
import { invertAll, type Operation } from '@/lib/argument/operations';
import type { ArgumentMap } from '@/lib/argument/types';
import { useT } from '../I18nProvider';
import { RequestFailure, wordedFailure } from '../useJsonRequest';

export interface CurationTarget {
  referenceMapId: string;
  /// The reference map's version when the page was drawn.
  version: number;
  /// Whether the viewer owns the reference map (only its owner saves operations on it).
  mayEdit: boolean;
  ownerName: string;
}

export interface CurationNotice {
  text: string;
  tone: 'done' | 'error' | 'working';
  /// The operations a click on Undo inverts (only right after a successful take).
  undo?: Operation[];
}

export function useReferenceCuration(target: CurationTarget | undefined, reference: ArgumentMap, student: ArgumentMap, found: ReadonlyArray<{ reference: string; student: string }>) {
  const t = useT();
  const router = useRouter();
  const [notice, setNotice] = useState<CurationNotice | null>(null);
  // The version the next save is based on: the page's, or a later one this hook saved.
  const version = useRef(target?.version ?? 0);
  useEffect(() => {
    if (target) version.current = Math.max(version.current, target.version);
  }, [target]);

  const save = useCallback(
    async (operations: Operation[]): Promise<string | null> => {
      if (!target) return t('curation.failed', { reason: wordedFailure(t, new RequestFailure(404)) });
      let res: Response;
      try {
        res = await fetch(`/api/maps/${encodeURIComponent(target.referenceMapId)}/operations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ batchId: crypto.randomUUID(), baseVersion: version.current, operations }),
        });
      } catch {
        return t('curation.failed', { reason: t('request.offline') });
      }
      const body = (await res.json().catch(() => ({}))) as { version?: number; error?: string };
      if (res.ok && typeof body.version === 'number') {
        version.current = body.version;
        return null;
      }
      if (res.status === 409) return t('curation.stale');
      if (res.status === 403 || res.status === 404) return t('curation.notOwner', { name: target.ownerName });
      return t('curation.failed', { reason: wordedFailure(t, new RequestFailure(res.status, body)) });
    },
    [target, t],
  );

  const take = useCallback(
    async (item: TakeItem, what: string) => {
      const result = takeIntoReference(reference, student, item, found, (kind) => `${kind}-${crypto.randomUUID().slice(0, 8)}`);
      if (!result.ok) {
        setNotice({ tone: 'error', text: t(`curation.${result.reason}`) });
        return;
      }
      setNotice({ tone: 'working', text: t('curation.working') });
      const problem = await save(result.operations);
      if (problem) {
        setNotice({ tone: 'error', text: problem });
        return;
      }
      const text = item.kind === 'relation' && result.addedUnits > 0 ? t('curation.takenRelationUnits', { n: result.addedUnits, what }) : t('curation.taken', { what });
      setNotice({ tone: 'done', text, undo: result.operations });
      router.refresh();
    },
    [reference, student, found, save, router, t],
  );

  const undo = useCallback(async () => {
    if (!notice?.undo) return;
    setNotice({ tone: 'working', text: t('curation.working') });
    const problem = await save(invertAll(notice.undo));
    setNotice(problem ? { tone: 'error', text: problem } : { tone: 'done', text: t('curation.undone') });
    if (!problem) router.refresh();
  }, [notice, save, router, t]);

  return { take, undo, notice, dismiss: () => setNotice(null) };
}
