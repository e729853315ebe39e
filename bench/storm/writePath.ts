// `npx tsx bench/storm/writePath.ts [sqlite|postgres]`: the autosave route's own work per
// batch, without the framework — the session (remembered, and checked by the write, where the
// checkout has sessionForWrite), ownership check, request schema, applyOperations
// — in this process, for STORM_STUDENTS maps taking turns (STORM_BATCHES each). Run from another
// checkout's directory (`cd ../old && npx tsx /path/to/bench/storm/writePath.ts`) to measure
// that checkout's lib/ for a before/after comparison: `@/` resolves against the current directory.
import { performance } from 'node:perf_hooks';
import * as dbModule from '@/lib/db';
import * as accounts from '@/lib/auth/accounts';
import { z } from 'zod';
import { operationsRequestSchema } from '@/lib/argument/schema';
import { freshSqliteUrl, makeClass, nextBatch, withPostgres } from './setup';

const requestSchema = operationsRequestSchema.extend({ batchId: z.string().min(8).max(100) }); // as the route's
const students = Number(process.env.STORM_STUDENTS ?? 50);
const batches = Number(process.env.STORM_BATCHES ?? 40);

async function measure(url: string): Promise<void> {
  const cls = await makeClass(url, students);
  const db = await dbModule.openDb(url);
  const mapOwner = (dbModule as { mapOwner?: (db: dbModule.Db, id: string) => Promise<{ userId: string } | undefined> }).mapOwner;
  const own = async (mapId: string) => (mapOwner ? (await mapOwner(db, mapId))!.userId : (await dbModule.getMap(db, mapId))!.userId);
  const sessionForWrite = (accounts as { sessionForWrite?: (db: dbModule.Db, token: string) => Promise<{ id: string; user: { id: string } } | null> }).sessionForWrite;
  const session = async (token: string) => (sessionForWrite ? (await sessionForWrite(db, token))! : { id: undefined, user: (await accounts.sessionUser(db, token))! });
  const oneRound = async () => {
    for (const s of cls.students) {
      const { id, user } = await session(s.cookie.split('=')[1]);
      if ((await own(s.mapId)) !== user.id) throw new Error('not the owner');
      const body = requestSchema.parse(JSON.parse(JSON.stringify(nextBatch(s, cls.boundaries))));
      s.version = (await dbModule.applyOperations(db, s.mapId, body.baseVersion, body.operations, body.batchId, undefined, id)).version;
    }
  };
  await oneRound(); // warm: first reads, JIT
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 1; i < batches; i++) await oneRound();
  const cpu = process.cpuUsage(cpu0);
  const n = students * (batches - 1);
  const units = cls.students.reduce((sum, s) => sum + s.sent, 0) * 3;
  console.log(
    `${db.dialect}: ${n} batches, CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms/batch, wall ${((performance.now() - t0) / n).toFixed(2)} ms/batch (maps end with ~${Math.round(units / students)} units)`,
  );
  await dbModule.closeAllDbs();
}

const which = process.argv[2] ?? 'sqlite';
(which === 'sqlite' ? measure(freshSqliteUrl('write-path')) : withPostgres('ronten_write_path', measure)).catch((e) => {
  console.error(e);
  process.exit(1);
});
