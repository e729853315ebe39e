'use client';
// The reading-aid toggles above the essay (not in the sticky toolbar, whose height the reading
// place and the caret's reveal count on): morpheme precision for selections and
// furigana with the grade they start from, and vertical writing (縦書き). What they set lives in ./readingOptions.
import { useId } from 'react';
import { useT } from '../I18nProvider';
import { setReadingOptions, useReadingOptions } from './readingOptions';

export function ReadingOptions() {
  const t = useT();
  const options = useReadingOptions();
  const helpId = useId();
  const verticalHelpId = useId();
  return (
    <span role="group" aria-label={t('reading.options')} className="flex flex-wrap items-center gap-2">
      <label className="inline-flex min-h-11 items-center gap-1.5" title={t('reading.morphemeHelp')}>
        <input
          type="checkbox"
          className="size-4"
          checked={options.precision === 'morpheme'}
          aria-describedby={helpId}
          onChange={(e) => setReadingOptions({ precision: e.target.checked ? 'morpheme' : 'phrase' })}
          data-testid="morpheme-precision"
        />
        {t('reading.morpheme')}
      </label>
      <span id={helpId} className="sr-only">
        {t('reading.morphemeHelp')}
      </span>
      <button
        type="button"
        className="btn min-h-11"
        aria-pressed={options.furigana}
        onClick={() => setReadingOptions({ furigana: !options.furigana })}
        data-testid="furigana-toggle"
        lang="ja"
      >
        {t('reading.furigana')}
      </button>
      <button
        type="button"
        className="btn min-h-11"
        aria-pressed={options.vertical}
        aria-describedby={verticalHelpId}
        title={t('reading.verticalHelp')}
        onClick={() => setReadingOptions({ vertical: !options.vertical })}
        data-testid="vertical-toggle"
      >
        {t('reading.vertical')}
      </button>
      <span id={verticalHelpId} className="sr-only">
        {t('reading.verticalHelp')}
      </span>
      {options.furigana && (
        <label className="inline-flex min-h-11 items-center gap-1.5">
          <span className="sr-only">{t('reading.furiganaScope')}</span>
          <select
            className="rounded border border-stone-300 bg-white px-1 py-1"
            value={options.furiganaAbove}
            onChange={(e) => setReadingOptions({ furiganaAbove: Number(e.target.value) })}
            data-testid="furigana-scope"
          >
            <option value={0}>{t('reading.scope.all')}</option>
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={n}>
                {t('reading.scope.grade', { n })}
              </option>
            ))}
            <option value={7}>{t('reading.scope.joyo')}</option>
          </select>
        </label>
      )}
    </span>
  );
}
