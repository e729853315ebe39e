// Imports a source text as a document: canonical text, tokens computed once (here, on the
// server or in the CLI) and stored with it, so that no page view ever tokenizes.
// Server/CLI only: it loads the kuromoji dictionary.
import type { Db } from '@/lib/db';
import { createDocument } from '@/lib/db';
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

/// Derives everything first, then writes the document in one insert: a failure writes nothing.
export async function importText(db: Db, input: TextImport): Promise<string> {
  const reflow = input.reflow ?? 'auto';
  const { canonical, tokens } = await prepareText(input.source, reflow);
  return createDocument(db, {
    id: input.id,
    title: input.title,
    language: input.language ?? 'ja',
    sourceText: input.source,
    reflow,
    origin: input.origin ?? null,
    canonical,
    tokens,
  });
}
