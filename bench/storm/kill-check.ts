// `npx tsx bench/storm/kill-check.ts [sqlite|postgres]`: the server is killed with SIGKILL in
// the middle of a storm and started again; every batch it acknowledged (200) must be in the
// database, and the class must be saving again within seconds. Exits 1 on a lost batch.
// Settings: STORM_STUDENTS (50), STORM_KILL_AFTER seconds of storm before the kill (3, from the
// moment the server has acknowledged as many batches as there are students),
// STORM_PORT (3300), STORM_PG_URL (else a throwaway PostgreSQL), STORM_APP_DIR.
import { performance } from 'node:perf_hooks';
import { closeAllDbs, openDb } from '@/lib/db';
import { Client, sleep } from './http';
import { startServer, type Server } from './server';
import { freshSqliteUrl, makeClass, nextBatch, withPostgres, type Class } from './setup';

const students = Number(process.env.STORM_STUDENTS ?? 50);
const killAfterMs = 1000 * Number(process.env.STORM_KILL_AFTER ?? 3);
const port = Number(process.env.STORM_PORT ?? 3300);
const serverEnv = (url: string) => ({ DATABASE_URL: url, RONTEN_MODE: 'classroom' });

interface Acknowledged {
  mapId: string;
  batchId: string;
  unitIds: string[];
}

/// Every student keeps a batch in flight until `stop()`; acknowledged batches are recorded.
async function storm(client: Client, cls: Class, acked: Acknowledged[], stopped: () => boolean): Promise<void> {
  await Promise.all(
    cls.students.map(async (s) => {
      while (!stopped()) {
        const batch = nextBatch(s, cls.boundaries);
        const a = await client.request('POST', `/api/maps/${s.mapId}/operations`, batch, { cookie: s.cookie }, 10_000);
        if (a.status === 200) {
          acked.push({ mapId: s.mapId, batchId: batch.batchId, unitIds: batch.operations.map((o) => o.unit.id) });
          s.version = (JSON.parse(a.body) as { version: number }).version;
        } else if (a.status === 409) s.version = (JSON.parse(a.body) as { version: number }).version;
        else if (a.status === 0) await sleep(100); // the server is gone: the client's retry pause
      }
    }),
  );
}

async function check(url: string): Promise<boolean> {
  const cls = await makeClass(url, students);
  let server: Server = await startServer(port, serverEnv(url));
  let client = new Client(server.base, { origin: server.base });
  const acked: Acknowledged[] = [];
  let stop = false;
  const before = storm(client, cls, acked, () => stop);
  // The storm is under way once the server has acknowledged a batch per student (a cold server
  // compiles its routes first); then it runs STORM_KILL_AFTER seconds more.
  for (const giveUp = Date.now() + 120_000; acked.length < students && Date.now() < giveUp; ) await sleep(50);
  await sleep(killAfterMs);
  await server.kill9();
  const killedAt = performance.now();
  const ackedBeforeKill = acked.length;
  stop = true;
  await before;
  client.close();

  server = await startServer(port, serverEnv(url));
  const upMs = performance.now() - killedAt;
  client = new Client(server.base, { origin: server.base });
  // Recovered when every student has had a batch acknowledged again.
  const again = new Set<string>();
  stop = false;
  const after = storm(client, cls, acked, () => stop || again.size === cls.students.length);
  const watch = setInterval(() => acked.slice(ackedBeforeKill).forEach((a) => again.add(a.mapId)), 20);
  await after;
  clearInterval(watch);
  const recoveredMs = performance.now() - killedAt;
  client.close();
  await server.stop();

  const db = await openDb(url);
  let missing = 0;
  try {
    for (const a of acked) {
      const batch = await db.kysely.selectFrom('applied_batches').select('version').where('map_id', '=', a.mapId).where('batch_id', '=', a.batchId).executeTakeFirst();
      const units = await db.kysely.selectFrom('units').select('id').where('map_id', '=', a.mapId).where('id', 'in', a.unitIds).execute();
      if (!batch || units.length !== a.unitIds.length) missing++;
    }
  } finally {
    await closeAllDbs();
  }
  console.log(`acknowledged before the kill: ${ackedBeforeKill}; in all: ${acked.length}; missing from the database: ${missing} (target 0)`);
  console.log(`server answering again ${(upMs / 1000).toFixed(1)} s after the kill; every student saving again after ${(recoveredMs / 1000).toFixed(1)} s`);
  return missing === 0;
}

async function main() {
  const which = process.argv[2] ?? 'sqlite';
  console.log(`SIGKILL mid-storm on ${which}: ${students} students, kill after ${killAfterMs / 1000} s`);
  if (which === 'sqlite') return check(freshSqliteUrl('kill-check'));
  return (await withPostgres('ronten_kill_check', check)) ?? false;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
