// Reading a request body's JSON against a shared zod schema, without HTTP: the route plumbing
// (app/_shared/http.ts readBody) and the worker tasks that take a raw body off the event loop
// (./importRequest.ts) answer a bad body the same way — 400 when it is not JSON, 422 naming
// the first problem's path.
import type { z } from 'zod';
import { issueReason, notJsonReason } from '@/lib/net/requestReasons';

export type BodyProblem = { status: 400 | 422; error: string; extra: Record<string, unknown> };

export type ParsedBody<T> = { ok: true; value: T } | ({ ok: false } & BodyProblem);

/// The body's bytes as text, decoded as request.text() does: UTF-8, a leading BOM dropped, bad
/// bytes replaced.
export function decodeBody(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/// Parses `text` as JSON and checks it against `schema`.
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): ParsedBody<z.infer<S>> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, error: 'the request body is not valid JSON', extra: { ...notJsonReason } };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    // The reason code words the first problem in the client's language (lib/net/requestReasons).
    return {
      ok: false,
      status: 422,
      error: `invalid request: ${first.path ? `${first.path}: ` : ''}${first.message}`,
      extra: { field: first.path, issues, ...issueReason(parsed.error.issues[0]) },
    };
  }
  return { ok: true, value: parsed.data };
}
