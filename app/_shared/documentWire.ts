// The wire forms of a document's tokens, served from memory: the content a page fetches (text,
// blocks, token boundaries and phrase sizes, lib/tokens/spans.ts) as ready bytes, the packed
// tokens the detail chunks are cut from, and — made when furigana are first asked for — the
// words' readings (lib/tokens/ruby.ts). Documents never change once imported, so each is built once per
// process from the stored packed tokens (never from the tokens' full JSON) and kept, keyed by
// id and sha256 (a document deleted and imported again under its id is built afresh).
//
// Invariants: concurrent first requests for a document share one load; the cache holds at most
// CACHE_BYTES of content (least recently used dropped first), so a server with many big texts
// stays bounded; when cached, a view reads nothing from the database but the caller's
// getDocumentInfo (which gives the sha256).

import { getDocumentInfo, getDocumentWire, openDb, type Db, type DocumentInfo } from '@/lib/db';
import { encodeLengths } from '@/lib/tokens/spans';
import type { PackedTokens } from '@/lib/tokens/wire';
import { rubiesOf, toRubyRows } from '@/lib/tokens/ruby';
import { handle, notFound, pathParams } from './http';
import { currentUser } from './session';

export interface DocumentWire {
  sha256: string;
  /// The JSON of { text, blocks, lengths, phrases }, UTF-8: what /api/documents/:id/content sends.
  content: Uint8Array<ArrayBuffer>;
  packed: PackedTokens;
  text: string;
  /// The JSON of { ruby: RubyRow[] }, UTF-8, made on first use (rubyBytes).
  ruby?: Uint8Array<ArrayBuffer>;
}

/// What /api/documents/:id/ruby sends: every kanji word's reading and grade. Made once per
/// document and process, when a reader first turns furigana on (linear in the tokens).
export function rubyBytes(wire: DocumentWire): Uint8Array<ArrayBuffer> {
  wire.ruby ??= new TextEncoder().encode(JSON.stringify({ ruby: toRubyRows(rubiesOf(wire.text, wire.packed)) }));
  return wire.ruby;
}

/// About six 1 MiB texts. An entry is counted as 8× its content: the parsed packed tokens' four
/// arrays of one slot a token (200,000 tokens for 1 MiB) outweigh the 1.3 MB of content.
const CACHE_BYTES = 64 * 1024 * 1024;

const cache = new Map<string, Promise<DocumentWire | null>>();
const sizes = new Map<string, number>();

function evict() {
  let total = [...sizes.values()].reduce((a, b) => a + b, 0);
  for (const key of cache.keys()) {
    if (total <= CACHE_BYTES) break;
    total -= sizes.get(key) ?? 0;
    cache.delete(key);
    sizes.delete(key);
  }
}

async function build(db: Db, doc: DocumentInfo): Promise<DocumentWire | null> {
  const row = await getDocumentWire(db, doc.id);
  // Deleted (or imported again) since the caller read its info.
  if (!row || row.sha256 !== doc.sha256) return null;
  const packed = JSON.parse(row.packedTokens) as PackedTokens;
  // blocks arrive as stored JSON: spliced in, not parsed and stringified again.
  const content = `{"text":${JSON.stringify(row.text)},"blocks":${row.blocksJson},"lengths":${JSON.stringify(encodeLengths(packed.len))},"phrases":${JSON.stringify(packed.phrases)}}`;
  return { sha256: row.sha256, content: new TextEncoder().encode(content), packed, text: row.text };
}

/// The wire forms of the document `doc` describes (getDocumentInfo), or null when it is gone.
export async function documentWire(db: Db, doc: DocumentInfo): Promise<DocumentWire | null> {
  const key = `${doc.id}\u0000${doc.sha256}`;
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key); // to the back: most recently used
    cache.set(key, entry);
    return entry;
  }
  entry = build(db, doc);
  cache.set(key, entry);
  try {
    const wire = await entry;
    // Gone since the caller's look-up: not kept, so that the same text imported again is served.
    if (!wire) cache.delete(key);
    else sizes.set(key, wire.content.byteLength * 8);
    evict();
    return wire;
  } catch (e) {
    cache.delete(key);
    throw e;
  }
}

/// GET of a part of a document's wire form (the content, the furigana): signed-in readers only,
/// 404 for an unknown document, and cached for good when asked for by the text's sha256 (`?v=`),
/// since the answer then never changes.
export function documentPartRoute(part: (wire: DocumentWire) => BodyInit) {
  return (request: Request, { params }: { params: Promise<{ id: string }> }) =>
    handle(request, async () => {
      const db = await openDb();
      await currentUser(db, request);
      const { id } = await pathParams(params);
      const doc = await getDocumentInfo(db, id);
      const wire = doc && (await documentWire(db, doc));
      if (!wire) throw notFound('document', id);
      const immutable = new URL(request.url).searchParams.get('v') === wire.sha256;
      return new Response(part(wire), {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': immutable ? 'private, max-age=31536000, immutable' : 'private, no-cache',
        },
      });
    });
}
