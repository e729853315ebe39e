// The request's UI locale: the user's explicit choice (cookie), else the browser's language.
import { cookies, headers } from 'next/headers';
import { catalog, localeCookie, negotiateLocale, translator, type Locale } from '@/lib/i18n/messages';

export async function requestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(cookieStore.get(localeCookie)?.value, headerList.get('accept-language'));
}

export async function serverT() {
  const locale = await requestLocale();
  return { locale, t: translator(catalog[locale]) };
}
