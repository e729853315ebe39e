// The shared request shapes: what they accept, what they refuse and with which message, and the
// two helpers the forms use (the label lines, datetime-local → UTC).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentChangeSchema, isoToLocalDateTime, localDateTimeToIso, newAssignmentSchema, newLabelSchemeSchema, parseLabelLines, roleChangeSchema } from './schemas';

const firstMessage = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.success ? null : r.error!.issues[0].message);

describe('assignment shapes', () => {
  it('takes a due date with a zone, or null; refuses one without a zone', () => {
    expect(newAssignmentSchema.parse({ documentId: 'd', title: ' 第1回 ', dueAt: '2030-04-01T09:00:00+09:00' })).toMatchObject({ title: '第1回' });
    expect(newAssignmentSchema.safeParse({ documentId: 'd', title: 't', dueAt: null, referenceMapId: null }).success).toBe(true);
    expect(firstMessage(newAssignmentSchema.safeParse({ documentId: 'd', title: 't', dueAt: '2030-04-01T09:00' }))).toMatch(/time zone/);
    expect(firstMessage(newAssignmentSchema.safeParse({ documentId: 'd', title: '  ' }))).toBe('title is empty');
    expect(newAssignmentSchema.safeParse({ documentId: 'd', title: 't', extra: 1 }).success).toBe(false);
  });

  it('an edit changes something', () => {
    expect(assignmentChangeSchema.parse({ dueAt: null })).toEqual({ dueAt: null });
    expect(assignmentChangeSchema.parse({ referenceMapId: 'm' })).toEqual({ referenceMapId: 'm' });
    expect(firstMessage(assignmentChangeSchema.safeParse({}))).toMatch(/nothing to change/);
  });
});

describe('label schemes', () => {
  const label = (id: string) => ({ id, ja: 'ラベル', en: 'label' });
  it.each([
    [[label('claim')], null],
    [[], /at least one/],
    [Array.from({ length: 9 }, (_, i) => label(`l${i}`)), /at most 8/],
    [[label('a'), label('a')], /appears twice/],
    [[label('1st')], /lower-case letter/],
    [[label('a'.repeat(33))], /lower-case letter/],
    [[{ id: 'a', ja: '', en: 'a' }], /Japanese name is empty/],
  ])('%j → %s', (labels, problem) => {
    const message = firstMessage(newLabelSchemeSchema.safeParse({ name: 'n', labels }));
    if (problem === null) expect(message).toBeNull();
    else expect(message).toMatch(problem);
  });

  it('reads one label per line with ASCII or Japanese commas, skipping blank lines', () => {
    expect(parseLabelLines('claim, 主張, claim\n\ndata、データ、data\r\nwarrant，論拠，warrant\n')).toEqual({
      ok: true,
      labels: [
        { id: 'claim', ja: '主張', en: 'claim' },
        { id: 'data', ja: 'データ', en: 'data' },
        { id: 'warrant', ja: '論拠', en: 'warrant' },
      ],
    });
    expect(parseLabelLines('claim, 主張, claim\nno commas')).toEqual({ ok: false, line: 2, problem: 'parts', message: expect.stringMatching(/three parts/) });
    expect(parseLabelLines('Claim, 主張, claim')).toEqual({ ok: false, line: 1, problem: 'id', message: expect.stringMatching(/lower-case/) });
    // which part is wrong, so that the form can say it in the page's language
    expect(parseLabelLines('claim, , claim')).toMatchObject({ ok: false, line: 1, problem: 'ja' });
    expect(parseLabelLines(`claim, 主張, ${'x'.repeat(41)}`)).toMatchObject({ ok: false, line: 1, problem: 'en' });
  });
});

describe('datetime-local ↔ ISO UTC', () => {
  const savedTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Tokyo';
  });
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('reads the input in the local zone and writes it back', () => {
    expect(localDateTimeToIso('2030-04-01T09:00')).toBe('2030-04-01T00:00:00.000Z');
    expect(localDateTimeToIso('2030-04-01T09:00:30')).toBe('2030-04-01T00:00:30.000Z');
    expect(isoToLocalDateTime('2030-04-01T00:00:00.000Z')).toBe('2030-04-01T09:00');
    expect(isoToLocalDateTime(null)).toBe('');
  });

  it.each(['', '2030-02-30T10:00', '2030-04-01', '2030-04-01 09:00', 'tomorrow'])('refuses %j', (value) => {
    expect(localDateTimeToIso(value)).toBeNull();
  });
});

it('a role is one of the three account roles', () => {
  expect(roleChangeSchema.parse({ role: 'instructor' })).toEqual({ role: 'instructor' });
  expect(firstMessage(roleChangeSchema.safeParse({ role: 'local' }))).toMatch(/student, instructor, admin/);
});
