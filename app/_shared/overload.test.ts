import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseBusyError } from '@/lib/db';
import { handle } from './http';
import { gateWrite, pendingWrites } from './overload';

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
