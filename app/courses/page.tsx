import Link from 'next/link';
import { notFound } from 'next/navigation';
import { openDb } from '@/lib/db';
import { listCoursesOf } from '@/lib/db/courses';
import { rontenMode } from '@/lib/auth/mode';
import { PostForm } from '@/components/PostForm';
import { serverT } from '../_shared/locale';
import { pageUser } from '../_shared/session';

export const dynamic = 'force-dynamic';

// My courses (classroom mode): join one with its code; instructors and admins create them.
export default async function CoursesPage() {
  if (rontenMode() !== 'classroom') notFound();
  const [{ t }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, '/courses');
  const courses = await listCoursesOf(db, user.id);
  const teaches = user.role === 'instructor' || user.role === 'admin';
  return (
    <section aria-labelledby="courses-heading" className="max-w-3xl space-y-6">
      <h1 id="courses-heading" className="text-2xl font-bold">
        {t('courses.title')}
      </h1>
      {courses.length === 0 ? (
        <p className="text-stone-600">{t('courses.none')}</p>
      ) : (
        <ul className="space-y-2">
          {courses.map((c) => (
            <li key={c.id} className="flex items-center justify-between rounded border border-stone-200 bg-white px-3 py-2">
              <Link href={`/courses/${encodeURIComponent(c.id)}`} className="font-medium text-sky-800 underline-offset-4 hover:underline">
                {c.title}
              </Link>
              <span className="text-sm text-stone-500">
                {t(`courses.role.${c.role}`)}
                {c.role === 'instructor' && (
                  <>
                    {' · '}
                    {t('courses.joinCode')} <code data-testid="join-code">{c.joinCode}</code>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div>
        <h2 className="mb-2 font-semibold">{t('courses.join')}</h2>
        <PostForm action="/api/courses/join" submitLabel={t('courses.joinButton')}>
          <label className="text-sm">
            {t('courses.joinCode')}
            <input name="code" required className="ml-2 rounded border border-stone-300 px-2 py-1 font-mono uppercase" />
          </label>
        </PostForm>
      </div>
      {teaches && (
        <div>
          <h2 className="mb-2 font-semibold">{t('courses.create')}</h2>
          <PostForm action="/api/courses" submitLabel={t('courses.createButton')}>
            <label className="text-sm">
              {t('courses.courseTitle')}
              <input name="title" required className="ml-2 rounded border border-stone-300 px-2 py-1" />
            </label>
          </PostForm>
        </div>
      )}
    </section>
  );
}
