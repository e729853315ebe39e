'use client';
// Under the heat map: the passages most of the class marked (lib/agreement/majority.ts) that the
// reference map lacks (teacherMatch: not found by any reference unit), each with how many
// students marked it and a button that takes it into the reference — the same one-click take as
// the compare view (useReferenceCuration: operations through the map operations route, Undo).
import type { ArgumentMap } from '@/lib/argument/types';
import { useLocale, useT } from '../I18nProvider';
import type { LabelInfo } from '../annotate/labels';
import { CurationNotice } from '../compare/CurationNotice';
import { useReferenceCuration, type CurationTarget } from '../compare/useReferenceCuration';

export interface MajorityCandidate {
  id: string;
  label: string;
  quote: string;
  votes: number;
}

interface Props {
  reference: ArgumentMap;
  majority: ArgumentMap;
  /// teacherMatch(reference, majority).units.pairs
  found: ReadonlyArray<{ reference: string; student: string }>;
  candidates: MajorityCandidate[];
  voters: number;
  labels: LabelInfo[];
  curation: CurationTarget;
}

export function MajorityCandidates({ reference, majority, found, candidates, voters, labels, curation }: Props) {
  const t = useT();
  const locale = useLocale();
  const curator = useReferenceCuration(curation, reference, majority, found);
  const labelName = (id: string) => labels.find((l) => l.id === id)?.[locale] ?? id;
  return (
    <section aria-labelledby="majority-candidates-heading" className="max-w-3xl space-y-2" data-testid="majority-candidates">
      <h2 id="majority-candidates-heading" className="text-lg font-semibold">
        {t('curation.fromHeat')}
      </h2>
      {!curation.mayEdit && <p className="text-sm text-stone-600">{t('curation.archived')}</p>}
      {candidates.length === 0 ? (
        <p className="text-sm text-stone-600">{t('curation.noneMissing')}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {candidates.map((c) => (
            <li key={c.id} className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate" lang="ja">
                <span className="mr-1 text-xs text-stone-500">{labelName(c.label)}</span>
                {c.quote}
              </span>
              <span className="shrink-0 text-xs tabular-nums text-stone-600">{t('curation.votes', { n: c.votes, total: voters })}</span>
              {curation.mayEdit && (
                <button type="button" className="btn min-h-11 shrink-0 text-xs" aria-label={t('curation.takeUnit', { quote: c.quote })} onClick={() => void curator.take({ kind: 'unit', id: c.id }, c.quote)}>
                  {t('curation.take')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <CurationNotice notice={curator.notice} onUndo={() => void curator.undo()} onDismiss={curator.dismiss} />
    </section>
  );
}
