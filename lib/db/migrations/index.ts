// The migration history of Ronten's database, shared by SQLite and PostgreSQL.
//
// Migrations are imported statically (not read from a folder at run time) so they survive
// bundling by Next and run the same from the CLI. Kysely applies them in name order and
// refuses a history whose applied prefix differs from this list: only ever append.

import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import * as m001 from './001_initial';
import * as m002 from './002_applied_batches';
import * as m003 from './003_accounts';
import * as m004 from './004_courses';
import * as m005 from './005_label_scheme_owners';
import * as m006 from './006_default_label_names';
import * as m011 from './011_tokens_packed';
import * as m007 from './007_batch_hash';
import * as m008 from './008_settings_public_documents';
import * as m013 from './013_course_admin';
import * as m014 from './014_phrases';
import * as m015 from './015_assignment_suggestions';
import * as m012 from './012_grading';
import * as m016 from './016_deeper_model';

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_applied_batches': m002,
  '003_accounts': m003,
  '004_courses': m004,
  '005_label_scheme_owners': m005,
  '006_default_label_names': m006,
  '011_tokens_packed': m011,
  '007_batch_hash': m007,
  '008_settings_public_documents': m008,
  '013_course_admin': m013,
  '014_phrases': m014,
  '015_assignment_suggestions': m015,
  '012_grading': m012,
  '016_deeper_model': m016,
};

/// Brings the database to the latest migration; returns the names applied now (empty when
/// it was up to date). Throws on failure. Concurrent callers are safe: Kysely's migrator takes
/// a lock (an advisory lock on PostgreSQL) and the second caller finds nothing left to do.
export async function migrateKyselyToLatest(kysely: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db: kysely, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    const where = failed ? ` (in ${failed.migrationName})` : '';
    throw new Error(`database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
