import { describe, expect, it } from 'vitest';
import { classifyAnswer, maxDelayMs, parseRetryAfter, restoreDelay, retryDelay } from './delivery';

const map = { units: [], relations: [], mainClaimId: null };
const now = Date.parse('2026-01-01T00:00:00Z');

describe('classifyAnswer', () => {
  it.each([
    ['ok', 200, '{"version":3}', null, { kind: 'acknowledged', version: 3 }],
    ['ok, applied before', 200, JSON.stringify({ version: 3, map, duplicate: true }), null, { kind: 'acknowledged', version: 3, map }],
    ['ok but unreadable', 200, '<html>', null, { kind: 'retry', why: 'busy', retryAfterMs: null }],
    ['stale', 409, JSON.stringify({ error: 'x', version: 4, map }), null, { kind: 'stale', version: 4, map }],
    ['stale without the map', 409, '{"error":"x","version":4}', null, { kind: 'retry', why: 'busy', retryAfterMs: null }],
    ['refused operation', 422, '{"error":"x","index":2,"reason":"unit a does not exist"}', null, { kind: 'refused', status: 422, index: 2 }],
    ['refused request', 422, '{"error":"invalid request","issues":[]}', null, { kind: 'refused', status: 422, index: null }],
    ['too large, HTML page', 413, '<html><body>413 Request Entity Too Large</body></html>', null, { kind: 'refused', status: 413, index: null }],
    ['bad JSON', 400, '', null, { kind: 'refused', status: 400, index: null }],
    ['locked', 423, '{"error":"x","submittedAt":"2026"}', null, { kind: 'refused', status: 423, index: null }],
    ['map gone', 404, '{"error":"x"}', null, { kind: 'refused', status: 404, index: null }],
    ['not JSON-object index', 422, '{"index":"2"}', null, { kind: 'refused', status: 422, index: null }],
    ['overloaded', 503, '{"error":"busy"}', '3', { kind: 'retry', why: 'busy', retryAfterMs: 3000 }],
    ['overloaded, empty body', 503, '', null, { kind: 'retry', why: 'busy', retryAfterMs: null }],
    ['throttled', 429, 'Too Many Requests', '1', { kind: 'retry', why: 'busy', retryAfterMs: 1000 }],
    ['server error', 500, '{"error":"internal error"}', null, { kind: 'retry', why: 'offline', retryAfterMs: null }],
    ['bad gateway page', 502, '<html>', null, { kind: 'retry', why: 'offline', retryAfterMs: null }],
    ['signed out', 401, '{"error":"sign in"}', null, { kind: 'retry', why: 'signedOut', retryAfterMs: null }],
  ] as const)('%s (%i)', (_, status, body, retryAfter, expected) => {
    expect(classifyAnswer(status, body, retryAfter, now)).toEqual(expected);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [null, null],
    ['', null],
    ['7', 7000],
    [' 0 ', 0],
    ['soon', null],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Wed, 31 Dec 2025 00:00:00 GMT', 0],
    ['999999', maxDelayMs],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('retryDelay', () => {
  const fixed = (x: number) => () => x;
  it('grows exponentially within a jittered window, up to a cap', () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n, null, fixed(0)))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((n) => retryDelay(n, null, fixed(0.999999)))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelay(40, null, fixed(0.999999))).toBe(maxDelayMs);
  });

  it('spreads clients that fail together over the window', () => {
    const draws = [0, 0.25, 0.5, 0.75].map((r) => retryDelay(3, null, fixed(r)));
    expect(new Set(draws).size).toBe(4);
  });

  it('never retries sooner than the server asked, and spreads those it sent away', () => {
    expect(retryDelay(0, 10_000, fixed(0))).toBe(10_000);
    expect(retryDelay(0, 10_000, fixed(0.5))).toBe(12_500);
  });

  it('staggers the first send after a reload', () => {
    expect(restoreDelay(fixed(0))).toBe(0);
    expect(restoreDelay(fixed(0.5))).toBe(1000);
  });
});
