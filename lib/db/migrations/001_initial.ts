// 001_initial: users, documents, label schemes, argument maps with their units, relations and
// comments; seeds the default label scheme (主張・根拠・反論・再反論).
//
// Written once for both dialects: text ids, integer numbers, ISO-8601 text timestamps, JSON
// as text, constraints declared inside CREATE TABLE (SQLite cannot ALTER TABLE ADD CONSTRAINT).
// Never edit a migration that has shipped; add 002_… instead.
//
// Design notes (why the schema looks like this):
// - Unit and relation ids are unique per map, not globally: ids come from the client-side map
//   value and from imported native exports, which must round-trip exactly, so two maps may both
//   have a unit "u1". Hence PRIMARY KEY (map_id, id), and relations reference units through
//   (map_id, from_unit) → units(map_id, id), which also makes a relation between units of two
//   different maps impossible.
// - argument_maps.main_claim_id has no foreign key: units reference argument_maps, and the
//   reverse reference would be a cycle that SQLite cannot add after the fact. lib/db/maps.ts
//   checks it on every write instead.
// - comments.target_id is polymorphic (a unit or relation id within the map, or NULL for the
//   map itself), so it is checked only for shape; comments outlive edits of what they point at.
// - Deleting a document deletes its maps (and through them units, relations, comments);
//   users and label schemes in use cannot be deleted.

import { sql, type Kysely } from 'kysely';

const SEEDED_AT = '2025-01-01T00:00:00.000Z';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('users_role_check', sql`role in ('student', 'instructor', 'admin', 'local')`)
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('reflow', 'text', (c) => c.notNull())
    .addColumn('origin', 'text')
    .addColumn('canonical_text', 'text', (c) => c.notNull())
    .addColumn('blocks_json', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('length_cp', 'integer', (c) => c.notNull())
    .addColumn('tokens_json', 'text', (c) => c.notNull())
    .addColumn('token_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('documents_reflow_check', sql`reflow in ('auto', 'on', 'off')`)
    .addCheckConstraint('documents_counts_check', sql`length_cp >= 0 and token_count >= 0`)
    .execute();
  await db.schema.createIndex('documents_created_at_idx').on('documents').column('created_at').execute();

  await db.schema
    .createTable('label_schemes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('labels_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('argument_maps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('label_scheme_id', 'text', (c) => c.notNull().references('label_schemes.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('main_claim_id', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('argument_maps_document_user_key', ['document_id', 'user_id'])
    .addCheckConstraint('argument_maps_version_check', sql`version >= 1`)
    .execute();
  await db.schema.createIndex('argument_maps_user_idx').on('argument_maps').column('user_id').execute();

  await db.schema
    .createTable('units')
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('units_pkey', ['map_id', 'id'])
    .addCheckConstraint('units_span_check', sql`start_offset >= 0 and end_offset > start_offset`)
    .execute();
  // Reading a map sorts its units by position; this index serves both the lookup and the sort.
  await db.schema
    .createIndex('units_map_span_idx')
    .on('units')
    .columns(['map_id', 'start_offset', 'end_offset'])
    .execute();

  await db.schema
    .createTable('relations')
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_unit', 'text', (c) => c.notNull())
    .addColumn('to_unit', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_pkey', ['map_id', 'id'])
    .addForeignKeyConstraint('relations_from_fkey', ['map_id', 'from_unit'], 'units', ['map_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('relations_to_fkey', ['map_id', 'to_unit'], 'units', ['map_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addUniqueConstraint('relations_edge_key', ['map_id', 'type', 'from_unit', 'to_unit'])
    .addCheckConstraint('relations_type_check', sql`type in ('support', 'attack')`)
    .addCheckConstraint('relations_no_self_loop_check', sql`from_unit <> to_unit`)
    .execute();
  // Deleting a unit cascades to its relations; without these the cascade scans the map's edges.
  await db.schema.createIndex('relations_from_idx').on('relations').columns(['map_id', 'from_unit']).execute();
  await db.schema.createIndex('relations_to_idx').on('relations').columns(['map_id', 'to_unit']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('comments_target_kind_check', sql`target_kind in ('unit', 'relation', 'map')`)
    .addCheckConstraint(
      'comments_target_check',
      sql`(target_kind = 'map' and target_id is null) or (target_kind <> 'map' and target_id is not null)`,
    )
    .execute();
  await db.schema.createIndex('comments_map_idx').on('comments').columns(['map_id', 'created_at']).execute();

  await db
    .insertInto('label_schemes')
    .values({
      id: 'default',
      name: '主張・根拠・反論・再反論',
      labels_json: JSON.stringify([
        { id: 'claim', ja: '主張', en: 'claim' },
        { id: 'evidence', ja: '根拠', en: 'evidence' },
        { id: 'counterargument', ja: '反論', en: 'counterargument' },
        { id: 'rebuttal', ja: '再反論', en: 'rebuttal' },
      ]),
      created_at: SEEDED_AT,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['comments', 'relations', 'units', 'argument_maps', 'label_schemes', 'documents', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
