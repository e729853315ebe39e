// The header's way to the notifications: a bell with the unread count as a badge, and an
// accessible name that says the count ("お知らせ（未読3件）"), so a screen reader hears it too.
// Server-rendered with each page (the count is one indexed query).
import Link from 'next/link';
import type { Translate } from '@/lib/i18n/locale';

export function NotificationBell({ unread, t }: { unread: number; t: Translate }) {
  const label = unread > 0 ? t('notify.bell', { n: unread }) : t('notify.bellNone');
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-unread={unread}
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded text-xl hover:bg-stone-100"
    >
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span aria-hidden="true" className="absolute right-0 top-0 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
