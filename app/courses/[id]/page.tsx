import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listDocuments, openDb } from '@/lib/db';
import { courseRole, getCourse, listAssignments, listMembers } from '@/lib/db/courses';
import { rontenMode } from '@/lib/auth/mode';
import { PostForm } from '@/components/PostForm';
import { serverT } from '../../_shared/locale';
import { pageUser } from '../../_shared/session';

export const dynamic = 'force-dynamic';

// A course: its assignments, and for instructors a form for a new one and the member list.
// Someone who is not a member gets 404: the course does not exist for them.
export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const { id } = await params;
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/courses/${encodeURIComponent(id)}`);
  const [course, role] = await Promise.all([getCourse(db, id), courseRole(db, id, user.id)]);
  if (!course || (!role && user.role !== 'admin')) notFound();
  const teaches = role === 'instructor' || user.role === 'admin';
  const [assignments, members, documents] = await Promise.all([listAssignments(db, id), teaches ? listMembers(db, id) : [], teaches ? listDocuments(db) : []]);
  const titles = new Map((await listDocuments(db)).map((d) => [d.id, d.title]));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="course-heading" className="max-w-4xl space-y-6">
      <h1 id="course-heading" className="text-2xl font-bold">
        {course.title}
      </h1>
      <div>
        <h2 className="mb-2 font-semibold">{t('courses.assignments')}</h2>
        {assignments.length === 0 && <p className="text-stone-600">{t('courses.noAssignments')}</p>}
        <ul className="space-y-2">
          {assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-3 py-2">
              <span>
                <Link href={`/assignments/${encodeURIComponent(a.id)}`} className="font-medium text-sky-800 underline-offset-4 hover:underline">
                  {a.title}
                </Link>
                <span className="ml-2 text-sm text-stone-500" lang="ja">
                  {titles.get(a.documentId) ?? a.documentId}
                </span>
              </span>
              {a.dueAt && (
                <span className="text-sm text-stone-500">
                  {t('courses.due')}: {date.format(new Date(a.dueAt))}
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
      {teaches && (
        <>
          <div>
            <h2 className="mb-2 font-semibold">{t('courses.newAssignment')}</h2>
            <PostForm action={`/api/courses/${encodeURIComponent(id)}/assignments`} submitLabel={t('courses.createButton')}>
              <label className="text-sm">
                {t('courses.assignmentTitle')}
                <input name="title" required className="ml-2 rounded border border-stone-300 px-2 py-1" />
              </label>
              <label className="text-sm">
                {t('courses.document')}
                <select name="documentId" required className="ml-2 rounded border border-stone-300 px-2 py-1">
                  {documents.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title}
                    </option>
                  ))}
                </select>
              </label>
            </PostForm>
          </div>
          <div>
            <h2 className="mb-2 font-semibold">{t('courses.members')}</h2>
            <p className="mb-2 text-sm text-stone-600">
              {t('courses.joinCode')}: <code data-testid="join-code">{course.joinCode}</code>
            </p>
            <ul className="text-sm">
              {members.map((m) => (
                <li key={m.userId}>
                  {m.displayName || m.name} <span className="text-stone-500">({t(`courses.role.${m.role}`)})</span>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
