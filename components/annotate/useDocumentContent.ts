'use client';
// The document as the editor needs it, fetched rather than inlined in the page: its text, blocks,
// token spans and phrases from /api/documents/:id/content, and its tokens' details (for the word
// tooltip) a chunk at a time, when a tooltip first shows a token of the chunk
// (lib/tokens/spans.ts). Both answers are immutable for the text's sha256, so the browser keeps
// them; a 1 MiB text inlined made 4 MB of HTML a view.
import { useEffect, useMemo, useState } from 'react';
import type { Block } from '@/lib/text/types';
import type { TokenDetails, TokenSpan } from '@/lib/tokens/types';
import { chunkStart, detailsOf, phraseStarts, tokenSpans, type DetailChunk } from '@/lib/tokens/spans';
import { failureOf } from '../useJsonRequest';

/// Which document, and which text of it (its sha256): what the page passes.
export interface DocumentRef {
  id: string;
  sha256: string;
}

export interface DocumentContent {
  text: string;
  blocks: Block[];
  tokens: TokenSpan[];
  /// The first token of each phrase, then the token count (lib/tokens/phrases.ts).
  phrases: number[];
}

/// A failure's `error` is worded where it is shown (wordedFailure).
export type ContentState = { status: 'loading' } | { status: 'failed'; error: unknown } | ({ status: 'ready' } & DocumentContent);

export function contentUrl(doc: DocumentRef): string {
  return `/api/documents/${encodeURIComponent(doc.id)}/content?v=${encodeURIComponent(doc.sha256)}`;
}

export function detailsUrl(doc: DocumentRef, from: number): string {
  return `/api/documents/${encodeURIComponent(doc.id)}/tokens?from=${from}&v=${encodeURIComponent(doc.sha256)}`;
}

async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw await failureOf(res);
  return res.json();
}

/// Loads the document's content; `retry` loads it again after a failure.
export function useDocumentContent(doc: DocumentRef): [ContentState, () => void] {
  const [state, setState] = useState<ContentState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const url = contentUrl(doc);
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    getJson(url, abort.signal)
      .then((body) => {
        const { text, blocks, lengths, phrases } = body as { text: string; blocks: Block[]; lengths: string; phrases: string };
        const tokens = tokenSpans(text, lengths);
        setState({ status: 'ready', text, blocks, tokens, phrases: phraseStarts(phrases, tokens.length) });
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', error: e });
      });
    return () => abort.abort();
  }, [url, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

/// The details of token `index` (whose surface is `surface`), or null while its chunk loads (or
/// when its load failed: it is asked for again when the tooltip moves to another token).
export function useTokenDetails(doc: DocumentRef, index: number | null, surface: string): TokenDetails | null {
  const chunks = useMemo(() => new Map<number, DetailChunk | 'loading'>(), [doc.id, doc.sha256]);
  const [, loaded] = useState(0);
  const from = index == null ? null : chunkStart(index);
  useEffect(() => {
    if (from == null || chunks.has(from)) return;
    chunks.set(from, 'loading');
    getJson(detailsUrl(doc, from))
      .then((chunk) => chunks.set(from, chunk as DetailChunk))
      .catch(() => chunks.delete(from))
      .finally(() => loaded((n) => n + 1));
  }, [from, chunks]);
  const chunk = from == null ? undefined : chunks.get(from);
  return index != null && chunk && chunk !== 'loading' ? detailsOf(chunk, index, surface) : null;
}
