// The storm section of `npm run bench` (issue 12): a class of N students saving to their own
// maps against the production build, on SQLite and on PostgreSQL, beside the framework's floor
// measured in the same run. Settings (environment):
//   STORM_STUDENTS (200)     students in the class
//   STORM_SECONDS (30)       length of the saturated phase (a) and of the floor
//   STORM_PACE_SECONDS (15)  length of each class-pace phase (b, c, e)
//   STORM_FLOOD_ROUNDS (2)   rounds of (e): plain pace, then pace under the sign-in flood
//   STORM_DATABASES (sqlite,postgres)
//   STORM_PORT (3300)        port of the server under test
//   STORM_APP_DIR (.)        the build to run (another checkout, for before/after figures)
//   STORM_SCENARIOS (abcde)  which scenarios to run (the floor always runs; c and e need b)
//   STORM_PROFILE_DIR        the server writes a V8 CPU profile there when it stops (--cpu-prof)
//   STORM_PG_URL             a PostgreSQL server to create the bench database on; without it
//                            scripts/pg-temp.sh starts a throwaway one
import fs from 'node:fs';
import path from 'node:path';
import { openDb, setDocumentPublic } from '@/lib/db';
import { Client } from './http';
import { appDir, startServer } from './server';
import { freshSqliteUrl, makeClass, withPostgres, type Class } from './setup';
import { bigDocumentViews, importBigDocument } from './bigDocument';
import { prepareBadInputs, warmImportRoute, type BadInputAnswer } from './badInputs';
import { classPace, floor, openConnections, saturated, save, signInFlood, type PaceFigures } from './scenarios';
import { reportBadInputs, reportBigDocument, reportFloor, reportPace, reportSaturated, reportSignInFlood, type Report } from './report';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

export async function stormFigures(report: Report): Promise<void> {
  if (!fs.existsSync(path.join(appDir(), '.next/BUILD_ID'))) {
    console.log(`(no production build in ${appDir()}: run \`npx next build\` for the storm figures)`);
    return;
  }
  const databases = (process.env.STORM_DATABASES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  for (const db of databases) {
    if (db === 'sqlite') await stormOn('sqlite', report, freshSqliteUrl('storm'));
    else if (db === 'postgres') await withPostgres('ronten_storm', (url) => stormOn('postgres', report, url));
    else throw new Error(`STORM_DATABASES: unknown database ${db}`);
  }
}

async function stormOn(name: string, report: Report, url: string): Promise<void> {
  const students = env('STORM_STUDENTS', 200);
  const seconds = env('STORM_SECONDS', 30);
  const paceSeconds = env('STORM_PACE_SECONDS', 15);
  const cls: Class = await makeClass(url, students + 1);
  const attacker = cls.students.pop()!;
  const scenarios = process.env.STORM_SCENARIOS ?? 'abcde';
  const bigDocument = scenarios.includes('d') ? importBigDocument(url) : null;
  // Students see only their courses' texts and public ones: the 1 MiB text is public.
  if (bigDocument) {
    const db = await openDb(url);
    await setDocumentPublic(db, bigDocument, true);
    // Closed now: its pool's connections would otherwise stay open until the database is dropped.
    await db.close();
  }
  const profile = process.env.STORM_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.STORM_PROFILE_DIR)}`] : [];
  const server = await startServer(env('STORM_PORT', 3300), { DATABASE_URL: url, RONTEN_MODE: 'classroom' }, profile);
  const client = new Client(server.base, { origin: server.base });
  try {
    // Warm up as a server that has run a while is warm: the routes' modules loaded, a few
    // database connections open (the attacker's map; the students' maps stay untouched, so
    // each student's first save is still the write path's miss).
    await floor(client, server, 20, 2);
    for (let i = 0; i < 5; i++) await save(client, attacker, cls);
    if (scenarios.includes('c')) await warmImportRoute(client, attacker);
    await openConnections(client, students);
    const f = await floor(client, server, students, Math.min(seconds, 10));
    reportFloor(report, name, f, students);
    if (scenarios.includes('a')) reportSaturated(report, name, await saturated(client, server, cls, seconds), f);
    if (scenarios.includes('b')) {
      const pace = await classPace(client, server, cls, paceSeconds);
      reportPace(report, name, pace);
      if (scenarios.includes('c')) {
        const answers: BadInputAnswer[] = [];
        const send = await prepareBadInputs(client, attacker, cls);
        const attacked = await classPace(client, server, cls, paceSeconds, () => send(answers));
        reportBadInputs(report, name, attacked, answers);
      }
      if (scenarios.includes('e')) {
        // Plain pace and the flood alternate, each flood right after its plain phase: compared
        // with (b) instead, the flood also paid for what (c) left behind (a 20,000-unit map, a
        // bigger heap) and for whatever the machine did in between; pooled over the rounds, one
        // stall of a p95 over ~10 ms does not decide the ratio.
        const signIns: number[] = [];
        const names = cls.students.map((s) => s.name);
        const without: PaceFigures[] = [];
        const flooded: PaceFigures[] = [];
        for (let round = 0; round < env('STORM_FLOOD_ROUNDS', 2); round++) {
          without.push(await classPace(client, server, cls, paceSeconds));
          flooded.push(await classPace(client, server, cls, paceSeconds, signInFlood(client, names, signIns)));
        }
        reportSignInFlood(report, name, flooded, without, signIns);
      }
    }

    if (bigDocument) reportBigDocument(report, name, await bigDocumentViews(client, server, bigDocument, cls.students[0].cookie));
  } finally {
    client.close();
    await server.stop();
  }
}
