// The first thing every request meets (proxy.ts): a Host that is not one of this server's
// origins (RONTEN_ORIGIN, lib/net/origins.ts) is answered 421 Misdirected Request, as JSON,
// before any route runs — a page on evil.example that DNS rebinding points at 127.0.0.1 gets
// nothing, not even the sign-in page.
import { hostAllowed, serverOrigins } from '@/lib/net/origins';

/// The refusal for a foreign Host, or null when the Host is ours.
export function foreignHostResponse(request: Request): Response | null {
  const host = request.headers.get('host');
  if (hostAllowed(host)) return null;
  return Response.json(
    { error: `this server answers only as ${serverOrigins().list.join(', ')} (set RONTEN_ORIGIN), not as host ${JSON.stringify(host ?? '')}` },
    { status: 421, headers: { 'cache-control': 'no-store' } },
  );
}
