// GET /api/documents/:id/ruby?v=SHA256 — the furigana of the document: { ruby: [start, end,
// grade, reading][] }, one row per word written with kanji (lib/tokens/ruby.ts), with the school
// grade of its hardest kanji so that the browser can show readings beyond a grade without the
// grade list. Fetched when a reader turns furigana on; immutable per text (v).
import { getDocumentInfo, openDb } from '@/lib/db';
import { handle, HttpError, pathParams } from '@/app/_shared/http';
import { currentUser } from '@/app/_shared/session';
import { documentWire, rubyBytes } from '@/app/_shared/documentWire';

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
    return new Response(rubyBytes(wire), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': immutable ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      },
    });
  });
}
