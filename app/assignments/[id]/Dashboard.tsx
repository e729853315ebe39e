// The instructor's dashboard of an assignment: one row per student with status (late and by how
// much), units per label, relations, last edit, submission, score and agreement with the
// reference, sorted and filtered by the query string (?sort=…&desc=1&status=…: a plain GET form,
// so it works without script and the view can be bookmarked), with the way to each map to grade
// it, compare it with the reference, or unlock it. A server component.
import Link from 'next/link';
import type { Label } from '@/lib/db';
import type { Locale, Translate } from '@/lib/i18n/locale';
import { filterRows, SORT_KEYS, sortRows, STATUSES, type GradingStatus, type SortKey } from '@/lib/grading/triage';
import { PostForm } from '@/components/PostForm';
import { latenessText } from '@/components/grading/lateness';
import type { TriageRowData } from '../_lib/grading';
import type { TeacherSummary } from '@/lib/agreement';
import { foundSentence } from '@/components/review/foundWords';

export interface TriageQuery {
  sort: SortKey;
  desc: boolean;
  statuses: GradingStatus[];
}

/// The query string's sort and filter, anything unknown ignored.
export function triageQuery(search: Record<string, string | string[] | undefined>): TriageQuery {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const sort = list(search.sort)[0];
  return {
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'name',
    desc: list(search.desc)[0] === '1',
    statuses: list(search.status).filter((s): s is GradingStatus => (STATUSES as readonly string[]).includes(s)),
  };
}

interface Props {
  t: Translate;
  locale: Locale;
  date: Intl.DateTimeFormat;
  assignmentId: string;
  labels: Label[];
  rows: TriageRowData[];
  query: TriageQuery;
  hasReference: boolean;
  /// Per student, how much of the reference they found, in the teacher's terms (lib/agreement/teacher.ts).
  found: ReadonlyMap<string, TeacherSummary>;
}

export function Dashboard({ t, locale, date, assignmentId, labels, rows, query, hasReference, found }: Props) {
  const shown = sortRows(filterRows(rows, query.statuses), query.sort, query.desc);
  const path = `/assignments/${encodeURIComponent(assignmentId)}`;
  const compareHref = (mapId: string) => `${path}/compare?a=reference&b=${encodeURIComponent(mapId)}`;
  return (
    <div className="space-y-2">
      <h2 className="text-lg font-semibold">{t('courses.dashboard')}</h2>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" data-testid="triage">
        <label className="flex flex-col">
          {t('grading.sort')}
          <select name="sort" defaultValue={query.sort} className="min-h-11 rounded border border-stone-300 px-2">
            {SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`grading.sort.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-h-11 items-center gap-1">
          <input type="checkbox" name="desc" value="1" defaultChecked={query.desc} />
          {t('grading.sortDesc')}
        </label>
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">{t('grading.filter')}</legend>
          <span aria-hidden="true">{t('grading.filter')}:</span>
          {STATUSES.map((s) => (
            <label key={s} className="flex min-h-11 items-center gap-1">
              <input type="checkbox" name="status" value={s} defaultChecked={query.statuses.includes(s)} />
              {t(`grading.status.${s}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn">
          {t('grading.apply')}
        </button>
      </form>
      <p className="text-sm text-stone-600" role="status">
        {t('grading.shown', { n: rows.length, shown: shown.length })}
      </p>
      <table className="w-full max-w-6xl border-collapse text-sm tabular-nums" data-testid="dashboard">
        <thead>
          <tr className="border-b border-stone-300 text-left text-stone-600">
            <th scope="col" className="py-1 font-medium">{t('courses.student')}</th>
            <th scope="col" className="py-1 font-medium">{t('grading.col.status')}</th>
            {labels.map((l) => (
              <th key={l.id} scope="col" className="py-1 text-right font-medium">
                {l[locale]}
              </th>
            ))}
            <th scope="col" className="py-1 text-right font-medium">{t('courses.relations')}</th>
            <th scope="col" className="py-1 pl-3 font-medium">{t('courses.lastEdit')}</th>
            <th scope="col" className="py-1 font-medium">{t('courses.submitted')}</th>
            <th scope="col" className="py-1 text-right font-medium">{t('grading.col.score')}</th>
            {hasReference && <th scope="col" className="py-1 pl-3 font-medium">{t('found.column')}</th>}
            {hasReference && <th scope="col" className="py-1 text-right font-medium">{t('grading.col.agreement')}</th>}
            <th scope="col" className="py-1">
              <span className="sr-only">{t('courses.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const name = r.displayName || r.name;
            return (
              <tr key={r.userId} className="border-b border-stone-200" data-testid={`row-${r.name}`}>
                <th scope="row" className="py-1 text-left font-normal">
                  {name}
                </th>
                <td className="py-1" data-testid="status">
                  {t(`grading.status.${r.status}`)}
                  {r.lateByMs !== null && <span className="block text-xs font-semibold text-orange-800">{latenessText(t, r.lateByMs)}</span>}
                </td>
                {labels.map((l) => (
                  <td key={l.id} className="py-1 text-right">
                    {r.dashboard?.units[l.id] ?? 0}
                  </td>
                ))}
                <td className="py-1 text-right">{r.dashboard?.relations ?? 0}</td>
                <td className="py-1 pl-3">{r.lastEdit ? date.format(new Date(r.lastEdit)) : t('courses.notStarted')}</td>
                <td className="py-1">{r.submittedAt ? date.format(new Date(r.submittedAt)) : r.due && Date.parse(r.due) < Date.now() ? <span className="font-semibold text-orange-800">{t('review.overdue')}</span> : '—'}</td>
                <td className="py-1 text-right" data-testid="score">
                  {r.total !== null && r.max !== null ? `${r.total} / ${r.max}` : '—'}
                </td>
                {hasReference && (
                  <td className="max-w-xs py-1 pl-3" data-testid="dashboard-found">
                    {found.has(r.userId) ? foundSentence(t, found.get(r.userId)!) : '—'}
                  </td>
                )}
                {hasReference && <td className="py-1 text-right">{r.agreementUnitsF1 ?? '—'}</td>}
                <td className="flex flex-wrap gap-x-3 py-1">
                  {r.mapId && (
                    <Link href={`/maps/${encodeURIComponent(r.mapId)}`} className="text-sky-800 underline" aria-label={t('walk.viewOf', { name })}>
                      {t('courses.review')}
                    </Link>
                  )}
                  {r.mapId && hasReference && (
                    <Link href={compareHref(r.mapId)} className="text-sky-800 underline" aria-label={t('review.compareWithReferenceFor', { name })} data-testid="compare-with-reference">
                      {t('review.compareWithReference')}
                    </Link>
                  )}
                  {r.submittedAt && <PostForm action={`/api${path}/unlock`} extra={{ userId: r.userId }} submitLabel={t('courses.unlock')} submitName={t('walk.unlockOf', { name })} className="inline" />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
