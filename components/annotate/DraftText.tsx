'use client';
// A text field whose edits become one saved change, not one per keystroke: it keeps a draft while
// it has focus and hands it on when focus leaves, on Ctrl+Enter, and (with `pauseMs`) after the
// user stops typing for that long; Escape puts the saved value back. Used for notes, answers to
// critical questions and an implicit unit's text. While focused the draft is never overwritten
// by the saved value (a save it caused comes back as a new `value`); a refused draft is.
import { useEffect, useId, useRef, useState } from 'react';

export type CommitReason = 'blur' | 'enter' | 'pause';

interface Props {
  value: string;
  /// The field's accessible name (also the placeholder unless given).
  label: string;
  /// How the label is shown: visually hidden unless a class is given.
  labelClassName?: string;
  /// Answers false when the draft was refused: the field then shows `value` again.
  onCommit: (draft: string, reason: CommitReason) => boolean | void;
  pauseMs?: number;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  lang?: string;
  className?: string;
}

export function DraftText({ value, label, labelClassName = 'sr-only', onCommit, pauseMs, placeholder = label, rows = 2, maxLength, lang, className = 'w-full rounded border border-stone-300 px-2 py-1' }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const commit = (text: string, reason: CommitReason) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (text !== value && onCommit(text, reason) === false) setDraft(value);
  };
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <textarea
        id={id}
        value={draft}
        placeholder={placeholder}
        rows={rows}
        maxLength={maxLength}
        lang={lang}
        aria-keyshortcuts="Control+Enter"
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          commit(draft, 'blur');
        }}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (pauseMs === undefined) return;
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(text, 'pause'), pauseMs);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit(draft, 'enter');
          if (e.key === 'Escape') {
            if (timer.current) clearTimeout(timer.current);
            setDraft(value);
          }
        }}
        className={className}
      />
    </div>
  );
}
