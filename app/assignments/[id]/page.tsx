import Link from 'next/link';
import { notFound } from 'next/navigation';
import { currentRubric, deadlineFor, findMap, getLabelScheme, getLatePolicy, openDb } from '@/lib/db';
import { nextToReview } from '@/lib/grading/triage';
import { formatIds, formats } from '@/lib/formats';
import { rontenMode } from '@/lib/auth/mode';
import { PostForm } from '@/components/PostForm';
import { AgreementPanel } from '@/components/review/AgreementPanel';
import { ClassExportForm } from '@/components/review/ClassExportForm';
import { ComparePicker } from '@/components/review/ComparePicker';
import { MajorityReference } from '@/components/review/MajorityReference';
import { ExtensionForm } from '@/components/grading/ExtensionForm';
import { RubricEditor } from '@/components/grading/RubricEditor';
import { SubmitMapButton } from '@/components/grading/SubmitMapButton';
import { latenessText } from '@/components/grading/lateness';
import { lateBy } from '@/lib/grading/deadline';
import { serverT } from '../../_shared/locale';
import { pageUser } from '../../_shared/session';
import { assignmentForPage } from '../_lib/access';
import { loadAssignmentReview } from '../_lib/review';
import { loadTriage } from '../_lib/grading';
import { OwnGrades } from '../../_shared/OwnGrades';
import { Dashboard, triageQuery } from './Dashboard';

export const dynamic = 'force-dynamic';

// An assignment: its due date and whether a reference map is set, for everyone. Students: their
// own due date (an extension), annotate the document, submit after a confirmation (which locks
// the map; late work is marked late, or refused under the lock policy), and the grade once
// returned. Instructors: the dashboard (status, lateness, score, agreement; sorted and filtered
// from the query string) with a link to each map (read-only, graded there), unlock, "next to
// review", the gradebook, the rubric, late policy and extensions, compare with the reference or
// any two maps, the class's agreement (per student vs the reference, alpha per label, CSV), the
// heat map and the class export. Each dashboard row says in words how much of the reference the
// student found (lib/agreement/teacher.ts); the reference can be built from the class's majority
// here (and taken unit by unit in a comparison).
export default async function AssignmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (rontenMode() !== 'classroom') notFound();
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/assignments/${encodeURIComponent(id)}`);
  const { assignment, teaches } = await assignmentForPage(db, user, id);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const documentHref = `/documents/${encodeURIComponent(assignment.documentId)}`;
  const assignmentPath = `/assignments/${encodeURIComponent(id)}`;

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
    const [mine, deadline, scheme] = await Promise.all([findMap(db, assignment.documentId, user.id), deadlineFor(db, assignment, user.id), getLabelScheme(db, assignment.labelSchemeId)]);
    const labelIds = scheme?.labels.map((l) => l.id) ?? [];
    const late = lateBy(mine?.submittedAt ?? null, deadline.due);
    return (
      <section aria-labelledby="assignment-heading" className="max-w-3xl space-y-4">
        <h1 id="assignment-heading" className="text-2xl font-bold">
          {assignment.title}
        </h1>
        {facts(deadline.pastDue && !mine?.submittedAt)}
        {deadline.extended && deadline.due && (
          <p className="text-sm font-semibold" data-testid="my-due">
            {t('grading.yourDue', { date: date.format(new Date(deadline.due)) })}
          </p>
        )}
        {mine && <OwnGrades db={db} t={t} date={date} mapId={mine.id} />}
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
            {late !== null && (
              <p className="font-semibold text-orange-800" data-testid="submitted-late">
                {t('grading.submittedLate', { late: latenessText(t, late) })}
              </p>
            )}
            <p className="text-sm text-stone-600">{t('walk.lockedNote')}</p>
          </div>
        ) : deadline.closed ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="assignment-closed">
            {t('grading.closedNote')}
          </p>
        ) : (
          <div className="space-y-1">
            <SubmitMapButton
              target={{ assignmentId: assignment.id, title: assignment.title, pastDue: deadline.pastDue }}
              documentId={assignment.documentId}
              labels={labelIds}
            />
            <p id="submit-hint" className="text-sm text-stone-600">
              {t('walk.submitHint')}
            </p>
          </div>
        )}
      </section>
    );
  }

  const review = await loadAssignmentReview(db, assignment);
  const [rows, rubric, latePolicy] = await Promise.all([loadTriage(db, assignment, review), currentRubric(db, id), getLatePolicy(db, id)]);
  const foundOf = new Map(review.agreement.students.flatMap((s) => (s.vsReference ? [[s.userId, s.vsReference.teacher] as const] : [])));
  const { labels } = review;
  const waiting = nextToReview(rows, null);
  const reference = review.maps.reference;
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

      <nav className="flex flex-wrap items-center gap-4 text-sm" aria-label={t('grading.gradebook')}>
        {waiting ? (
          <Link href={`${assignmentPath}/next`} className="btn inline-block" data-testid="next-to-review">
            {t('grading.next')}
          </Link>
        ) : (
          <span className="text-stone-600">{t('grading.noneWaiting')}</span>
        )}
        <a href={`/api${assignmentPath}/grades?format=csv`} download className="text-sky-800 underline underline-offset-4" data-testid="gradebook-csv">
          {t('grading.gradebookCsv')}
        </a>
        <a href={`/api${assignmentPath}/grades?format=json`} className="text-sky-800 underline underline-offset-4">
          {t('grading.gradebookJson')}
        </a>
      </nav>

      <Dashboard t={t} locale={locale} date={date} assignmentId={id} labels={labels} rows={rows} query={triageQuery(search)} hasReference={reference !== null} found={foundOf} />

      <RubricEditor assignmentId={id} rubric={rubric} />

      <div className="flex flex-wrap gap-8">
        <div className="space-y-2">
          <h3 className="font-semibold">{t('grading.policy.heading')}</h3>
          <PostForm action={`/api${assignmentPath}/late-policy`} submitLabel={t('grading.policy.save')}>
            <select name="latePolicy" defaultValue={latePolicy} aria-label={t('grading.policy.heading')} className="min-h-11 rounded border border-stone-300 px-2" data-testid="late-policy">
              <option value="accept">{t('grading.policy.accept')}</option>
              <option value="lock">{t('grading.policy.lock')}</option>
            </select>
          </PostForm>
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold">{t('suggest.assignmentHeading')}</h3>
          <p className="max-w-xs text-sm text-stone-700" id="suggestions-state" data-testid="suggestions-state">
            {t(assignment.suggestions ? 'suggest.assignmentOn' : 'suggest.assignmentOff')}
          </p>
          <PostForm
            action={`/api${assignmentPath}`}
            method="PATCH"
            extra={{ suggestions: !assignment.suggestions }}
            submitLabel={t(assignment.suggestions ? 'suggest.turnOff' : 'suggest.turnOn')}
            describedBy="suggestions-state"
          />
        </div>
        <ExtensionForm
          assignmentId={id}
          students={rows.map((r) => ({ userId: r.userId, name: r.displayName || r.name }))}
          extensions={rows.flatMap((r) => (r.extension ? [{ userId: r.userId, name: r.displayName || r.name, label: t('grading.extension.list', { name: r.displayName || r.name, date: date.format(new Date(r.extension)) }) }] : []))}
        />
      </div>

      {mapOptions.length >= 2 && <ComparePicker assignmentId={id} options={mapOptions} />}

      <AgreementPanel assignmentId={id} agreement={review.agreement} labels={labels} />

      <MajorityReference assignmentId={id} documentId={assignment.documentId} />

      <ClassExportForm assignmentId={id} formats={formatIds.map((f) => ({ id: f, name: formats[f].name }))} />
    </section>
  );
}
