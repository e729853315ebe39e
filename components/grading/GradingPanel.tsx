'use client';
// The instructor's grading of one student's map on the review page: a group of radio buttons per
// rubric criterion (arrow keys move between levels) with a points field for a score between two
// levels, the automatic suggestion beside each criterion to accept or ignore, an overall
// comment, and "save draft" / "return". Nothing is saved until the instructor presses one of
// them; a suggestion is never taken on its own. What happened is said in the panel (role=status)
// and refusals in an alert worded from the server's reason code.
import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { Criterion, Rubric, Scores } from '@/lib/grading/rubric';
import { criterionMax, rubricMax, scoreTotal } from '@/lib/grading/rubric';
import type { Suggestion } from '@/lib/grading/suggest';
import { useT } from '../I18nProvider';
import { useJsonRequest } from '../useJsonRequest';

export interface GradingPanelProps {
  assignmentId: string;
  assignmentTitle: string;
  studentId: string;
  rubric: Rubric | null;
  grade: { rubricVersion: number; scores: Scores; comment: string; returnedAt: string | null } | null;
  submitted: boolean;
  hasReference: boolean;
  suggestions: Suggestion[];
  /// The grade's returned time, formatted by the server.
  returnedLabel: string | null;
}

export function GradingPanel(props: GradingPanelProps) {
  const t = useT();
  const headingId = useId();
  const { rubric, grade } = props;
  if (!props.submitted || !rubric) {
    return (
      <section aria-labelledby={headingId} className="space-y-2 rounded border border-stone-300 p-3" data-testid="grading-panel">
        <h2 id={headingId} className="font-semibold">
          {t('grading.panelFor', { title: props.assignmentTitle })}
        </h2>
        <p className="text-sm">{!rubric ? t('grading.noRubric') : t('grading.notSubmittedYet')}</p>
      </section>
    );
  }
  // Keyed by the rubric version only: the refresh after saving must not remount the form and
  // wipe the message saying what happened.
  return <Scoring {...props} rubric={rubric} grade={grade} headingId={headingId} key={rubric.version} />;
}

function Scoring({ assignmentId, assignmentTitle, studentId, rubric, grade, hasReference, suggestions, returnedLabel, headingId }: GradingPanelProps & { rubric: Rubric; headingId: string }) {
  const t = useT();
  const router = useRouter();
  const { send, busy, error } = useJsonRequest();
  // A grade given under an older rubric version is not carried over: its criteria differ.
  const start = grade && grade.rubricVersion === rubric.version ? grade.scores : {};
  const [scores, setScores] = useState<Scores>(start);
  const [comment, setComment] = useState(grade?.comment ?? '');
  const [done, setDone] = useState<string | null>(null);
  const byCriterion = new Map(suggestions.map((s) => [s.criterionId, s]));
  const setScore = (id: string, points: number | null) => {
    setDone(null);
    setScores((s) => {
      const next = { ...s };
      if (points === null) delete next[id];
      else next[id] = points;
      return next;
    });
  };
  const acceptAll = () => {
    setDone(null);
    setScores((s) => ({ ...s, ...Object.fromEntries(suggestions.map((x) => [x.criterionId, x.points])) }));
  };
  const save = async (ret: boolean) => {
    const answer = await send(`/api/assignments/${encodeURIComponent(assignmentId)}/grades/${encodeURIComponent(studentId)}`, 'POST', { rubricVersion: rubric.version, scores, comment, return: ret });
    if (answer) {
      setDone(t(ret ? 'grading.returnedNow' : 'grading.savedDraft'));
      router.refresh();
    }
  };
  const total = scoreTotal(scores);
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border border-stone-300 p-3" data-testid="grading-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="font-semibold">
          {t('grading.panelFor', { title: assignmentTitle })}
        </h2>
        <span className="text-sm text-stone-600" data-testid="grade-state">
          {grade?.returnedAt ? returnedLabel : grade ? t('grading.draftState') : ''}
        </span>
      </div>
      {grade && grade.rubricVersion !== rubric.version && <p className="text-sm text-amber-800">{t('grading.oldRubric', { version: grade.rubricVersion })}</p>}
      {!hasReference && <p className="text-sm text-stone-600">{t('grading.noReference')}</p>}
      {suggestions.length > 0 && (
        <button type="button" className="btn" onClick={acceptAll} data-testid="accept-all">
          {t('grading.acceptAll')}
        </button>
      )}
      {rubric.criteria.map((c) => (
        <CriterionScore key={c.id} criterion={c} value={scores[c.id]} suggestion={byCriterion.get(c.id)} onChange={(p) => setScore(c.id, p)} />
      ))}
      <p className="font-semibold tabular-nums" data-testid="grade-total">
        {t('grading.total', { total, max: rubricMax(rubric.criteria) })}
      </p>
      <label className="flex flex-col gap-1 text-sm">
        {t('grading.comment')}
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={4000} className="rounded border border-stone-300 p-2" />
      </label>
      <div className="flex flex-wrap gap-2">
        {!grade?.returnedAt && (
          <button type="button" className="btn" disabled={busy} onClick={() => save(false)}>
            {t('grading.saveDraft')}
          </button>
        )}
        <button type="button" className="btn" disabled={busy} onClick={() => save(true)} data-testid="return-grade">
          {t('grading.return')}
        </button>
      </div>
      <p role="status" className="text-sm text-emerald-800">
        {done}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}

function CriterionScore({ criterion, value, suggestion, onChange }: { criterion: Criterion; value: number | undefined; suggestion: Suggestion | undefined; onChange: (points: number | null) => void }) {
  const t = useT();
  const id = useId();
  const max = criterionMax(criterion);
  return (
    <fieldset className="space-y-1 rounded border border-stone-200 p-2" data-testid={`criterion-${criterion.id}`}>
      <legend className="px-1 text-sm font-medium">{t('grading.criterionPoints', { title: criterion.title, max })}</legend>
      <div role="radiogroup" aria-label={criterion.title} className="flex flex-wrap gap-1">
        {criterion.levels.map((l, i) => (
          <label key={i} className="flex min-h-11 cursor-pointer items-center gap-1 rounded border border-stone-300 px-2 has-[:checked]:border-sky-700 has-[:checked]:bg-sky-50">
            <input type="radio" name={id} checked={value === l.points} onChange={() => onChange(l.points)} />
            {l.title} ({t('grading.points', { points: l.points })})
          </label>
        ))}
      </div>
      <label className="flex items-center gap-2 text-sm">
        {t('grading.pointsInput')}
        <input
          type="number"
          min={0}
          max={max}
          step={0.5}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
          className="w-20 rounded border border-stone-300 px-2 py-1"
          data-testid={`points-${criterion.id}`}
        />
      </label>
      {suggestion && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700" data-testid={`suggestion-${criterion.id}`}>
          <span>
            {t('grading.suggested', {
              level: criterion.levels[suggestion.level].title,
              points: suggestion.points,
              basis: t(`grading.basis.${suggestion.basis}`, { found: suggestion.found, total: suggestion.total }),
            })}
          </span>
          <button type="button" className="btn" onClick={() => onChange(suggestion.points)} aria-label={t('grading.acceptFor', { title: criterion.title })}>
            {t('grading.accept')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
