// `tsx scripts/pg-fresh-db.ts ADMIN_URL NAME`: drops and recreates the database NAME on the
// PostgreSQL server of ADMIN_URL (lib/db/freshPostgres.ts) and prints its URL on stdout — what
// scripts/e2e-server.sh runs the classroom e2e server on. Any failure: a line on stderr, exit 1.
import { freshPostgres } from '@/lib/db/freshPostgres';

const [adminUrl, name] = process.argv.slice(2);
if (!adminUrl || !name) {
  console.error('usage: tsx scripts/pg-fresh-db.ts ADMIN_URL NAME');
  process.exit(2);
}
freshPostgres(adminUrl, name).then(
  (db) => console.log(db.url),
  (err: unknown) => {
    console.error(`pg-fresh-db: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
