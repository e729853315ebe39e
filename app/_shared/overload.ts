// The overload gate of the write routes: beyond a depth of writes in flight in this process,
// a new one is answered at once with 503, `Retry-After` and the usual `{ error }` shape,
// instead of joining a queue whose latency would run to tens of seconds (after a restart every
// client re-sends its queued batches together). The client treats 503 like offline: it keeps
// its queue and retries later, with jitter.
//
// The depth is RONTEN_MAX_PENDING_WRITES (default 256: a class of 200 each with one batch in
// flight passes untouched; at ~2 ms a batch a full queue drains in about half a second). The
// count is per process; each app instance on a shared PostgreSQL has its own gate.
import { NextResponse } from 'next/server';

const DEFAULT_MAX_PENDING = 256;
/// Seconds a refused client is asked to wait; its own backoff adds jitter.
const RETRY_AFTER_S = 2;

function maxPending(): number {
  const n = Number(process.env.RONTEN_MAX_PENDING_WRITES);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_PENDING;
}

let pending = 0;

/// 503 with Retry-After: the server cannot take this request now; nothing was done.
export function serverBusy(message: string): Response {
  return NextResponse.json({ error: message, retryAfter: RETRY_AFTER_S }, { status: 503, headers: { 'retry-after': String(RETRY_AFTER_S) } });
}

/// Runs a write route's handler unless too many writes are in flight already.
export async function gateWrite(handler: () => Promise<Response>): Promise<Response> {
  if (pending >= maxPending()) return serverBusy(`the server is busy (${pending} writes in progress): try again in ${RETRY_AFTER_S} s`);
  pending++;
  try {
    return await handler();
  } finally {
    pending--;
  }
}

/// Writes in flight now (for tests and the health figures).
export function pendingWrites(): number {
  return pending;
}
