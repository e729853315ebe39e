'use client';
// Gentle hints about the map's structure (lib/argument/hints), each dismissible; dismissals are
// remembered per map in this browser. Also the number of units per label.
import { memo, useEffect, useState } from 'react';
import type { StructureHint } from '@/lib/argument/hints';
import { useLocale, useT } from '../I18nProvider';
import type { LabelInfo } from '../annotate/labels';

interface Props {
  storageKey: string;
  hints: StructureHint[];
  counts: Record<string, number>;
  labels: LabelInfo[];
  quoteOf: (unitId: string) => string;
  onSelect: (unitId: string) => void;
  /// A hint about one relation (an open critical question) selects that relation, whose details
  /// list the questions.
  onSelectRelation: (relationId: string) => void;
}

/// Memoized: it sits in the map pane, and the workspace re-renders on every key.
export const StructureHints = memo(function StructureHints({ storageKey, hints, counts, labels, quoteOf, onSelect, onSelectRelation }: Props) {
  const t = useT();
  const locale = useLocale();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    try {
      setDismissed(new Set(JSON.parse(localStorage.getItem(storageKey) ?? '[]') as string[]));
    } catch {
      setDismissed(new Set());
    }
  }, [storageKey]);
  const save = (next: Set<string>) => {
    setDismissed(next);
    try {
      localStorage.setItem(storageKey, JSON.stringify([...next]));
    } catch {
      // not remembered across reloads; still dismissed now
    }
  };
  const shown = hints.filter((h) => !dismissed.has(h.id));
  const hiddenCount = hints.length - shown.length;

  return (
    <section aria-labelledby="hints-heading" className="mt-3 text-sm">
      <h3 id="hints-heading" className="mb-1 font-semibold text-stone-700">
        {t('hints.title')}
      </h3>
      <p className="mb-2 flex flex-wrap gap-x-3 text-xs text-stone-600" aria-label={t('hints.counts')}>
        {labels.map((l) => (
          <span key={l.id}>
            {l[locale]} {counts[l.id] ?? 0}
          </span>
        ))}
      </p>
      {shown.length === 0 && <p className="text-stone-500">{t('hints.none')}</p>}
      <ul className="max-h-48 space-y-1 overflow-y-auto" data-testid="structure-hints">
        {shown.map((h) => (
          <li key={h.id} className="flex items-start gap-2 rounded border border-amber-200 bg-amber-50 px-2 py-1">
            <span aria-hidden="true" className="font-bold text-amber-600">
              !
            </span>
            <button type="button" className="min-w-0 flex-1 text-left" onClick={() => (h.relationId ? onSelectRelation(h.relationId) : onSelect(h.unitIds[0]))}>
              <span className="font-medium">{t(`hints.${h.kind}`)}</span>
              <span lang="ja" className="block truncate text-xs text-stone-600">
                {h.unitIds.map(quoteOf).join(' / ')}
              </span>
            </button>
            <button type="button" className="text-xs text-stone-500 underline" onClick={() => save(new Set([...dismissed, h.id]))}>
              {t('hints.dismiss')}
            </button>
          </li>
        ))}
      </ul>
      {hiddenCount > 0 && (
        <button type="button" className="mt-1 text-xs text-stone-500 underline" onClick={() => save(new Set())}>
          {t('hints.restore', { n: hiddenCount })}
        </button>
      )}
    </section>
  );
});
