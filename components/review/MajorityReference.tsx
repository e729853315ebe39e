'use client';
// "Build the reference from the class's majority" (POST /api/assignments/:id/reference, lib/
// agreement/majority.ts for what "majority" means): one button; when the reference already has
// units, a confirmation that says how many will be replaced; then the outcome in words, with
// Undo (the returned operations inverted, saved through the map operations route in batches the
// route accepts) and a link to the reference to adjust it. Refusals are worded from the route's
// `reason`.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { invertAll, type Operation } from '@/lib/argument/operations';
import { LIMITS } from '@/lib/argument/limits';
import { useT } from '../I18nProvider';
import { RequestFailure, wordedFailure } from '../useJsonRequest';

interface Built {
  mapId: string;
  version: number;
  operations: Operation[];
}

export function MajorityReference({ assignmentId, documentId }: { assignmentId: string; documentId: string }) {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [confirm, setConfirm] = useState<number | null>(null);
  const [built, setBuilt] = useState<Built | null>(null);

  const build = async (replace: boolean) => {
    setBusy(true);
    setConfirm(null);
    setMessage(t('curation.working'));
    try {
      const res = await fetch(`/api/assignments/${encodeURIComponent(assignmentId)}/reference`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: 'majority', replace }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        setBuilt({ mapId: body.mapId, version: body.version, operations: body.operations });
        setMessage(t('curation.majorityDone', { voters: body.voters, units: body.units, relations: body.relations }));
        router.refresh();
      } else if (body.reason === 'referenceNotEmpty') {
        setConfirm(body.units);
        setMessage(t('curation.replaceConfirm', { units: body.units }));
      } else if (body.reason === 'tooFewMaps' || body.reason === 'noMajority') {
        setMessage(t(`curation.${body.reason as 'tooFewMaps' | 'noMajority'}`, { maps: body.maps }));
      } else if (body.reason === 'notReferenceOwner') {
        setMessage(t('curation.notOwner', { name: String(body.owner) }));
      } else if (body.reason === 'schemeMismatch') {
        setMessage(t('curation.schemeMismatch'));
      } else {
        setMessage(t('curation.failed', { reason: wordedFailure(t, new RequestFailure(res.status, body)) }));
      }
    } catch {
      setMessage(t('curation.failed', { reason: t('request.offline') }));
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (!built) return;
    setBusy(true);
    setMessage(t('curation.working'));
    const inverse = invertAll(built.operations);
    let version = built.version;
    try {
      for (let i = 0; i < inverse.length; i += LIMITS.operationsPerBatch) {
        const res = await fetch(`/api/maps/${encodeURIComponent(built.mapId)}/operations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ batchId: crypto.randomUUID(), baseVersion: version, operations: inverse.slice(i, i + LIMITS.operationsPerBatch) }),
        });
        const body = await res.json().catch(() => ({}));
        if (!res.ok) {
          setMessage(res.status === 409 ? t('curation.stale') : t('curation.failed', { reason: wordedFailure(t, new RequestFailure(res.status, body)) }));
          return;
        }
        version = body.version;
      }
      setBuilt(null);
      setMessage(t('curation.undone'));
      router.refresh();
    } catch {
      setMessage(t('curation.failed', { reason: t('request.offline') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="curation-heading" className="max-w-3xl space-y-2" data-testid="majority-reference">
      <h2 id="curation-heading" className="text-lg font-semibold">
        {t('curation.heading')}
      </h2>
      <p className="text-sm text-stone-600">{t('curation.intro')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn min-h-11" disabled={busy} onClick={() => void build(false)} aria-describedby="majority-hint">
          {t('curation.majority')}
        </button>
        <span id="majority-hint" className="text-sm text-stone-600">
          {t('curation.majorityHint')}
        </span>
      </div>
      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium" data-testid="majority-status">
        {message}
      </p>
      {confirm !== null && (
        <div className="flex gap-3">
          <button type="button" className="btn min-h-11" disabled={busy} onClick={() => void build(true)}>
            {t('curation.replace')}
          </button>
          <button
            type="button"
            className="min-h-11 px-3 underline"
            onClick={() => {
              setConfirm(null);
              setMessage(t('curation.cancelled'));
            }}
          >
            {t('curation.cancel')}
          </button>
        </div>
      )}
      {built && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn min-h-11" disabled={busy} onClick={() => void undo()}>
            {t('curation.undo')}
          </button>
          <a className="text-sky-800 underline underline-offset-4" href={`/documents/${encodeURIComponent(documentId)}`}>
            {t('curation.adjust')}
          </a>
        </div>
      )}
    </section>
  );
}
