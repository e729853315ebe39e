// Overload control, one owner for the server's queues:
//
// - The write gate: beyond a depth of costly writes in flight in this process (autosave batches,
//   map and text imports), a new one is answered at once with 503, `Retry-After` and the usual
//   `{ error, code, params }` shape, instead of joining a queue whose latency would run to tens
//   of seconds (after a restart every client re-sends its queued batches together). The client
//   treats 503 like offline: it keeps its queue and retries later, with jitter. The depth is
//   RONTEN_MAX_PENDING_WRITES (default 256: a class of 200 each with one batch in flight passes
//   untouched; at ~2 ms a batch a full queue drains in about half a second).
// - The credential queue: sign-ins, sign-ups and password changes (argon2id, 20–60 ms of CPU each, plus their
//   session writes) run one at a time, at most CREDENTIAL_MAX_WAITING waiting (503 beyond), and
//   while saves are coming in each one's slot rests twice as long as it ran, and at least until
//   CREDENTIAL_MIN_CYCLE_MS after it started (lib/server/dutyQueue). The share alone bounds only
//   argon2id, which runs at the lowest priority; a sign-in also costs some 25–35 ms of CPU at
//   normal priority — its request on the event loop, the garbage of its request and of its
//   hashing on V8's helper threads, its database round trips — which competes with the saves
//   however the hashing is scheduled. So while the class saves, sign-ins go at most two a second
//   (a flood of 16 drains in about 8 s; one sign-in alone never waits). With no saves in the
//   last second there is no rest: a class signing in at the start of a lesson goes at full speed.
//
// The counts are per process (on globalThis: Next may evaluate this module once per route
// bundle, and every route must share one gate); each app instance on a shared PostgreSQL has
// its own.
import { NextResponse } from 'next/server';
import { createDutyQueue, type DutyQueue } from '@/lib/server/dutyQueue';

const DEFAULT_MAX_PENDING = 256;
/// Seconds a refused client is asked to wait; its own backoff adds jitter.
const RETRY_AFTER_S = 2;
/// Sign-ins and sign-ups waiting beyond the one running (a 16-strong flood all queue).
export const CREDENTIAL_MAX_WAITING = 32;
/// The most of one core's time sign-ins take while saves are coming in.
const CREDENTIAL_SHARE = 1 / 3;
/// The least time from one sign-in's start to the next's while saves are coming in.
export const CREDENTIAL_MIN_CYCLE_MS = 500;
/// Saves this recent mean the class is working.
const RECENT_WRITE_MS = 1000;

function maxPending(): number {
  const n = Number(process.env.RONTEN_MAX_PENDING_WRITES);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_PENDING;
}

interface OverloadState {
  pending: number;
  lastWriteAt: number;
  credentials: DutyQueue | null;
}

const STATE_KEY = Symbol.for('ronten.app.overload');

function state(): OverloadState {
  const g = globalThis as typeof globalThis & { [STATE_KEY]?: OverloadState };
  return (g[STATE_KEY] ??= { pending: 0, lastWriteAt: -Infinity, credentials: null });
}

/// 503 with Retry-After: the server cannot take this request now; nothing was done.
export function serverBusy(message: string, retryAfter = RETRY_AFTER_S): Response {
  return NextResponse.json(
    { error: message, retryAfter, code: 'server.busy', params: { seconds: retryAfter } },
    { status: 503, headers: { 'retry-after': String(retryAfter), 'cache-control': 'no-store' } },
  );
}

/// Runs a costly write route's handler unless too many writes are in flight already.
export async function gateWrite(handler: () => Promise<Response>): Promise<Response> {
  const s = state();
  if (s.pending >= maxPending()) return serverBusy(`the server is busy (${s.pending} writes in progress): try again in ${RETRY_AFTER_S} s`);
  s.pending++;
  s.lastWriteAt = performance.now();
  try {
    return await handler();
  } finally {
    s.pending--;
  }
}

/// Writes in flight now (for tests and the health figures).
export function pendingWrites(): number {
  return state().pending;
}

/// The queue sign-ins, sign-ups and password changes run through (see the header); its QueueFullError is
/// answered 503 + Retry-After by handle() in ./http.
export function credentialQueue(): DutyQueue {
  const s = state();
  return (s.credentials ??= createDutyQueue({
    concurrency: 1,
    maxWaiting: CREDENTIAL_MAX_WAITING,
    share: CREDENTIAL_SHARE,
    minCycleMs: CREDENTIAL_MIN_CYCLE_MS,
    contended: () => s.pending > 0 || performance.now() - s.lastWriteAt < RECENT_WRITE_MS,
  }));
}
