'use client';
// One side's relations in a comparison, each marked matched (the other map has the same type
// between the paired units) or on this side only, with the quotes of both ends — the relation
// counterpart of the units marked in the text beside it. A pair whose premise sets only overlap
// (partial credit, lib/agreement/relations.ts) says so with its credit; an undercutter's target
// is shown as the inference it attacks.
import { unitText, type ArgumentMap } from '@/lib/argument/types';
import { useT } from '../I18nProvider';
import { relationTypeKey } from '@/lib/i18n/locale';

interface Props {
  map: ArgumentMap;
  text: string;
  /// Relation ids of this side that matched the other side.
  matched: ReadonlySet<string>;
  /// Of those, the ones matched with partial credit (premise sets overlap, not equal): id → credit.
  partial?: ReadonlyMap<string, number>;
  /// The status class and legend word of a relation found on this side only.
  only: { className: 'cmp-missing' | 'cmp-extra'; word: string };
  /// When set, each relation found on this side only gets a button that takes it into the
  /// reference map (with its quotes, for the message).
  onTake?: (relationId: string, what: string) => void;
}

const quoteLength = 24;

export function ComparedRelations({ map, text, matched, partial, only, onTake }: Props) {
  const t = useT();
  const units = new Map(map.units.map((u) => [u.id, u]));
  const relations = new Map(map.relations.map((r) => [r.id, r]));
  const quote = (id: string): string => {
    const u = units.get(id);
    const r = relations.get(id);
    // An undercutter's target: the inference, named by its first premise (one level: a quote).
    if (!u && r) return t('compare.inference', { from: quote(r.from[0]) });
    const q = [...(u ? unitText(u, text) : id)]; // by characters: a cut inside 𩸽 would show a broken one
    return q.length > quoteLength ? `${q.slice(0, quoteLength).join('')}…` : q.join('');
  };
  const onlyHere = map.relations.filter((r) => !matched.has(r.id)).length;
  return (
    <details className="mb-3 text-sm" data-testid="compared-relations" open={onTake !== undefined && onlyHere > 0 && onlyHere <= 12 ? true : undefined}>
      <summary className="cursor-pointer">{t('compare.relationList', { matched: map.relations.length - onlyHere, only: onlyHere, onlyWord: only.word })}</summary>
      <ul className="mt-1 space-y-1">
        {map.relations.length === 0 && <li className="text-stone-500">{t('compare.none')}</li>}
        {map.relations.map((r) => {
          const from = r.from.map(quote).join(' + ');
          const what = `${from} → ${t(relationTypeKey(r.type))} → ${quote(r.to)}`;
          const takes = onTake !== undefined && !matched.has(r.id);
          return (
            <li key={r.id} lang="ja" className={`cmp-key ${takes ? 'flex items-center gap-2' : 'block truncate'} ${matched.has(r.id) ? 'cmp-matched' : only.className}`} data-relation-status={matched.has(r.id) ? 'matched' : 'only'}>
              <span className="min-w-0 flex-1 truncate">
                {from} <span className="text-xs text-stone-600">→ {t(relationTypeKey(r.type))} →</span> {quote(r.to)}
                {partial?.has(r.id) && <span className="text-xs text-stone-600"> {t('compare.partly', { credit: partial.get(r.id)!.toFixed(2) })}</span>}
              </span>
              {takes && (
                <button type="button" className="btn min-h-11 shrink-0 text-xs" aria-label={t('curation.takeRelation', { quote: what })} onClick={() => onTake(r.id, what)} data-testid="take-relation">
                  {t('curation.take')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
