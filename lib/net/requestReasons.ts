// Why a request was refused, as a reason code and parameters the client words in the UI's
// language (components/useJsonRequest.ts: code `x.y` → catalog key `error.x.y`), beside the
// English `error` message kept for API and CLI users. This module owns the reasons every route
// shares — a body that is not JSON, too large, or fails its zod schema — so the import form,
// the course forms and the rest never show a schema's English inside the Japanese UI. Pure:
// no zod import (it reads the issue's plain fields), so the client's tests can use it too.

/// The reasons of the shared request checks; each has `error.<code>` in the catalog (in both
/// languages: lib/net/requestReasons.test.ts).
export const requestReasonCodes = [
  'request.notJson',
  'request.tooLarge',
  'field.empty',
  'field.tooLong',
  'field.tooShort',
  'field.tooMany',
  'field.choice',
  'field.unsafeText',
  'field.unknown',
  'field.invalid',
] as const;
export type RequestReasonCode = (typeof requestReasonCodes)[number];

export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

/// The parts of a zod issue this reads (zod 4's issue shapes).
export interface IssueLike {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  values?: readonly unknown[];
  keys?: readonly string[];
  params?: Record<string, unknown>;
}

/// The params a custom check sets to name its reason (withSafeText, the text import's "empty").
export const unsafeTextParams = { reason: 'field.unsafeText' } as const;
export const emptyParams = { reason: 'field.empty' } as const;

const pathText = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');

/// The reason for one schema issue: the field is its dotted path ("title",
/// "operations.0.unit.note"), which the client words through `field.<last name>` when the
/// catalog has it.
export function issueReason(issue: IssueLike): Reason {
  const field = pathText(issue.path);
  const named = typeof issue.params?.reason === 'string' && (requestReasonCodes as readonly string[]).includes(issue.params.reason) ? issue.params.reason : null;
  if (named) return { code: named, params: { field } };
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return { code: 'field.tooLong', params: { field, max: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'field.tooMany', params: { field, max: Number(issue.maximum) } };
      break;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { code: 'field.empty', params: { field } } : { code: 'field.tooShort', params: { field, min: Number(issue.minimum) } };
      break;
    case 'invalid_value':
      if (issue.values?.length) return { code: 'field.choice', params: { field, choices: issue.values.map(String).join(', ') } };
      break;
    case 'unrecognized_keys':
      return { code: 'field.unknown', params: { field: [field, ...(issue.keys ?? [])].filter(Boolean).join('.') } };
  }
  return { code: 'field.invalid', params: { field } };
}

/// The reason for a body over `limit` bytes.
export const tooLargeReason = (limit: number): Reason => ({ code: 'request.tooLarge', params: { limit } });
export const notJsonReason: Reason = { code: 'request.notJson', params: {} };

/// A 404's reason: what was not found (the storage layer's entity names, lib/db NotFoundError)
/// as `notFound.<kind>`, with its id. Every 404 a route answers carries one (app/_shared/http:
/// handle and notFound), so the client never shows "argument map "m1" not found" in Japanese.
const notFoundKinds = {
  user: 'notFound.user',
  document: 'notFound.document',
  'argument map': 'notFound.map',
  'label scheme': 'notFound.labelScheme',
  course: 'notFound.course',
  'course with join code': 'notFound.course',
  assignment: 'notFound.assignment',
  comment: 'notFound.comment',
} as const;
export type NotFoundEntity = keyof typeof notFoundKinds;
export const notFoundCodes = [...Object.values(notFoundKinds), 'notFound.thing'] as const;
export const notFoundReason = (entity: string, id: string): Reason => ({
  code: Object.hasOwn(notFoundKinds, entity) ? notFoundKinds[entity as NotFoundEntity] : 'notFound.thing',
  params: { id },
});
