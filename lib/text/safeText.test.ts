import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnsafeText, unsafeTextProblem, withSafeText } from './safeText';

describe('unsafeTextProblem', () => {
  it.each([
    ['plain Japanese', '論点を整理する', null],
    ['a character outside the BMP (a surrogate pair)', '𠮷野家😀', null],
    ['an empty string', '', null],
    ['U+0000 alone', '\u0000', /U\+0000/],
    ['U+0000 inside', 'a\u0000b', /U\+0000/],
    ['a lone high surrogate', 'x\ud800y', /lone surrogate/],
    ['a lone high surrogate at the end', 'x\ud800', /lone surrogate/],
    ['a lone low surrogate', '\udc00x', /lone surrogate/],
    ['a reversed pair', '\ude00\ud83d', /lone surrogate/],
  ])('%s', (_name, s, expected) => {
    const problem = unsafeTextProblem(s);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('findUnsafeText', () => {
  it('names the path of the first unsafe string, in arrays, objects and keys', () => {
    expect(findUnsafeText({ a: ['ok', { b: 'x\u0000' }] })).toEqual({ path: ['a', 1, 'b'], problem: expect.stringMatching(/U\+0000/) });
    expect(findUnsafeText({ ok: 1, list: [null, true, 2.5] })).toBeNull();
    expect(findUnsafeText({ nested: { 'k\ud800': 1 } })).toEqual({ path: ['nested'], problem: expect.stringMatching(/key .*lone surrogate/) });
  });
});

describe('withSafeText', () => {
  const schema = withSafeText(z.strictObject({ title: z.string().trim().max(10), items: z.array(z.strictObject({ note: z.string() })) }));

  it('passes storable text and refuses U+0000 or a lone surrogate, naming the field', () => {
    expect(schema.parse({ title: ' 題 ', items: [{ note: '𩸽' }] })).toEqual({ title: '題', items: [{ note: '𩸽' }] });
    const nul = schema.safeParse({ title: 't', items: [{ note: 'a' }, { note: 'b\u0000' }] });
    expect(nul.success).toBe(false);
    expect(nul.error!.issues[0]).toMatchObject({ path: ['items', 1, 'note'], message: expect.stringMatching(/U\+0000/) });
    const lone = schema.safeParse({ title: 'x\ud800y', items: [] });
    expect(lone.error!.issues[0]).toMatchObject({ path: ['title'], message: expect.stringMatching(/lone surrogate/) });
  });

  it('leaves the other rules to the schema (they are reported as before)', () => {
    expect(schema.safeParse({ title: 'far too long a title', items: [] }).error!.issues[0].path).toEqual(['title']);
  });
});
