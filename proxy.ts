// Next's proxy (formerly middleware): runs before every route — pages, API, downloads, static
// files. Composed of small functions from app/_shared so each concern stays in one place:
// refuse a foreign Host (hostCheck.ts), then give the request its CSP nonce and the response
// its security headers (securityHeaders.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { foreignHostResponse } from '@/app/_shared/hostCheck';
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from '@/app/_shared/securityHeaders';

export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce());
  const refused = foreignHostResponse(request);
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
