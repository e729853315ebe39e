'use client';
// Submitting a map to its assignment, from the editor or the assignment page: a button that
// opens a confirmation (a modal <dialog>: focus moves into it, Escape closes it) saying what
// happens — the map becomes read-only until the instructor returns it — what it contains (units,
// relations, units connected to nothing: lib/grading/submission.ts), and that it will be marked
// late when the due time has passed. Only "Submit" in the dialog sends it; the page then reloads
// to show the map locked. A refusal (e.g. the assignment closed) is said in the dialog.
import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { ArgumentMap } from '@/lib/argument/types';
import { submissionSummary } from '@/lib/grading/submission';
import { useT } from '../I18nProvider';
import { useJsonRequest } from '../useJsonRequest';

export interface SubmitTarget {
  assignmentId: string;
  title: string;
  /// The student's due time has passed (submitting now is recorded as late).
  pastDue: boolean;
}

interface Props {
  target: SubmitTarget;
  /// The map as the editor holds it; or, away from the editor, `documentId` to read the saved
  /// map when the dialog opens (a page shown again from the browser's history is stale).
  map?: ArgumentMap;
  documentId?: string;
  labels: readonly string[];
  /// Changes not saved yet: submitting waits for them.
  pending?: boolean;
}

export function SubmitMapButton({ target, map, documentId, labels, pending = false }: Props) {
  const t = useT();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const { send, busy, error, setError } = useJsonRequest();
  const [summary, setSummary] = useState(() => ({ units: 0, relations: 0, unconnected: 0 }));
  const open = async () => {
    setError(null);
    let shown = map;
    if (!shown && documentId) {
      const res = await fetch(`/api/documents/${encodeURIComponent(documentId)}/map`).catch(() => null);
      shown = res?.ok ? ((await res.json()) as { map: ArgumentMap }).map : undefined;
    }
    setSummary(submissionSummary(shown ?? { units: [], relations: [], mainClaimId: null }, labels));
    dialog.current?.showModal();
  };
  const submit = async () => {
    if (await send(`/api/assignments/${encodeURIComponent(target.assignmentId)}/submit`, 'POST', {})) {
      dialog.current?.close();
      router.refresh();
    }
  };
  return (
    <>
      <button type="button" className="btn" onClick={open} disabled={pending} title={pending ? t('grading.submit.saving') : undefined} data-testid="submit-map">
        {t('grading.submit.button')}
      </button>
      <dialog ref={dialog} aria-labelledby="submit-dialog-title" className="m-auto max-w-lg rounded border border-stone-300 p-4 shadow-xl backdrop:bg-black/30" data-testid="submit-dialog">
        <h2 id="submit-dialog-title" className="mb-2 text-lg font-semibold">
          {t('grading.submit.title', { title: target.title })}
        </h2>
        <p className="mb-2 text-sm">{t('grading.submit.what')}</p>
        <p className="mb-2 text-sm" data-testid="submit-summary">
          {summary.units === 0 ? t('grading.submit.empty') : t('grading.submit.contains', summary)}
        </p>
        {target.pastDue && <p className="mb-2 text-sm font-semibold text-orange-800">{t('grading.lateNote')}</p>}
        {error && (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className="btn" onClick={() => dialog.current?.close()} autoFocus>
            {t('grading.submit.cancel')}
          </button>
          <button type="button" className="btn" onClick={submit} disabled={busy} data-testid="confirm-submit">
            {t('grading.submit.confirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}
