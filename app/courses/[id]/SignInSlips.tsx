'use client';
// Sign-in slips (name, address, user name, one-time password), shown once: after a roster import
// (RosterImport) and for a lost slip reissued from the member list (CourseAdmin). 用紙を印刷 prints
// only the slips (print CSS in globals.css: .print-slips, .no-print); 保存 saves them as CSV.
import { useId } from 'react';
import { useT } from '@/components/I18nProvider';
import { csvTable } from '@/lib/formats/csv';

export interface Slip {
  userId: string;
  name: string;
  displayName: string;
  oneTimePassword: string;
}

export function SignInSlips({ slips, courseTitle }: { slips: Slip[]; courseTitle: string }) {
  const t = useT();
  const headingId = useId();
  const saveCsv = () => {
    const rows = [[t('roster.slipName'), t('roster.slipUser'), t('roster.slipPassword')], ...slips.map((s) => [s.displayName, s.name, s.oneTimePassword])];
    const url = URL.createObjectURL(new Blob([csvTable(rows)], { type: 'text/csv;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'sign-in-slips.csv' });
    a.click();
    URL.revokeObjectURL(url);
  };
  const address = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <section aria-labelledby={headingId} className="print-slips space-y-2">
      <h3 id={headingId} className="no-print font-semibold">
        {t('roster.slipsHeading')}
      </h3>
      <p className="no-print rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm">{t('roster.slipsWarning')}</p>
      <div className="no-print flex gap-2">
        <button type="button" className="btn min-h-11" onClick={() => window.print()}>
          {t('roster.print')}
        </button>
        <button type="button" className="btn min-h-11" onClick={saveCsv}>
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
