// GET /api/maps/:mapId/export?format=json|w3c|aif|brat|argdown|csv|hypothesis|recogito — the map as a download:
// one file, or a ZIP when the format is several files (brat's .txt + .ann, the two CSV tables).
import { loadAnnotatedMap, openDb } from '@/lib/db';
import { formatIds, formats, isFormatId } from '@/lib/formats';
import { safeFileName } from '@/lib/formats/classArchive';
import { zip } from '@/lib/formats/zip';
import { download, handle, HttpError, pathParams } from '@/app/_shared/http';
import { currentUser, readableMap } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ mapId: string }> }) {
  return handle(request, async () => {
    const format = new URL(request.url).searchParams.get('format') ?? 'json';
    if (!isFormatId(format)) throw new HttpError(422, `unknown format "${format}" (available: ${formatIds.join(', ')})`, { code: 'export.unknownFormat', params: { format, formats: formatIds.join(', ') } });
    const db = await openDb();
    const map = await readableMap(db, await currentUser(db, request), (await pathParams(params)).mapId);
    const annotated = await loadAnnotatedMap(db, map);
    // Each part made safe on its own, so that a long document id does not cut off the annotator.
    const base = `${safeFileName(annotated.document.id, 'document')}-${safeFileName(annotated.annotator.name, 'map')}`;
    const files = formats[format].files(annotated);
    if (files.length === 1) {
      const [file] = files;
      return download(file.content, file.mediaType, `${base}${file.suffix}`);
    }
    const entries = [...files.map((f) => ({ name: `${base}${f.suffix}`, data: f.content })), ...(formats[format].companions?.(annotated) ?? []).map((c) => ({ name: c.name, data: c.content }))];
    return download(zip(entries), 'application/zip', `${base}-${format}.zip`);
  });
}
