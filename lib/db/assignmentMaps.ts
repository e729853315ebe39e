// The maps of one assignment, loaded together for review: every student enrolled in the
// assignment's course with their map of the assignment's document (or none yet), and the
// assignment's reference map when one is set.
//
// Invariants:
// - A fixed number of queries whatever the class size (the assignment; then the students with
//   their maps, the reference map's row, all units, all relations in one read-only
//   repeatable-read transaction, so units and relations belong to the same moment as the maps
//   listed — PostgreSQL's READ COMMITTED would give each statement its own snapshot).
// - Students in user-name order (as courseDashboard); a student without a map has map null.
// - Units sorted by (start, end, id) and relations by id within each map — the order getMap
//   returns, so these maps compare equal to the argument core's.
// - The reference is whatever map assignments.reference_map_id names (createAssignment only
//   accepts an instructor's map of the same document); it is never listed among the students.
// Who may see these maps is the route layer's business (app/_shared/classroom.ts).

import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';
import { getAssignment, type Assignment } from './courses';
import { NotFoundError } from './errors';
import { premisesByRelation, premisesOf, relationColumns, toStoredRelation, toStoredUnit, unitColumns, type StoredRelation, type StoredUnit } from './maps';

export interface ReviewMap {
  id: string;
  units: StoredUnit[];
  relations: StoredRelation[];
  mainClaimId: string | null;
  /// The scheme the map is written in: normally the assignment's, but a map begun before the
  /// assignment was set keeps its own (getOrCreateMap); an export must carry the map's.
  labelSchemeId: string;
  submittedAt: string | null;
  updatedAt: string;
}

export interface StudentMap {
  userId: string;
  name: string;
  displayName: string;
  /// The student's map of the assignment's document, or null when they have not started.
  map: ReviewMap | null;
}

export interface ReferenceMap extends ReviewMap {
  /// The instructor who made it.
  userId: string;
  name: string;
  displayName: string;
}

export interface AssignmentMaps {
  assignment: Assignment;
  students: StudentMap[];
  reference: ReferenceMap | null;
}

/// Every enrolled student's map of the assignment's document and the reference map (see the
/// header). NotFoundError for an unknown assignment.
export async function loadAssignmentMaps(db: Db, assignmentId: string): Promise<AssignmentMaps> {
  const assignment = await getAssignment(db, assignmentId);
  if (!assignment) throw new NotFoundError('assignment', assignmentId);
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const students = await trx
        .selectFrom('enrolments as e')
        .innerJoin('users as u', 'u.id', 'e.user_id')
        .leftJoin('argument_maps as m', (j) => j.onRef('m.user_id', '=', 'e.user_id').on('m.document_id', '=', assignment.documentId))
        .select(['e.user_id', 'u.name', 'u.display_name', 'm.id as map_id', 'm.main_claim_id', 'm.label_scheme_id', 'm.submitted_at', 'm.updated_at'])
        .where('e.course_id', '=', assignment.courseId)
        .where('e.role', '=', 'student')
        .orderBy('u.name')
        .orderBy('e.user_id')
        .execute();

      const reference = assignment.referenceMapId
        ? await trx
            .selectFrom('argument_maps as m')
            .innerJoin('users as u', 'u.id', 'm.user_id')
            .select(['m.id', 'm.user_id', 'u.name', 'u.display_name', 'm.main_claim_id', 'm.label_scheme_id', 'm.submitted_at', 'm.updated_at'])
            .where('m.id', '=', assignment.referenceMapId)
            .executeTakeFirst()
        : undefined;

      const contents = await contentsOf(trx, assignment);
      const reviewMap = (id: string, row: { main_claim_id: string | null; label_scheme_id: string; submitted_at: string | null; updated_at: string }): ReviewMap => ({
        id,
        units: contents.units.get(id) ?? [],
        relations: contents.relations.get(id) ?? [],
        mainClaimId: row.main_claim_id,
        labelSchemeId: row.label_scheme_id,
        submittedAt: row.submitted_at,
        updatedAt: row.updated_at,
      });

      return {
        assignment,
        students: students.map((s) => ({
          userId: s.user_id,
          name: s.name,
          displayName: s.display_name,
          map: s.map_id ? reviewMap(s.map_id, { ...s, label_scheme_id: s.label_scheme_id!, updated_at: s.updated_at! }) : null, // set when the left join found a map
        })),
        reference: reference ? { ...reviewMap(reference.id, reference), userId: reference.user_id, name: reference.name, displayName: reference.display_name } : null,
      };
    });
}

// Units and relations of the students' maps and the reference: one query each, the map ids a
// subquery (not a bound IN list), so the statement is the same whatever the class size.
async function contentsOf(trx: Transaction<Database>, assignment: Assignment) {
  const maps = (eb: ExpressionBuilder<Database, 'units' | 'relations' | 'relation_premises'>) =>
    eb.or([
      eb(
        'map_id',
        'in',
        eb
          .selectFrom('argument_maps as m')
          .innerJoin('enrolments as e', 'e.user_id', 'm.user_id')
          .select('m.id')
          .where('m.document_id', '=', assignment.documentId)
          .where('e.course_id', '=', assignment.courseId)
          .where('e.role', '=', 'student'),
      ),
      eb('map_id', '=', assignment.referenceMapId ?? ''),
    ]);
  const units = new Map<string, StoredUnit[]>();
  const relations = new Map<string, StoredRelation[]>();
  const [unitRows, relationRows, premiseRows] = await Promise.all([
    trx
      .selectFrom('units')
      .select(['map_id', ...unitColumns])
      .where(maps)
      .orderBy('map_id')
      // The core's order: units of the text by position, then implicit ones (maps.ts).
      .orderBy(sql`start_offset is null`)
      .orderBy('start_offset')
      .orderBy('end_offset')
      .orderBy('id')
      .execute(),
    trx.selectFrom('relations').select(['map_id', ...relationColumns]).where(maps).orderBy('map_id').orderBy('id').execute(),
    trx.selectFrom('relation_premises').select(['map_id', 'relation_id', 'unit_id', 'position']).where(maps).execute(),
  ]);
  const premises = premisesByRelation(premiseRows);
  for (const u of unitRows) push(units, u.map_id, toStoredUnit(u));
  for (const r of relationRows) push(relations, r.map_id, toStoredRelation(r, premisesOf(premises, r.map_id, r.id)));
  return { units, relations };
}

function push<T>(groups: Map<string, T[]>, key: string, item: T) {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}
