// GET /api/maps/:mapId/export?format=json — the map as a file download.
import { loadAnnotatedMap, openDb } from '@/lib/db';
import { serializeNative } from '@/lib/formats/native';
import { handle, HttpError } from '@/app/_shared/http';
import { currentUser, ownMap } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

function fileName(base: string, extension: string): string {
  const safe = base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'map';
  return `${safe}.${extension}`;
}

export function GET(request: Request, { params }: { params: Promise<{ mapId: string }> }) {
  return handle(async () => {
    const format = new URL(request.url).searchParams.get('format') ?? 'json';
    if (format !== 'json') throw new HttpError(422, `unknown format "${format}" (available: json)`);
    const db = await openDb();
    const map = await ownMap(db, await currentUser(db), (await params).mapId);
    const annotated = await loadAnnotatedMap(db, map);
    const name = fileName(`${annotated.document.id}-${annotated.annotator.name}`, 'argmap.json');
    return new Response(`${JSON.stringify(serializeNative(annotated), null, 2)}\n`, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      },
    });
  });
}
