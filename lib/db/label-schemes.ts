// Label schemes: the set of unit labels a map uses. The default scheme (id "default":
// 主張 claim, 根拠 evidence, 反論 counterargument, 再反論 rebuttal) is seeded by migration 001,
// so it exists in every database and belongs to no one. Instructors add their own
// (createLabelScheme, owner set) and an assignment names the scheme its maps use; a map takes
// its scheme when it is created (see schemeForUserDocument in maps.ts) and keeps it.
//
// Invariants: a scheme's labels never change once stored (maps and their exports refer to
// them by id); what a new scheme may hold (1..MAX_LABELS labels with unique slug ids, trimmed
// non-empty names) is newLabelSchemeSchema's rule (lib/classroom/schemas.ts), applied here too
// so that no caller can store a bad one; scheme names are unique across the server (a
// constraint since 001).

import { randomUUID } from 'node:crypto';
import { newLabelSchemeSchema } from '@/lib/classroom/schemas';
import type { Db } from './connect';
import { InvalidDataError, NotFoundError, constraintViolation } from './errors';

export const DEFAULT_LABEL_SCHEME_ID = 'default';

export interface Label {
  id: string;
  ja: string;
  en: string;
}

export interface LabelScheme {
  id: string;
  name: string;
  labels: Label[];
}

export interface LabelSchemeSummary extends LabelScheme {
  /// Who made it; null for the default scheme.
  ownerId: string | null;
  createdAt: string;
}

/// A scheme name that is taken (names are unique on the server).
export class SchemeNameTakenError extends InvalidDataError {
  constructor(readonly schemeName: string) {
    super(`a label scheme named "${schemeName}" exists already: choose another name`);
  }
}

export async function getLabelScheme(db: Db, id: string): Promise<LabelScheme | null> {
  const row = await db.kysely
    .selectFrom('label_schemes')
    .select(['id', 'name', 'labels_json'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, labels: JSON.parse(row.labels_json) as Label[] } : null;
}

/// Who made the scheme: its owner's id, null for an ownerless one (the default); undefined when
/// there is no such scheme.
export async function labelSchemeOwner(db: Db, id: string): Promise<string | null | undefined> {
  const row = await db.kysely.selectFrom('label_schemes').select('owner_id').where('id', '=', id).executeTakeFirst();
  return row ? row.owner_id : undefined;
}

/// Stores a new scheme owned by `ownerId`. Throws SchemeNameTakenError for a name in use,
/// InvalidDataError for labels that break the invariants, NotFoundError for an unknown owner.
export async function createLabelScheme(db: Db, ownerId: string, input: { name: string; labels: Label[] }): Promise<LabelSchemeSummary> {
  // The route has checked the body with this schema already; checking again here keeps the
  // rules in one place and no other caller can store a bad scheme.
  const parsed = newLabelSchemeSchema.safeParse(input);
  if (!parsed.success) throw new InvalidDataError(parsed.error.issues[0].message);
  const { name, labels } = parsed.data;
  const row = { id: randomUUID(), name, labels_json: JSON.stringify(labels), created_at: new Date().toISOString(), owner_id: ownerId };
  try {
    await db.kysely.insertInto('label_schemes').values(row).execute();
  } catch (err) {
    const kind = constraintViolation(err);
    if (kind === 'unique') throw new SchemeNameTakenError(name);
    if (kind === 'foreign_key') throw new NotFoundError('user', ownerId, { cause: err });
    throw err;
  }
  return { id: row.id, name, labels, ownerId, createdAt: row.created_at };
}

/// The schemes a user may pick for an assignment: the ownerless ones (the default first) and
/// their own, oldest first.
export async function listLabelSchemes(db: Db, ownerId: string): Promise<LabelSchemeSummary[]> {
  const rows = await db.kysely
    .selectFrom('label_schemes')
    .select(['id', 'name', 'labels_json', 'owner_id', 'created_at'])
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', ownerId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, labels: JSON.parse(r.labels_json) as Label[], ownerId: r.owner_id, createdAt: r.created_at }));
}

/// The scheme a new map of the document by this user should use: that of the newest assignment
/// on the document in a course the user is enrolled in (as student or instructor), else the
/// default. One indexed query.
export async function schemeForUserDocument(db: Db, userId: string, documentId: string): Promise<string> {
  const row = await db.kysely
    .selectFrom('assignments as a')
    .innerJoin('enrolments as e', (j) => j.onRef('e.course_id', '=', 'a.course_id').on('e.user_id', '=', userId))
    .select('a.label_scheme_id')
    .where('a.document_id', '=', documentId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.label_scheme_id ?? DEFAULT_LABEL_SCHEME_ID;
}
