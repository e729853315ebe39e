// How labels look and are named in the UI. Colours are the Okabe–Ito palette (distinguishable
// with the common colour-vision deficiencies); each label also has its own underline style, so
// colour is never the only cue.
import type { Locale } from '@/lib/i18n/messages';

export interface LabelInfo {
  id: string;
  ja: string;
  en: string;
}

export function labelName(label: LabelInfo | undefined, locale: Locale): string {
  return label ? label[locale] : '?';
}
