'use client';
// A small form that posts its fields as JSON to an API route and refreshes the page on
// success (join a course, create one, create an assignment, submit, unlock); a failure is
// said as useJsonRequest says it, as text.
import { type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useJsonRequest } from './useJsonRequest';

interface Props {
  action: string;
  /// POST unless the route changes something in place (PATCH).
  method?: 'POST' | 'PATCH';
  /// Fixed fields sent along with the inputs.
  extra?: Record<string, unknown>;
  submitLabel: string;
  /// The button's accessible name when submitLabel alone is ambiguous (one per table row).
  submitName?: string;
  /// id of a text that explains the button (aria-describedby).
  describedBy?: string;
  children?: ReactNode;
  className?: string;
}

export function PostForm({ action, method = 'POST', extra = {}, submitLabel, submitName, describedBy, children, className }: Props) {
  const router = useRouter();
  const { send, busy, error } = useJsonRequest();
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, unknown> = { ...extra };
    new FormData(event.currentTarget).forEach((value, key) => {
      if (value !== '') fields[key] = String(value);
    });
    if (await send(action, method, fields)) router.refresh();
  };
  return (
    <form onSubmit={submit} className={className ?? 'flex flex-wrap items-end gap-2'}>
      {children}
      <button type="submit" disabled={busy} className="btn" aria-label={submitName} aria-describedby={describedBy}>
        {submitLabel}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
