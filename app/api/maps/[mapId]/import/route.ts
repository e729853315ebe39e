// POST /api/maps/:mapId/import — replace the map with an imported file.
// Body: { fileName, format?, content: string | { txt, ann }, baseVersion, dryRun, accept }.
// Always validates first and answers the report. Writes only when the file is valid, this is
// not a dry run (the UI always shows the report first), and the report needs no acceptance
// (same text, nothing moved) or `accept` is true — and then only if the map is still at
// `baseVersion` (409 otherwise), in one transaction. A refused import (422) changes nothing.
import { z } from 'zod';
import { documentContext, getDocumentText, getLabelScheme, getMap, importMap, openDb } from '@/lib/db';
import { detectFormat, formats, importAnnotated, isFormatId } from '@/lib/formats';
import { gateWrite } from '@/app/_shared/overload';
import { handle, HttpError, json, readBody } from '@/app/_shared/http';
import { assertSameOrigin, currentUser, ownMap } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

const maxChars = 5_000_000;
const requestSchema = z.strictObject({
  fileName: z.string().min(1).max(300),
  format: z.string().optional(),
  content: z.union([z.string().max(maxChars), z.strictObject({ txt: z.string().max(maxChars), ann: z.string().max(maxChars) })]),
  baseVersion: z.int().min(1),
  dryRun: z.boolean().default(false),
  accept: z.boolean().default(false),
});

export function POST(request: Request, { params }: { params: Promise<{ mapId: string }> }) {
  return gateWrite(() => handle(async () => {
    assertSameOrigin(request);
    const db = await openDb();
    const user = await currentUser(db, request);
    const map = await ownMap(db, user, (await params).mapId);
    const body = await readBody(request, requestSchema);

    const format = body.format ?? (typeof body.content === 'string' ? detectFormat(body.fileName, body.content) : 'brat');
    if (!format || !isFormatId(format) || !formats[format].canImport) {
      throw new HttpError(422, `cannot tell how to read ${body.fileName} (importable: ${Object.values(formats).filter((f) => f.canImport).map((f) => f.extensions.join(' ')).join(', ')})`);
    }
    let input: unknown = body.content;
    if (format !== 'brat' && typeof body.content === 'string') {
      try {
        input = JSON.parse(body.content);
      } catch (e) {
        return json({ ok: false, format, errors: [{ at: body.fileName, message: `not valid JSON: ${(e as Error).message}` }] }, 422);
      }
    }
    const [doc, scheme, ctx] = await Promise.all([getDocumentText(db, map.documentId), getLabelScheme(db, map.labelSchemeId), documentContext(db, map.documentId, map.labelSchemeId)]);
    if (!doc || !scheme) throw new HttpError(404, 'the map’s document or label scheme is gone');
    const result = importAnnotated(input, {
      format,
      document: { id: doc.id, title: doc.title, language: doc.language, text: doc.canonical.text, textSha256: doc.canonical.sha256 },
      labels: scheme.labels.map((l) => ({ id: l.id, name: { ja: l.ja, en: l.en } })),
      boundaries: ctx.boundaries,
      annotator: { id: user.id, name: user.displayName || user.name },
    });
    if (!result.ok) return json({ ok: false, format, errors: result.errors }, 422);

    const summary = {
      ok: true,
      format,
      units: result.value.map.units.length,
      relations: result.value.map.relations.length,
      needsAcceptance: result.needsAcceptance,
      report: result.report,
    };
    if (body.dryRun || (result.needsAcceptance && !body.accept)) return json({ ...summary, written: false });
    if (map.version !== body.baseVersion) {
      const current = (await getMap(db, map.id))!;
      return json({ ...summary, written: false, error: 'the map changed since the import was checked', version: current.version }, 409);
    }
    const written = await importMap(db, { documentId: map.documentId, userId: user.id, map: result.value.map, expectedVersion: body.baseVersion });
    return json({ ...summary, written: true, version: written.version, map: result.value.map });
  }));
}
