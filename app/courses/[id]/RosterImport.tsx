'use client';
// Roster import on a course page: pick a CSV, send its bytes as they are (the server finds the
// encoding, converting Shift_JIS), then either every problem by line — nothing was imported — or
// the new accounts' sign-in slips with their one-time passwords, shown only here and now
// (SignInSlips: a printable sheet and a CSV of the same).
import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/components/I18nProvider';
import { describeFailure, wordedError } from '@/components/useJsonRequest';
import { SignInSlips, type Slip } from './SignInSlips';

interface Problem {
  line: number;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export function RosterImport({ courseId, courseTitle, maxRows }: { courseId: string; courseTitle: string; maxRows: number }) {
  const t = useT();
  const router = useRouter();
  const fileId = useId();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ slips: Slip[]; converted: boolean } | null>(null);
  const [failure, setFailure] = useState<{ summary: string; problems: Problem[] } | null>(null);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const res = await fetch(`/api/courses/${encodeURIComponent(courseId)}/roster`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: await file.arrayBuffer() });
      const data = (await res.json().catch(() => ({}))) as { accounts?: Slip[]; encoding?: string; problems?: Problem[]; code?: string; params?: Record<string, number> };
      if (res.ok && data.accounts) {
        setResult({ slips: data.accounts, converted: data.encoding === 'shift_jis' });
        router.refresh();
      } else if (data.code === 'roster.invalid' && data.problems) {
        setFailure({ summary: t('roster.problems', { count: data.params?.count ?? data.problems.length }), problems: data.problems });
      } else {
        setFailure({ summary: describeFailure(t, res.status, wordedError(t, data) ?? undefined), problems: [] });
      }
    } catch {
      setFailure({ summary: describeFailure(t, null), problems: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-3" data-testid="roster-import">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <label htmlFor={fileId} className="flex flex-col text-sm">
          {t('roster.file')}
          <input id={fileId} name="file" type="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby={`${fileId}-hint`} className="min-h-11" />
        </label>
        <button type="submit" disabled={busy} className="btn min-h-11">
          {busy ? t('roster.importing') : t('roster.import')}
        </button>
        <p id={`${fileId}-hint`} className="w-full max-w-2xl text-xs text-stone-500">
          {t('roster.hint', { max: maxRows })}
        </p>
      </form>
      <div role="status" className="text-sm">
        {result && (
          <p className="text-green-800" data-testid="roster-done">
            {t('roster.done', { n: result.slips.length })} {result.converted && t('roster.convertedSjis')}
          </p>
        )}
      </div>
      {failure && (
        <div role="alert" className="text-sm text-red-700" data-testid="roster-problems">
          <p>{failure.summary}</p>
          {failure.problems.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {failure.problems.map((p, i) => (
                <li key={i}>{p.line > 0 ? t('roster.line', { line: p.line, problem: wordedError(t, p) ?? p.message }) : (wordedError(t, p) ?? p.message)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && <SignInSlips slips={result.slips} courseTitle={courseTitle} />}
    </div>
  );
}
