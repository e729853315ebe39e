'use client';
// Switches the UI language: remembers the choice in a cookie and re-renders the server pages.
// In the English UI it also holds the rōmaji option (readings shown in rōmaji too: useRomaji).
import { useRouter } from 'next/navigation';
import { locales, localeCookie, type Locale } from '@/lib/i18n/locale';
import { useLocale, useT } from './I18nProvider';
import { useRomaji } from './useRomaji';

export function LocaleSwitcher() {
  const router = useRouter();
  const current = useLocale();
  const t = useT();
  const [romaji, setRomaji] = useRomaji();
  const choose = (locale: Locale) => {
    document.cookie = `${localeCookie}=${locale}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  return (
    <div className="flex items-center gap-2 text-sm">
      <div role="group" aria-label={t('locale.switch')} className="flex gap-1">
        {locales.map((locale) => (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-pressed={locale === current}
            onClick={() => choose(locale)}
            className="rounded px-2 py-0.5 text-stone-600 hover:bg-stone-200 aria-pressed:bg-stone-800 aria-pressed:text-white"
          >
            {t(`locale.${locale}`)}
          </button>
        ))}
      </div>
      {current === 'en' && (
        <button
          type="button"
          aria-pressed={romaji}
          onClick={() => setRomaji(!romaji)}
          className="rounded px-2 py-0.5 text-stone-600 hover:bg-stone-200 aria-pressed:bg-stone-800 aria-pressed:text-white"
        >
          {t('token.romajiToggle')}
        </button>
      )}
    </div>
  );
}
