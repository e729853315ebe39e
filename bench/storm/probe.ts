// The health probe of the class-pace phases, in a process of its own: /api/health every
// `everyMs`, each request timed. Run in the load generator's process, a probe's latency also held
// that process's own stalls — serializing a 3 MB import body, collecting the garbage of 200
// students' batches — and the figure is meant to be the server's.
import { spawn } from 'node:child_process';

// Plain JavaScript for `node -e`: no file to find, nothing to compile.
const PROBE_SOURCE = `
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const [base, everyMs] = [process.argv[1], Number(process.argv[2])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies = [];
let running = true;
process.stdin.on('data', () => { running = false; });
function once() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(base + '/api/health', { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - t0));
    });
    req.on('error', () => resolve(performance.now() - t0));
  });
}
(async () => {
  while (running) {
    const sent = performance.now();
    latencies.push(await once());
    await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (performance.now() - sent))));
  }
  process.stdout.write(JSON.stringify(latencies));
  agent.destroy();
})();
`;

export interface Probe {
  /// Stops probing; the latencies of every probe sent, in ms.
  stop(): Promise<number[]>;
}

export function startProbe(base: string, everyMs = 50): Probe {
  const child = spawn(process.execPath, ['-e', PROBE_SOURCE, base, String(everyMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.stdin!.end('stop\n');
      await exited;
      return JSON.parse(out || '[]') as number[];
    },
  };
}
