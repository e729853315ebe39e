// Route-handler plumbing: read bodies within a size limit (BODY_LIMITS), validate them with the
// shared zod schemas, answer errors as JSON with a message that names the problem, map storage
// errors to their HTTP status, send downloads.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { maxSourceBytes } from '@/lib/corpus/sourceFile';
import { BatchReusedError, CourseArchivedError, DatabaseBusyError, GradingRefusal, MapLockedError, MemberChangeError, NotFoundError, OperationRejectedError, SessionEndedError, StaleVersionError } from '@/lib/db';
import { QueueFullError } from '@/lib/server/dutyQueue';
import { UnexpressibleMapError } from '@/lib/formats/v1Shape';
import { decodeBody, parseJsonBody } from '@/lib/server/jsonBody';
import { unsafeTextProblem } from '@/lib/text/safeText';
import { notFoundReason, tooLargeReason, type NotFoundEntity } from '@/lib/net/requestReasons';
import { serverBusy } from './overload';

export function json(data: unknown, status = 200, headers?: HeadersInit) {
  return NextResponse.json(data, { status, headers });
}

/// A file to download, named `fileName` (make its parts safe first: safeFileName in
/// lib/formats/classArchive). The name goes percent-encoded into both `filename` and
/// `filename*` — browsers that read only the first still get ASCII, the rest decode the
/// Japanese. Never cached: every download here is someone's own or their class's data.
export function download(body: string | Uint8Array, contentType: string, fileName: string): Response {
  const encoded = encodeURIComponent(fileName);
  return new Response(typeof body === 'string' ? body : Buffer.from(body), {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${encoded}"; filename*=UTF-8''${encoded}`,
      'cache-control': 'no-store',
    },
  });
}

export function problem(status: number, error: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error, ...extra }, { status });
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/// Request body limits in bytes, one per kind of route (README "Limits"). Checked before
/// anything is parsed: a body that announces more (Content-Length) is refused unread, one that
/// turns out longer is refused at the first byte past the limit.
export const BODY_LIMITS = {
  /// Sign-in and sign-up: a name and a password.
  auth: 8 * 1024,
  /// Small forms: courses, assignments, label schemes, roles, joining, unlocking.
  form: 8 * 1024,
  /// A feedback comment (COMMENT_MAX_LENGTH characters, up to 3 bytes each).
  comment: 32 * 1024,
  /// An autosave batch (LIMITS.operationsPerBatch operations; a real one is a few KB).
  operations: 1024 * 1024,
  /// A text to import: the same 1 MiB as a .txt file (maxSourceBytes).
  textImport: maxSourceBytes,
  /// A roster CSV (ROSTER_MAX_ROWS = 2,000 rows of a user name and a name: ~200 kB; room for long names).
  roster: 1024 * 1024,
  /// A map file to import (a 20,000-unit, 10,000-relation map in the json format is 3.9 MB).
  mapImport: 16 * 1024 * 1024,
} as const;

/// A 404 naming what was not found, with its reason code (notFound.<kind>: lib/net/requestReasons).
export const notFound = (entity: NotFoundEntity, id: string) => new HttpError(404, `${entity} "${id}" not found`, { ...notFoundReason(entity, id) });

/// The body's bytes (in an ArrayBuffer of their own), refused with 413 { error, limit } once they pass `limit`. Every route that
/// reads a body reads it through here (readText, readBody), never request.json()/text()/formData().
export async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpError(413, `the request body is larger than ${limit.toLocaleString('en')} bytes, the limit for this request`, { limit, ...tooLargeReason(limit) });
  const announced = Number(request.headers.get('content-length') ?? NaN);
  if (announced > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  // Its own ArrayBuffer (Buffer.concat may slice Node's shared pool), so it can be transferred.
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/// The body as text (at most `limit` bytes, see readBytes).
export async function readText(request: Request, limit: number): Promise<string> {
  return decodeBody(await readBytes(request, limit));
}

/// Reads the JSON body (at most `limit` bytes, see readBytes) and parses it against `schema`:
/// 400 when it is not JSON, 422 naming the first problem's path (lib/server/jsonBody). A body
/// that can be large enough to stop the event loop goes to a worker as bytes instead
/// (the map import: lib/server/importRequest).
export async function readBody<S extends z.ZodType>(request: Request, schema: S, limit: number): Promise<z.infer<S>> {
  const parsed = parseJsonBody(await readText(request, limit), schema);
  if (!parsed.ok) throw new HttpError(parsed.status, parsed.error, parsed.extra);
  return parsed.value;
}

/// A dynamic route's parameters (already percent-decoded by Next), refused with 400 when one
/// holds text no table can hold (U+0000, a lone surrogate: lib/text/safeText) — PostgreSQL
/// would fail on it, so no lookup could answer. Badly encoded paths never get this far
/// (malformedPath in app/_shared/paths.ts, run by proxy.ts).
export async function pathParams<P extends Record<string, string>>(params: Promise<P>): Promise<P> {
  const values = await params;
  for (const [name, value] of Object.entries(values)) {
    const problem = unsafeTextProblem(value);
    if (problem) throw new HttpError(400, `the path's ${name} ${problem}`, { field: name, code: 'field.unsafeText', params: { field: name } });
  }
  return values;
}

/// Runs the handler of `request`, turning known errors into answers. Anything else is a fault
/// here, not the client's: logged with the route (method and path) and answered 500 in the
/// usual JSON shape, never as a plain-text page.
export async function handle(request: Request, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof HttpError) return problem(e.status, e.message, e.extra);
    if (e instanceof NotFoundError) return problem(404, e.message, { ...notFoundReason(e.entity, e.id) });
    if (e instanceof OperationRejectedError) return problem(422, e.message, { index: e.index, reason: e.reason, ...(e.operationCode ? { operationCode: e.operationCode } : {}), code: 'map.operationRejected', params: { n: e.index + 1 } });
    if (e instanceof StaleVersionError) return problem(409, e.message, { version: e.currentVersion, code: 'map.stale', params: {} });
    if (e instanceof MapLockedError) return problem(423, e.message, { submittedAt: e.submittedAt, code: 'map.locked', params: {} });
    if (e instanceof SessionEndedError) return problem(401, e.message, { code: 'auth.signedOut', params: {} });
    if (e instanceof BatchReusedError) return problem(422, e.message, { batchId: e.batchId, code: 'map.batchReused', params: {} });
    if (e instanceof UnexpressibleMapError) return problem(422, e.message, { format: e.format });
    if (e instanceof GradingRefusal) return problem(e.status, e.message, { code: e.code, params: e.params });
    if (e instanceof DatabaseBusyError) return serverBusy(e.message);
    if (e instanceof CourseArchivedError) return problem(423, e.message, { code: 'course.archived', params: { title: e.title } });
    if (e instanceof MemberChangeError) return problem(409, e.message, { code: e.code, params: {} });
    if (e instanceof QueueFullError) return serverBusy(e.message, e.retryAfterSeconds);
    console.error(`${request.method} ${routeOf(request)}: unexpected error`, e);
    return problem(500, 'internal error', { code: 'server.internal', params: {} });
  }
}

/// The path of `request` for a log line (its query may hold secrets, so it is left out).
function routeOf(request: Request): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return request.url;
  }
}
