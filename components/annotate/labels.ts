// How labels look and are named in the UI. Colours are the Okabe–Ito palette (distinguishable
// with the common colour-vision deficiencies); each label also has its own underline style and
// glyph, so colour is never the only cue.
import type { Locale } from '@/lib/i18n/messages';

export interface LabelInfo {
  id: string;
  ja: string;
  en: string;
}

const glyphs: Record<string, { ja: string; en: string }> = {
  claim: { ja: '主', en: 'C' },
  evidence: { ja: '根', en: 'E' },
  counterargument: { ja: '反', en: 'CA' },
  rebuttal: { ja: '再', en: 'R' },
};

export function labelName(label: LabelInfo | undefined, locale: Locale): string {
  return label ? label[locale] : '?';
}

export function labelGlyphs(labels: readonly LabelInfo[], locale: Locale): Record<string, string> {
  return Object.fromEntries(labels.map((l) => [l.id, glyphs[l.id]?.[locale] ?? l[locale].slice(0, 1)]));
}
