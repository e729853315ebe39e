// Locales and how a message is put together, without the catalog itself: what the browser
// needs. The catalog (messages.ts) stays on the server; the page hands the client only the
// chosen locale's messages (components/I18nProvider), so the JavaScript carries neither the
// other language nor the strings of pages it never shows.
import type { RelationType } from '@/lib/argument/types';
import type { MessageKey, Messages } from './messages';

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ja';
export const localeCookie = 'ronten-locale';

/// Formats a message, replacing `{name}` placeholders.
export function format<K extends string>(messages: Record<K, string>, key: K, params?: Record<string, string | number>): string {
  const template = messages[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/// `t(key, params)`: the messages of one locale, put together.
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(messages: Messages): Translate {
  return (key, params) => format(messages, key, params);
}

/// The message that names a relation type (supports / attacks).
export function relationTypeKey(type: RelationType): MessageKey {
  return type === 'support' ? 'annotate.relationSupport' : 'annotate.relationAttack';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/// Picks the locale from an explicit choice (cookie) or else the browser's Accept-Language.
export function negotiateLocale(choice: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(choice)) return choice;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return defaultLocale;
}
