// Which strings may be stored at all: the one rule every text that comes from outside (request
// bodies, path parameters, imported files) passes before anything is written.
//
// Two kinds of character are refused. U+0000: PostgreSQL cannot store it in text (it answers
// "invalid byte sequence"), so on one database it would fail and on the other be stored — one
// code path must refuse it on both. Lone surrogates (a UTF-16 half without its partner): they
// are not Unicode text, UTF-8 storage replaces them with U+FFFD, so what the server
// acknowledged would differ from what it reads back (a `before` that never matches again).
//
// `withSafeText(schema)` is the shared zod refinement: it walks the parsed value and names the
// first offending field by its path, so a request is refused (422) with the field, on both
// databases, before anything is written.
import type { z } from 'zod';
import { unsafeTextParams } from '@/lib/net/requestReasons';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/// Why `s` cannot be stored, or null when it can.
export function unsafeTextProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains U+0000 (a NUL character)';
  if (hasLoneSurrogate(s)) return 'contains a lone surrogate (not valid Unicode)';
  return null;
}

/// The first string inside `value` (object keys included) that cannot be stored: its path and
/// the problem; null when every string is safe. Walks plain JSON-like values only. Every request
/// body passes through here: the path is built only for a string found (on the way back out),
/// not copied at every node of every body.
export function findUnsafeText(value: unknown): { path: Array<string | number>; problem: string } | null {
  if (typeof value === 'string') {
    const problem = unsafeTextProblem(value);
    return problem ? { path: [], problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i]);
      if (found) return (found.path.unshift(i), found);
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const keyProblem = unsafeTextProblem(key);
      if (keyProblem) return { path: [], problem: `has a key that ${keyProblem}` };
      const found = findUnsafeText(record[key]);
      if (found) return (found.path.unshift(key), found);
    }
  }
  return null;
}

/// `schema`, refusing any string in its parsed value that cannot be stored (see above), with
/// an issue at that string's path ("operations.0.unit.note: contains U+0000 …").
export function withSafeText<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const found = findUnsafeText(value);
    if (found) ctx.addIssue({ code: 'custom', path: found.path, message: found.problem, params: unsafeTextParams });
  }) as S;
}
