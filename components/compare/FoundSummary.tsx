// The teacher's reading of a comparison in words — "Found 7 of 9 reference units; 2 boundaries
// differ …" — with the numbers beside it (share found, mean word overlap) and what the words
// mean. Server-renderable: plain props, no state.
import type { TeacherSummary } from '@/lib/agreement/teacher';
import type { Translate } from '@/lib/i18n/locale';
import { foundNumbers, foundSentence } from '../review/foundWords';

export function FoundSummary({ t, summary }: { t: Translate; summary: TeacherSummary }) {
  return (
    <section aria-labelledby="found-heading" className="max-w-3xl rounded border border-sky-200 bg-sky-50 px-4 py-3" data-testid="found-summary">
      <h2 id="found-heading" className="mb-1 text-lg font-semibold">
        {t('found.heading')}
      </h2>
      <p className="text-base" data-testid="found-sentence">
        {foundSentence(t, summary, true)} <span className="text-sm tabular-nums text-stone-600">({foundNumbers(t, summary)})</span>
      </p>
      <p className="mt-1 text-sm text-stone-600">{t('found.explain')}</p>
    </section>
  );
}
