// A fresh, empty database on a PostgreSQL server, for the e2e classroom server
// (scripts/pg-fresh-db.ts) and the storm bench: whatever a previous run left under the same name
// is dropped first (FORCE, PostgreSQL 13+, ends its stray sessions). SERVER, SCRIPTS AND BENCH
// ONLY. The name must be a plain identifier (letters, digits, _): it is put into SQL as it is.

export async function freshPostgres(adminUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a plain database name (a–z, 0–9, _)`);
  const { Client } = await import('pg');
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
