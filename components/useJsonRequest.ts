'use client';
// Sends JSON to an API route and reports the outcome the way every form here does: busy while
// waiting, on failure what went wrong in the UI's language (the kind of failure from the status,
// the server's own message — English, technical — after it as detail), the answer's body on
// success.
import { useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from './I18nProvider';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const statusKinds: Record<number, MessageKey> = {
  401: 'request.status.401',
  403: 'request.status.403',
  404: 'request.status.404',
  409: 'request.status.409',
  413: 'request.status.413',
  422: 'request.status.422',
  423: 'request.status.423',
  429: 'request.status.429',
};

/// The message for a failed request: `status` null when the server could not be reached.
export function describeFailure(t: T, status: number | null, detail?: string): string {
  const kind = t(status === null ? 'request.offline' : (statusKinds[status] ?? (status >= 500 ? 'request.status.500' : 'request.status.400')));
  return detail ? t('request.failed', { kind, detail }) : t('request.failedBare', { kind });
}

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
        setError(describeFailure(t, res.status, typeof answer.error === 'string' ? answer.error : undefined));
        return null;
      }
      return answer;
    } catch {
      // offline or the server gone: say so instead of an unhandled rejection and no feedback
      setError(describeFailure(t, null));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { send, busy, error, setError };
}
