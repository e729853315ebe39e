// GET /api/documents/:id/content?v=SHA256 — the document as the editor needs it, fetched by the
// page rather than inlined in it: { text, blocks, lengths } (token boundaries, one character a
// token: lib/tokens/spans.ts). Served from memory (app/_shared/documentWire.ts). Asked for by
// its text's sha256, the answer never changes, so the browser keeps it.
import { getDocumentInfo, openDb } from '@/lib/db';
import { handle, HttpError, pathParams } from '@/app/_shared/http';
import { currentUser } from '@/app/_shared/session';
import { documentWire } from '@/app/_shared/documentWire';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const db = await openDb();
    await currentUser(db, request);
    const { id } = await pathParams(params);
    const doc = await getDocumentInfo(db, id);
    const wire = doc && (await documentWire(db, doc));
    if (!wire) throw new HttpError(404, `no document ${id}`);
    const immutable = new URL(request.url).searchParams.get('v') === wire.sha256;
    return new Response(wire.content, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': immutable ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      },
    });
  });
}
