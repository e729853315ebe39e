import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findMap, getLabelScheme, openDb } from '@/lib/db';
import { courseDashboard, courseRole, getAssignment } from '@/lib/db/courses';
import { rontenMode } from '@/lib/auth/mode';
import { PostForm } from '@/components/PostForm';
import { serverT } from '../../_shared/locale';
import { pageUser } from '../../_shared/session';

export const dynamic = 'force-dynamic';

// An assignment. Students: annotate the document, submit (which locks the map). Instructors:
// every student's progress — units per label, relations, last edit, submitted — with a link to
// each map (read-only) and unlock.
export default async function AssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const { id } = await params;
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/assignments/${encodeURIComponent(id)}`);
  const assignment = await getAssignment(db, id);
  if (!assignment) notFound();
  const role = await courseRole(db, assignment.courseId, user.id);
  if (!role && user.role !== 'admin') notFound();
  const teaches = role === 'instructor' || user.role === 'admin';
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const documentHref = `/documents/${encodeURIComponent(assignment.documentId)}`;

  if (!teaches) {
    const mine = await findMap(db, assignment.documentId, user.id);
    return (
      <section aria-labelledby="assignment-heading" className="max-w-3xl space-y-4">
        <h1 id="assignment-heading" className="text-2xl font-bold">
          {assignment.title}
        </h1>
        <Link href={documentHref} className="btn inline-block">
          {t('courses.annotate')}
        </Link>
        {mine?.submittedAt ? (
          <p data-testid="submitted">
            {t('courses.submitted')}: {date.format(new Date(mine.submittedAt))}
          </p>
        ) : (
          <PostForm action={`/api/assignments/${encodeURIComponent(id)}/submit`} submitLabel={t('courses.submit')} />
        )}
      </section>
    );
  }

  const [rows, scheme] = await Promise.all([courseDashboard(db, id), getLabelScheme(db, assignment.labelSchemeId)]);
  const labels = scheme?.labels ?? [];
  return (
    <section aria-labelledby="assignment-heading" className="space-y-4">
      <h1 id="assignment-heading" className="text-2xl font-bold">
        {assignment.title}
      </h1>
      <h2 className="font-semibold">{t('courses.dashboard')}</h2>
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
            <th scope="col" className="py-1 font-medium">{t('courses.lastEdit')}</th>
            <th scope="col" className="py-1 font-medium">{t('courses.submitted')}</th>
            <th scope="col" className="py-1" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId} className="border-b border-stone-200">
              <th scope="row" className="py-1 text-left font-normal">
                {r.displayName || r.name}
              </th>
              {labels.map((l) => (
                <td key={l.id} className="py-1 text-right">
                  {r.units[l.id] ?? 0}
                </td>
              ))}
              <td className="py-1 text-right">{r.relations}</td>
              <td className="py-1">{r.lastEdit ? date.format(new Date(r.lastEdit)) : t('courses.notStarted')}</td>
              <td className="py-1">{r.submittedAt ? date.format(new Date(r.submittedAt)) : '—'}</td>
              <td className="flex gap-2 py-1">
                {r.mapId && (
                  <Link href={`/maps/${encodeURIComponent(r.mapId)}`} className="text-sky-800 underline">
                    {t('courses.review')}
                  </Link>
                )}
                {r.submittedAt && <PostForm action={`/api/assignments/${encodeURIComponent(id)}/unlock`} extra={{ userId: r.userId }} submitLabel={t('courses.unlock')} className="inline" />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
