// The default label scheme as the formats layer sees it, and the lenient matching of label
// names found in other tools' files (brat writes `Claim`, Recogito tags may say `主張`).
// The database seeds the same four ids (migration 001); the order is the toolbar's.
import { defaultLabels } from '@/lib/argument/types';
import type { LabelDefinition } from './types';

const names: Record<(typeof defaultLabels)[number], { ja: string; en: string }> = {
  claim: { ja: '主張', en: 'Claim' },
  evidence: { ja: '根拠', en: 'Evidence' },
  counterargument: { ja: '反論', en: 'Counterargument' },
  rebuttal: { ja: '再反論', en: 'Rebuttal' },
};

export const defaultLabelDefinitions: LabelDefinition[] = defaultLabels.map((id) => ({ id, name: { ...names[id] } }));

/// `claim` → `Claim`: brat type names and Argdown-friendly spellings.
export function capitalizeLabel(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/// The scheme's label id a name in a file means: the id itself, else a case-insensitive match
/// on the id or on either display name. Null when nothing matches (the caller reports it).
export function resolveLabel(value: string, labels: readonly LabelDefinition[]): string | null {
  if (labels.some((l) => l.id === value)) return value;
  const folded = value.trim().toLowerCase();
  const hit = labels.find((l) => l.id.toLowerCase() === folded || l.name.en.toLowerCase() === folded || l.name.ja === value.trim());
  return hit ? hit.id : null;
}
