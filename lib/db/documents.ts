// Stored documents: an imported essay in its canonical form, with its tokens.
//
// Invariants checked on write (so every reader can rely on them): the sha256 is that of the
// canonical text's UTF-8 bytes, and the tokens' surfaces concatenate to the canonical text,
// contiguously from offset 0 (the token contract). length is counted in code points, as
// exports and listings show it; offsets inside stay UTF-16. Tokens are stored as one JSON
// text column and read only when a caller asks for them: listings and reading the text alone
// never parse them (a tokenized essay's JSON is far larger than the essay). They are stored a
// second time packed (lib/tokens/wire.ts, a tenth of the size), which is all a page view reads.

import { randomUUID } from 'node:crypto';
import { sha256Hex } from '@/lib/text/hash';
import { codePointLength } from '@/lib/text/offsets';
import type { Block, CanonicalText, Reflow } from '@/lib/text/types';
import type { Token } from '@/lib/tokens/types';
import { packTokens } from '@/lib/tokens/wire';
import type { Db } from './connect';
import { DuplicateIdError, InvalidDataError, constraintViolation } from './errors';

export interface CreateDocumentInput {
  id?: string;
  title: string;
  language: string;
  sourceText: string;
  reflow: Reflow;
  origin?: string | null;
  canonical: CanonicalText;
  tokens: Token[];
}

export interface DocumentSummary {
  id: string;
  title: string;
  language: string;
  /// Length of the canonical text in code points.
  length: number;
  /// Number of argument maps on this document (that the viewer may read: documentAccess.ts).
  maps: number;
  /// An admin made it visible to every signed-in user.
  public: boolean;
  createdAt: string;
}

/// A document without its tokens: what a listing detail or an export header needs.
export interface StoredDocumentText {
  id: string;
  title: string;
  language: string;
  sourceText: string;
  reflow: Reflow;
  origin: string | null;
  canonical: CanonicalText;
  /// Length of the canonical text in code points.
  length: number;
  tokenCount: number;
  createdAt: string;
}

export interface StoredDocument extends StoredDocumentText {
  tokens: Token[];
}

/// What createDocument stores besides the caller's facts: the canonical text's columns and its
/// tokens serialized, checked (the sha256 is the text's, the tokens cover it). CPU work that
/// grows with the text (hashing, 28 MB of JSON for a 1 MiB text): the server's text import runs
/// it on a worker thread (lib/corpus/importText prepareDocument) and stores the result with
/// insertDocument. Throws InvalidDataError when text, hash and tokens disagree.
export interface SerializedDocument {
  canonicalText: string;
  blocksJson: string;
  sha256: string;
  lengthCp: number;
  tokensJson: string;
  tokensPacked: string;
  tokenCount: number;
}

export function serializeDocument(canonical: CanonicalText, tokens: Token[]): SerializedDocument {
  const { text, blocks, sha256 } = canonical;
  checkDocument(text, sha256, tokens);
  return {
    canonicalText: text,
    blocksJson: JSON.stringify(blocks),
    sha256,
    lengthCp: codePointLength(text),
    tokensJson: JSON.stringify(tokens),
    tokensPacked: JSON.stringify(packTokens(tokens)),
    tokenCount: tokens.length,
  };
}

export type InsertDocumentInput = Omit<CreateDocumentInput, 'canonical' | 'tokens'> & { serialized: SerializedDocument };

/// Stores a document and returns its id. Throws DuplicateIdError when the id is taken and
/// InvalidDataError when the canonical text, its hash and the tokens disagree.
export async function createDocument(db: Db, input: CreateDocumentInput): Promise<string> {
  const { canonical, tokens, ...rest } = input;
  return insertDocument(db, { ...rest, serialized: serializeDocument(canonical, tokens) });
}

/// createDocument's insert, of a document serializeDocument made (nothing else makes one).
export async function insertDocument(db: Db, input: InsertDocumentInput): Promise<string> {
  const id = input.id ?? randomUUID();
  const s = input.serialized;
  try {
    await db.kysely
      .insertInto('documents')
      .values({
        id,
        title: input.title,
        language: input.language,
        source_text: input.sourceText,
        reflow: input.reflow,
        origin: input.origin ?? null,
        canonical_text: s.canonicalText,
        blocks_json: s.blocksJson,
        sha256: s.sha256,
        length_cp: s.lengthCp,
        tokens_json: s.tokensJson,
        tokens_packed: s.tokensPacked,
        token_count: s.tokenCount,
        created_at: new Date().toISOString(),
      })
      .execute();
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new DuplicateIdError('document', id, { cause: err });
    throw err;
  }
  return id;
}

/// The whole document including tokens, or null.
export async function getDocument(db: Db, id: string): Promise<StoredDocument | null> {
  const row = await db.kysely
    .selectFrom('documents')
    .select([...TEXT_COLUMNS, 'tokens_json'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { ...toDocumentText(row), tokens: JSON.parse(row.tokens_json) as Token[] };
}

/// The document without its tokens, or null.
export async function getDocumentText(db: Db, id: string): Promise<StoredDocumentText | null> {
  const row = await db.kysely.selectFrom('documents').select(TEXT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toDocumentText(row) : null;
}

/// What a page shows of a document before its text arrives, or null. Only columns stored
/// before tokens_json: SQLite reaches a later column (token_count, tokens_packed) by walking the
/// tokens' overflow pages, ~50 ms for a 1 MiB text's 28 MB.
export interface DocumentInfo {
  id: string;
  title: string;
  language: string;
  sha256: string;
  /// Length of the canonical text in code points.
  length: number;
}

export async function getDocumentInfo(db: Db, id: string): Promise<DocumentInfo | null> {
  const row = await db.kysely
    .selectFrom('documents')
    .select(['id', 'title', 'language', 'sha256', 'length_cp'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, title: row.title, language: row.language, sha256: row.sha256, length: Number(row.length_cp) } : null;
}

/// The stored text, blocks and packed tokens as they are stored (JSON text, not parsed): what
/// the browser's copy of the document is made from.
export interface DocumentWireRow {
  sha256: string;
  text: string;
  blocksJson: string;
  packedTokens: string;
}

export async function getDocumentWire(db: Db, id: string): Promise<DocumentWireRow | null> {
  const row = await db.kysely
    .selectFrom('documents')
    .select(['sha256', 'canonical_text', 'blocks_json', 'tokens_packed'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { sha256: row.sha256, text: row.canonical_text, blocksJson: row.blocks_json, packedTokens: row.tokens_packed } : null;
}

export async function documentExists(db: Db, id: string): Promise<boolean> {
  const row = await db.kysely.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/// Deletes the document and, by cascade, every argument map on it (with units, relations and
/// comments). Returns whether a document was deleted.
export async function deleteDocument(db: Db, id: string): Promise<boolean> {
  const result = await db.kysely.deleteFrom('documents').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

const TEXT_COLUMNS = [
  'id',
  'title',
  'language',
  'source_text',
  'reflow',
  'origin',
  'canonical_text',
  'blocks_json',
  'sha256',
  'length_cp',
  'token_count',
  'created_at',
] as const;

function toDocumentText(row: {
  id: string;
  title: string;
  language: string;
  source_text: string;
  reflow: Reflow;
  origin: string | null;
  canonical_text: string;
  blocks_json: string;
  sha256: string;
  length_cp: number;
  token_count: number;
  created_at: string;
}): StoredDocumentText {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    sourceText: row.source_text,
    reflow: row.reflow,
    origin: row.origin,
    canonical: { text: row.canonical_text, blocks: JSON.parse(row.blocks_json) as Block[], sha256: row.sha256 },
    length: Number(row.length_cp),
    tokenCount: Number(row.token_count),
    createdAt: row.created_at,
  };
}

function checkDocument(text: string, sha256: string, tokens: Token[]): void {
  const actual = sha256Hex(text);
  if (sha256 !== actual) {
    throw new InvalidDataError(`canonical.sha256 ${sha256} is not the sha256 of the canonical text (${actual})`);
  }
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start !== at || t.end !== at + t.surface.length || text.slice(t.start, t.end) !== t.surface) {
      throw new InvalidDataError(
        `token ${i} (${JSON.stringify(t.surface)} at ${t.start}-${t.end}) does not continue the text at offset ${at}`,
      );
    }
    at = t.end;
  }
  if (at !== text.length) {
    throw new InvalidDataError(`tokens cover ${at} of ${text.length} UTF-16 code units of the canonical text`);
  }
}
