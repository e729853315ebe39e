'use client';
// Sends JSON to an API route and reports the outcome the way every form here does: busy while
// waiting, the server's error message (as text) on failure, the answer's body on success.
import { useState } from 'react';
import { useT } from './I18nProvider';

export function useJsonRequest() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /// The parsed answer, or null when the request failed (then `error` says why).
  const send = async (url: string, method: 'POST' | 'PATCH', body: unknown): Promise<Record<string, unknown> | null> => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok) {
        setError(t('courses.error', { reason: String(answer.error ?? `HTTP ${res.status}`) }));
        return null;
      }
      return answer;
    } catch (e) {
      setError(t('courses.error', { reason: e instanceof Error ? e.message : String(e) }));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { send, busy, error, setError };
}
