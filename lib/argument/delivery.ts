// How the client reads the server's answer to a batch, and when it tries again. Pure: the hook
// in components/annotate does the fetch and the timers, and hands the status, the body's text
// and the Retry-After header here, with the clock and the random source injected for tests.
//
// Invariants: an answer either decides the batch (acknowledged, stale, refused) or leaves it
// queued to be sent again (retry) — there is no third way, so nothing is dropped without a
// notice and nothing that can never succeed is resent. Whatever the body (an HTML error page
// from a proxy, an empty 503), classifying never throws. Retries back off exponentially with
// jitter, so clients that lost the server together (a restart) do not come back together.
import type { Answer } from './sync';
import type { ArgumentMap } from './types';

/// Classifies the answer to a batch. `body` is the raw text; `retryAfter` the header's value.
export function classifyAnswer(status: number, body: string, retryAfter: string | null, nowMs: number): Answer {
  const json = parseObject(body);
  if (status >= 200 && status < 300) {
    // A success we cannot read (a proxy's page) decided nothing we know of: the batch id
    // makes sending it again safe.
    if (typeof json?.version !== 'number') return { kind: 'retry', why: 'busy', retryAfterMs: null };
    return isMap(json.map) ? { kind: 'acknowledged', version: json.version, map: json.map } : { kind: 'acknowledged', version: json.version };
  }
  if (status === 409 && typeof json?.version === 'number' && isMap(json.map)) return { kind: 'stale', version: json.version, map: json.map };
  const retryAfterMs = parseRetryAfter(retryAfter, nowMs);
  if (status === 401) return { kind: 'retry', why: 'signedOut', retryAfterMs };
  if (status === 408 || status === 409 || status === 429 || status === 503) return { kind: 'retry', why: 'busy', retryAfterMs };
  if (status >= 500 || status < 400) return { kind: 'retry', why: 'offline', retryAfterMs };
  return { kind: 'refused', status, index: typeof json?.index === 'number' && Number.isInteger(json.index) ? json.index : null };
}

function parseObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isMap(value: unknown): value is ArgumentMap {
  const m = value as ArgumentMap | null | undefined;
  return typeof m === 'object' && m !== null && Array.isArray(m.units) && Array.isArray(m.relations) && 'mainClaimId' in m;
}

/// Retry-After in milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when
/// absent or unreadable. Capped, so a wrong header cannot park the queue for days.
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - nowMs;
  if (!Number.isFinite(ms)) return null;
  return Math.min(maxDelayMs, Math.max(0, ms));
}

export const baseDelayMs = 500;
export const maxDelayMs = 60_000;

/// How long to wait before the `attempt`-th retry (0 for the first): an exponentially growing
/// window with "equal jitter" (half fixed, half random), and never sooner than the server asked.
/// `random` returns [0, 1).
export function retryDelay(attempt: number, retryAfterMs: number | null, random: () => number): number {
  const window = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt, 20));
  const jittered = window / 2 + random() * (window / 2);
  // Spread the clients the server sent away at once over a further half of its delay.
  const asked = retryAfterMs === null ? 0 : retryAfterMs + random() * (retryAfterMs / 2);
  return Math.round(Math.max(jittered, asked));
}

/// The wait before the first send of what a previous page load left queued: when a server
/// comes back, every open page reloads or reconnects at once.
export function restoreDelay(random: () => number): number {
  return Math.round(random() * restoreSpreadMs);
}

const restoreSpreadMs = 2000;
