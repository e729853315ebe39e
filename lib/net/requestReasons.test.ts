import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { textImportSchema, TEXT_IMPORT_MAX_CHARS } from '@/lib/corpus/textImportSchema';
import { withSafeText } from '@/lib/text/safeText';
import { issueReason, requestReasonCodes } from './requestReasons';

const firstReason = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return issueReason(parsed.error.issues[0]);
};

describe('issueReason: the text import form’s refusals', () => {
  it.each([
    ['an empty title', { title: '  ', text: 'あ' }, { code: 'field.empty', params: { field: 'title' } }],
    ['a long title', { title: 'あ'.repeat(201), text: 'あ' }, { code: 'field.tooLong', params: { field: 'title', max: 200 } }],
    ['a blank text', { title: 't', text: ' \n ' }, { code: 'field.empty', params: { field: 'text' } }],
    ['a text over the limit', { title: 't', text: 'あ'.repeat(TEXT_IMPORT_MAX_CHARS + 1) }, { code: 'field.tooLong', params: { field: 'text', max: TEXT_IMPORT_MAX_CHARS } }],
    ['an unknown reflow', { title: 't', text: 'あ', reflow: 'sometimes' }, { code: 'field.choice', params: { field: 'reflow', choices: 'auto, on, off' } }],
    ['a bad language tag', { title: 't', text: 'あ', language: 'Japanese!' }, { code: 'field.invalid', params: { field: 'language' } }],
    ['a number for a title', { title: 3, text: 'あ' }, { code: 'field.invalid', params: { field: 'title' } }],
    ['U+0000 in the text', { title: 't', text: 'あ\u0000い' }, { code: 'field.unsafeText', params: { field: 'text' } }],
    ['a lone surrogate in the title', { title: 't\uD800', text: 'あ' }, { code: 'field.unsafeText', params: { field: 'title' } }],
    ['a field it does not take', { title: 't', text: 'あ', author: 'x' }, { code: 'field.unknown', params: { field: 'author' } }],
  ])('%s', (_, body, expected) => {
    expect(firstReason(textImportSchema, body)).toEqual(expected);
  });
});

describe('issueReason: other shapes', () => {
  it('names nested fields by their path, lists by their length', () => {
    const schema = withSafeText(z.object({ items: z.array(z.object({ note: z.string().max(5) })).max(2) }));
    expect(firstReason(schema, { items: [{ note: 'abcdef' }] })).toEqual({ code: 'field.tooLong', params: { field: 'items.0.note', max: 5 } });
    expect(firstReason(schema, { items: [{ note: '' }, { note: '' }, { note: '' }] })).toEqual({ code: 'field.tooMany', params: { field: 'items', max: 2 } });
    expect(firstReason(schema, { items: [{ note: 'a\u0000' }] })).toEqual({ code: 'field.unsafeText', params: { field: 'items.0.note' } });
    expect(firstReason(z.string().min(8), 'short')).toEqual({ code: 'field.tooShort', params: { field: '', min: 8 } });
  });

  it('every reason it gives is one of the listed codes', () => {
    const issues = [
      { code: 'too_big', path: ['a'], origin: 'number', maximum: 3 },
      { code: 'too_small', path: ['a'], origin: 'array', minimum: 1 },
      { code: 'invalid_union', path: [] },
      { code: 'custom', path: ['a'], params: { reason: 'not.a.reason' } },
    ];
    for (const issue of issues) expect(requestReasonCodes).toContain(issueReason(issue).code);
  });
});
