'use client';
// A button whose action needs a second thought (archive a course, remove a member, a new join
// code): the first press asks, in place, with the question and はい / やめる; the question gets
// focus so a screen reader reads it, and Escape or やめる puts focus back on the button.
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from './I18nProvider';

interface Props {
  label: string;
  /// The button's accessible name when the label alone is ambiguous (one per row).
  name?: string;
  question: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
}

export function ConfirmButton({ label, name, question, onConfirm, disabled }: Props) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const yes = useRef<HTMLButtonElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={button} type="button" className="btn min-h-11" aria-label={name} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-labelledby={questionId} className="inline-flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-2 py-1" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <span id={questionId} className="text-sm">
        {question}
      </span>
      <button
        ref={yes}
        type="button"
        className="btn min-h-11"
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        {t('course.confirm')}
      </button>
      <button type="button" className="btn min-h-11" onClick={() => setAsking(false)}>
        {t('course.cancel')}
      </button>
    </span>
  );
}
