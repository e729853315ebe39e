import Link from 'next/link';
import { openDb, listDocuments, listNotifications, notificationPath, studentOverview } from '@/lib/db';
import { rontenMode } from '@/lib/auth/mode';
import { StudentHome } from '@/components/home/StudentHome';
import { serverT } from './_shared/locale';
import { hasRole, pageUser } from './_shared/session';
import { notificationText } from './_shared/notificationText';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, '/');
  const documents = await listDocuments(db, user); // a student: their courses' texts and public ones
  if (rontenMode() === 'classroom' && user.role === 'student') {
    // A student's home: their courses, assignments and unread feedback, not every text's map counts.
    const [courses, notifications] = await Promise.all([studentOverview(db, user.id), listNotifications(db, user.id, 20)]);
    const unread = notifications.filter((n) => n.readAt === null).map((n) => ({ id: n.id, text: notificationText(t, n), path: notificationPath(n) }));
    const texts = documents.map((d) => ({ id: d.id, title: d.title, language: d.language }));
    return <StudentHome t={t} locale={locale} courses={courses} unread={unread} texts={texts} now={Date.now()} />;
  }
  const mayImport = hasRole(user, 'instructor', 'admin'); // as POST /api/documents requires
  const number = new Intl.NumberFormat(locale);
  return (
    <section aria-labelledby="documents-heading">
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="documents-heading" className="text-2xl font-bold">
          {t('documents.heading')}
        </h1>
        {mayImport && (
          <Link href="/texts/new" className="text-sm text-sky-800 underline-offset-4 hover:underline">
            {t('texts.link')}
          </Link>
        )}
      </div>
      {documents.length === 0 ? (
        <p className="text-stone-600">{t('documents.empty')}</p>
      ) : (
        <table className="w-full max-w-3xl border-collapse text-left">
          <thead>
            <tr className="border-b border-stone-300 text-sm text-stone-500">
              <th scope="col" className="py-2 font-medium">{t('documents.title')}</th>
              <th scope="col" className="py-2 text-right font-medium">{t('documents.length')}</th>
              <th scope="col" className="py-2 text-right font-medium">{t('documents.maps')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} className="border-b border-stone-200">
                <td className="py-3">
                  <Link href={`/documents/${encodeURIComponent(d.id)}`} lang={d.language} className="font-medium text-sky-800 underline-offset-4 hover:underline">
                    {d.title}
                  </Link>
                </td>
                <td className="py-3 text-right tabular-nums">{t('documents.lengthValue', { n: number.format(d.length) })}</td>
                <td className="py-3 text-right tabular-nums">{number.format(d.maps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
