'use client';
// The notifications page's list: each notification worded from its kind (the catalog), with a
// link to where it happened — following it marks it read first — a button to mark it read, and
// one to mark all read. What changed is said where the user looks (a status line) and the page
// is refreshed, so the header's count follows.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '../I18nProvider';
import { describeFailure, requestJson } from '../useJsonRequest';

export interface NotificationItem {
  id: string;
  text: string;
  detail: string | null;
  path: string;
  date: string;
  unread: boolean;
}

export function NotificationList({ items }: { items: NotificationItem[] }) {
  const t = useT();
  const router = useRouter();
  const [status, setStatus] = useState('');
  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const answer = await requestJson(t, '/api/notifications/read', 'POST', body);
    if (!answer.ok) setStatus(describeFailure(t, answer.status, answer.detail));
    return answer.ok;
  };
  const open = async (event: React.MouseEvent<HTMLAnchorElement>, item: NotificationItem) => {
    if (!item.unread) return;
    event.preventDefault();
    await markRead({ ids: [item.id] });
    router.push(item.path);
    router.refresh(); // the header's count is part of the layout, which navigation keeps
  };
  const anyUnread = items.some((i) => i.unread);
  return (
    <div className="space-y-3">
      {anyUnread && (
        <button
          type="button"
          className="btn min-h-11"
          onClick={async () => {
            if (await markRead({ all: true })) setStatus(t('notify.allRead'));
            router.refresh();
          }}
        >
          {t('notify.markAllRead')}
        </button>
      )}
      <p role="status" className="text-sm text-stone-600">
        {status}
      </p>
      <ul className="space-y-2" data-testid="notifications">
        {items.map((item) => (
          <li key={item.id} data-unread={item.unread} className={`flex flex-wrap items-start justify-between gap-2 rounded border px-3 py-2 ${item.unread ? 'border-sky-300 bg-sky-50' : 'border-stone-200 bg-white'}`}>
            <div className="min-w-0 flex-1">
              {item.unread && <span className="mr-2 rounded bg-sky-800 px-1.5 text-xs font-bold text-white">{t('notify.unread')}</span>}
              <a href={item.path} onClick={(e) => void open(e, item)} className="font-medium text-sky-800 underline-offset-4 hover:underline">
                {item.text}
              </a>
              {item.detail && <p className="mt-1 line-clamp-2 whitespace-pre-wrap text-sm text-stone-700">{item.detail}</p>}
              <p className="text-xs text-stone-500">{item.date}</p>
            </div>
            {item.unread && (
              <button
                type="button"
                className="btn min-h-11"
                aria-label={t('notify.markReadOf', { what: item.text })}
                onClick={async () => {
                  await markRead({ ids: [item.id] });
                  router.refresh();
                }}
              >
                {t('notify.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
