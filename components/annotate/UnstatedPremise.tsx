'use client';
// "Add unstated premise" (空所の前提を補う): the small form a relation's details open (its
// button, or the U command). The premise's text — Enter adds it, Shift+Enter breaks the line,
// Escape cancels; Enter that ends an IME composition only confirms the composition — and its
// label, preset to ./relationView's choice. Adding makes an implicit unit and a premise of the
// relation in one undoable step (./useRelationDetails); an empty text is refused in words next
// to the field, which keeps what was typed.
import { useEffect, useId, useRef, useState } from 'react';
import type { ArgumentMap, Relation } from '@/lib/argument';
import { LIMITS } from '@/lib/argument/limits';
import { useLocale, useT } from '../I18nProvider';
import type { LabelInfo } from './labels';
import { unstatedPremiseLabel, type ImplicitTextProblem } from './relationView';
import { implicitTextRefusal, type RelationDetailsBinding } from './useRelationDetails';

interface Props {
  relation: Relation;
  map: ArgumentMap;
  labels: readonly LabelInfo[];
  binding: RelationDetailsBinding;
  /// The form closed (added or cancelled): focus goes back to what opened it.
  onClosed: () => void;
}

export function UnstatedPremise({ relation, map, labels, binding, onClosed }: Props) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [label, setLabel] = useState(() => unstatedPremiseLabel(relation, map, labels.map((l) => l.id)));
  const [problem, setProblem] = useState<ImplicitTextProblem | null>(null);
  useEffect(() => field.current?.focus(), []);

  const close = () => {
    binding.onCompose(null);
    onClosed();
  };
  const submit = () => {
    const result = binding.onAddUnstated(relation.id, text, label);
    if (result === null) onClosed();
    else if (result !== 'refused') {
      setProblem(result);
      field.current?.focus();
    }
  };
  return (
    <form
      aria-label={t('details.unstatedForm')}
      className="mt-2 space-y-1.5 rounded border border-dashed border-stone-500 bg-white p-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="block" htmlFor={`${id}-text`}>
        {t('details.unstatedText')}
      </label>
      <textarea
        id={`${id}-text`}
        ref={field}
        lang="ja"
        rows={2}
        value={text}
        maxLength={LIMITS.implicitTextChars}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem ${id}-help` : `${id}-help`}
        aria-keyshortcuts="Enter Escape"
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
            e.preventDefault();
            submit();
          }
        }}
        className="w-full rounded border border-stone-300 px-2 py-1"
      />
      <p id={`${id}-help`} className="text-xs text-stone-500">
        {t('details.unstatedHelp')}
      </p>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-700">
          {implicitTextRefusal(t, problem)}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-label`}>{t('annotate.label')}</label>
        <select id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} className="rounded border border-stone-300 px-1 py-0.5">
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l[locale]}
            </option>
          ))}
        </select>
        <button type="submit" className="btn">
          {t('details.unstatedAdd')}
        </button>
        <button type="button" className="btn" onClick={close}>
          {t('details.unstatedCancel')}
        </button>
      </div>
    </form>
  );
}
