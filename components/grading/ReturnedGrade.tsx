// A returned grade as its student sees it, where they look at their map: the score, the rubric
// (the version the grade was given with) with the level reached on each criterion, and the
// instructor's overall comment — as text. A server component: plain props, no state.
import type { Translate } from '@/lib/i18n/locale';
import { criterionMax, rubricMax, type Rubric, type Scores } from '@/lib/grading/rubric';

interface Props {
  t: Translate;
  assignmentTitle: string;
  rubric: Rubric;
  scores: Scores;
  total: number;
  comment: string;
  returnedLabel: string;
}

export function ReturnedGrade({ t, assignmentTitle, rubric, scores, total, comment, returnedLabel }: Props) {
  return (
    <section className="mb-3 space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm" aria-label={t('grading.yourGrade', { title: assignmentTitle })} data-testid="returned-grade">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">{t('grading.yourGrade', { title: assignmentTitle })}</h2>
        <span className="text-stone-600">{returnedLabel}</span>
      </div>
      <p className="text-lg font-bold tabular-nums" data-testid="returned-score">
        {t('grading.score', { total, max: rubricMax(rubric.criteria) })}
      </p>
      <table className="w-full max-w-3xl border-collapse">
        <caption className="text-left font-medium">{t('grading.rubricHeading')}</caption>
        <tbody>
          {rubric.criteria.map((c) => {
            const points = scores[c.id];
            const level = c.levels.find((l) => l.points === points);
            return (
              <tr key={c.id} className="border-t border-emerald-200">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {c.title}
                </th>
                <td className="py-1 pr-3">{level?.title ?? ''}</td>
                <td className="py-1 text-right tabular-nums">
                  {points ?? '—'} / {criterionMax(c)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {comment && (
        <div>
          <h3 className="font-medium">{t('grading.overallComment')}</h3>
          <p className="whitespace-pre-wrap">{comment}</p>
        </div>
      )}
    </section>
  );
}
