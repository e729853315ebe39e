'use client';
// Two maps of one text side by side — the reference on the left, the compared map on the
// right — with every unit marked matched, matched under another label, or on one side only, and
// the agreement figures of lib/agreement as a table (downloadable as CSV).
// Two wordings: 'example' (my map against the worked example) and 'pair' (any two maps of an
// assignment, A and B, for its instructors: B is scored against A).
// With `teacher` (lib/agreement/teacher.ts) the marks, lists and relations follow the teacher's
// reading — boundary choices forgiven — said in words above the research table; with
// `curation` (A is the assignment's reference) each of B's units and relations the reference
// lacks gets a button that takes it into the reference (useReferenceCuration).
import { useMemo } from 'react';
import { comparisonCsv, type MapComparison } from '@/lib/agreement/compare';
import { teacherSummary, type TeacherMatch } from '@/lib/agreement/teacher';
import { isImplicit, unitText, type ArgumentMap } from '@/lib/argument/types';
import type { Block } from '@/lib/text/types';
import { useLocale, useT } from '../I18nProvider';
import type { LabelInfo } from '../annotate/labels';
import { ComparedEssay, type UnitStatus } from './ComparedEssay';
import { ComparedRelations } from './ComparedRelations';
import { CurationNotice } from './CurationNotice';
import { FoundSummary } from './FoundSummary';
import { useReferenceCuration, type CurationTarget } from './useReferenceCuration';

interface Props {
  text: string;
  blocks: Block[];
  labels: LabelInfo[];
  reference: { name: string; map: ArgumentMap };
  candidate: { name: string; map: ArgumentMap };
  comparison: MapComparison;
  variant?: 'example' | 'pair';
  /// The CSV download's file name.
  csvName?: string;
  /// The teacher's reading of the same two maps (computed on the server, with the tokens).
  teacher?: TeacherMatch;
  /// Set when `reference` is the assignment's reference map and `candidate` a student's.
  curation?: CurationTarget;
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export function CompareView({ text, blocks, labels, reference, candidate, comparison, variant = 'example', csvName = 'agreement.csv', teacher, curation }: Props) {
  const t = useT();
  // What the marks and lists follow: the teacher's reading when given, else the research one.
  // Implicit units (no span) come after the units of the text: paired by label and role — a
  // premise of relations of one type aimed at paired units (lib/agreement/relations.ts) — and
  // otherwise listed as missing or extra like any unit.
  const matches = useMemo(() => {
    const text = teacher
      ? { pairs: teacher.units.pairs.map((p) => ({ reference: p.reference, candidate: p.student })), missing: teacher.units.missing, extra: teacher.units.extra }
      : comparison.matches;
    const implicit = teacher
      ? { pairs: teacher.implicitUnits.pairs.map((p) => ({ reference: p.reference, candidate: p.student })), missing: teacher.implicitUnits.missing, extra: teacher.implicitUnits.extra }
      : { pairs: comparison.implicitMatches, ...comparison.implicitUnmatched };
    return { pairs: [...text.pairs, ...implicit.pairs], missing: [...text.missing, ...implicit.missing], extra: [...text.extra, ...implicit.extra] };
  }, [teacher, comparison]);
  const relationPairs = useMemo(
    () => (teacher ? teacher.relations.pairs.map((p) => ({ reference: p.reference, candidate: p.student, credit: p.credit })) : comparison.relationMatches.pairs),
    [teacher, comparison],
  );
  // A relation taken into the reference lands on the units the student's were paired with,
  // unstated premises included.
  const found = useMemo(() => (teacher ? [...teacher.units.pairs, ...teacher.implicitUnits.pairs] : []), [teacher]);
  const curator = useReferenceCuration(curation, reference.map, candidate.map, found);
  const canTake = curation?.mayEdit === true;
  const nMissing = matches.missing.length;
  const nExtra = matches.extra.length;
  const words =
    variant === 'pair'
      ? {
          referenceHeading: t('review.sideA', { name: reference.name }),
          candidateHeading: t('review.sideB', { name: candidate.name }),
          missing: t('review.onlyA'),
          extra: t('review.onlyB'),
          missingList: t('review.onlyAList', { n: nMissing }),
          extraList: t('review.onlyBList', { n: nExtra }),
        }
      : {
          referenceHeading: `${t('compare.reference')} — ${reference.name}`,
          candidateHeading: `${t('compare.candidate')} — ${candidate.name}`,
          missing: t('compare.missing'),
          extra: t('compare.extra'),
          missingList: t('compare.missingList', { n: nMissing }),
          extraList: t('compare.extraList', { n: nExtra }),
        };
  const locale = useLocale();
  const { referenceStatus, candidateStatus } = useMemo(() => {
    const refLabel = new Map(reference.map.units.map((u) => [u.id, u.label]));
    const candLabel = new Map(candidate.map.units.map((u) => [u.id, u.label]));
    const referenceStatus = new Map<string, UnitStatus>();
    const candidateStatus = new Map<string, UnitStatus>();
    for (const id of matches.missing) referenceStatus.set(id, 'missing');
    for (const id of matches.extra) candidateStatus.set(id, 'extra');
    for (const p of matches.pairs) {
      const s: UnitStatus = refLabel.get(p.reference) === candLabel.get(p.candidate) ? 'matched' : 'relabelled';
      referenceStatus.set(p.reference, s);
      candidateStatus.set(p.candidate, s);
    }
    return { referenceStatus, candidateStatus };
  }, [reference, candidate, matches]);

  const relationSides = useMemo(
    () => ({
      reference: new Set(relationPairs.map((p) => p.reference)),
      candidate: new Set(relationPairs.map((p) => p.candidate)),
      // Pairs with partial credit (premise sets overlap): said beside the relation on both sides.
      partialReference: new Map(relationPairs.filter((p) => p.credit < 1).map((p) => [p.reference, p.credit])),
      partialCandidate: new Map(relationPairs.filter((p) => p.credit < 1).map((p) => [p.candidate, p.credit])),
    }),
    [relationPairs],
  );

  const rows: Array<[string, { precision: number; recall: number; f1: number }]> = [
    [t('compare.unitsExact'), comparison.units.exact],
    [t('compare.unitsOverlap'), comparison.units.overlap],
    [t('compare.relationsTyped'), comparison.relations.typed],
    [t('compare.relationsUntyped'), comparison.relations.untyped],
  ];
  const csv = useMemo(() => comparisonCsv(comparison), [comparison]);

  const quote = (map: ArgumentMap, id: string) => {
    const u = map.units.find((x) => x.id === id);
    return u ? unitText(u, text) : id;
  };
  const isImplicitId = (map: ArgumentMap, id: string) => map.units.some((u) => u.id === id && isImplicit(u));
  const labelOf = (map: ArgumentMap, id: string) => labels.find((l) => l.id === map.units.find((u) => u.id === id)?.label)?.[locale] ?? '';

  return (
    <div className="space-y-6">
      {teacher && <FoundSummary t={t} summary={teacherSummary(teacher)} />}
      {curation && !curation.mayEdit && (
        <p role="note" className="text-sm text-stone-600" data-testid="curation-read-only">
          {t('curation.archived')}
        </p>
      )}
      <section aria-labelledby="scores-heading" className="max-w-3xl">
        <h2 id="scores-heading" className="mb-2 text-lg font-semibold">
          {t('compare.scores')}
        </h2>
        <table className="w-full border-collapse text-sm tabular-nums" data-testid="compare-scores">
          <thead>
            <tr className="border-b border-stone-300 text-left text-stone-600">
              <th scope="col" className="py-1 font-medium">{t('compare.measure')}</th>
              <th scope="col" className="py-1 text-right font-medium">{t('compare.precision')}</th>
              <th scope="col" className="py-1 text-right font-medium">{t('compare.recall')}</th>
              <th scope="col" className="py-1 text-right font-medium">{t('compare.f1')}</th>
              <th scope="col" className="w-40 py-1" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, s]) => (
              <tr key={name} className="border-b border-stone-200">
                <th scope="row" className="py-1 text-left font-normal">{name}</th>
                <td className="py-1 text-right">{fmt(s.precision)}</td>
                <td className="py-1 text-right">{fmt(s.recall)}</td>
                <td className="py-1 text-right">{fmt(s.f1)}</td>
                <td className="py-1 pl-3" aria-hidden="true">
                  <span className="block h-2 rounded bg-sky-600" style={{ width: `${Math.round(s.f1 * 100)}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-sm">
          {t('compare.labelAccuracy', { value: fmt(comparison.labels.accuracy), agreeing: comparison.labels.agreeing, pairs: comparison.labels.pairs })}
        </p>
        {variant === 'pair' && <p className="mt-1 text-sm text-stone-600">{t('review.pairNote')}</p>}
        <a className="btn mt-2 inline-block text-sm" download={csvName} href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}>
          {t('compare.csv')}
        </a>
      </section>

      <p aria-label={t('compare.legend')} className="flex flex-wrap gap-4 text-sm">
        <span className="cmp-key cmp-matched">{t('compare.matched')}</span>
        <span className="cmp-key cmp-relabelled">{t('compare.relabelled')}</span>
        <span className="cmp-key cmp-missing">{words.missing}</span>
        <span className="cmp-key cmp-extra">{words.extra}</span>
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        {[
          { side: reference, status: referenceStatus, heading: words.referenceHeading, list: matches.missing, listTitle: words.missingList, testid: 'missing', matchedRelations: relationSides.reference, partialRelations: relationSides.partialReference, only: { className: 'cmp-missing' as const, word: words.missing }, takes: false },
          { side: candidate, status: candidateStatus, heading: words.candidateHeading, list: matches.extra, listTitle: words.extraList, testid: 'extra', matchedRelations: relationSides.candidate, partialRelations: relationSides.partialCandidate, only: { className: 'cmp-extra' as const, word: words.extra }, takes: canTake },
        ].map(({ side, status, heading, list, listTitle, testid, matchedRelations, partialRelations, only, takes }) => (
          <section key={testid} aria-label={heading} className="min-w-0">
            <h2 className="mb-2 font-semibold">{heading}</h2>
            <details className="mb-3 text-sm" open={list.length > 0 && list.length <= 12}>
              <summary className="cursor-pointer" data-testid={`${testid}-summary`}>
                {listTitle}
              </summary>
              <ul className="mt-1 space-y-1">
                {list.length === 0 && <li className="text-stone-500">{t('compare.none')}</li>}
                {list.map((id) => (
                  <li key={id} lang="ja" className={takes ? 'flex items-center gap-2' : 'truncate'}>
                    <span className="min-w-0 flex-1 truncate">
                      <span className="mr-1 text-xs text-stone-500">{labelOf(side.map, id)}</span>
                      {isImplicitId(side.map, id) && <span className="mr-1 text-xs text-stone-500">{t('compare.implicit')}</span>}
                      {quote(side.map, id)}
                    </span>
                    {takes && (
                      <button
                        type="button"
                        className="btn min-h-11 shrink-0 text-xs"
                        aria-label={t('curation.takeUnit', { quote: short(quote(side.map, id)) })}
                        onClick={() => void curator.take({ kind: 'unit', id }, short(quote(side.map, id)))}
                        data-testid="take-unit"
                      >
                        {t('curation.take')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </details>
            <ComparedRelations
              map={side.map}
              text={text}
              matched={matchedRelations}
              partial={partialRelations}
              only={only}
              onTake={takes ? (relationId, what) => void curator.take({ kind: 'relation', id: relationId }, what) : undefined}
            />
            <ComparedEssay text={text} blocks={blocks} label={heading} units={side.map.units} status={status} />
          </section>
        ))}
      </div>
      {curation && <CurationNotice notice={curator.notice} onUndo={() => void curator.undo()} onDismiss={curator.dismiss} />}
    </div>
  );
}

/// A quote cut to 30 characters (by characters: a cut inside 𩸽 would show a broken one).
function short(quote: string): string {
  const chars = [...quote];
  return chars.length > 30 ? `${chars.slice(0, 29).join('')}…` : quote;
}
