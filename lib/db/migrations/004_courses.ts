// 004_courses: classroom courses, who is in them, and their assignments.
//
// - courses: join_code is what students type to enrol (8 characters of an unambiguous
//   alphabet, see lib/db/courses.ts); unique, so a collision is retried by the writer.
//   owner_id is the instructor who made it (also enrolled as 'instructor').
// - enrolments: one row per (course, user), role 'student' | 'instructor'. Deleting a course or
//   a user removes their enrolments.
// - assignments: a document to annotate in a course, with the label scheme its maps use, an
//   optional due date and an optional reference map (one of an instructor's maps).
// Submission needs no table: argument_maps.submitted_at (001) marks a map as handed in.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('join_code', 'text', (c) => c.notNull().unique())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('courses_owner_idx').on('courses').column('owner_id').execute();

  await db.schema
    .createTable('enrolments')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enrolments_pkey', ['course_id', 'user_id'])
    .addCheckConstraint('enrolments_role_check', sql`role in ('student', 'instructor')`)
    .execute();
  await db.schema.createIndex('enrolments_user_idx').on('enrolments').column('user_id').execute();

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('label_scheme_id', 'text', (c) => c.notNull().references('label_schemes.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('reference_map_id', 'text', (c) => c.references('argument_maps.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignments_course_idx').on('assignments').columns(['course_id', 'created_at']).execute();
  await db.schema.createIndex('assignments_document_idx').on('assignments').column('document_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['assignments', 'enrolments', 'courses']) {
    await db.schema.dropTable(table).execute();
  }
}
