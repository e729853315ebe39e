'use client';
// The Agreement section of an assignment for its instructors: each student against the
// reference map (a table and a bar chart of unit F1 with ≥ ½ overlap), the class means, and the
// class's Krippendorff's alpha per label (a table and a bar chart), with the CSV download of
// the API. First column after the units: the teacher's reading in words ("Found 7 of 9 reference
// units; 2 boundaries differ", lib/agreement/teacher.ts); the research figures beside it.
// Plain props computed on the server (lib/agreement/classAgreement.ts): no state.
import type { ClassAgreement, ClassMeans } from '@/lib/agreement/classAgreement';
import { useLocale, useT } from '../I18nProvider';
import type { LabelInfo } from '../annotate/labels';
import { BarChart } from './BarChart';
import { foundNumbers, foundSentence } from './foundWords';

interface Props {
  assignmentId: string;
  agreement: ClassAgreement;
  labels: LabelInfo[];
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
const num = 'py-1 pl-3 text-right';

/// The score columns of a row: a student's against the reference (null: none) or the means.
function scoreCells(r: Pick<ClassMeans, 'unitsExact' | 'unitsOverlap' | 'labelAccuracy' | 'relationsTyped'> | null) {
  const values = [r?.unitsExact.f1, r?.unitsOverlap.precision, r?.unitsOverlap.recall, r?.unitsOverlap.f1, r?.labelAccuracy, r?.relationsTyped.f1];
  return values.map((x, i) => (
    <td key={i} className={num}>
      {fmt(x)}
    </td>
  ));
}

export function AgreementPanel({ assignmentId, agreement, labels }: Props) {
  const t = useT();
  const locale = useLocale();
  const labelName = (id: string) => labels.find((l) => l.id === id)?.[locale] ?? id;
  const { students, means, alpha } = agreement;
  const hasReference = agreement.reference !== null;
  const nameOf = (s: (typeof students)[number]) => s.displayName || s.name;
  const base = `/api/assignments/${encodeURIComponent(assignmentId)}/agreement`;
  const head = 'py-1 pl-3 text-right font-medium';

  return (
    <section aria-labelledby="agreement-heading" className="max-w-5xl space-y-4" data-testid="agreement">
      <h2 id="agreement-heading" className="text-lg font-semibold">
        {t('review.agreement')}
      </h2>
      {hasReference ? (
        <p className="text-sm text-stone-600">{t('review.agreementIntro')}</p>
      ) : (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="no-reference-note">
          {t('review.noReferenceNote')}
        </p>
      )}

      {hasReference && (
        <div className="flex flex-wrap items-start gap-6">
          <table className="border-collapse text-sm tabular-nums" data-testid="agreement-table">
            <caption className="sr-only">{t('review.agreement')}</caption>
            <thead>
              <tr className="border-b border-stone-300 text-left text-stone-600">
                <th scope="col" className="py-1 font-medium">{t('courses.student')}</th>
                <th scope="col" className={head}>{t('review.col.units')}</th>
                <th scope="col" className="py-1 pl-3 font-medium">{t('found.column')}</th>
                <th scope="col" className={head}>{t('review.col.exactF1')}</th>
                <th scope="col" className={head}>{t('review.col.overlapP')}</th>
                <th scope="col" className={head}>{t('review.col.overlapR')}</th>
                <th scope="col" className={head}>{t('review.col.overlapF1')}</th>
                <th scope="col" className={head}>{t('review.col.labelAccuracy')}</th>
                <th scope="col" className={head}>{t('review.col.relationF1')}</th>
              </tr>
            </thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.userId} className="border-b border-stone-200">
                  <th scope="row" className="py-1 text-left font-normal">{nameOf(s)}</th>
                  <td className={num}>{s.units ?? t('courses.notStarted')}</td>
                  <td className="max-w-xs py-1 pl-3 text-left" data-testid="found-cell">
                    {s.vsReference && (
                      <>
                        {foundSentence(t, s.vsReference.teacher)} <span className="text-xs text-stone-600">({foundNumbers(t, s.vsReference.teacher)})</span>
                      </>
                    )}
                  </td>
                  {scoreCells(s.vsReference)}
                </tr>
              ))}
            </tbody>
            {means && (
              <tfoot>
                <tr className="font-semibold" data-testid="agreement-mean">
                  <th scope="row" className="py-1 text-left">{t('review.mean', { n: means.students })}</th>
                  <td className={num} />
                  <td className="py-1 pl-3 text-left">{t('found.meanShare', { percent: Math.round(100 * means.foundShare) })}</td>
                  {scoreCells(means)}
                </tr>
              </tfoot>
            )}
          </table>
          <BarChart
            testId="f1-chart"
            title={t('review.chartF1')}
            bars={students.filter((s) => s.vsReference).map((s) => ({ key: s.userId, label: nameOf(s), value: s.vsReference!.unitsOverlap.f1 }))}
          />
        </div>
      )}

      <h3 id="alpha-heading" className="font-semibold">
        {t('review.alpha')}
      </h3>
      <p className="text-sm text-stone-600">{t('review.alphaIntro', { n: alpha.annotators, tokens: alpha.tokens })}</p>
      <div className="flex flex-wrap items-start gap-6">
        <table className="border-collapse text-sm tabular-nums" aria-labelledby="alpha-heading" data-testid="alpha-table">
          <thead>
            <tr className="border-b border-stone-300 text-left text-stone-600">
              <th scope="col" className="py-1 font-medium">{t('review.alphaLabel')}</th>
              <th scope="col" className={head}>α</th>
            </tr>
          </thead>
          <tbody>
            {agreement.labels.map((id) => (
              <tr key={id} className="border-b border-stone-200">
                <th scope="row" className="py-1 text-left font-normal">{labelName(id)}</th>
                <td className={num}>{fmt(alpha.byLabel[id])}</td>
              </tr>
            ))}
            <tr className="font-semibold">
              <th scope="row" className="py-1 text-left">{t('review.alphaAll')}</th>
              <td className={num}>{fmt(alpha.overall)}</td>
            </tr>
          </tbody>
        </table>
        <BarChart
          testId="alpha-chart"
          title={t('review.chartAlpha')}
          min={-1}
          bars={agreement.labels.map((id) => ({ key: id, label: labelName(id), value: alpha.byLabel[id] ?? null }))}
        />
      </div>
      <p className="text-xs text-stone-500">{t('review.alphaUndefined')}</p>
      <a className="btn inline-block text-sm" href={`${base}?format=csv`} download data-testid="agreement-csv">
        {t('review.csv')}
      </a>
    </section>
  );
}
