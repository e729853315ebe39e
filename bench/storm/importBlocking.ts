// `npx tsx bench/storm/importBlocking.ts`: how long a 20,000-unit map import stops the server
// from answering others — a /api/health probe every 20 ms, its worst latency for 5 s on an idle
// server and then while the import is sent (solo mode, a fresh SQLite file). STORM_APP_DIR picks
// the build (another checkout, for before/after); STORM_PROFILE_DIR, a V8 CPU profile of the
// server. Figures only.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Client, sleep } from './http';
import { appDir, startServer } from './server';
import { freshSqliteUrl } from './setup';

async function probeWorst(client: Client, busy: Promise<unknown> | null, ms: number): Promise<number> {
  let worst = 0;
  let done = false;
  void busy?.finally(() => (done = true));
  const until = performance.now() + ms;
  while (busy ? !done : performance.now() < until) {
    const sent = performance.now();
    worst = Math.max(worst, (await client.request('GET', '/api/health')).ms);
    await sleep(Math.max(0, 20 - (performance.now() - sent)));
  }
  return worst;
}

async function main() {
  const url = freshSqliteUrl('import-blocking');
  const env = { ...process.env, DATABASE_URL: url };
  for (const cmd of ['migrate', 'seed']) spawnSync('node', ['--import', 'tsx', 'scripts/cli.ts', cmd], { env, stdio: 'ignore' });
  const profile = process.env.STORM_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.STORM_PROFILE_DIR)}`] : [];
  const server = await startServer(Number(process.env.STORM_PORT ?? 3300), { DATABASE_URL: url }, profile);
  const client = new Client(server.base, { origin: server.base });
  try {
    const { mapId, version } = JSON.parse((await client.request('GET', '/api/documents/russia-diplomacy-2020/map')).body) as { mapId: string; version: number };
    const example = JSON.parse(fs.readFileSync(path.join('corpus', 'russia-diplomacy-2020.example.argmap.json'), 'utf8')) as { units: Array<{ id: string }> };
    const units = Array.from({ length: 20_000 }, (_, i) => ({ ...example.units[i % example.units.length], id: `i${i}` }));
    const content = JSON.stringify({ ...example, units, relations: [], mainClaim: null });
    await probeWorst(client, null, 2000); // warm up
    const idle = await probeWorst(client, null, 5000);
    const t0 = performance.now();
    const importing = client.request('POST', `/api/maps/${mapId}/import`, { fileName: 'big.argmap.json', content, baseVersion: version, accept: true });
    const during = await probeWorst(client, importing, 0);
    const answer = await importing;
    console.log(`${appDir()}: probe worst idle ${idle.toFixed(0)} ms; during the 20,000-unit import ${during.toFixed(0)} ms (import HTTP ${answer.status} in ${(performance.now() - t0).toFixed(0)} ms)`);
  } finally {
    client.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
