// `npx tsx bench/storm/two-instances.ts`: the scale-out path (README "More app instances on one
// PostgreSQL") checked — two servers on one PostgreSQL database, every student's batches sent
// to either at random (the worst case for each instance's write cache: the other instance moves
// the map's version under it). Every acknowledged batch must be in the database, each map's
// units exactly those of its acknowledged batches, and nothing answered 5xx. Exits 1 otherwise.
// Settings: STORM_STUDENTS (50), STORM_SECONDS (15), STORM_PORT (3300; the second instance
// uses the next port), STORM_PG_URL (else a throwaway PostgreSQL), STORM_APP_DIR.
import { performance } from 'node:perf_hooks';
import { closeAllDbs, openDb } from '@/lib/db';
import { Client, statusCounts } from './http';
import { startServer } from './server';
import { makeClass, nextBatch, withPostgres } from './setup';

const students = Number(process.env.STORM_STUDENTS ?? 50);
const seconds = Number(process.env.STORM_SECONDS ?? 15);
const port = Number(process.env.STORM_PORT ?? 3300);

async function check(url: string): Promise<boolean> {
  const cls = await makeClass(url, students);
  const ports = [port, port + 1];
  const origins = ports.map((p) => `http://127.0.0.1:${p}`).join(',');
  const servers = await Promise.all(ports.map((p) => startServer(p, { DATABASE_URL: url, RONTEN_MODE: 'classroom', RONTEN_ORIGIN: origins })));
  const clients = servers.map((s) => new Client(s.base, { origin: s.base }));
  const acked = new Map<string, Set<string>>(cls.students.map((s) => [s.mapId, new Set()]));
  const statuses: number[] = [];
  const until = performance.now() + seconds * 1000;
  try {
    await Promise.all(
      cls.students.map(async (s) => {
        while (performance.now() < until) {
          const batch = nextBatch(s, cls.boundaries);
          const a = await clients[Math.floor(Math.random() * 2)].request('POST', `/api/maps/${s.mapId}/operations`, batch, { cookie: s.cookie });
          statuses.push(a.status);
          if (a.status === 200) for (const o of batch.operations) acked.get(s.mapId)!.add(o.unit.id);
          if (a.status === 200 || a.status === 409) s.version = (JSON.parse(a.body) as { version: number }).version;
        }
      }),
    );
  } finally {
    clients.forEach((c) => c.close());
    await Promise.all(servers.map((s) => s.stop()));
  }
  const db = await openDb(url);
  let wrong = 0;
  try {
    for (const [mapId, ids] of acked) {
      const stored = new Set((await db.kysely.selectFrom('units').select('id').where('map_id', '=', mapId).execute()).map((u) => u.id));
      // A batch whose answer was lost may be stored without being acknowledged; an acknowledged one must be.
      if ([...ids].some((id) => !stored.has(id))) wrong++;
    }
  } finally {
    await closeAllDbs();
  }
  const served = statuses.filter((s) => s === 200).length;
  const faults = statuses.filter((s) => s >= 500 && s !== 503).length;
  console.log(`two instances, ${students} students, ${seconds} s: ${served} batches acknowledged (${(served / seconds).toFixed(0)}/s); answers ${statusCounts(statuses)}`);
  console.log(`maps missing an acknowledged unit: ${wrong} (target 0); 5xx other than 503: ${faults} (target 0)`);
  return wrong === 0 && faults === 0;
}

withPostgres('ronten_two_instances', check).then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
