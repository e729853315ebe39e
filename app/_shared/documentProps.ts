// The plain props a document view needs, loaded once per page: text, blocks and packed tokens
// (stored at import: no page view tokenizes), and the labels of a scheme.
import { getDocument, getLabelScheme, type Db } from '@/lib/db';
import { packTokens } from '@/lib/tokens/wire';
import { HttpError } from './http';

export async function loadDocumentView(db: Db, documentId: string) {
  const doc = await getDocument(db, documentId);
  if (!doc) return null;
  return {
    id: doc.id,
    title: doc.title,
    language: doc.language,
    length: doc.length,
    tokenCount: doc.tokens.length,
    text: doc.canonical.text,
    blocks: doc.canonical.blocks,
    sha256: doc.canonical.sha256,
    packedTokens: packTokens(doc.tokens),
  };
}

export async function loadLabels(db: Db, schemeId: string) {
  const scheme = await getLabelScheme(db, schemeId);
  if (!scheme) throw new HttpError(500, `label scheme ${schemeId} is missing`);
  return scheme.labels;
}
