// A student's home page (classroom mode): their courses with each assignment's due date and
// state (not started, in progress, submitted, past due), unread feedback per assignment, and the
// unread notifications — instead of the list of every text. Server-rendered from plain props.
import Link from 'next/link';
import type { StudentCourse } from '@/lib/db';
import type { Translate } from '@/lib/i18n/locale';

export interface HomeNotification {
  id: string;
  text: string;
  path: string;
}

interface Props {
  t: Translate;
  locale: string;
  courses: StudentCourse[];
  unread: HomeNotification[];
  texts: Array<{ id: string; title: string; language: string }>;
  now: number;
}

export function StudentHome({ t, locale, courses, unread, texts, now }: Props) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const link = 'text-sky-800 underline-offset-4 hover:underline';
  return (
    <div className="max-w-4xl space-y-8">
      {unread.length > 0 && (
        <section aria-labelledby="feedback-heading" className="rounded border border-sky-300 bg-sky-50 p-3" data-testid="home-unread">
          <h2 id="feedback-heading" className="mb-2 font-semibold">
            {t('home.feedback')} ({unread.length})
          </h2>
          <ul className="space-y-1 text-sm">
            {unread.slice(0, 5).map((n) => (
              <li key={n.id}>
                <Link href={n.path} className={link}>
                  {n.text}
                </Link>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link href="/notifications" className={link}>
              {t('home.allNotifications')}
            </Link>
          </p>
        </section>
      )}
      <section aria-labelledby="my-courses-heading">
        <h1 id="my-courses-heading" className="mb-4 text-2xl font-bold">
          {t('home.myCourses')}
        </h1>
        {courses.length === 0 && (
          <p className="text-stone-600">
            {t('home.noCourses')}{' '}
            <Link href="/courses" className={link}>
              {t('courses.join')}
            </Link>
          </p>
        )}
        <ul className="space-y-6">
          {courses.map((c) => (
            <li key={c.id} data-testid="home-course">
              <h2 className="mb-2 text-lg font-semibold">
                <Link href={`/courses/${encodeURIComponent(c.id)}`} className={link}>
                  {c.title}
                </Link>
                {c.archived && <span className="ml-2 text-sm font-normal text-stone-500">{t('home.archived')}</span>}
              </h2>
              {c.assignments.length === 0 ? (
                <p className="text-sm text-stone-600">{t('home.noAssignments')}</p>
              ) : (
                <ul className="space-y-2">
                  {c.assignments.map((a) => {
                    const overdue = !a.submittedAt && a.dueAt !== null && Date.parse(a.dueAt) < now;
                    const state = a.returned ? 'returned' : a.submittedAt ? 'submitted' : overdue ? 'overdue' : a.mapId ? 'inProgress' : 'notStarted';
                    return (
                      <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-3 py-2" data-testid="home-assignment">
                        <span>
                          <Link href={`/assignments/${encodeURIComponent(a.id)}`} className={`font-medium ${link}`}>
                            {a.title}
                          </Link>
                          <span className="ml-2 text-sm text-stone-500" lang="ja">
                            {a.documentTitle}
                          </span>
                        </span>
                        <span className="flex flex-wrap items-center gap-3 text-sm">
                          <span className="text-stone-600">{a.dueAt ? t('home.due', { date: date.format(new Date(a.dueAt)) }) : t('courses.form.noDue')}</span>
                          <span data-testid="home-status" data-state={state} className={state === 'overdue' ? 'font-semibold text-orange-800' : state === 'submitted' ? 'font-medium text-green-800' : 'text-stone-700'}>
                            {a.returned ? t('home.status.returned', { total: a.returned.total, max: a.returned.max }) : t(`home.status.${state}`)}
                          </span>
                          {a.unread > 0 && (
                            <Link href={`/documents/${encodeURIComponent(a.documentId)}`} className={`font-semibold ${link}`} data-testid="home-feedback">
                              {t('home.unreadFeedback', { n: a.unread })}
                            </Link>
                          )}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
      {texts.length > 0 && (
        <section aria-labelledby="texts-heading">
          <h2 id="texts-heading" className="mb-2 font-semibold">
            {t('home.texts')}
          </h2>
          <ul className="space-y-1 text-sm">
            {texts.map((d) => (
              <li key={d.id}>
                <Link href={`/documents/${encodeURIComponent(d.id)}`} lang={d.language} className={link}>
                  {d.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
