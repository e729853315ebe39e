import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseBusyError } from '@/lib/db';
import { handle } from './http';
import { CREDENTIAL_MAX_WAITING, credentialQueue, gateWrite, pendingWrites } from './overload';

describe('gateWrite', () => {
  afterEach(() => {
    delete process.env.RONTEN_MAX_PENDING_WRITES;
  });

  it('answers 503 with Retry-After beyond the depth, at once and without running the handler, then lets writes in again', async () => {
    process.env.RONTEN_MAX_PENDING_WRITES = '2';
    const releases: Array<() => void> = [];
    const slow = () => gateWrite(() => new Promise<Response>((resolve) => releases.push(() => resolve(new Response('ok')))));
    const first = [slow(), slow()];
    expect(pendingWrites()).toBe(2);

    let ran = false;
    const refused = await gateWrite(async () => {
      ran = true;
      return new Response('ok');
    });
    expect(ran).toBe(false);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ error: expect.stringContaining('busy') });

    releases.forEach((release) => release());
    await Promise.all(first);
    expect(pendingWrites()).toBe(0);
    expect((await gateWrite(async () => new Response('ok'))).status).toBe(200);
  });

  it('frees its place when the handler throws', async () => {
    process.env.RONTEN_MAX_PENDING_WRITES = '1';
    await expect(gateWrite(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(pendingWrites()).toBe(0);
  });

  it('answers a database that stayed locked (SQLite shared with the CLI) the same way: 503, not 500', async () => {
    const answer = await handle(new Request('http://127.0.0.1/api/maps/m/operations', { method: 'POST' }), async () => {
      throw new DatabaseBusyError();
    });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await answer.json()).toMatchObject({ error: expect.stringContaining('busy') });
  });
});

describe('credentialQueue', () => {
  it('runs one sign-in at a time and answers 503 + Retry-After beyond its depth, before the handler runs', async () => {
    const queue = credentialQueue();
    const releases: Array<() => void> = [];
    let started = 0;
    const held = Array.from({ length: 1 + CREDENTIAL_MAX_WAITING }, () =>
      queue.run(() => {
        started++;
        return new Promise<Response>((resolve) => releases.push(() => resolve(new Response('ok'))));
      }),
    );
    await Promise.resolve();
    expect(started).toBe(1);
    expect(queue.stats()).toMatchObject({ running: 1, waiting: CREDENTIAL_MAX_WAITING });

    let ran = false;
    const refused = await handle(new Request('http://127.0.0.1/api/auth/signin', { method: 'POST' }), () =>
      queue.run(async () => {
        ran = true;
        return new Response('ok');
      }),
    );
    expect(ran).toBe(false);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ code: 'server.busy', params: { seconds: expect.any(Number) } });

    // Each waiting sign-in starts when the one before it has ended (and its slot rested).
    for (let i = 0; i < held.length; i++) {
      while (!releases.length) await new Promise((resolve) => setTimeout(resolve, 1));
      expect(started).toBe(i + 1);
      releases.shift()!();
    }
    await Promise.all(held);
    expect(started).toBe(1 + CREDENTIAL_MAX_WAITING);
    expect(queue.stats()).toMatchObject({ waiting: 0, maxRunning: 1 });
  });
});
