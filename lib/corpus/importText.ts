// Imports a source text as a document: canonical text, tokens computed once (here, on the
// server or in the CLI) and stored with it, so that no page view ever tokenizes.
// Server/CLI only: it loads the kuromoji dictionary. The server runs the CPU part
// (prepareDocument: canonicalizing, the dictionary's first load, tokenizing, serializing) on a
// worker thread (lib/server/tasks), so its event loop only stores the result; the CLI runs it
// in its own thread.
import type { Db } from '@/lib/db';
import { insertDocument } from '@/lib/db';
import { serializeDocument, type SerializedDocument } from '@/lib/db/documents';
import { canonicalize } from '@/lib/text';
import type { CanonicalText, Reflow } from '@/lib/text/types';
import type { Token } from '@/lib/tokens/types';
import { tokenize } from '@/lib/tokens/kuromoji';

export interface TextImport {
  id?: string;
  title: string;
  language?: string;
  source: string;
  reflow?: Reflow;
  origin?: string | null;
}

export interface PreparedText {
  canonical: CanonicalText;
  tokens: Token[];
}

/// The canonical text and its tokens, without storing anything (`ronten tokens FILE`).
export async function prepareText(source: string, reflow: Reflow = 'auto'): Promise<PreparedText> {
  const canonical = canonicalize(source, { reflow });
  return { canonical, tokens: await tokenize(canonical.text) };
}

/// Everything stored of a new document derived from its source, checked (serializeDocument).
export async function prepareDocument({ source, reflow }: { source: string; reflow: Reflow }): Promise<SerializedDocument> {
  const { canonical, tokens } = await prepareText(source, reflow);
  return serializeDocument(canonical, tokens);
}

/// Derives everything first (with `prepare`: the server passes its worker's), then writes the
/// document in one insert: a failure writes nothing.
export async function importText(db: Db, input: TextImport, prepare: typeof prepareDocument = prepareDocument): Promise<string> {
  const reflow = input.reflow ?? 'auto';
  const serialized = await prepare({ source: input.source, reflow });
  return insertDocument(db, {
    id: input.id,
    title: input.title,
    language: input.language ?? 'ja',
    sourceText: input.source,
    reflow,
    origin: input.origin ?? null,
    serialized,
  });
}
