// POST /api/maps/:mapId/import — replace the map with an imported file.
// Body: { fileName, format?, content: string | { txt, ann }, baseVersion, dryRun, accept }.
// Always validates first and answers the report. Writes only when the file is valid, this is
// not a dry run (the UI always shows the report first), and the report needs no acceptance
// (same text, nothing moved) or `accept` is true — and then only if the map is still at
// `baseVersion` (409 otherwise), in one transaction. A refused import (422) changes nothing;
// so is one past the map size limits (lib/argument/limits). The body is at most
// BODY_LIMITS.mapImport bytes (413 beyond).
//
// The body is read as bytes and handed to a worker thread (lib/server/importRequest): parsing,
// checking, re-anchoring and serializing a 16 MiB file take seconds of CPU, which must not
// stop this event loop. What stays here is I/O: the map's row (never its contents, which are
// about to be replaced), the document, the write — the worker's map arrives packed (JSON text a
// chunk at a time: lib/db/packedContents), checked already, and is parsed and stored a chunk at
// a time (lib/db replaceMapContents).
// proxy.ts does not run for this route (its body would be buffered a second time): unproxied()
// refuses a foreign Host and sets the security headers.
import { assertOpenForEdits, documentContext, getDocumentText, getLabelScheme, importMap, mapHeader, openDb } from '@/lib/db';
import { extendJson } from '@/lib/server/importRequest';
import { runTask } from '@/lib/server/workerPool';
import { gateWrite } from '@/app/_shared/overload';
import { handle, HttpError, BODY_LIMITS, notFound, readBytes, pathParams } from '@/app/_shared/http';
import { assertSameOrigin, currentUser } from '@/app/_shared/session';
import { unproxied } from '@/app/_shared/unproxied';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ mapId: string }> }) {
  return unproxied(request, () => gateWrite(() => handle(request, async () => {
    assertSameOrigin(request);
    const db = await openDb();
    const user = await currentUser(db, request);
    const { mapId } = await pathParams(params);
    const map = await mapHeader(db, mapId);
    // Importing a whole file over a map is its owner's alone (as ownMap).
    if (!map || map.userId !== user.id) throw notFound('argument map', mapId);
    const body = await readBytes(request, BODY_LIMITS.mapImport);
    await assertOpenForEdits(db, map.id);
    const [doc, scheme, ctx] = await Promise.all([getDocumentText(db, map.documentId), getLabelScheme(db, map.labelSchemeId), documentContext(db, map.documentId, map.labelSchemeId)]);
    if (!doc || !scheme) throw new HttpError(404, 'the map’s document or label scheme is gone', { code: 'import.sourceGone', params: {} });
    const outcome = await runTask(
      'importRequest',
      {
        body,
        options: {
          document: { id: doc.id, title: doc.title, language: doc.language, text: doc.canonical.text, textSha256: doc.canonical.sha256 },
          labels: scheme.labels.map((l) => ({ id: l.id, name: { ja: l.ja, en: l.en } })),
          boundaries: ctx.boundaries,
          annotator: { id: user.id, name: user.displayName || user.name },
          replacing: { units: map.units },
        },
      },
      [body.buffer],
    );
    if (outcome.kind === 'answer') return jsonText(outcome.json, outcome.status);

    const { summaryJson, baseVersion } = outcome;
    if (map.version !== baseVersion) {
      const current = (await mapHeader(db, map.id))?.version ?? map.version;
      const error = JSON.stringify('the map changed since the import was checked');
      return jsonText(extendJson(summaryJson, { written: 'false', error, version: String(current) }), 409);
    }
    const written = await importMap(db, { documentId: map.documentId, userId: user.id, map: outcome.contents, comments: outcome.comments, expectedVersion: baseVersion });
    return jsonText(extendJson(summaryJson, { written: 'true', version: String(written.version), map: outcome.mapJson }), 200);
  })));
}

function jsonText(text: string, status: number): Response {
  return new Response(text, { status, headers: { 'content-type': 'application/json' } });
}
