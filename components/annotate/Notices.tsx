'use client';
// The workspace's notice area: what the user must see as well as hear — refusals, changes
// merged from another tab or dropped in a conflict, what the server would not save, offline and
// overload, import results. Pinned to the bottom of the viewport (in view at any scroll place,
// over the text being worked on) and one polite live region, so each notice is announced once
// as it appears. Confirmations stay a while; warnings and errors stay until dismissed (a
// 44 px button: a finger's target, WCAG 2.5.5).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../I18nProvider';

export type NoticeTone = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  tone: NoticeTone;
  text: string;
  /// A notice with a key replaces the one shown with the same key (the save status).
  key?: string;
}

export type NoticeInput = Omit<Notice, 'id'>;

/// How many notices are shown at once; older ones give way.
const maxShown = 4;
const infoMs = 8000;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const show = useCallback((notice: NoticeInput) => {
    const id = nextId.current++;
    setNotices((list) => [...list.filter((n) => !notice.key || n.key !== notice.key), { ...notice, id }].slice(-maxShown));
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const dismissKey = useCallback((key: string) => setNotices((list) => (list.some((n) => n.key === key) ? list.filter((n) => n.key !== key) : list)), []);
  const newestInfo = notices.filter((n) => n.tone === 'info').at(-1)?.id;
  useEffect(() => {
    if (newestInfo === undefined) return;
    const timer = setTimeout(() => setNotices((list) => list.filter((n) => n.tone !== 'info' || n.id > newestInfo)), infoMs);
    return () => clearTimeout(timer);
  }, [newestInfo]);
  return { notices, show, dismiss, dismissKey };
}

const toneClass: Record<NoticeTone, string> = {
  info: 'border-sky-300 bg-sky-50 text-sky-950',
  warning: 'border-amber-400 bg-amber-50 text-amber-950',
  error: 'border-red-400 bg-red-50 text-red-950',
};

export function NoticeArea({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => void }) {
  const t = useT();
  return (
    <section aria-label={t('notice.region')} className="pointer-events-none fixed inset-x-0 bottom-[calc(var(--tabbar-h,0px)+var(--touchbar-h,0px)+1rem)] z-40 flex justify-center px-4">
      <div role="status" aria-live="polite" data-testid="notices" className="flex w-full max-w-xl flex-col gap-2">
        {notices.map((n) => (
          <div key={n.id} data-tone={n.tone} className={`pointer-events-auto flex items-start gap-3 rounded-md border px-3 py-2 text-sm shadow-lg ${toneClass[n.tone]}`}>
            <p className="min-w-0 flex-1 whitespace-pre-line">{n.text}</p>
            <button type="button" className="btn min-h-11 min-w-11 shrink-0 px-2" aria-label={t('notice.dismiss')} onClick={() => onDismiss(n.id)}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
