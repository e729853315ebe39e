import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLabelScheme, listDocuments, listLabelSchemes, listMapsOfUser, openDb } from '@/lib/db';
import { courseRole, getCourse, listAssignments, listMembers, textSchemes } from '@/lib/db/courses';
import { rontenMode } from '@/lib/auth/mode';
import { ROSTER_MAX_ROWS } from '@/lib/auth/roster';
import { AssignmentSettings, LabelSchemeForm, NewAssignmentForm, type ReferenceCandidate } from './AssignmentForms';
import { CourseAdmin } from './CourseAdmin';
import { RosterImport } from './RosterImport';
import { serverT } from '../../_shared/locale';
import { pageUser } from '../../_shared/session';

export const dynamic = 'force-dynamic';

// A course: its assignments (with due date, and for instructors the label scheme, whether there
// is a reference map, and a form to change both; the assignment page has the class export),
// and for instructors forms
// for a new assignment and a new label scheme, and the course's administration (join code,
// archiving, members, co-instructors, roster import with sign-in slips). An archived course says
// so on top and offers no changes. Someone who is not a member gets 404: the course does not
// exist for them.
export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const { id } = await params;
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/courses/${encodeURIComponent(id)}`);
  const [course, role] = await Promise.all([getCourse(db, id), courseRole(db, id, user.id)]);
  if (!course || (!role && user.role !== 'admin')) notFound();
  const teaches = role === 'instructor' || user.role === 'admin';
  const [assignments, members, documents, schemes, ownMaps, schemeOfText] = await Promise.all([
    listAssignments(db, id),
    teaches ? listMembers(db, id) : [],
    listDocuments(db),
    teaches ? listLabelSchemes(db, user.id) : [],
    listMapsOfUser(db, user.id),
    teaches ? textSchemes(db) : new Map<string, string>(),
  ]);
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  // a student's own state per assignment: submitted, or past the due date without submitting
  // (from the one listing of the user's maps, not a map read per assignment)
  const submittedOn = new Map(ownMaps.map((m) => [m.documentId, m.submittedAt]));
  const now = Date.now();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // schemes of this course's assignments that are not the viewer's own (a co-instructor's)
  const schemeNames = new Map(schemes.map((s) => [s.id, s.name]));
  // … and the schemes texts are held to by their assignments in any course (a new one must match)
  const schemeSizes = new Map(schemes.map((s) => [s.id, s.labels.length]));
  if (teaches) {
    for (const schemeId of new Set([...assignments.map((a) => a.labelSchemeId), ...schemeOfText.values()])) {
      if (schemeNames.has(schemeId)) continue;
      const scheme = await getLabelScheme(db, schemeId);
      schemeNames.set(schemeId, scheme?.name ?? schemeId);
      schemeSizes.set(schemeId, scheme?.labels.length ?? 0);
    }
  }
  const fixedSchemes = Object.fromEntries(
    [...schemeOfText].map(([documentId, schemeId]) => [documentId, { id: schemeId, name: schemeNames.get(schemeId) ?? schemeId, labelCount: schemeSizes.get(schemeId) ?? 0 }]),
  );
  const candidates: ReferenceCandidate[] = ownMaps.map((m) => ({
    mapId: m.mapId,
    documentId: m.documentId,
    labelSchemeId: m.labelSchemeId,
    label: t('courses.form.referenceOption', { units: m.units, date: date.format(new Date(m.updatedAt)) }),
  }));
  return (
    <section aria-labelledby="course-heading" className="max-w-4xl space-y-6">
      <h1 id="course-heading" className="text-2xl font-bold">
        {course.title}
      </h1>
      {course.archivedAt && (
        <p className="rounded border border-stone-300 bg-stone-100 px-3 py-2 text-sm" data-testid="archived-banner">
          {t('course.archivedBanner')}
        </p>
      )}
      <div>
        <h2 className="mb-2 font-semibold">{t('courses.assignments')}</h2>
        {assignments.length === 0 && <p className="text-stone-600">{t('courses.noAssignments')}</p>}
        <ul className="space-y-2">
          {assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-3 py-2" data-testid="assignment">
              <span>
                <Link href={`/assignments/${encodeURIComponent(a.id)}`} className="font-medium text-sky-800 underline-offset-4 hover:underline">
                  {a.title}
                </Link>
                <span className="ml-2 text-sm text-stone-500" lang="ja">
                  {titles.get(a.documentId) ?? a.documentId}
                </span>
              </span>
              <span className="text-sm text-stone-500">
                {a.dueAt ? `${t('courses.due')}: ${date.format(new Date(a.dueAt))}` : t('courses.form.noDue')}
                {!teaches && submittedOn.get(a.documentId) && (
                  <span className="ml-2 font-medium text-green-800" data-testid="my-status">
                    {t('walk.statusSubmitted')}
                  </span>
                )}
                {!teaches && !submittedOn.get(a.documentId) && a.dueAt && Date.parse(a.dueAt) < now && (
                  <span className="ml-2 font-semibold text-orange-800" data-testid="my-status">
                    {t('review.overdueNotSubmitted')}
                  </span>
                )}
                {teaches && (
                  <>
                    {' · '}
                    {t('courses.form.schemeIs', { name: schemeNames.get(a.labelSchemeId) ?? a.labelSchemeId })}
                    {' · '}
                    <span data-testid="reference-status">{a.referenceMapId ? t('courses.form.hasReference') : t('courses.form.noReferenceSet')}</span>
                  </>
                )}
              </span>
              {teaches && !course.archivedAt && (
                <AssignmentSettings
                  assignmentId={a.id}
                  title={a.title}
                  dueAt={a.dueAt}
                  referenceMapId={a.referenceMapId}
                  candidates={candidates.filter((c) => c.documentId === a.documentId && c.labelSchemeId === a.labelSchemeId)}
                />
              )}
            </li>
          ))}
        </ul>
        {teaches && assignments.length > 0 && (
          <a href={`/api/courses/${encodeURIComponent(id)}/grades?format=csv`} download className="mt-2 inline-block text-sm text-sky-800 underline underline-offset-4" data-testid="course-gradebook">
            {t('grading.courseGradebook')}
          </a>
        )}
      </div>
      {teaches && (
        <>
          {!course.archivedAt && (
            <div>
              <h2 className="mb-2 font-semibold">{t('courses.newAssignment')}</h2>
              {documents.length === 0 ? (
                <p className="text-sm text-stone-600">{t('courses.form.noDocuments')}</p>
              ) : (
                <NewAssignmentForm
                  courseId={id}
                  documents={documents.map((d) => ({ id: d.id, title: d.title }))}
                  schemes={schemes.map((s) => ({ id: s.id, name: s.name, labelCount: s.labels.length }))}
                  candidates={candidates}
                  existing={assignments.map((a) => ({ documentId: a.documentId, title: a.title }))}
                  textSchemes={fixedSchemes}
                />
              )}
              <p className="mt-2 text-sm">
                <Link href="/texts/new" className="text-sky-800 underline-offset-4 hover:underline">
                  {t('texts.link')}
                </Link>
              </p>
            </div>
          )}
          <div>
            <h2 className="mb-2 font-semibold">{t('schemes.heading')}</h2>
            {schemes.length > 1 && (
              <ul className="mb-2 text-sm text-stone-600" aria-label={t('schemes.mine')}>
                {schemes
                  .filter((s) => s.ownerId !== null)
                  .map((s) => (
                    <li key={s.id}>
                      {s.name}: {s.labels.map((l) => `${l.id} (${l[locale]})`).join(', ')}
                    </li>
                  ))}
              </ul>
            )}
            <LabelSchemeForm />
          </div>
          <div>
            <h2 className="mb-2 font-semibold">{t('course.adminHeading')}</h2>
            <CourseAdmin
              courseId={id}
              title={course.title}
              archived={course.archivedAt !== null}
              joinCode={course.joinCode}
              joinEnabled={course.joinEnabled}
              members={members.map((m) => ({ ...m, owner: m.userId === course.ownerId }))}
            />
          </div>
          {!course.archivedAt && (
            <div>
              <h2 className="mb-2 font-semibold">{t('roster.heading')}</h2>
              <RosterImport courseId={id} courseTitle={course.title} maxRows={ROSTER_MAX_ROWS} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
