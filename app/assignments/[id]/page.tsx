import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findMap, openDb } from '@/lib/db';
import { courseDashboard } from '@/lib/db/courses';
import { formatIds, formats } from '@/lib/formats';
import { rontenMode } from '@/lib/auth/mode';
import { PostForm } from '@/components/PostForm';
import { AgreementPanel } from '@/components/review/AgreementPanel';
import { ClassExportForm } from '@/components/review/ClassExportForm';
import { ComparePicker } from '@/components/review/ComparePicker';
import { MajorityReference } from '@/components/review/MajorityReference';
import { foundSentence } from '@/components/review/foundWords';
import { serverT } from '../../_shared/locale';
import { pageUser } from '../../_shared/session';
import { assignmentForPage } from '../_lib/access';
import { loadAssignmentReview } from '../_lib/review';

export const dynamic = 'force-dynamic';

// An assignment: its due date and whether a reference map is set, for everyone. Students:
// annotate the document, submit (which locks the map). Instructors: every student's progress —
// units per label, relations, last edit, submitted — with a link to each map (read-only),
// unlock, compare with the reference or any two maps, the class's agreement (per student vs the
// reference, alpha per label, CSV), the heat map and the class export. Each row says in words
// how much of the reference the student found (lib/agreement/teacher.ts); the reference can be
// built from the class's majority here (and taken unit by unit in a comparison).
export default async function AssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const { id } = await params;
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/assignments/${encodeURIComponent(id)}`);
  const { assignment, teaches } = await assignmentForPage(db, user, id);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const documentHref = `/documents/${encodeURIComponent(assignment.documentId)}`;
  const assignmentPath = `/assignments/${encodeURIComponent(id)}`;
  const pastDue = assignment.dueAt !== null && Date.parse(assignment.dueAt) < Date.now();

  const facts = (overdue: boolean) => (
    <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="assignment-facts">
      <li data-testid="due">{assignment.dueAt ? t('review.due', { date: date.format(new Date(assignment.dueAt)) }) : t('review.noDue')}</li>
      {overdue && (
        <li className="font-semibold text-orange-800" data-testid="overdue">
          {t('review.overdueNotSubmitted')}
        </li>
      )}
      <li data-testid="reference">{assignment.referenceMapId ? t('review.referenceSet') : t('review.referenceNotSet')}</li>
    </ul>
  );

  if (!teaches) {
    const mine = await findMap(db, assignment.documentId, user.id);
    return (
      <section aria-labelledby="assignment-heading" className="max-w-3xl space-y-4">
        <h1 id="assignment-heading" className="text-2xl font-bold">
          {assignment.title}
        </h1>
        {facts(pastDue && !mine?.submittedAt)}
        <p className="text-sm" data-testid="my-map">
          {mine ? t('walk.yourMap', { units: mine.units.length, relations: mine.relations.length }) : t('walk.noMapYet')}
        </p>
        <Link href={documentHref} className="btn inline-block">
          {mine ? t('walk.openMap') : t('courses.annotate')}
        </Link>
        {mine?.submittedAt ? (
          <div className="space-y-1">
            <p data-testid="submitted">
              {t('courses.submitted')}: {date.format(new Date(mine.submittedAt))}
            </p>
            <p className="text-sm text-stone-600">{t('walk.lockedNote')}</p>
          </div>
        ) : (
          <div className="space-y-1">
            <PostForm action={`/api/assignments/${encodeURIComponent(id)}/submit`} submitLabel={t('courses.submit')} describedBy="submit-hint" />
            <p id="submit-hint" className="text-sm text-stone-600">
              {t('walk.submitHint')}
            </p>
          </div>
        )}
      </section>
    );
  }

  const [rows, review] = await Promise.all([courseDashboard(db, id), loadAssignmentReview(db, assignment)]);
  const foundOf = new Map(review.agreement.students.flatMap((s) => (s.vsReference ? [[s.userId, s.vsReference.teacher] as const] : [])));
  const { labels } = review;
  const reference = review.maps.reference;
  const compareHref = (a: string, b: string) => `${assignmentPath}/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
  const mapOptions = [
    ...(reference ? [{ value: 'reference', label: t('review.referenceOption', { name: reference.displayName || reference.name }) }] : []),
    ...rows.flatMap((r) => (r.mapId ? [{ value: r.mapId, label: r.displayName || r.name }] : [])),
  ];
  return (
    <section aria-labelledby="assignment-heading" className="space-y-6">
      <div className="space-y-2">
        <h1 id="assignment-heading" className="text-2xl font-bold">
          {assignment.title}
        </h1>
        {facts(false)}
        <nav className="flex flex-wrap gap-4 text-sm">
          <Link href={documentHref} className="text-sky-800 underline underline-offset-4">
            {t('courses.document')}
          </Link>
          <Link href={`${assignmentPath}/heatmap`} className="text-sky-800 underline underline-offset-4" data-testid="heatmap-link">
            {t('review.heatmapLink')}
          </Link>
        </nav>
      </div>

      <div className="space-y-2">
        <h2 className="text-lg font-semibold">{t('courses.dashboard')}</h2>
        <table className="w-full max-w-5xl border-collapse text-sm tabular-nums" data-testid="dashboard">
          <thead>
            <tr className="border-b border-stone-300 text-left text-stone-600">
              <th scope="col" className="py-1 font-medium">{t('courses.student')}</th>
              {labels.map((l) => (
                <th key={l.id} scope="col" className="py-1 text-right font-medium">
                  {l[locale]}
                </th>
              ))}
              <th scope="col" className="py-1 text-right font-medium">{t('courses.relations')}</th>
              {reference && <th scope="col" className="py-1 pl-3 font-medium">{t('found.column')}</th>}
              <th scope="col" className="py-1 pl-3 font-medium">{t('courses.lastEdit')}</th>
              <th scope="col" className="py-1 font-medium">{t('courses.submitted')}</th>
              <th scope="col" className="py-1">
                <span className="sr-only">{t('courses.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = r.displayName || r.name;
              return (
                <tr key={r.userId} className="border-b border-stone-200">
                  <th scope="row" className="py-1 text-left font-normal">
                    {name}
                  </th>
                  {labels.map((l) => (
                    <td key={l.id} className="py-1 text-right">
                      {r.units[l.id] ?? 0}
                    </td>
                  ))}
                  <td className="py-1 text-right">{r.relations}</td>
                  {reference && (
                    <td className="max-w-xs py-1 pl-3" data-testid="dashboard-found">
                      {foundOf.has(r.userId) ? foundSentence(t, foundOf.get(r.userId)!) : '—'}
                    </td>
                  )}
                  <td className="py-1 pl-3">{r.lastEdit ? date.format(new Date(r.lastEdit)) : t('courses.notStarted')}</td>
                  <td className="py-1">
                    {r.submittedAt ? date.format(new Date(r.submittedAt)) : pastDue ? <span className="font-semibold text-orange-800">{t('review.overdue')}</span> : '—'}
                  </td>
                  <td className="flex flex-wrap gap-x-3 py-1">
                    {r.mapId && (
                      <Link href={`/maps/${encodeURIComponent(r.mapId)}`} className="text-sky-800 underline" aria-label={t('walk.viewOf', { name })}>
                        {t('courses.review')}
                      </Link>
                    )}
                    {r.mapId && reference && (
                      <Link href={compareHref('reference', r.mapId)} className="text-sky-800 underline" aria-label={t('review.compareWithReferenceFor', { name })} data-testid="compare-with-reference">
                        {t('review.compareWithReference')}
                      </Link>
                    )}
                    {r.submittedAt && <PostForm action={`/api/assignments/${encodeURIComponent(id)}/unlock`} extra={{ userId: r.userId }} submitLabel={t('courses.unlock')} submitName={t('walk.unlockOf', { name })} className="inline" />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {mapOptions.length >= 2 && <ComparePicker assignmentId={id} options={mapOptions} />}

      <AgreementPanel assignmentId={id} agreement={review.agreement} labels={labels} />

      <MajorityReference assignmentId={id} documentId={assignment.documentId} />

      <ClassExportForm assignmentId={id} formats={formatIds.map((f) => ({ id: f, name: formats[f].name }))} />
    </section>
  );
}
