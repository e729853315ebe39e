// 012_grading: rubrics, grades, deadlines' late policy and per-student extensions (lib/db/grading.ts).
//
// - assignment_policies: one row per assignment that has a late policy other than the default
//   ('accept': late work is taken and marked late; 'lock': nothing is taken after the due time).
//   A table of its own, not a column of assignments, so that an assignment without a row keeps
//   the default and createAssignment need not know about grading.
// - rubrics: every version of an assignment's rubric (criteria with levels and points, JSON).
//   A change writes version n+1; the rows of older versions stay, because grades name the
//   version they were given with.
// - extensions: a later due time for one student of one assignment.
// - grades: the instructor's scores (points per criterion, JSON) and overall comment for one
//   student's map of one assignment, the rubric version they use, and when it was returned to
//   the student (null: a draft only the instructors see).

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignment_policies')
    .addColumn('assignment_id', 'text', (c) => c.primaryKey().references('assignments.id').onDelete('cascade'))
    .addColumn('late_policy', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('assignment_policies_late_check', sql`late_policy in ('accept', 'lock')`)
    .execute();

  await db.schema
    .createTable('rubrics')
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rubrics_pkey', ['assignment_id', 'version'])
    .execute();

  await db.schema
    .createTable('extensions')
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('extensions_pkey', ['assignment_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('grades')
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('rubric_version', 'integer', (c) => c.notNull())
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('graded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('returned_at', 'text')
    .addPrimaryKeyConstraint('grades_pkey', ['assignment_id', 'user_id'])
    .addForeignKeyConstraint('grades_rubric_fkey', ['assignment_id', 'rubric_version'], 'rubrics', ['assignment_id', 'version'])
    .execute();
  await db.schema.createIndex('grades_map_idx').on('grades').column('map_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['grades', 'extensions', 'rubrics', 'assignment_policies']) await db.schema.dropTable(table).execute();
}
