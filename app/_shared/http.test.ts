import { afterEach, describe, expect, it, vi } from 'vitest';
import { handle, HttpError } from './http';

describe('handle', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers an unexpected error in the JSON error shape and logs it with the route', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const boom = new Error('connection reset');
    const res = await handle(new Request('http://localhost/api/maps/m1/operations?secret=x', { method: 'POST' }), async () => {
      throw boom;
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: 'internal error', code: 'server.internal', params: {} });
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]).toEqual(['POST /api/maps/m1/operations: unexpected error', boom]);
  });

  it('answers a refusal as it says, without logging', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await handle(new Request('http://localhost/api/x'), async () => {
      throw new HttpError(422, 'title is empty', { field: 'title' });
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'title is empty', field: 'title' });
    expect(log).not.toHaveBeenCalled();
  });
});
