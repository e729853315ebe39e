// The one message catalog: every string the UI shows, in Japanese and English.
// Invariant: both locales have exactly the same keys (the type below enforces it), so a
// missing translation is a compile error, not a blank button.

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ja';

const ja = {
  'app.name': '論点',
  'app.tagline': '日本語の文章の論証構造をマッピングする',
  'nav.home': '文書一覧',
  'nav.skipToText': '本文へ移動',
  'locale.switch': '言語',
  'locale.ja': '日本語',
  'locale.en': 'English',
  'documents.heading': '文書',
  'documents.title': '題名',
  'documents.length': '文字数',
  'documents.maps': 'マップ数',
  'documents.empty': '文書がまだありません。`npm run cli -- import-text FILE` で取り込めます。',
  'documents.lengthValue': '{n}字',
  'document.notFound': 'この文書は見つかりません。',
  'document.text': '本文',
  'document.tokenCount': '{n}形態素',
  'document.stats': '{chars}字・{tokens}形態素',
  'token.panel': '形態素',
  'token.reading': '読み',
  'token.pos': '品詞',
  'token.basicForm': '基本形',
  'token.hint': '単語にマウスを重ねるか、本文をクリックして矢印キーで移動すると、読みと品詞が表示されます。',
  'token.none': '—',
  'error.generic': 'エラーが発生しました。',
} as const;

type MessageKey = keyof typeof ja;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Ronten',
  'app.tagline': 'Map the argument of a Japanese text',
  'nav.home': 'Documents',
  'nav.skipToText': 'Skip to text',
  'locale.switch': 'Language',
  'locale.ja': '日本語',
  'locale.en': 'English',
  'documents.heading': 'Documents',
  'documents.title': 'Title',
  'documents.length': 'Length',
  'documents.maps': 'Maps',
  'documents.empty': 'No documents yet. Import one with `npm run cli -- import-text FILE`.',
  'documents.lengthValue': '{n} chars',
  'document.notFound': 'This document does not exist.',
  'document.text': 'Text',
  'document.tokenCount': '{n} morphemes',
  'document.stats': '{chars} characters · {tokens} morphemes',
  'token.panel': 'Morpheme',
  'token.reading': 'Reading',
  'token.pos': 'Part of speech',
  'token.basicForm': 'Base form',
  'token.hint': 'Hover a word, or click the text and move with the arrow keys, to see its reading and part of speech.',
  'token.none': '—',
  'error.generic': 'Something went wrong.',
};

export type { MessageKey };
export const catalog: Record<Locale, Messages> = { ja, en };

/// Formats a message, replacing `{name}` placeholders.
export function format(messages: Messages, key: MessageKey, params?: Record<string, string | number>): string {
  const template = messages[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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

export const localeCookie = 'ronten-locale';
