// GET /api/maps/:mapId/export?format=json|w3c|aif|brat|argdown|csv — the map as a download:
// one file, or a ZIP when the format is several files (brat's .txt + .ann, the two CSV tables).
import { loadAnnotatedMap, openDb } from '@/lib/db';
import { formatIds, formats, isFormatId } from '@/lib/formats';
import { zip } from '@/lib/formats/zip';
import { handle, HttpError } from '@/app/_shared/http';
import { currentUser, readableMap } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

function safeName(base: string): string {
  return base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'map';
}

function attachment(name: string) {
  const encoded = encodeURIComponent(name);
  return `attachment; filename="${encoded}"; filename*=UTF-8''${encoded}`;
}

export function GET(request: Request, { params }: { params: Promise<{ mapId: string }> }) {
  return handle(async () => {
    const format = new URL(request.url).searchParams.get('format') ?? 'json';
    if (!isFormatId(format)) throw new HttpError(422, `unknown format "${format}" (available: ${formatIds.join(', ')})`);
    const db = await openDb();
    const map = await readableMap(db, await currentUser(db, request), (await params).mapId);
    const annotated = await loadAnnotatedMap(db, map);
    const base = safeName(`${annotated.document.id}-${annotated.annotator.name}`);
    const files = formats[format].files(annotated);
    if (files.length === 1) {
      const [file] = files;
      return new Response(file.content, { headers: { 'content-type': file.mediaType, 'content-disposition': attachment(`${base}${file.suffix}`) } });
    }
    const archive = zip(files.map((f) => ({ name: `${base}${f.suffix}`, data: f.content })));
    return new Response(Buffer.from(archive), { headers: { 'content-type': 'application/zip', 'content-disposition': attachment(`${base}-${format}.zip`) } });
  });
}
