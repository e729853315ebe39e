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
      {/* An SVG, not the 🔔 character: the link's visible text must be part of its name (axe). */}
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        // The count drawn as generated content, not text: the link's name says it in words
        // ("未読3件"), and a bare "3" in the link's text would not be part of that name (axe).
        <span
          aria-hidden="true"
          data-count={unread > 99 ? '99+' : String(unread)}
          className="absolute right-0 top-0 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white before:content-[attr(data-count)]"
        />
      )}
    </Link>
  );
}
