'use client';
// The document as the editor needs it, fetched rather than inlined in the page: its text, blocks,
// token spans and phrases from /api/documents/:id/content, and its tokens' details (for the word
// tooltip) a chunk at a time, when a tooltip first shows a token of the chunk
// (lib/tokens/spans.ts). Both answers are immutable for the text's sha256, so the browser keeps
// them; a 1 MiB text inlined made 4 MB of HTML a view.
import { useEffect, useMemo, useState } from 'react';
import type { Block } from '@/lib/text/types';
import type { TokenDetails, TokenSpan } from '@/lib/tokens/types';
import { DETAIL_CHUNK, chunkStart, detailsOf, phraseStarts, tokenSpans, type DetailChunk } from '@/lib/tokens/spans';
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

/// The detail chunks that hold tokens [first, last], loading those not yet asked for; a lookup
/// of the chunk that holds a token (null while it loads, or after its load failed: it is asked
/// for again when the range moves).
function useDetailChunks(doc: DocumentRef, first: number | null, last: number | null): (index: number) => DetailChunk | null {
  const chunks = useMemo(() => new Map<number, DetailChunk | 'loading'>(), [doc.id, doc.sha256]);
  const [, loaded] = useState(0);
  const from = first == null ? null : chunkStart(first);
  const to = last == null ? from : chunkStart(last);
  useEffect(() => {
    if (from == null || to == null) return;
    for (let at = from; at <= to; at += DETAIL_CHUNK) {
      if (chunks.has(at)) continue;
      const chunk = at;
      chunks.set(chunk, 'loading');
      getJson(detailsUrl(doc, chunk))
        .then((body) => chunks.set(chunk, body as DetailChunk))
        .catch(() => chunks.delete(chunk))
        .finally(() => loaded((n) => n + 1));
    }
  }, [from, to, chunks]);
  return (index) => {
    const chunk = chunks.get(chunkStart(index));
    return chunk && chunk !== 'loading' ? chunk : null;
  };
}

/// The details of token `index` (whose surface is `surface`), or null while its chunk loads.
export function useTokenDetails(doc: DocumentRef, index: number | null, surface: string): TokenDetails | null {
  const chunkOf = useDetailChunks(doc, index, index);
  const chunk = index == null ? null : chunkOf(index);
  return index != null && chunk ? detailsOf(chunk, index, surface) : null;
}

/// The details of tokens [first, last] (what the caret shows: a phrase may cross a chunk's
/// edge), or null while any of them loads.
export function useRangeDetails(doc: DocumentRef, tokens: readonly TokenSpan[], range: { first: number; last: number } | null): TokenDetails[] | null {
  const chunkOf = useDetailChunks(doc, range?.first ?? null, range?.last ?? null);
  if (!range) return null;
  const out: TokenDetails[] = [];
  for (let i = range.first; i <= range.last; i++) {
    const chunk = chunkOf(i);
    if (!chunk) return null;
    out.push(detailsOf(chunk, i, tokens[i].surface));
  }
  return out;
}
