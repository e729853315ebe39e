// The plain props a document view needs, loaded once per page: the document's title, size and
// sha256 — not its text and tokens, which the workspace fetches from
// /api/documents/:id/content (a 1 MiB text inlined made 4 MB of HTML and cost 1.7 s of server
// CPU a view) — and the labels of a scheme.
import { getDocumentInfo, getLabelScheme, type Db } from '@/lib/db';
import { documentWire } from './documentWire';
import { HttpError } from './http';

export async function loadDocumentView(db: Db, documentId: string) {
  const doc = await getDocumentInfo(db, documentId);
  // The token count from the cached wire form the content route serves anyway: the stored
  // count sits past the tokens' JSON, where SQLite reads slowly (getDocumentInfo).
  const wire = doc && (await documentWire(db, doc));
  return doc && wire ? { ...doc, tokenCount: wire.packed.len.length } : null;
}

export async function loadLabels(db: Db, schemeId: string) {
  const scheme = await getLabelScheme(db, schemeId);
  if (!scheme) throw new HttpError(500, `label scheme ${schemeId} is missing`);
  return scheme.labels;
}
