'use client';
// Gives client components the chosen locale's messages (the catalog lives in lib/i18n).
import { createContext, useContext, type ReactNode } from 'react';
import { catalog, format, type Locale, type MessageKey } from '@/lib/i18n/messages';

const LocaleContext = createContext<Locale>('ja');

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/// `t(key, params)` for the current locale.
export function useT() {
  const locale = useContext(LocaleContext);
  const messages = catalog[locale];
  return (key: MessageKey, params?: Record<string, string | number>) => format(messages, key, params);
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
