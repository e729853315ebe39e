// The storm's load generator: plain node:http over keep-alive sockets (fetch costs the client
// several times the CPU, and client and server share this machine), timing each request.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Answer {
  status: number;
  ms: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  constructor(
    readonly base: string,
    private readonly defaults: Record<string, string> = {},
  ) {}

  /// Sends once more when a kept-alive socket turned out closed by the server (status 0 at
  /// once): the writes here are idempotent (batch ids).
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 120_000): Promise<Answer> {
    const answer = await this.once(method, path, body, headers, timeoutMs);
    return answer.status === 0 && answer.ms < 50 ? this.once(method, path, body, headers, timeoutMs) : answer;
  }

  private once(method: string, path: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
    const url = new URL(path, this.base);
    const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const t0 = performance.now();
    return new Promise((resolve) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          headers: { ...this.defaults, ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}), ...headers },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
          res.on('error', () => resolve({ status: 0, ms: performance.now() - t0, body: '', headers: {} }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, ms: performance.now() - t0, body: err.code ?? err.message, headers: {} }));
      if (data) req.write(data);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/// Status code → count, as "200×512 503×3".
export function statusCounts(statuses: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
}
