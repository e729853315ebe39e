// 016_deeper_model: the deeper argument model (issue 17, lib/argument/types) — relations with a
// list of premises and a target that is a unit or a relation (an undercutter), implicit units
// with their own text and no offsets, a support's argumentation scheme and its answered
// critical questions. Every existing map is kept as it was: its units are units of the text,
// and each relation's `from_unit` becomes its one premise (position 0).
//
// Design notes:
// - Premises are rows: relation_premises(map_id, relation_id, unit_id, position), the position
//   keeping the author's order; (map_id, relation_id, unit_id) is unique (no premise twice).
//   Both references cascade: deleting a relation deletes its premise rows, deleting a unit its
//   rows (the core removes or rewrites the relations first; the cascade is the backstop).
// - A relation's target is exactly one of to_unit (→ units) and to_relation (→ relations, the
//   same table): a check says so, and the foreign keys keep both real. Attacks alone may target
//   a relation, but that, the premise rules and "ids unique across units and relations" are the
//   core's to check (lib/argument/operations), as the uniqueness of (type, premise set, target)
//   is: a set of rows cannot be a UNIQUE constraint. The old relations_edge_key and
//   relations_no_self_loop_check go with from_unit.
// - An implicit unit has start_offset and end_offset NULL and its text in `text`; a unit of the
//   text has both offsets and no text (units_kind_check).
// - The scheme is its catalogue id (lib/argument/schemes); the answers are JSON
//   ([{ id, answer }], in the scheme's order, NULL when none): they are read and written with
//   their relation, never queried on their own.
// - SQLite cannot drop a NOT NULL, a foreign key or a unique constraint in place, so both
//   dialects rebuild the two tables the same way: new tables beside the old, rows copied, old
//   tables dropped (relations first, so nothing references units), new ones renamed. SQLite
//   (≥ 3.26) rewrites the foreign keys naming the renamed tables; PostgreSQL follows them by
//   oid. The new tables' constraints keep their build-time names (units_016_pkey, …): names of
//   constraints are per schema in PostgreSQL, and the old ones existed while these were made.
// - `down` goes back to the first model and so loses what it cannot hold: implicit units,
//   undercutters, premises after the first, schemes.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units_016')
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer')
    .addColumn('end_offset', 'integer')
    .addColumn('text', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('units_016_pkey', ['map_id', 'id'])
    .addCheckConstraint(
      'units_016_kind_check',
      sql`("text" is null and start_offset is not null and end_offset is not null and start_offset >= 0 and end_offset > start_offset)
        or ("text" is not null and start_offset is null and end_offset is null and length("text") > 0)`,
    )
    .execute();
  await sql`insert into units_016 (map_id, id, label, start_offset, end_offset, "text", note, created_at)
    select map_id, id, label, start_offset, end_offset, null, note, created_at from units`.execute(db);

  await db.schema
    .createTable('relations_016')
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('to_unit', 'text')
    .addColumn('to_relation', 'text')
    .addColumn('scheme', 'text')
    .addColumn('critical_questions_json', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_016_pkey', ['map_id', 'id'])
    .addForeignKeyConstraint('relations_016_to_unit_fkey', ['map_id', 'to_unit'], 'units_016', ['map_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('relations_016_to_relation_fkey', ['map_id', 'to_relation'], 'relations_016', ['map_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addCheckConstraint('relations_016_type_check', sql`type in ('support', 'attack')`)
    .addCheckConstraint('relations_016_target_check', sql`(to_unit is null) <> (to_relation is null)`)
    .addCheckConstraint('relations_016_not_self_check', sql`to_relation is null or to_relation <> id`)
    .execute();
  await sql`insert into relations_016 (map_id, id, type, to_unit, to_relation, scheme, critical_questions_json, note, created_at)
    select map_id, id, type, to_unit, null, null, null, note, created_at from relations`.execute(db);

  await db.schema
    .createTable('relation_premises')
    .addColumn('map_id', 'text', (c) => c.notNull())
    .addColumn('relation_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('relation_premises_pkey', ['map_id', 'relation_id', 'position'])
    .addUniqueConstraint('relation_premises_unit_key', ['map_id', 'relation_id', 'unit_id'])
    .addForeignKeyConstraint('relation_premises_relation_fkey', ['map_id', 'relation_id'], 'relations_016', ['map_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('relation_premises_unit_fkey', ['map_id', 'unit_id'], 'units_016', ['map_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addCheckConstraint('relation_premises_position_check', sql`"position" >= 0`)
    .execute();
  await sql`insert into relation_premises (map_id, relation_id, unit_id, "position")
    select map_id, id, from_unit, 0 from relations`.execute(db);

  await db.schema.dropTable('relations').execute();
  await db.schema.dropTable('units').execute();
  await db.schema.alterTable('units_016').renameTo('units').execute();
  await db.schema.alterTable('relations_016').renameTo('relations').execute();

  // Reading a map sorts its units by position (the implicit ones last); the cascades and the
  // reads by target want the rest.
  await db.schema.createIndex('units_map_span_idx').on('units').columns(['map_id', 'start_offset', 'end_offset']).execute();
  await db.schema.createIndex('relations_to_unit_idx').on('relations').columns(['map_id', 'to_unit']).execute();
  await db.schema.createIndex('relations_to_relation_idx').on('relations').columns(['map_id', 'to_relation']).execute();
  await db.schema.createIndex('relation_premises_unit_idx').on('relation_premises').columns(['map_id', 'unit_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units_015')
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('units_015_pkey', ['map_id', 'id'])
    .addCheckConstraint('units_015_span_check', sql`start_offset >= 0 and end_offset > start_offset`)
    .execute();
  await sql`insert into units_015 select map_id, id, label, start_offset, end_offset, note, created_at from units where "text" is null`.execute(db);
  await db.schema
    .createTable('relations_015')
    .addColumn('map_id', 'text', (c) => c.notNull().references('argument_maps.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_unit', 'text', (c) => c.notNull())
    .addColumn('to_unit', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relations_015_pkey', ['map_id', 'id'])
    .addForeignKeyConstraint('relations_015_from_fkey', ['map_id', 'from_unit'], 'units_015', ['map_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('relations_015_to_fkey', ['map_id', 'to_unit'], 'units_015', ['map_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addUniqueConstraint('relations_015_edge_key', ['map_id', 'type', 'from_unit', 'to_unit'])
    .addCheckConstraint('relations_015_type_check', sql`type in ('support', 'attack')`)
    .addCheckConstraint('relations_015_no_self_loop_check', sql`from_unit <> to_unit`)
    .execute();
  await sql`insert into relations_015 (map_id, id, type, from_unit, to_unit, note, created_at)
    select r.map_id, r.id, r.type, p.unit_id, r.to_unit, r.note, r.created_at
    from relations r join relation_premises p on p.map_id = r.map_id and p.relation_id = r.id and p."position" = (
      select min(q."position") from relation_premises q where q.map_id = r.map_id and q.relation_id = r.id)
    where r.to_unit is not null and exists (select 1 from units_015 u where u.map_id = r.map_id and u.id = p.unit_id)
      and exists (select 1 from units_015 u where u.map_id = r.map_id and u.id = r.to_unit)`.execute(db);
  await db.schema.dropTable('relation_premises').execute();
  await db.schema.dropTable('relations').execute();
  await db.schema.dropTable('units').execute();
  await db.schema.alterTable('units_015').renameTo('units').execute();
  await db.schema.alterTable('relations_015').renameTo('relations').execute();
  await db.schema.createIndex('units_map_span_idx').on('units').columns(['map_id', 'start_offset', 'end_offset']).execute();
  await db.schema.createIndex('relations_from_idx').on('relations').columns(['map_id', 'from_unit']).execute();
  await db.schema.createIndex('relations_to_idx').on('relations').columns(['map_id', 'to_unit']).execute();
}
