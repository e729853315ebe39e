'use client';
// Gives client components the chosen locale's messages. The server layout passes just that
// locale's dictionary (lib/i18n/messages.ts stays on the server; lib/i18n/locale.ts has what
// the browser needs), so switching language re-renders from the server (LocaleSwitcher).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Locale } from '@/lib/i18n/locale';
import type { Messages } from '@/lib/i18n/messages';
import './zodWithoutEval';

const I18nContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLocale outside I18nProvider');
  return value;
}

/// `t(key, params)` for the current locale. The same function until the locale changes: hooks
/// and memoized views depend on it (a new `t` each render made the comments' handlers, and with
/// them the memoized unit list, change on every key).
export function useT() {
  const { messages } = useI18n();
  return useMemo(() => translator(messages), [messages]);
}

export function useLocale(): Locale {
  return useI18n().locale;
}
