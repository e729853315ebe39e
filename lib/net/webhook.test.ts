// The outbound webhook against a real local HTTP server: the event arrives as JSON, signed when
// a secret is set; redirects are not followed; an unreachable or silent receiver only logs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliver, type WebhookEvent } from './webhook';

const event: WebhookEvent = {
  type: 'ronten.notification',
  kind: 'comment',
  recipients: [{ userId: 'u1', name: 'mio', displayName: '澪' }],
  actor: { userId: 'u2', name: 'sensei', displayName: '先生' },
  mapId: 'm1',
  documentId: 'd1',
  assignmentId: null,
  commentId: 'c1',
  url: 'http://127.0.0.1:3000/documents/d1',
  createdAt: '2026-12-02T00:00:00.000Z',
};

describe('webhook', () => {
  const hits: Array<{ path: string; body: string; signature: string | undefined }> = [];
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hits.push({ path: req.url ?? '', body, signature: req.headers['x-ronten-signature'] as string | undefined });
        if (req.url === '/redirect') res.writeHead(307, { location: `${base}/elsewhere` }).end();
        else res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts the event as JSON, signed with the secret', async () => {
    await deliver(event, { RONTEN_WEBHOOK_URL: `${base}/hook`, RONTEN_WEBHOOK_SECRET: 's3cret' });
    const hit = hits.find((h) => h.path === '/hook')!;
    expect(JSON.parse(hit.body)).toEqual(event);
    expect(hit.signature).toBe(`sha256=${createHmac('sha256', 's3cret').update(hit.body).digest('hex')}`);
  });

  it('does not follow a redirect, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await deliver(event, { RONTEN_WEBHOOK_URL: `${base}/redirect` });
    expect(hits.some((h) => h.path === '/elsewhere')).toBe(false);
    expect(log.mock.calls[0][0]).toMatch(/answered 307/);
    log.mockRestore();
  });

  it('sends nothing without a URL, and never throws for an unreachable or malformed one', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = hits.length;
    await deliver(event, {});
    await expect(deliver(event, { RONTEN_WEBHOOK_URL: 'http://127.0.0.1:1/' })).resolves.toBeUndefined();
    await expect(deliver(event, { RONTEN_WEBHOOK_URL: 'ftp://example/' })).resolves.toBeUndefined();
    expect(hits.length).toBe(before);
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });
});
