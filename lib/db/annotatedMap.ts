// Loads stored maps as the formats layer's AnnotatedMap (document text, annotator, labels,
// comments): what every export serializes. loadAnnotatedMap reads one map; a class export
// reads many at once (lib/db/classExport.ts) with loadMapComments and toAnnotatedMap, so both
// paths give the same value for the same map.
import type { AnnotatedMap, MapComment } from '@/lib/formats/types';
import type { Db } from './connect';
import { getDocumentText, type StoredDocumentText } from './documents';
import { NotFoundError } from './errors';
import { getLabelScheme, type LabelScheme } from './label-schemes';
import type { StoredMap } from './maps';
import { getUser } from './users';

export async function loadAnnotatedMap(db: Db, map: StoredMap): Promise<AnnotatedMap> {
  const [doc, user, scheme, comments] = await Promise.all([
    getDocumentText(db, map.documentId),
    getUser(db, map.userId),
    getLabelScheme(db, map.labelSchemeId),
    loadMapComments(db, [map.id]),
  ]);
  if (!doc) throw new NotFoundError('document', map.documentId);
  if (!user) throw new NotFoundError('user', map.userId);
  if (!scheme) throw new NotFoundError('label scheme', map.labelSchemeId);
  return toAnnotatedMap(doc, user, scheme, map, comments.get(map.id) ?? []);
}

/// The comments of these maps (oldest first within each map), by map id; one query per 500 maps.
export async function loadMapComments(db: Db, mapIds: readonly string[]): Promise<Map<string, MapComment[]>> {
  const byMap = new Map<string, MapComment[]>();
  for (let i = 0; i < mapIds.length; i += 500) {
    const rows = await db.kysely
      .selectFrom('comments')
      .innerJoin('users', 'users.id', 'comments.author_id')
      .select(['comments.map_id', 'comments.id', 'comments.target_kind', 'comments.target_id', 'users.name as author', 'comments.body', 'comments.created_at'])
      .where('comments.map_id', 'in', mapIds.slice(i, i + 500))
      .orderBy('comments.map_id')
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .execute();
    for (const c of rows) {
      const comment: MapComment = { id: c.id, targetKind: c.target_kind, targetId: c.target_id, author: c.author, body: c.body, createdAt: c.created_at };
      const list = byMap.get(c.map_id);
      if (list) list.push(comment);
      else byMap.set(c.map_id, [comment]);
    }
  }
  return byMap;
}

/// The AnnotatedMap of a map's contents, given what it refers to.
export function toAnnotatedMap(
  doc: StoredDocumentText,
  annotator: { id: string; name: string; displayName: string },
  scheme: LabelScheme,
  map: Pick<StoredMap, 'units' | 'relations' | 'mainClaimId'>,
  comments: MapComment[],
): AnnotatedMap {
  return {
    document: { id: doc.id, title: doc.title, language: doc.language, text: doc.canonical.text, textSha256: doc.canonical.sha256 },
    annotator: { id: annotator.id, name: annotator.displayName || annotator.name },
    labels: scheme.labels.map((l) => ({ id: l.id, name: { ja: l.ja, en: l.en } })),
    map: { units: map.units, relations: map.relations, mainClaimId: map.mainClaimId },
    comments,
  };
}
