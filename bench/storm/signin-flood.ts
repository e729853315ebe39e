// `npx tsx bench/storm/signin-flood.ts`: scenario (e) of the storm, alternated with plain class
// pace several times in one server (pace, flood, pace, flood, …), with what each phase cost:
// the savers' latencies, the sign-ins' answers, and the CPU time of the server's main thread,
// its low-priority worker threads (argon2id), its other threads (V8's helpers, libuv), and the
// PostgreSQL backends of the bench database — shares of wall time, which a busy neighbour moves
// less than latencies. STORM_SIGNIN_COST=1 first measures one sign-in at a time with nothing
// else running (CPU ms per sign-in by thread; =only for just that). Settings: STORM_DATABASES
// (first one), STORM_PORT (3430), STORM_APP_DIR, STORM_STUDENTS (200), STORM_PACE_SECONDS (15),
// STORM_ROUNDS (2), STORM_PROFILE_DIR, STORM_THREADS (print each thread's CPU).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, statusCounts } from './http';
import { classPace, signInFlood } from './scenarios';
import { startServer } from './server';
import { freshSqliteUrl, makeClass, PASSWORD, withPostgres, type Class } from './setup';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const TICK_MS = 10;

function stat(file: string): string[] | null {
  try {
    const s = fs.readFileSync(file, 'utf8');
    return [s.slice(0, s.lastIndexOf(')') + 1), ...s.slice(s.lastIndexOf(')') + 2).split(' ')];
  } catch {
    return null;
  }
}

/// CPU ms by kind, cumulated by sampling every 100 ms (PostgreSQL backends come and go with the
/// pool): the server's main thread, its nice-19 threads (argon2id), its other threads, and the
/// PostgreSQL backends of database `db`.
class CpuSampler {
  private last = new Map<string, number>();
  totals = { main: 0, low: 0, other: 0, pg: 0 };
  /// CPU ms per thread of the server ("tid comm nice").
  threads = new Map<string, number>();
  private timer: NodeJS.Timeout;
  constructor(
    private readonly serverPid: number,
    private readonly db: string | null,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
  }
  private add(id: string, kind: keyof CpuSampler['totals'], cpu: number) {
    const before = this.last.get(id);
    this.last.set(id, cpu);
    if (before !== undefined) this.totals[kind] += cpu - before;
  }
  sample() {
    let tids: string[] = [];
    try {
      tids = fs.readdirSync(`/proc/${this.serverPid}/task`);
    } catch {}
    for (const tid of tids) {
      const f = stat(`/proc/${this.serverPid}/task/${tid}/stat`);
      if (!f) continue;
      const cpu = (Number(f[12]) + Number(f[13])) * TICK_MS;
      const before = this.last.get(`t${tid}`);
      this.add(`t${tid}`, Number(tid) === this.serverPid ? 'main' : Number(f[17]) === 19 ? 'low' : 'other', cpu);
      const label = `${tid} ${f[0].split(' (')[1]} nice ${f[17]}`;
      if (before !== undefined) this.threads.set(label, (this.threads.get(label) ?? 0) + cpu - before);
    }
    if (!this.db) return;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let cmd = '';
      try {
        cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmd.startsWith('postgres: ') || !cmd.includes(` ${this.db} `)) continue;
      const f = stat(`/proc/${entry}/stat`);
      if (f) this.add(`p${entry}`, 'pg', (Number(f[12]) + Number(f[13])) * TICK_MS);
    }
  }
  snapshot() {
    this.sample();
    return { ...this.totals };
  }
  stop() {
    clearInterval(this.timer);
  }
}

async function run(name: string, url: string, pgDb: string | null) {
  const students = env('STORM_STUDENTS', 200);
  const seconds = env('STORM_PACE_SECONDS', 15);
  const rounds = env('STORM_ROUNDS', 2);
  const costOnly = process.env.STORM_SIGNIN_COST === 'only';
  const cls: Class = await makeClass(url, students);
  const profile = process.env.STORM_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.STORM_PROFILE_DIR)}`] : [];
  const server = await startServer(env('STORM_PORT', 3430), { DATABASE_URL: url, RONTEN_MODE: 'classroom' }, profile);
  const pid = findServerPid(env('STORM_PORT', 3430));
  const client = new Client(server.base, { origin: server.base });
  const cpu = new CpuSampler(pid, pgDb);
  const names = cls.students.map((s) => s.name);
  try {
    // Warm up: saves and a few sign-ins (the worker starts, the routes compile).
    if (!costOnly) await classPace(client, server, cls, 3);
    for (let i = 0; i < 3; i++) await client.request('POST', '/api/auth/signin', { name: names[0], password: PASSWORD });
    if (process.env.STORM_SIGNIN_COST) {
      // One sign-in at a time, nothing else running: what one costs, by thread.
      const n = 40;
      const c0 = cpu.snapshot();
      const t0 = performance.now();
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) statuses.push((await client.request('POST', '/api/auth/signin', { name: names[i % 16], password: PASSWORD })).status);
      const wall = (performance.now() - t0) / n;
      const c1 = cpu.snapshot();
      const per = (k: keyof typeof c0) => ((c1[k] - c0[k]) / n).toFixed(1);
      if (process.env.STORM_THREADS) for (const [t, ms] of cpu.threads) if (ms > 0) console.log(`   thread ${t}: ${ms} ms`);
      console.log(`[${name}] one sign-in: ${wall.toFixed(1)} ms wall; CPU ms main ${per('main')} argon2 ${per('low')} other ${per('other')} pg ${per('pg')} (${statusCounts(statuses)})`);
    }
    for (let r = 0; r < (costOnly ? 0 : rounds); r++) {
      for (const flood of [false, true]) {
        const statuses: number[] = [];
        const cpu0 = cpu.snapshot();
        const t0 = performance.now();
        const pace = await classPace(client, server, cls, seconds, flood ? signInFlood(client, names, statuses) : undefined);
        const wall = performance.now() - t0;
        const cpu1 = cpu.snapshot();
        const d = (k: keyof typeof cpu0) => `${(((cpu1[k] - cpu0[k]) / wall) * 100).toFixed(0)}%`;
        const s = pace.savers;
        const ok = statuses.filter((x) => x === 200).length;
        console.log(
          `[${name}] round ${r} ${flood ? 'flood' : 'pace '}: savers n=${s.count} p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)} max ${s.max.toFixed(0)} ms ${statusCounts(s.statuses)}` +
            ` | probe worst ${pace.probeWorst.toFixed(0)} ms | cpu main ${d('main')} argon2 ${d('low')} other ${d('other')} pg ${d('pg')}` +
            (flood ? ` | sign-ins ${statusCounts(statuses)} (${(ok / (wall / 1000)).toFixed(1)}/s ok)` : ''),
        );
      }
    }
  } finally {
    cpu.stop();
    client.close();
    await server.stop();
  }
}

function findServerPid(port: number): number {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => a.endsWith('scripts/server.mjs')) && cmd.includes(String(port))) return Number(entry);
    } catch {}
  }
  throw new Error('server pid not found');
}

async function main() {
  const db = (process.env.STORM_DATABASES ?? 'sqlite').split(',')[0].trim();
  if (db === 'postgres') await withPostgres('ronten_signin', (url) => run('postgres', url, 'ronten_signin'));
  else await run('sqlite', freshSqliteUrl('signin-flood'), null);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
