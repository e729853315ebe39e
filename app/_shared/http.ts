// Route-handler plumbing: validate with the shared zod schemas, answer errors as JSON with a
// message that names the problem, map storage errors to their HTTP status, send downloads.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { serverBusy } from './overload';
import { DatabaseBusyError, MapLockedError, NotFoundError, OperationRejectedError, StaleVersionError } from '@/lib/db';

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

/// Parses the JSON body against `schema`; a 422 names the first problem's path.
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    throw new HttpError(422, `invalid request: ${first.path ? `${first.path}: ` : ''}${first.message}`, { issues });
  }
  return parsed.data;
}

/// Runs a handler, turning known errors into answers (and unknown ones into a logged 500).
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof HttpError) return problem(e.status, e.message, e.extra);
    if (e instanceof NotFoundError) return problem(404, e.message);
    if (e instanceof OperationRejectedError) return problem(422, e.message, { index: e.index, reason: e.reason });
    if (e instanceof StaleVersionError) return problem(409, e.message, { version: e.currentVersion });
    if (e instanceof MapLockedError) return problem(423, e.message, { submittedAt: e.submittedAt });
    if (e instanceof DatabaseBusyError) return serverBusy(e.message);
    console.error(e);
    return problem(500, 'internal error');
  }
}
