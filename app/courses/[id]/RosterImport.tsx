'use client';
// Roster import on a course page: pick a CSV, send its bytes as they are (the server finds the
// encoding, converting Shift_JIS), then either every problem by line — nothing was imported — or
// the new accounts' sign-in slips with their one-time passwords, shown only here and now: a
// printable sheet (print CSS in globals.css keeps only the slips) and a CSV of the same.
import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/components/I18nProvider';
import { describeFailure, wordedError } from '@/components/useJsonRequest';
import { csvTable } from '@/lib/formats/csv';

interface Slip {
  userId: string;
  name: string;
  displayName: string;
  oneTimePassword: string;
}

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

  const saveCsv = () => {
    const rows = [[t('roster.slipName'), t('roster.slipUser'), t('roster.slipPassword')], ...result!.slips.map((s) => [s.displayName, s.name, s.oneTimePassword])];
    const url = URL.createObjectURL(new Blob([csvTable(rows)], { type: 'text/csv;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'sign-in-slips.csv' });
    a.click();
    URL.revokeObjectURL(url);
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
      {result && <Slips slips={result.slips} courseTitle={courseTitle} onCsv={saveCsv} />}
    </div>
  );
}

function Slips({ slips, courseTitle, onCsv }: { slips: Slip[]; courseTitle: string; onCsv: () => void }) {
  const t = useT();
  const address = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <section aria-labelledby="slips-heading" className="print-slips space-y-2">
      <h3 id="slips-heading" className="no-print font-semibold">
        {t('roster.slipsHeading')}
      </h3>
      <p className="no-print rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm">{t('roster.slipsWarning')}</p>
      <div className="no-print flex gap-2">
        <button type="button" className="btn min-h-11" onClick={() => window.print()}>
          {t('roster.print')}
        </button>
        <button type="button" className="btn min-h-11" onClick={onCsv}>
          {t('roster.downloadCsv')}
        </button>
      </div>
      <ul className="grid gap-2 sm:grid-cols-2" data-testid="slips">
        {slips.map((s) => (
          <li key={s.userId} className="slip rounded border border-dashed border-stone-400 bg-white p-3 text-sm" data-testid="slip">
            <p className="font-semibold">{t('roster.slipTitle', { course: courseTitle })}</p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
              <dt>{t('roster.slipName')}</dt>
              <dd>{s.displayName}</dd>
              <dt>{t('roster.slipAddress')}</dt>
              <dd>{address}</dd>
              <dt>{t('roster.slipUser')}</dt>
              <dd>
                <code data-testid="slip-user">{s.name}</code>
              </dd>
              <dt>{t('roster.slipPassword')}</dt>
              <dd>
                <code data-testid="slip-password" className="text-base">
                  {s.oneTimePassword}
                </code>
              </dd>
            </dl>
            <p className="mt-1 text-xs text-stone-600">{t('roster.slipNote')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
