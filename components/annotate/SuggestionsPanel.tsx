'use client';
// The suggestions tab: the signposts toggle and the units the essay's signposts suggest, each
// with its proposed label, cue and relation, to accept or dismiss (buttons, or Y / N with the
// caret in the sentence). Thin: the state is useSuggestions.
import { memo } from 'react';
import type { LabelInfo } from './labels';
import { labelClass, labelName } from './labels';
import { useLocale, useT } from '../I18nProvider';
import type { SuggestionsState } from './useSuggestions';
import { schemeLabel } from '@/lib/signposts/accept';

interface Props {
  state: SuggestionsState;
  text: string;
  labels: readonly LabelInfo[];
  readOnly: boolean;
  onJump: (start: number) => void;
}

const QUOTE = 60;

export const SuggestionsPanel = memo(function SuggestionsPanel({ state, text, labels, readOnly, onJump }: Props) {
  const t = useT();
  const locale = useLocale();
  const { suggestions, open, atHand, point, showSignposts, setShowSignposts, accept, dismiss } = state;
  // Open suggestions always have a label in the scheme (useSuggestions offers no others).
  const labelOf = (i: number) => labels.find((l) => l.id === schemeLabel(suggestions[i], labels.map((x) => x.id)))!;
  const quote = (i: number) => {
    const q = text.slice(suggestions[i].start, suggestions[i].end);
    return q.length > QUOTE ? `${q.slice(0, QUOTE)}…` : q;
  };
  return (
    <section aria-labelledby="suggestions-heading" data-testid="suggestions">
      <h2 id="suggestions-heading" className="sr-only">
        {t('suggest.heading')}
      </h2>
      <label className="mb-2 flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" checked={showSignposts} onChange={(e) => setShowSignposts(e.target.checked)} className="h-5 w-5" />
        {t('suggest.showSignposts')}
      </label>
      <p className="mb-3 text-xs text-stone-600">{t('suggest.explain')}</p>
      {open.length === 0 ? (
        <p className="text-sm text-stone-600">{t('suggest.none')}</p>
      ) : (
        <ol className="space-y-2" aria-label={t('suggest.count', { n: open.length })}>
          {open.map((i) => {
            const s = suggestions[i];
            const label = labelOf(i);
            const target = s.relation ? suggestions[s.relation.to] : undefined;
            return (
              <li
                key={`${s.start}-${s.end}-${s.label}`}
                className={`rounded border px-3 py-2 text-sm ${atHand === i ? 'border-sky-500 bg-sky-50' : 'border-stone-200 bg-white'}`}
                // Pointed at by a moving pointer only: after a dismissal the next row slides under
                // a resting one (the browser sends it pointerenter), and Y/N at the caret must not
                // then act on that row instead of the caret's.
                onPointerMove={() => atHand !== i && point(i)}
                onPointerLeave={() => point(undefined)}
                onFocus={() => point(i)}
              >
                <p>
                  <span className={`label-chip ${labelClass(labels, label.id)}`}>{labelName(label, locale)}</span>
                  <span className="ml-2 text-stone-600">{t('suggest.cue', { cue: s.cue })}</span>
                </p>
                <p className="suggestion-quote mt-1 text-stone-900">「{quote(i)}」</p>
                {target && (
                  <p className="mt-1 text-xs text-stone-600">
                    {t(s.relation!.type === 'support' ? 'suggest.supports' : 'suggest.attacks', {
                      quote: text.slice(target.start, Math.min(target.end, target.start + 24)),
                    })}
                  </p>
                )}
                <p className="mt-2 flex flex-wrap gap-2">
                  {!readOnly && (
                    <>
                      <button type="button" className="btn min-h-11" onClick={() => accept(i)} aria-keyshortcuts="Y">
                        {t('suggest.accept')}
                      </button>
                      <button type="button" className="btn min-h-11" onClick={() => dismiss(i)} aria-keyshortcuts="N">
                        {t('suggest.dismiss')}
                      </button>
                    </>
                  )}
                  <button type="button" className="btn min-h-11" onClick={() => onJump(s.start)}>
                    {t('suggest.jump')}
                  </button>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
});
