// The server's own origins and the client behind a request: what a sender can and cannot forge.
import { describe, expect, it } from 'vitest';
import { hostAllowed, hostIsHttps, originAllowed, parseOrigins } from './origins';
import { parseTrustedProxies, resolveClient, UNKNOWN_CLIENT } from './client';

describe('origins', () => {
  const defaults = parseOrigins(undefined, '3380');
  const configured = parseOrigins('https://ronten.school.jp, http://10.0.0.5:8080', '3000');

  it('defaults to the address npm start listens on', () => {
    expect(defaults.list).toEqual(['http://127.0.0.1:3380', 'http://localhost:3380']);
    expect(parseOrigins('', undefined).list).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000']);
  });

  it.each([
    ['127.0.0.1:3380', true],
    ['LOCALHOST:3380', true],
    ['localhost:3381', false],
    ['evil.example:3380', false],
    ['127.0.0.1', false],
    ['127.0.0.1:3380/x', false],
    ['user@127.0.0.1:3380', false],
    ['127.0.0.1:3380?x', false],
    ['127.0.0.1:3380#x', false],
    ['', false],
  ])('Host %j → %s with the defaults', (host, ok) => {
    expect(hostAllowed(host, defaults)).toBe(ok);
  });

  it('takes the configured origins, and their default ports', () => {
    expect(hostAllowed('ronten.school.jp', configured)).toBe(true);
    expect(hostAllowed('ronten.school.jp:443', configured)).toBe(true);
    expect(hostAllowed('10.0.0.5:8080', configured)).toBe(true);
    expect(hostAllowed('127.0.0.1:3000', configured)).toBe(false);
    expect(originAllowed('https://ronten.school.jp', configured)).toBe(true);
    expect(originAllowed('http://ronten.school.jp', configured)).toBe(false);
    expect(originAllowed('null', configured)).toBe(false);
    expect(hostIsHttps('ronten.school.jp', configured)).toBe(true);
    expect(hostIsHttps('10.0.0.5:8080', configured)).toBe(false);
  });

  it.each(['ronten.school.jp', 'https://x.example/path', 'ftp://x.example', 'https://u:p@x.example'])('refuses RONTEN_ORIGIN=%j', (value) => {
    expect(() => parseOrigins(value, '3000')).toThrow(/RONTEN_ORIGIN/);
  });
});

describe('client address', () => {
  const token = 'secret';
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');
  const peer = (address: string, tls = 'tcp') => `${token} ${address} ${tls}`;
  const resolve = (h: { peer?: string | null; forwardedFor?: string | null; forwardedProto?: string | null }, trusted = none) =>
    resolveClient({ peer: h.peer ?? null, forwardedFor: h.forwardedFor ?? null, forwardedProto: h.forwardedProto ?? null }, trusted, token);

  it.each([
    // [peer, X-Forwarded-For, X-Forwarded-Proto, trusted?, address, https]
    [peer('192.0.2.1'), '6.6.6.6', 'https', false, '192.0.2.1', false],
    [peer('::ffff:192.0.2.1'), null, null, false, '192.0.2.1', false],
    [peer('192.0.2.1', 'tls'), null, null, false, '192.0.2.1', true],
    [peer('10.1.1.1'), '6.6.6.6, 198.51.100.4', 'https', true, '198.51.100.4', true],
    [peer('10.1.1.1'), '198.51.100.4, 10.2.2.2', 'http', true, '198.51.100.4', false],
    [peer('127.0.0.1'), null, null, true, '127.0.0.1', false],
    [peer('10.1.1.1'), 'garbage, 198.51.100.4', null, true, '198.51.100.4', false],
    [peer('10.1.1.1'), '198.51.100.4, garbage', null, true, '10.1.1.1', false],
    [peer('fd00::1'), '2001:db8::7', null, true, '2001:db8::7', false],
    ['wrong 192.0.2.1 tcp', '6.6.6.6', 'https', true, UNKNOWN_CLIENT, false],
    [null, '6.6.6.6', 'https', true, UNKNOWN_CLIENT, false],
  ])('peer %j, X-Forwarded-For %j, proto %j, proxies trusted: %s → %s', (p, forwardedFor, forwardedProto, trusted, address, https) => {
    expect(resolve({ peer: p, forwardedFor, forwardedProto }, trusted ? proxies : none)).toEqual({ address, https });
  });

  it('believes no peer header when this process has no token (not behind scripts/server.mjs)', () => {
    for (const p of [' 192.0.2.1 tcp', peer('192.0.2.1')]) {
      expect(resolveClient({ peer: p, forwardedFor: null, forwardedProto: null }, none, undefined).address).toBe(UNKNOWN_CLIENT);
    }
  });

  it.each(['localhost', '10.0.0.0/33', '1.2.3.4/8/1', '::1/129', 'x'])('refuses RONTEN_TRUSTED_PROXIES=%j', (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/RONTEN_TRUSTED_PROXIES/);
  });
});
