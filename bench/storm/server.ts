// The production server the storm runs against: `npm start`'s scripts/server.mjs over a build (this worktree's, or
// STORM_APP_DIR's for a before/after comparison), its process group's CPU time and RSS read
// from /proc, a clean stop or a SIGKILL.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { sleep } from './http';

export interface Server {
  base: string;
  /// CPU time (user + system) used so far by the server's processes, in ms.
  cpuMs(): number;
  /// Resident memory of the server's processes, in MB.
  rssMb(): number;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export function appDir(): string {
  return path.resolve(process.env.STORM_APP_DIR ?? process.cwd());
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const TICK_MS = 10; // USER_HZ = 100 on Linux

function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {}
  }
  return pids;
}

function statField(pid: number, index: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[index]);
  } catch {
    return 0;
  }
}

export async function startServer(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<Server> {
  const dir = appDir();
  if (!fs.existsSync(path.join(dir, '.next/BUILD_ID'))) throw new Error(`no production build in ${dir}: run \`npx next build\``);
  // A server left over from an earlier run would answer the health check below, and every
  // figure would then be of that server and its database.
  if (await portAnswers(port)) throw new Error(`port ${port} is taken (a server left over from an earlier run?): stop it or set STORM_PORT`);
  // What `npm start` serves (scripts/server.mjs: Next's handler behind node:http, which hands the
  // app the client's address); a checkout from before it had one gets `next start`.
  const server = fs.existsSync(path.join(dir, 'scripts/server.mjs'))
    ? [path.join(dir, 'scripts/server.mjs'), '--host', '127.0.0.1', '--port', String(port)]
    : [path.join(dir, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...server], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const pgid = child.pid!;
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (child.exitCode !== null || Date.now() > until) throw new Error(`server did not come up on ${port}: ${stderr}`);
    await sleep(100);
  }
  return {
    base,
    // utime, stime are fields 14 and 15 of /proc/PID/stat (indices 11, 12 after the name).
    cpuMs: () => groupPids(pgid).reduce((sum, pid) => sum + (statField(pid, 11) + statField(pid, 12)) * TICK_MS, 0),
    rssMb: () => groupPids(pgid).reduce((sum, pid) => sum + statField(pid, 21) * 4096, 0) / 2 ** 20,
    async stop() {
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {}
      await Promise.race([exited, sleep(5000)]);
    },
    async kill9() {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {}
      await exited;
    },
  };
}
