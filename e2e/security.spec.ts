// The server's own defences, seen from outside: the security headers on pages, API answers and
// downloads, a foreign Host refused with 421 before any route runs (DNS rebinding), and the CSP
// really blocking an injected inline handler (which the csp.ts fixture then sees).
import { request as httpRequest } from 'node:http';
import { expect, test } from './csp';
import { essayId, essayPath } from './support';

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

test('pages, API answers and downloads carry the security headers', async ({ request }) => {
  const { mapId } = await (await request.get(`/api/documents/${essayId}/map`)).json();
  for (const path of ['/', essayPath, `/api/documents/${essayId}/map`, `/api/maps/${mapId}/export?format=csv`, '/no-such-page']) {
    const res = await request.get(path);
    const headers = res.headers();
    expect(headers, path).toMatchObject(HEADERS);
    expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).not.toContain('unsafe-eval');
  }
  // The autosave, which proxy.ts leaves out, sets them itself (app/_shared/unproxied.ts).
  const save = await request.post(`/api/maps/${mapId}/operations`, { data: { batchId: 'security-headers', baseVersion: 1, operations: [] } });
  expect(save.status()).toBe(422);
  expect(save.headers()).toMatchObject(HEADERS);
  expect(save.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const download = await request.get(`/api/maps/${mapId}/export?format=json`);
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9%._-]+"; filename\*=UTF-8''[A-Za-z0-9%._-]+$/);
});

test('a request naming another Host is refused with 421, pages and API alike', async ({ baseURL }) => {
  const url = new URL(baseURL!);
  const get = (path: string, host: string, method = 'GET') =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ hostname: url.hostname, port: url.port, path, method, headers: { host } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  for (const path of ['/', essayPath, `/api/documents/${essayId}/map`, '/api/health']) {
    const refused = await get(path, `evil.example:${url.port}`);
    expect(refused.status, path).toBe(421);
    expect(JSON.parse(refused.body).error).toMatch(/RONTEN_ORIGIN/);
    expect((await get(path, url.host)).status, path).toBe(200);
  }
  // The autosave and import routes check the Host themselves (proxy.ts leaves them out): refused before anything is read.
  const { mapId } = JSON.parse((await get(`/api/documents/${essayId}/map`, url.host)).body) as { mapId: string };
  for (const path of [`/api/maps/${mapId}/operations`, `/api/maps/${mapId}/import`]) {
    const write = await get(path, `evil.example:${url.port}`, 'POST');
    expect(write.status, path).toBe(421);
    expect(JSON.parse(write.body).error).toMatch(/RONTEN_ORIGIN/);
  }
});

test('the CSP blocks an inline event handler, and the fixture reports it', async ({ page, cspViolations }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('onerror', 'document.body.dataset.pwned = "yes"');
    img.src = 'data:,not-an-image';
    document.body.append(img);
  });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  cspViolations.length = 0; // this one was on purpose
});
