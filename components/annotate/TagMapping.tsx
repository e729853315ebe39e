'use client';
// The import dialog's tag mapping: one row per tag of the file that names no label of the
// scheme (Hypothesis tags, W3C and Recogito tagging bodies), each with a select of the scheme's
// labels or "skip". Rows stay once shown, so that a mapped tag can be changed again; the dialog
// re-checks the file with the mapping after every choice (what the CLI's --label-map does).
import { useId } from 'react';
import { SKIP_TAG } from '@/lib/formats/tags';
import { useLocale, useT } from '../I18nProvider';

export interface SchemeLabel {
  id: string;
  ja: string;
  en: string;
}

interface Props {
  tags: Array<{ tag: string; units: number }>;
  labels: SchemeLabel[];
  labelMap: Record<string, string>;
  disabled: boolean;
  /// What the last re-check found, shown and announced under the selects.
  notice: string | null;
  onChange: (tag: string, choice: string | null) => void;
}

export function TagMapping({ tags, labels, labelMap, disabled, notice, onChange }: Props) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  if (tags.length === 0) return null;
  return (
    <fieldset className="rounded-md border border-amber-300 bg-amber-50 p-3" aria-describedby={`${id}-help`}>
      <legend className="px-1 font-medium">{t('io.tagMapTitle')}</legend>
      <p id={`${id}-help`} className="mb-2 text-xs text-stone-700">
        {t('io.tagMapHelp')}
      </p>
      <ul className="space-y-2">
        {tags.map(({ tag, units }, i) => (
          <li key={tag} className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-${i}`} className="min-w-0 flex-1">
              <span className="font-mono break-all">{tag}</span> <span className="text-xs text-stone-600">{t('io.tagUnits', { n: units })}</span>
            </label>
            <select
              id={`${id}-${i}`}
              className="min-h-11 rounded border border-stone-400 bg-white px-2"
              value={labelMap[tag] ?? ''}
              disabled={disabled}
              onChange={(e) => onChange(tag, e.target.value === '' ? null : e.target.value)}
            >
              <option value="">{t('io.tagUnmapped')}</option>
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {locale === 'ja' ? l.ja : l.en}
                </option>
              ))}
              <option value={SKIP_TAG}>{t('io.tagSkip')}</option>
            </select>
          </li>
        ))}
      </ul>
      <p role="status" className="mt-2 min-h-5 text-xs font-medium">
        {notice}
      </p>
    </fieldset>
  );
}
