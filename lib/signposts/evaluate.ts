// How well the suggestions (suggest.ts) find a reference map's units: the figures `npm run bench`
// prints against the corpus's worked example. A suggestion finds a reference unit when at least
// half of the suggestion's tokens lie inside the unit; it is labelled right when the labels agree
// too. Precision counts suggestions that find some unit, recall counts units found by some
// suggestion. Figures, not a threshold: suggestions are hints a student accepts or dismisses.

import type { TokenSpan } from '@/lib/tokens';
import { lowerBound } from '@/lib/agreement/bounds';
import type { Suggestion } from './suggest';

export interface SuggestionScore {
  suggestions: number;
  units: number;
  /// Suggestions finding some unit (span), and some unit of their label (labelled).
  precision: { span: number; labelled: number };
  recall: { span: number; labelled: number };
}

export function scoreSuggestions(
  suggestions: readonly Pick<Suggestion, 'start' | 'end' | 'label'>[],
  units: readonly { start: number; end: number; label: string }[],
  tokens: readonly TokenSpan[],
): SuggestionScore {
  const starts = tokens.map((t) => t.start);
  const tokenRange = (start: number, end: number) => [lowerBound(starts, start), lowerBound(starts, end)] as const;
  const foundUnits = { span: new Set<number>(), labelled: new Set<number>() };
  let spanHits = 0;
  let labelledHits = 0;
  for (const s of suggestions) {
    const [a, b] = tokenRange(s.start, s.end);
    let span = false;
    let labelled = false;
    units.forEach((u, k) => {
      const [c, d] = tokenRange(u.start, u.end);
      const overlap = Math.max(0, Math.min(b, d) - Math.max(a, c));
      if (b > a && overlap * 2 >= b - a) {
        span = true;
        foundUnits.span.add(k);
        if (u.label === s.label) {
          labelled = true;
          foundUnits.labelled.add(k);
        }
      }
    });
    if (span) spanHits++;
    if (labelled) labelledHits++;
  }
  const ratio = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    suggestions: suggestions.length,
    units: units.length,
    precision: { span: ratio(spanHits, suggestions.length), labelled: ratio(labelledHits, suggestions.length) },
    recall: { span: ratio(foundUnits.span.size, units.length), labelled: ratio(foundUnits.labelled.size, units.length) },
  };
}
