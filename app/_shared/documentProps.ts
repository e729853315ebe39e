// The plain props a document view needs, loaded once per page: the document's title, size and
// sha256 — not its text and tokens, which the workspace fetches from
// /api/documents/:id/content (a 1 MiB text inlined made 4 MB of HTML and cost 1.7 s of server
// CPU a view) — and the labels of a scheme.
import { getDocumentInfo, getLabelScheme, type Db } from '@/lib/db';
import { HttpError } from './http';

export const loadDocumentView = (db: Db, documentId: string) => getDocumentInfo(db, documentId);

export async function loadLabels(db: Db, schemeId: string) {
  const scheme = await getLabelScheme(db, schemeId);
  if (!scheme) throw new HttpError(500, `label scheme ${schemeId} is missing`);
  return scheme.labels;
}
