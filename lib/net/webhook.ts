// The outbound webhook: the hook for e-mail (or chat) without an e-mail server in Ronten. When
// RONTEN_WEBHOOK_URL is set, every notification event (lib/db/notifications.ts notify) is POSTed
// there as one JSON object (WebhookEvent); a small relay turns it into mail. SERVER ONLY.
//
// Invariants:
// - Fire and forget: deliver() returns at once and never throws; the request that caused the
//   event never waits for the webhook, and a slow or failing receiver only costs a log line.
// - Bounded: each POST gives up after WEBHOOK_TIMEOUT_MS, and at most WEBHOOK_MAX_IN_FLIGHT are
//   under way at once (more are dropped, logged), so a dead receiver cannot pile up sockets.
// - Redirects are never followed (`redirect: 'manual'`): a receiver cannot bounce the server's
//   POST to an address inside the school's network (SSRF). A 3xx counts as a failure.
// - With RONTEN_WEBHOOK_SECRET set, the body is signed: `X-Ronten-Signature: sha256=<hex HMAC
//   of the exact body>`, so the relay can tell Ronten's posts from anyone else's.

import { createHmac } from 'node:crypto';

export const WEBHOOK_URL_ENV = 'RONTEN_WEBHOOK_URL';
export const WEBHOOK_SECRET_ENV = 'RONTEN_WEBHOOK_SECRET';
export const WEBHOOK_TIMEOUT_MS = 5_000;
export const WEBHOOK_MAX_IN_FLIGHT = 32;

export interface WebhookRecipient {
  userId: string;
  name: string;
  displayName: string;
}

/// What the receiver gets (README "Notifications and the webhook").
export interface WebhookEvent {
  type: 'ronten.notification';
  kind: 'comment' | 'reply' | 'submitted' | 'returned';
  recipients: WebhookRecipient[];
  actor: WebhookRecipient | null;
  mapId: string | null;
  documentId: string | null;
  assignmentId: string | null;
  commentId: string | null;
  /// The page the recipients would open, absolute on the server's first RONTEN_ORIGIN.
  url: string | null;
  createdAt: string;
}

let inFlight = 0;

/// The configured receiver, or null when none (or not an http(s) URL: logged once per value).
export function webhookUrl(env: Readonly<Record<string, string | undefined>> = process.env): URL | null {
  const raw = env[WEBHOOK_URL_ENV]?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {}
  if (warned !== raw) console.error(`${WEBHOOK_URL_ENV}: "${raw}" is not an http(s) URL; no webhook is sent`);
  warned = raw;
  return null;
}
let warned: string | null = null;

/// Sends the event to the webhook, if one is configured, without waiting (see the header).
/// Returns the delivery for tests to await; callers ignore it.
export function deliver(event: WebhookEvent, env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  const url = webhookUrl(env);
  if (!url) return Promise.resolve();
  if (inFlight >= WEBHOOK_MAX_IN_FLIGHT) {
    console.error(`webhook: ${inFlight} deliveries already under way; the ${event.kind} event is dropped`);
    return Promise.resolve();
  }
  const body = JSON.stringify(event);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Ronten-Webhook/1' };
  const secret = env[WEBHOOK_SECRET_ENV];
  if (secret) headers['x-ronten-signature'] = `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
  inFlight++;
  return fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) })
    .then(async (res) => {
      await res.body?.cancel().catch(() => {});
      if (res.status < 200 || res.status >= 300) console.error(`webhook: ${url.origin} answered ${res.status} to the ${event.kind} event (redirects are not followed)`);
    })
    .catch((e: unknown) => console.error(`webhook: the ${event.kind} event did not reach ${url.origin}: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => {
      inFlight--;
    });
}
