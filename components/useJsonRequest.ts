'use client';
// Sends JSON to an API route and reports the outcome the way every form here does: busy while
// waiting, on failure what went wrong in the UI's language (the kind of failure from the status,
// the server's own message — English, technical — after it as detail), the answer's body on
// success.
import { useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Translate as T } from '@/lib/i18n/locale';
import { useT } from './I18nProvider';

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

/// Why a request failed, in the UI's language: the kind of failure from the status (`status`
/// null when the server could not be reached), the server's own message after it as detail.
function failureReason(t: T, status: number | null, detail?: string): string {
  const kind = t(status === null ? 'request.offline' : (statusKinds[status] ?? (status >= 500 ? 'request.status.500' : 'request.status.400')));
  return detail ? t('request.reason', { kind, detail }) : kind;
}

/// The message for a failed request.
export function describeFailure(t: T, status: number | null, detail?: string): string {
  return t('request.failed', { kind: failureReason(t, status, detail) });
}

/// The server's own reason for a refusal, for messages that put it after a sentence of their
/// own; the kind of failure in the UI's language when it gave none or could not be reached.
export function serverReason(t: T, failure: { status: number | null; detail?: string }): string {
  return failure.detail ?? failureReason(t, failure.status);
}

export type JsonAnswer = { ok: true; data: Record<string, unknown> } | { ok: false; status: number | null; detail?: string };

/// Sends JSON (or nothing) and reads the JSON answer. Never throws: an unreachable server is a
/// failure with no status.
export async function requestJson(url: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<JsonAnswer> {
  try {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return res.ok ? { ok: true, data } : { ok: false, status: res.status, detail: typeof data.error === 'string' ? data.error : undefined };
  } catch {
    return { ok: false, status: null };
  }
}

export function useJsonRequest() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /// The parsed answer, or null when the request failed (then `error` says why: describeFailure's
  /// message, or `failed`'s for a form with a sentence of its own).
  const send = async (
    url: string,
    method: 'POST' | 'PATCH',
    body: unknown,
    failed: (failure: Extract<JsonAnswer, { ok: false }>) => string = (f) => describeFailure(t, f.status, f.detail),
  ): Promise<Record<string, unknown> | null> => {
    setBusy(true);
    setError(null);
    const answer = await requestJson(url, method, body);
    setBusy(false);
    if (answer.ok) return answer.data;
    setError(failed(answer));
    return null;
  };
  return { send, busy, error, setError };
}
