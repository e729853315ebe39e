// Next's proxy (formerly middleware): runs before every route — pages, API, downloads, static
// files. Composed of small functions from app/_shared so each concern stays in one place:
// refuse a foreign Host (hostCheck.ts), refuse addresses no route can serve (paths.ts: 400 in
// the API's JSON shape, the not-found page for pages), then give the request its CSP nonce and
// every response its security headers (securityHeaders.ts).
//
// Two routes are left out (config.matcher): the autosave, POST /api/maps/:mapId/operations, which
// every student sends every few seconds, and a map's import, POST /api/maps/:mapId/import, whose
// body may be 16 MiB. Running the proxy costs a request a second pass through Next (its request
// copied, its body teed into a buffer, the proxy's answer merged): a measurable share of a
// batch's CPU (README "Performance"), and for an import a second copy of a body of up to 16 MiB.
// Each route does the same itself
// (app/_shared/unproxied.ts): a foreign Host refused with 421 first, the security headers on
// every answer. Only ids of plain [A-Za-z0-9_-] are left out — Next tests the raw path as well as
// the decoded one, so any percent-encoded or otherwise odd address still meets malformedPath here.
import { NextResponse, type NextRequest } from 'next/server';
import { foreignHostResponse } from '@/app/_shared/hostCheck';
import { malformedPath } from '@/app/_shared/paths';
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from '@/app/_shared/securityHeaders';

export const config = {
  matcher: ['/((?!api/maps/[A-Za-z0-9_-]+/operations$)(?!api/maps/[A-Za-z0-9_-]+/import$).*)'],
};

export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce());
  const refused = foreignHostResponse(request) ?? malformedResponse(request);
  if (refused) {
    applySecurityHeaders(refused.headers, csp);
    return refused;
  }
  // Next reads the nonce for its own inline scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(response.headers, csp);
  return response;
}

function malformedResponse(request: NextRequest): NextResponse | null {
  const problem = malformedPath(request.url);
  if (!problem) return null;
  if (new URL(request.url).pathname.startsWith('/api/')) return NextResponse.json({ error: problem }, { status: 400 });
  return NextResponse.rewrite(new URL('/_malformed-address', request.url), { status: 404 });
}
