// Who is on the other end of a request: the client address the rate limits count under, and
// whether the client reached us over https. SERVER ONLY (node:net, process.env).
//
// Invariants:
// - The socket peer is the only address a client cannot choose. Next's route handlers do not
//   see the socket, so the server (scripts/server.mjs) writes it into PEER_HEADER as
//   `<token> <address>`, where the token is a random secret of this process
//   (RONTEN_PEER_TOKEN, set by that server at start and never sent out). A PEER_HEADER without
//   the token — sent by a client, or under plain `next start` — is ignored: the peer is then
//   unknown, every such client shares one bucket, and none is a trusted proxy.
// - X-Forwarded-For and X-Forwarded-Proto are believed only when the peer is one of
//   RONTEN_TRUSTED_PROXIES (comma-separated addresses or CIDRs, IPv4 or IPv6; default none).
//   Then the client is the right-most X-Forwarded-For entry that is not itself a trusted proxy:
//   entries left of it were written by the client and prove nothing.

import { BlockList, isIP } from 'node:net';

export const PEER_HEADER = 'x-ronten-peer';
export const UNKNOWN_CLIENT = 'unknown';

export interface ClientInfo {
  /// The client's address, or UNKNOWN_CLIENT.
  address: string;
  /// The client used https: a trusted proxy said so (X-Forwarded-Proto), or the socket was TLS.
  https: boolean;
}

/// `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is 192.0.2.1.
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1] : a;
}

export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits, extra] = entry.split('/');
    const address = normalizeAddress(addr);
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`RONTEN_TRUSTED_PROXIES: "${entry}" is not an address or CIDR (e.g. 127.0.0.1, 10.0.0.0/8, ::1)`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export interface ClientHeaders {
  /// PEER_HEADER's value.
  peer: string | null;
  forwardedFor: string | null;
  forwardedProto: string | null;
}

/// The client behind these headers (see the invariants above). `token` is this process's
/// RONTEN_PEER_TOKEN (undefined: no server of ours in front, the peer is unknown).
export function resolveClient(headers: ClientHeaders, trusted: BlockList, token: string | undefined): ClientInfo {
  const [peerToken, peerAddress, peerTls] = (headers.peer ?? '').split(' ');
  const peer = token && peerToken === token && peerAddress ? normalizeAddress(peerAddress) : null;
  if (!peer) return { address: UNKNOWN_CLIENT, https: false };
  const direct = { address: peer, https: peerTls === 'tls' };
  if (!isTrusted(trusted, peer)) return direct;
  const chain = (headers.forwardedFor ?? '').split(',').map((s) => normalizeAddress(s)).filter(Boolean);
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!isIP(chain[i])) break; // garbage: stop at the last address we could believe
    client = chain[i];
    if (!isTrusted(trusted, client)) break;
  }
  const proto = (headers.forwardedProto ?? '').split(',')[0].trim().toLowerCase();
  return { address: client, https: proto ? proto === 'https' : direct.https };
}

let cached: { key: string; list: BlockList } | null = null;

/// The trusted proxies of RONTEN_TRUSTED_PROXIES (re-read when it changes, as tests do).
export function trustedProxies(): BlockList {
  const key = process.env.RONTEN_TRUSTED_PROXIES ?? '';
  if (cached?.key !== key) cached = { key, list: parseTrustedProxies(key) };
  return cached.list;
}

/// The client of a request, by the rules above.
export function requestClient(request: Request): ClientInfo {
  return resolveClient(
    { peer: request.headers.get(PEER_HEADER), forwardedFor: request.headers.get('x-forwarded-for'), forwardedProto: request.headers.get('x-forwarded-proto') },
    trustedProxies(),
    process.env.RONTEN_PEER_TOKEN,
  );
}
