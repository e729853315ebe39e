// What importing and exporting whole maps needs from storage beyond maps.ts: finding a map
// without creating it, listing a document's maps, finding a user by id or name, and `importMap`,
// which replaces a user's map with an imported one in one transaction (replaceMapContents).
//
// Validation of the imported file (offsets, quotes, labels, re-anchoring) happens before, in
// lib/formats (importAnnotated); importMap only re-checks what the database relies on, so that a
// refused import writes nothing — not even the empty map a first import would create.
import { randomUUID } from 'node:crypto';
import { isImplicit, type ArgumentMap } from '@/lib/argument/types';
import { COMMENT_MAX_LENGTH } from '@/lib/comments/types';
import type { MapComment } from '@/lib/formats/types';
import type { Db } from './connect';
import { InvalidDataError, NotFoundError } from './errors';
import { getLabelScheme, schemeForUserDocument } from './label-schemes';
import { getMap, getOrCreateMapRow, replaceMapContents, type StoredMap } from './maps';
import { insertRows } from './rows';
import { isPacked, type PackedContents } from './packedContents';
import { getUser, type User } from './users';

export interface DocumentMapSummary {
  mapId: string;
  userId: string;
  userName: string;
  version: number;
  labelSchemeId: string;
  updatedAt: string;
}

/// The maps of a document, by user name.
export async function listMapsOfDocument(db: Db, documentId: string): Promise<DocumentMapSummary[]> {
  const rows = await db.kysely
    .selectFrom('argument_maps as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.user_id', 'u.name', 'm.version', 'm.label_scheme_id', 'm.updated_at'])
    .where('m.document_id', '=', documentId)
    .orderBy('u.name')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ mapId: r.id, userId: r.user_id, userName: r.name, version: Number(r.version), labelSchemeId: r.label_scheme_id, updatedAt: r.updated_at }));
}

export interface UserMapSummary {
  mapId: string;
  documentId: string;
  labelSchemeId: string;
  /// Number of units (PostgreSQL counts come back as strings; this is a number).
  units: number;
  version: number;
  updatedAt: string;
  submittedAt: string | null;
}

/// The user's own maps of every document, most recently edited first: what an instructor picks a
/// reference map from, and whether a student has handed in each. One query.
export async function listMapsOfUser(db: Db, userId: string): Promise<UserMapSummary[]> {
  const rows = await db.kysely
    .selectFrom('argument_maps as m')
    .select((eb) => [
      'm.id',
      'm.document_id',
      'm.label_scheme_id',
      'm.version',
      'm.updated_at',
      'm.submitted_at',
      eb.selectFrom('units as u').whereRef('u.map_id', '=', 'm.id').select((e) => e.fn.countAll().as('n')).as('units'),
    ])
    .where('m.user_id', '=', userId)
    .orderBy('m.updated_at', 'desc')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ mapId: r.id, documentId: r.document_id, labelSchemeId: r.label_scheme_id, units: Number(r.units ?? 0), version: Number(r.version), updatedAt: r.updated_at, submittedAt: r.submitted_at }));
}

export interface MapHeader {
  id: string;
  documentId: string;
  userId: string;
  labelSchemeId: string;
  version: number;
  /// How many units the map has.
  units: number;
}

/// A map's row and its number of units, without its contents (or null): what the import route
/// needs of a map it is about to replace — reading a 20,000-unit map only to count it held the
/// event loop for a hundred ms on SQLite.
export async function mapHeader(db: Db, mapId: string): Promise<MapHeader | null> {
  const row = await db.kysely
    .selectFrom('argument_maps as m')
    .select((eb) => ['m.id', 'm.document_id', 'm.user_id', 'm.label_scheme_id', 'm.version', eb.selectFrom('units as u').whereRef('u.map_id', '=', 'm.id').select((e) => e.fn.countAll().as('n')).as('units')])
    .where('m.id', '=', mapId)
    .executeTakeFirst();
  return row ? { id: row.id, documentId: row.document_id, userId: row.user_id, labelSchemeId: row.label_scheme_id, version: Number(row.version), units: Number(row.units ?? 0) } : null;
}

/// The user's map of the document, or null (never creates one).
export async function findMap(db: Db, documentId: string, userId: string): Promise<StoredMap | null> {
  const row = await db.kysely.selectFrom('argument_maps').select('id').where('document_id', '=', documentId).where('user_id', '=', userId).executeTakeFirst();
  return row ? getMap(db, row.id) : null;
}

/// A user by id, or else by (unique) name.
export async function findUser(db: Db, idOrName: string): Promise<User | null> {
  const byId = await getUser(db, idOrName);
  if (byId) return byId;
  const row = await db.kysely.selectFrom('users').select('id').where('name', '=', idOrName).executeTakeFirst();
  return row ? getUser(db, row.id) : null;
}

/// The label scheme a user's map of a document uses (or would use when created): as
/// getOrCreateMap decides, a map never written (version 1) follows schemeForUserDocument.
export async function mapLabelSchemeId(db: Db, documentId: string, userId: string): Promise<string> {
  const row = await db.kysely.selectFrom('argument_maps').select(['label_scheme_id', 'version']).where('document_id', '=', documentId).where('user_id', '=', userId).executeTakeFirst();
  if (row && Number(row.version) > 1) return row.label_scheme_id;
  return schemeForUserDocument(db, userId, documentId);
}

export interface ImportMapInput {
  documentId: string;
  userId: string;
  /// Packed (./packedContents) when checked already, against the map's scheme and text and the
  /// model's rules: an import's map, which importFile checked on the import route's worker
  /// thread. Checking 20,000 units and their relations again here held every other request for
  /// up to hundreds of ms.
  map: ArgumentMap | PackedContents;
  /// The file's comments (importAnnotated keeps those on units and relations of `map`, and on
  /// the map). Added beside the comments the map already has, which outlive the replacement; one
  /// whose id the map already has (a second import of the same file) is not added twice. Authors
  /// are users by name; a comment by someone without an account here is the importer's, its
  /// body opened with the author's name.
  comments?: readonly MapComment[];
  /// The version the import was validated against; a map changed since is refused
  /// (StaleVersionError) rather than overwritten. Omit to replace whatever is there.
  expectedVersion?: number;
}

/// Replaces the user's map of the document (created on first use) with `map`, in one
/// transaction; returns the map id and its new version. Throws InvalidDataError (nothing written)
/// when a unit's label is not in the map's scheme or an offset is outside the text (a packed
/// map's packer checked those), and
/// MapLockedError (nothing written) when the map has been submitted.
export async function importMap(db: Db, input: ImportMapInput): Promise<{ mapId: string; version: number }> {
  const { documentId, userId, map } = input;
  const doc = await db.kysely.selectFrom('documents').select('canonical_text').where('id', '=', documentId).executeTakeFirst();
  if (!doc) throw new NotFoundError('document', documentId);
  if (!(await getUser(db, userId))) throw new NotFoundError('user', userId);
  const schemeId = await mapLabelSchemeId(db, documentId, userId);
  const scheme = await getLabelScheme(db, schemeId);
  if (!scheme) throw new NotFoundError('label scheme', schemeId);
  const labels = new Set(scheme.labels.map((l) => l.id));
  for (const u of isPacked(map) ? [] : map.units) {
    if (!labels.has(u.label)) throw new InvalidDataError(`unit ${u.id}: label "${u.label}" is not in label scheme ${schemeId}`);
    if (isImplicit(u)) continue; // no place in the text to check
    if (!Number.isInteger(u.start) || !Number.isInteger(u.end) || u.start < 0 || u.end > doc.canonical_text.length || u.start >= u.end) {
      throw new InvalidDataError(`unit ${u.id}: ${u.start}–${u.end} is not a span of the document`);
    }
  }
  const comments = input.comments ?? [];
  const names = [...new Set(comments.map((c) => c.author).filter(Boolean))];
  const authors = new Map(names.length ? (await db.kysely.selectFrom('users').select(['id', 'name']).where('name', 'in', names).execute()).map((u) => [u.name, u.id] as const) : []);
  const stored = await getOrCreateMapRow(db, documentId, userId);
  const version = await replaceMapContents(db, stored.id, input.expectedVersion ?? stored.version, map, {
    alongside: async (trx) => {
      if (!comments.length) return;
      // Ids are kept unless another map's comment has one (ids are unique across maps).
      const taken = new Map<string, string>();
      const ids = comments.map((c) => c.id);
      for (let i = 0; i < ids.length; i += 500) {
        for (const c of await trx.selectFrom('comments').select(['id', 'map_id']).where('id', 'in', ids.slice(i, i + 500)).execute()) taken.set(c.id, c.map_id);
      }
      const rows = comments
        .filter((c) => taken.get(c.id) !== stored.id)
        .map((c) => {
          const authorId = authors.get(c.author);
          return {
            id: taken.has(c.id) ? randomUUID() : c.id,
            map_id: stored.id,
            target_kind: c.targetKind,
            target_id: c.targetKind === 'map' ? null : c.targetId,
            author_id: authorId ?? userId,
            body: authorId || !c.author ? c.body.trim() : `${c.author}: ${c.body.trim()}`.slice(0, COMMENT_MAX_LENGTH),
            created_at: /^\d{4}-\d{2}-\d{2}T/.test(c.createdAt) ? c.createdAt : new Date().toISOString(),
          };
        });
      // Written as the map's rows (rows.ts): a file may carry thousands, a chunk a statement.
      await insertRows(trx, db.dialect, 'comments', rows);
    },
  });
  return { mapId: stored.id, version };
}
