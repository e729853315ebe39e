import type { ReactNode } from 'react';
import Link from 'next/link';
import './globals.css';
import { I18nProvider } from '@/components/I18nProvider';
import { catalog } from '@/lib/i18n/messages';
import { LocaleSwitcher } from '@/components/LocaleSwitcher';
import { serverT } from './_shared/locale';
import { openDb, unreadCount } from '@/lib/db';
import { NotificationBell } from '@/components/notifications/NotificationBell';
import { rontenMode } from '@/lib/auth/mode';
import { AccountMenu } from '@/components/AccountMenu';
import { optionalUser } from './_shared/session';

export async function generateMetadata() {
  const { t } = await serverT();
  return { title: `${t('app.name')} — ${t('app.tagline')}` };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await serverT();
  const db = rontenMode() === 'classroom' ? await openDb() : null;
  const user = db ? await optionalUser(db) : null;
  const unread = db && user && !user.mustChangePassword ? await unreadCount(db, user.id) : null;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <I18nProvider locale={locale} messages={catalog[locale]}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1 focus:shadow">
            {t('nav.skipToText')}
          </a>
          <header className="border-b border-stone-200 bg-white">
            <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
              <Link href="/" className="text-lg font-bold tracking-wide">
                <span lang="ja">論点</span>
                <span className="ml-2 text-sm font-normal text-stone-500">{locale === 'ja' ? 'Ronten' : t('app.tagline')}</span>
              </Link>
              <div className="flex items-center gap-4">
                {user && (
                  <Link href="/courses" className="text-sm text-sky-800 underline-offset-4 hover:underline">
                    {t('courses.title')}
                  </Link>
                )}
                {unread !== null && <NotificationBell unread={unread} t={t} />}
                {user && <AccountMenu name={user.displayName || user.name} role={user.role} />}
                <LocaleSwitcher />
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-6xl px-6 py-8">{children}</main>
        </I18nProvider>
      </body>
    </html>
  );
}
