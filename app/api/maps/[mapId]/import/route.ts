// POST /api/maps/:mapId/import — replace the map with an imported file.
// Body: { fileName, format?, content: string | { txt, ann }, baseVersion, dryRun, accept }.
// Always validates first and answers the report. Writes only when the file is valid, this is
// not a dry run (the UI always shows the report first), and the report needs no acceptance
// (same text, nothing moved) or `accept` is true — and then only if the map is still at
// `baseVersion` (409 otherwise), in one transaction. A refused import (422) changes nothing;
// so is one past the map size limits (lib/argument/limits). The body is at most
// BODY_LIMITS.mapImport bytes (413 beyond).
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { assertOpenForEdits, documentContext, getDocumentText, getLabelScheme, getMap, importMap, openDb } from '@/lib/db';
import { detectFormat, formats, isFormatId } from '@/lib/formats';
import { runTask } from '@/lib/server/workerPool';
import { gateWrite } from '@/app/_shared/overload';
import { handle, HttpError, json, BODY_LIMITS, readBody, pathParams } from '@/app/_shared/http';
import { assertSameOrigin, currentUser, ownMap } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

const maxChars = 5_000_000;
const requestSchema = withSafeText(
  z.strictObject({
    fileName: z.string().min(1).max(300),
    format: z.string().optional(),
    content: z.union([z.string().max(maxChars), z.strictObject({ txt: z.string().max(maxChars), ann: z.string().max(maxChars) })]),
    baseVersion: z.int().min(1),
    dryRun: z.boolean().default(false),
    accept: z.boolean().default(false),
    /// Tags to label ids (Hypothesis files), as the user confirmed them.
    labelMap: z.record(z.string().max(200), z.string().max(200)).optional(),
  }),
);

export function POST(request: Request, { params }: { params: Promise<{ mapId: string }> }) {
  return gateWrite(() => handle(request, async () => {
    assertSameOrigin(request);
    const db = await openDb();
    const user = await currentUser(db, request);
    const map = await ownMap(db, user, (await pathParams(params)).mapId);
    const body = await readBody(request, requestSchema, BODY_LIMITS.mapImport);
    await assertOpenForEdits(db, map.id);

    const format = body.format ?? (typeof body.content === 'string' ? detectFormat(body.fileName, body.content) : 'brat');
    if (!format || !isFormatId(format) || !formats[format].canImport) {
      const importable = Object.values(formats).filter((f) => f.canImport).map((f) => f.extensions.join(' ')).join(', ');
      throw new HttpError(422, `cannot tell how to read ${body.fileName} (importable: ${importable})`, { code: 'import.unknownFormat', params: { fileName: body.fileName, formats: importable } });
    }
    const [doc, scheme, ctx] = await Promise.all([getDocumentText(db, map.documentId), getLabelScheme(db, map.labelSchemeId), documentContext(db, map.documentId, map.labelSchemeId)]);
    if (!doc || !scheme) throw new HttpError(404, 'the map’s document or label scheme is gone');
    // Parsing and re-anchoring a big file takes seconds: on a worker thread, not this event loop.
    const result = await runTask('importFile', {
      fileName: body.fileName,
      content: body.content,
      options: {
        format,
        document: { id: doc.id, title: doc.title, language: doc.language, text: doc.canonical.text, textSha256: doc.canonical.sha256 },
        labels: scheme.labels.map((l) => ({ id: l.id, name: { ja: l.ja, en: l.en } })),
        boundaries: ctx.boundaries,
        annotator: { id: user.id, name: user.displayName || user.name },
        replacing: { units: map.units.length },
        labelMap: body.labelMap,
      },
    });
    if (!result.ok) return refusedImport(format, result.errors);

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
    const written = await importMap(db, { documentId: map.documentId, userId: user.id, map: result.value.map, comments: result.value.comments, expectedVersion: body.baseVersion });
    return json({ ...summary, written: true, version: written.version, map: result.value.map });
  }));
}

/// A file that cannot be imported: every problem in `errors` (the dialog lists them), the first
/// also as `error`, the shape of every other refusal.
function refusedImport(format: string, errors: Array<{ at: string; message: string }>): Response {
  const [first] = errors;
  return json({ ok: false, format, error: first ? `${first.at}: ${first.message}` : 'the file cannot be imported', errors }, 422);
}
