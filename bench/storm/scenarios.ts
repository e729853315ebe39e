// The storm's scenarios, each returning its figures (report.ts prints them beside the targets):
// the framework's floor (/api/health at the class's concurrency), the saturated class (one batch
// in flight per student), the class at its pace (a batch every 3 s each) with a health probe
// every 50 ms — clean, while the over-large inputs of issue 12 are sent, and under a sign-in
// flood — and views of a 1 MiB document.
import { performance } from 'node:perf_hooks';
import { Client, percentile, sleep, type Answer } from './http';
import { watchMachine, type Stolen } from './machine';
import { startProbe } from './probe';
import type { Server } from './server';
import { nextBatch, PASSWORD, type Class, type Student } from './setup';

export interface Latencies {
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: number[];
  /// Server CPU per answered request, ms.
  cpuPerRequest: number;
  /// What the host took from the machine meanwhile (machine.ts).
  stolen: Stolen | null;
}

function summarize(ms: number[], statuses: number[], seconds: number, cpuMs: number, stolen: Stolen | null): Latencies {
  return {
    count: ms.length,
    perSecond: ms.length / seconds,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: percentile(ms, 100),
    statuses,
    cpuPerRequest: cpuMs / Math.max(1, ms.length),
    stolen,
  };
}

export async function save(client: Client, student: Student, cls: Class): Promise<Answer> {
  const batch = nextBatch(student, cls.boundaries);
  const answer = await client.request('POST', `/api/maps/${student.mapId}/operations`, batch, { cookie: student.cookie });
  if (answer.status === 200 || answer.status === 409) student.version = (JSON.parse(answer.body) as { version: number }).version;
  return answer;
}

/// One /api/health request from each of `count` clients at once, on a server with nothing else
/// to do: the load generator then holds `count` kept-alive connections, as a class's browsers
/// hold theirs. Node accepts one new connection per turn of its event loop (strace: one accept4
/// a wake-up), so connections opened against a busy server wait a whole turn each — opened by
/// the floor itself, while the warm-up's 20 kept the server busy, the other 180 were accepted
/// one every 80–160 ms, two thirds of the clients got one answer in the 10 s (p99 10.5 s), and
/// the floor measured those 20 clients more than the 200.
export async function openConnections(client: Client, count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => client.request('GET', '/api/health')));
}

/// /api/health at `concurrency` clients, each with one request in flight.
export async function floor(client: Client, server: Server, concurrency: number, seconds: number): Promise<Latencies> {
  const ms: number[] = [];
  const statuses: number[] = [];
  const cpu0 = server.cpuMs();
  const machine = watchMachine();
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const a = await client.request('GET', '/api/health');
        statuses.push(a.status);
        if (a.status === 200) ms.push(a.ms);
      }
    }),
  );
  return summarize(ms, statuses, (performance.now() - t0) / 1000, server.cpuMs() - cpu0, machine.stop());
}

/// Every student keeps one batch in flight for `seconds`. Latencies are of acknowledged batches.
export async function saturated(client: Client, server: Server, cls: Class, seconds: number): Promise<Latencies> {
  const ms: number[] = [];
  const statuses: number[] = [];
  const cpu0 = server.cpuMs();
  const machine = watchMachine();
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    cls.students.map(async (s) => {
      while (performance.now() < until) {
        const a = await save(client, s, cls);
        statuses.push(a.status);
        if (a.status === 200) ms.push(a.ms);
        else if (a.status === 503) await sleep(1000 * Number(a.headers['retry-after'] ?? 1) * (0.5 + Math.random()));
      }
    }),
  );
  return summarize(ms, statuses, (performance.now() - t0) / 1000, server.cpuMs() - cpu0, machine.stop());
}

export interface PaceFigures {
  savers: Latencies;
  /// The acknowledged batches' latencies, ms (to pool phases: report.ts).
  ms: number[];
  /// The worst latency of a /api/health probe sent every 50 ms during the phase.
  probeWorst: number;
  probeCount: number;
}

/// Every student sends a batch every 3 s (evenly spread starts) for `seconds`, while the probe
/// (in its own process: probe.ts) runs and `alongside` (if any) does its damage.
export async function classPace(client: Client, server: Server, cls: Class, seconds: number, alongside?: (until: number) => Promise<void>): Promise<PaceFigures> {
  const ms: number[] = [];
  const statuses: number[] = [];
  const probing = startProbe(server.base, 50);
  const cpu0 = server.cpuMs();
  const machine = watchMachine();
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all([
    alongside?.(until),
    ...cls.students.map(async (s, i) => {
      await sleep((3000 * i) / cls.students.length);
      for (let k = 0; ; k++) {
        const slot = t0 + (3000 * i) / cls.students.length + 3000 * k;
        if (slot >= until) break;
        await sleep(slot - performance.now());
        const a = await save(client, s, cls);
        statuses.push(a.status);
        if (a.status === 200) ms.push(a.ms);
      }
    }),
  ]);
  const savers = summarize(ms, statuses, (performance.now() - t0) / 1000, server.cpuMs() - cpu0, machine.stop());
  const probe = await probing.stop();
  return { savers, ms, probeWorst: Math.max(...probe), probeCount: probe.length };
}

/// 16 clients signing in over and over until `until`; returns their statuses.
export function signInFlood(client: Client, names: string[], statuses: number[]) {
  return async (until: number) => {
    await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        while (performance.now() < until) {
          const a = await client.request('POST', '/api/auth/signin', { name: names[i % names.length], password: PASSWORD });
          statuses.push(a.status);
          // As the sign-in page does: a busy server's Retry-After is waited out, not hammered.
          if (a.status === 503 || a.status === 429) await sleep(1000 * Number(a.headers['retry-after'] ?? 1));
        }
      }),
    );
  };
}
