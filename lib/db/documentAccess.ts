// Which documents a user sees, and how many maps of each they may read (classroom mode).
//
// Invariants:
// - Students see the documents of assignments in the courses they are enrolled in, plus those
//   an admin marked public (documents.public, migration 008). Everyone else — instructors (who
//   choose texts for assignments), admins, the solo local user, the CLI (no viewer) — sees all.
// - A listing's map count counts only maps the viewer may read (readableMap in
//   app/_shared/session.ts): a student their own; an instructor their own and those of students
//   enrolled in a course they teach that has an assignment on the document; an admin their own
//   and those of students in any course with an assignment on it; no viewer / local: all.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';
import type { DocumentSummary } from './documents';
import type { User } from './users';
import { NotFoundError } from './errors';

export type DocumentViewer = Pick<User, 'id' | 'role'>;

type DocEb = ExpressionBuilder<Database & { d: Database['documents'] }, 'd'>;

/// The condition "viewer may see document d" (true for all but students).
function visible(eb: DocEb, viewer: DocumentViewer | undefined) {
  if (!viewer || viewer.role !== 'student') return sql<boolean>`1 = 1`;
  return eb.or([
    eb('d.public', '=', 1),
    eb.exists(
      eb
        .selectFrom('assignments as a')
        .innerJoin('enrolments as e', 'e.course_id', 'a.course_id')
        .select('a.id')
        .whereRef('a.document_id', '=', 'd.id')
        .where('e.user_id', '=', viewer.id),
    ),
  ]);
}

/// The number of maps on document d the viewer may read.
function readableMapCount(eb: DocEb, viewer: DocumentViewer | undefined) {
  let q = eb.selectFrom('argument_maps as m').whereRef('m.document_id', '=', 'd.id');
  if (viewer && viewer.role !== 'local') {
    const teacher = viewer.role === 'admin' ? null : viewer.id;
    q = q.where((w) =>
      w.or([
        w('m.user_id', '=', viewer.id),
        ...(viewer.role === 'student'
          ? []
          : [
              w.exists(
                w
                  .selectFrom('assignments as a')
                  .innerJoin('enrolments as s', (j) => j.onRef('s.course_id', '=', 'a.course_id').onRef('s.user_id', '=', 'm.user_id').on('s.role', '=', 'student'))
                  .innerJoin('courses as c', 'c.id', 'a.course_id')
                  .select('a.id')
                  .whereRef('a.document_id', '=', 'd.id')
                  .where((t) =>
                    teacher === null
                      ? sql<boolean>`1 = 1`
                      : t.or([
                          t('c.owner_id', '=', teacher),
                          t.exists(
                            t.selectFrom('enrolments as i').select('i.user_id').whereRef('i.course_id', '=', 'a.course_id').where('i.user_id', '=', teacher).where('i.role', '=', 'instructor'),
                          ),
                        ]),
                  ),
              ),
            ]),
      ]),
    );
  }
  return q.select((e) => e.fn.countAll().as('n'));
}

/// The documents the viewer sees (all without a viewer: the CLI), newest first, with the
/// number of maps on each that the viewer may read. Never reads the tokens.
export async function listDocuments(db: Db, viewer?: DocumentViewer): Promise<DocumentSummary[]> {
  const rows = await db.kysely
    .selectFrom('documents as d')
    .select((eb) => ['d.id', 'd.title', 'd.language', 'd.length_cp', 'd.created_at', 'd.public', readableMapCount(eb, viewer).as('maps')])
    .where((eb) => visible(eb, viewer))
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    language: r.language,
    length: Number(r.length_cp),
    // PostgreSQL returns count(*) (a bigint) as a string.
    maps: Number(r.maps ?? 0),
    public: Number(r.public) === 1,
    createdAt: r.created_at,
  }));
}

/// Whether the viewer may see the document (false also when it does not exist).
export async function documentVisibleTo(db: Db, viewer: DocumentViewer, documentId: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('documents as d')
    .select('d.id')
    .where('d.id', '=', documentId)
    .where((eb) => visible(eb, viewer))
    .executeTakeFirst();
  return row !== undefined;
}

/// Marks the document public (every signed-in user sees it) or not. NotFoundError if unknown.
export async function setDocumentPublic(db: Db, documentId: string, isPublic: boolean): Promise<void> {
  const result = await db.kysely.updateTable('documents').set({ public: isPublic ? 1 : 0 }).where('id', '=', documentId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('document', documentId);
}
