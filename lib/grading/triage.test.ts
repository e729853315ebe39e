import { describe, expect, it } from 'vitest';
import { filterRows, gradingStatus, nextToReview, reviewQueue, sortRows, type TriageRow } from './triage';

describe('gradingStatus', () => {
  it.each([
    [{ mapId: null, lastEdit: null, submittedAt: null, returnedAt: null, lateByMs: null }, 'notStarted'],
    [{ mapId: 'm', lastEdit: null, submittedAt: null, returnedAt: null, lateByMs: null }, 'notStarted'],
    [{ mapId: 'm', lastEdit: '2030-01-01T00:00:00.000Z', submittedAt: null, returnedAt: null, lateByMs: null }, 'inProgress'],
    [{ mapId: 'm', lastEdit: null, submittedAt: '2030-01-02T00:00:00.000Z', returnedAt: null, lateByMs: null }, 'submitted'],
    [{ mapId: 'm', lastEdit: null, submittedAt: '2030-01-02T00:00:00.000Z', returnedAt: null, lateByMs: 5 }, 'late'],
    [{ mapId: 'm', lastEdit: null, submittedAt: '2030-01-02T00:00:00.000Z', returnedAt: '2030-01-03T00:00:00.000Z', lateByMs: 5 }, 'returned'],
    // returned, then reopened for revision and submitted again: waiting for review again
    [{ mapId: 'm', lastEdit: null, submittedAt: '2030-01-04T00:00:00.000Z', returnedAt: '2030-01-03T00:00:00.000Z', lateByMs: null }, 'submitted'],
    // returned, then reopened: in progress
    [{ mapId: 'm', lastEdit: '2030-01-04T00:00:00.000Z', submittedAt: null, returnedAt: '2030-01-03T00:00:00.000Z', lateByMs: null }, 'inProgress'],
  ] as const)('%j → %s', (input, status) => {
    expect(gradingStatus(input)).toBe(status);
  });
});

const row = (name: string, status: TriageRow['status'], extra: Partial<TriageRow> = {}): TriageRow => ({
  userId: `id-${name}`,
  name,
  status,
  submittedAt: null,
  lastEdit: null,
  score: null,
  agreement: null,
  ...extra,
});
const rows = [
  row('aki', 'late', { submittedAt: '2030-01-03T00:00:00.000Z', agreement: 0.5 }),
  row('ben', 'submitted', { submittedAt: '2030-01-01T00:00:00.000Z', agreement: 0.9 }),
  row('chi', 'returned', { submittedAt: '2030-01-01T00:00:00.000Z', score: 7 }),
  row('dai', 'notStarted'),
  row('eri', 'submitted', { submittedAt: '2030-01-02T00:00:00.000Z', score: 3, agreement: 0.9 }),
];
const names = (rs: TriageRow[]) => rs.map((r) => r.name);

describe('triage', () => {
  it('sorts by a key with nulls last either way and ties by name', () => {
    expect(names(sortRows(rows, 'agreement'))).toEqual(['aki', 'ben', 'eri', 'chi', 'dai']);
    expect(names(sortRows(rows, 'agreement', true))).toEqual(['ben', 'eri', 'aki', 'chi', 'dai']);
    expect(names(sortRows(rows, 'score', true))).toEqual(['chi', 'eri', 'aki', 'ben', 'dai']);
    expect(names(sortRows(rows, 'status'))).toEqual(['dai', 'ben', 'eri', 'aki', 'chi']);
  });

  it('filters by statuses, all for none', () => {
    expect(names(filterRows(rows, ['late', 'returned']))).toEqual(['aki', 'chi']);
    expect(filterRows(rows, [])).toHaveLength(5);
  });

  it('walks the submitted, unreturned maps in order of submission and wraps around', () => {
    expect(names(reviewQueue(rows))).toEqual(['ben', 'eri', 'aki']);
    expect(nextToReview(rows, null)?.name).toBe('ben');
    expect(nextToReview(rows, 'id-ben')?.name).toBe('eri');
    expect(nextToReview(rows, 'id-aki')?.name).toBe('ben');
    expect(nextToReview(rows, 'id-chi')?.name).toBe('ben'); // not queued: the first
    expect(nextToReview([rows[1]], 'id-ben')).toBeNull(); // the only one is the current
    expect(nextToReview([rows[2], rows[3]], null)).toBeNull();
  });
});
