import { describe, expect, it } from 'vitest';
import { effectiveDue, lateBy, lateParts, submissionClosed } from './deadline';

const due = '2030-04-01T00:00:00.000Z';

describe('deadlines', () => {
  it('takes the extension over the assignment’s due time', () => {
    expect(effectiveDue(due, '2030-04-03T00:00:00.000Z')).toBe('2030-04-03T00:00:00.000Z');
    expect(effectiveDue(due, null)).toBe(due);
    expect(effectiveDue(null, undefined)).toBeNull();
  });

  it('says how late a submission is, and nothing when on time or without a due time', () => {
    expect(lateBy('2030-04-01T02:30:00.000Z', due)).toBe(2.5 * 3_600_000);
    expect(lateBy(due, due)).toBeNull();
    expect(lateBy('2030-03-31T23:00:00.000Z', due)).toBeNull();
    expect(lateBy('2030-04-02T00:00:00.000Z', null)).toBeNull();
    expect(lateBy(null, due)).toBeNull();
  });

  it('closes submission after the due time only under the lock policy', () => {
    const after = new Date('2030-04-01T00:00:01.000Z');
    expect(submissionClosed('lock', due, after)).toBe(true);
    expect(submissionClosed('lock', due, new Date(due))).toBe(false);
    expect(submissionClosed('accept', due, after)).toBe(false);
    expect(submissionClosed('lock', null, after)).toBe(false);
  });

  it('words lateness in days, hours and minutes, rounding a second up to a minute', () => {
    expect(lateParts(1000)).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(lateParts((26 * 60 + 5) * 60_000)).toEqual({ days: 1, hours: 2, minutes: 5 });
  });
});
