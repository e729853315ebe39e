'use client';
// A small form that posts its fields as JSON to an API route and refreshes the page on
// success (join a course, create one, create an assignment, submit, unlock). The server's
// error message is shown as text.
import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from './I18nProvider';

interface Props {
  action: string;
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

export function PostForm({ action, extra = {}, submitLabel, submitName, describedBy, children, className }: Props) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, unknown> = { ...extra };
    new FormData(event.currentTarget).forEach((value, key) => {
      if (value !== '') fields[key] = String(value);
    });
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
      const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok) return setError(t('courses.error', { reason: String(answer.error ?? `HTTP ${res.status}`) }));
      router.refresh();
    } catch (e) {
      // offline or the server gone: say so instead of an unhandled rejection and no feedback
      setError(t('courses.error', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
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
