import { notFound } from 'next/navigation';
import { listNotifications, notificationPath, openDb } from '@/lib/db';
import { rontenMode } from '@/lib/auth/mode';
import { NotificationList } from '@/components/notifications/NotificationList';
import { serverT } from '../_shared/locale';
import { pageUser } from '../_shared/session';
import { notificationText } from '../_shared/notificationText';

export const dynamic = 'force-dynamic';

// Notifications (classroom mode): the signed-in user's, newest first, unread ones marked.
export default async function NotificationsPage() {
  if (rontenMode() !== 'classroom') notFound();
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, '/notifications');
  const list = await listNotifications(db, user.id);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="notifications-heading" className="max-w-3xl space-y-4">
      <h1 id="notifications-heading" className="text-2xl font-bold">
        {t('notify.title')}
      </h1>
      {list.length === 0 ? (
        <p className="text-stone-600">{t('notify.none')}</p>
      ) : (
        <NotificationList
          items={list.map((n) => ({
            id: n.id,
            text: notificationText(t, n),
            detail: n.commentBody,
            path: notificationPath(n),
            date: date.format(new Date(n.createdAt)),
            unread: n.readAt === null,
          }))}
        />
      )}
    </section>
  );
}
