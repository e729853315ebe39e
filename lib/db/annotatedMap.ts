// Loads a stored map as the formats layer's AnnotatedMap (document text, annotator, labels,
// comments): what every export serializes.
import type { AnnotatedMap } from '@/lib/formats/types';
import type { Db } from './connect';
import { getDocumentText } from './documents';
import { NotFoundError } from './errors';
import { getLabelScheme } from './label-schemes';
import type { StoredMap } from './maps';
import { getUser } from './users';

export async function loadAnnotatedMap(db: Db, map: StoredMap): Promise<AnnotatedMap> {
  const [doc, user, scheme, comments] = await Promise.all([
    getDocumentText(db, map.documentId),
    getUser(db, map.userId),
    getLabelScheme(db, map.labelSchemeId),
    db.kysely
      .selectFrom('comments')
      .innerJoin('users', 'users.id', 'comments.author_id')
      .select(['comments.id', 'comments.target_kind', 'comments.target_id', 'users.name as author', 'comments.body', 'comments.created_at'])
      .where('comments.map_id', '=', map.id)
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .execute(),
  ]);
  if (!doc) throw new NotFoundError('document', map.documentId);
  if (!user) throw new NotFoundError('user', map.userId);
  if (!scheme) throw new NotFoundError('label scheme', map.labelSchemeId);
  return {
    document: { id: doc.id, title: doc.title, language: doc.language, text: doc.canonical.text, textSha256: doc.canonical.sha256 },
    annotator: { id: user.id, name: user.displayName || user.name },
    labels: scheme.labels.map((l) => ({ id: l.id, name: { ja: l.ja, en: l.en } })),
    map: { units: map.units, relations: map.relations, mainClaimId: map.mainClaimId },
    comments: comments.map((c) => ({
      id: c.id,
      targetKind: c.target_kind,
      targetId: c.target_id,
      author: c.author,
      body: c.body,
      createdAt: c.created_at,
    })),
  };
}
