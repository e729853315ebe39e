'use client';
// A support's argumentation scheme and its critical questions, in the relation details panel
// (./RelationDetails): a labelled picker of the catalogue's schemes (lib/argument/schemes, named
// in the UI's language, or none) and, when one is named, its questions, each with a short answer
// field whose accessible name is the question. Answers are saved when the field is left, on
// Ctrl+Enter or after a pause in typing — never per keystroke — and a cleared answer is removed.
// Which questions are still open is said in words, per question and in all.
import { useState } from 'react';
import { LIMITS } from '@/lib/argument/limits';
import { useLocale, useT } from '../I18nProvider';
import { DraftText } from './DraftText';
import { schemeOptions, type RelationDescription } from './relationView';
import type { RelationDetailsBinding } from './useRelationDetails';

/// How long typing must pause before an answer is saved.
const answerPauseMs = 1200;

interface Props {
  relationId: string;
  description: RelationDescription;
  binding: RelationDetailsBinding;
}

export function SchemeQuestions({ relationId, description: d, binding }: Props) {
  const t = useT();
  const locale = useLocale();
  const selectId = `scheme-${relationId}`;
  const statusId = `questions-status-${relationId}`;
  const scheme = d.relation.scheme ?? '';
  // The scheme just chosen, until the map shown catches up (the list draws the map a frame
  // late): the picker must not jump back under arrow keys pressed in a row.
  const [chosen, setChosen] = useState<string | null>(null);
  if (chosen !== null && chosen === scheme) setChosen(null);
  const total = d.questions.length;
  return (
    <div className="space-y-2" data-testid="scheme-questions">
      {binding.readOnly ? (
        <p>
          <span className="text-stone-500">{t('details.scheme')}: </span>
          {d.schemeName ?? t('details.noScheme')}
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={selectId} className="text-stone-500">
            {t('details.scheme')}
          </label>
          <select
            id={selectId}
            value={chosen ?? scheme}
            onChange={(e) => {
              const value = e.target.value;
              setChosen(binding.onScheme(relationId, value === '' ? null : value) ? value : null);
            }}
            className="min-w-0 max-w-full rounded border border-stone-300 px-1 py-0.5"
          >
            <option value="">{t('details.schemeNone')}</option>
            {schemeOptions(locale).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {total > 0 && (
        <section aria-labelledby={`questions-${relationId}`} aria-describedby={statusId}>
          <h4 id={`questions-${relationId}`} className="font-semibold text-stone-700">
            {t('details.questions')}
          </h4>
          <p id={statusId} data-testid="questions-status" className="text-xs text-stone-600">
            {d.open > 0 ? t('details.openCount', { n: d.open, total }) : t('details.allAnswered', { total })}
          </p>
          <ol className="mt-1 space-y-2">
            {d.questions.map((q) => (
              <li key={q.id} data-question-id={q.id} data-open={q.answer === null} className={`border-l-4 pl-2 ${q.answer === null ? 'border-amber-500' : 'border-emerald-600'}`}>
                <span className="float-right ml-1 text-xs text-stone-600">{t(q.answer === null ? 'details.open' : 'details.answered')}</span>
                {binding.readOnly ? (
                  <>
                    <p className="text-stone-800">{q.question}</p>
                    {q.answer !== null && <p className="text-stone-700">{q.answer}</p>}
                  </>
                ) : (
                  <DraftText
                    value={q.answer ?? ''}
                    label={q.question}
                    labelClassName="mb-0.5 block text-stone-800"
                    placeholder={t('details.answerPlaceholder')}
                    pauseMs={answerPauseMs}
                    maxLength={LIMITS.criticalAnswerChars}
                    onCommit={(draft, reason) => binding.onAnswer(relationId, q.id, draft, reason)}
                  />
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
