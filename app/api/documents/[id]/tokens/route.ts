// GET /api/documents/:id/tokens?from=N&v=SHA256 — the details (part of speech, base form, reading) of
// tokens [N, N + DETAIL_CHUNK), N a multiple of DETAIL_CHUNK: what the word tooltip shows,
// fetched when it first needs a token of the chunk (lib/tokens/spans.ts). Immutable per text (v).
import { z } from 'zod';
import { getDocumentInfo, openDb } from '@/lib/db';
import { DETAIL_CHUNK, detailChunk } from '@/lib/tokens/spans';
import { handle, HttpError, json, notFound, pathParams } from '@/app/_shared/http';
import { currentUser } from '@/app/_shared/session';
import { documentWire } from '@/app/_shared/documentWire';

export const dynamic = 'force-dynamic';

const fromSchema = z
  .string({ error: 'from is missing: give the index of a chunk’s first token' })
  .regex(/^\d{1,9}$/, 'from must be a token index')
  .transform(Number)
  .refine((n) => n % DETAIL_CHUNK === 0, `from must be a multiple of ${DETAIL_CHUNK}`);

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const db = await openDb();
    await currentUser(db, request);
    const parsed = fromSchema.safeParse(new URL(request.url).searchParams.get('from') ?? undefined);
    if (!parsed.success) throw new HttpError(422, `invalid request: ${parsed.error.issues[0].message}`, { field: 'from', code: 'field.invalid', params: { field: 'from' } });
    const { id } = await pathParams(params);
    const doc = await getDocumentInfo(db, id);
    const wire = doc && (await documentWire(db, doc));
    if (!wire) throw notFound('document', id);
    const tokenCount = wire.packed.len.length;
    if (parsed.data >= tokenCount) throw new HttpError(422, `from ${parsed.data} is past the last token (${tokenCount} tokens)`, { tokenCount, field: 'from', code: 'field.invalid', params: { field: 'from' } });
    const immutable = new URL(request.url).searchParams.get('v') === wire.sha256;
    return json(detailChunk(wire.packed, parsed.data), 200, { 'cache-control': immutable ? 'private, max-age=31536000, immutable' : 'private, no-cache' });
  });
}
