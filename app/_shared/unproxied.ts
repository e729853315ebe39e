// What proxy.ts does for every request, done by the routes its matcher leaves out (the
// autosave, sent by every student every few seconds, where the proxy's second pass through Next
// was a measurable share of a batch's CPU; a map's import, whose body the pass buffered): a Host that is not ours is refused with 421 before
// anything else runs (hostCheck.ts), and every answer carries the security headers
// (securityHeaders.ts). Malformed addresses never get here: the matcher only leaves out paths
// whose id is plain [A-Za-z0-9_-].
import { foreignHostResponse } from './hostCheck';
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from './securityHeaders';

/// Runs `handler` for a request the proxy did not see, with the proxy's refusal and headers.
export async function unproxied(request: Request, handler: () => Promise<Response>): Promise<Response> {
  const response = foreignHostResponse(request) ?? (await handler());
  applySecurityHeaders(response.headers, contentSecurityPolicy(newNonce()));
  return response;
}
