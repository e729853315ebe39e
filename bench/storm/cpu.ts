// `npx tsx bench/storm/cpu.ts`: server CPU per request — /api/health and an autosave batch —
// at a moderate concurrency (STORM_CONCURRENCY, 20) for a fixed count (STORM_REQUESTS, 3000),
// on SQLite or PostgreSQL (STORM_DATABASES, first one). Throughput on a shared machine says as
// much about the neighbours as about the server; CPU time per request much less, so this is the
// figure to compare builds by (STORM_APP_DIR, alternating runs). STORM_PROFILE_DIR: a V8 CPU
// profile of the server; STORM_ONLY=health|batch measures one of the two. Figures only.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from './http';
import { save } from './scenarios';
import { startServer } from './server';
import { freshSqliteUrl, makeClass, withPostgres } from './setup';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

async function measure(url: string, name: string) {
  const concurrency = env('STORM_CONCURRENCY', 20);
  const requests = env('STORM_REQUESTS', 3000);
  const cls = await makeClass(url, concurrency);
  const profile = process.env.STORM_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.STORM_PROFILE_DIR)}`] : [];
  const server = await startServer(env('STORM_PORT', 3300), { DATABASE_URL: url, RONTEN_MODE: 'classroom' }, profile);
  const client = new Client(server.base, { origin: server.base });
  try {
    const run = async (label: string, one: (i: number) => Promise<number>) => {
      let left = requests;
      const statuses = new Map<number, number>();
      const cpu0 = server.cpuMs();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async (_, i) => {
          while (left-- > 0) {
            const s = await one(i);
            statuses.set(s, (statuses.get(s) ?? 0) + 1);
          }
        }),
      );
      const cpu = server.cpuMs() - cpu0;
      const wall = performance.now() - t0;
      console.log(`[${name}] ${label.padEnd(8)} CPU ${(cpu / requests).toFixed(2)} ms/req  ${((requests * 1000) / wall).toFixed(0)} req/s  ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
    };
    const health = async () => (await client.request('GET', '/api/health')).status;
    const batch = async (i: number) => (await save(client, cls.students[i], cls)).status;
    await run('warm-up', health);
    await run('warm-up', batch);
    const only = process.env.STORM_ONLY; // 'health' or 'batch' (for a profile of one)
    for (let k = 0; k < 2; k++) {
      if (only !== 'batch') await run('health', health);
      if (only !== 'health') await run('batch', batch);
    }
  } finally {
    client.close();
    await server.stop();
  }
}

async function main() {
  const db = (process.env.STORM_DATABASES ?? 'sqlite').split(',')[0].trim();
  if (db === 'postgres') await withPostgres('ronten_storm_cpu', (url) => measure(url, 'postgres'));
  else await measure(freshSqliteUrl('storm-cpu'), 'sqlite');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
