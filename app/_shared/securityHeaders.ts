// The security headers every response carries (set by proxy.ts, pages, API answers and
// downloads alike), and the Content-Security-Policy with this request's nonce.
//
// The policy, and why:
// - script-src 'self' 'nonce-…': scripts only from this server, inline ones only with the
//   nonce Next puts on its own (it reads the policy from the request header proxy.ts sets; the
//   pages render per request anyway). No 'unsafe-inline', no 'unsafe-eval', so no inline event
//   handlers and no injected <script> run, even if markup ever got through.
// - style-src 'self' 'unsafe-inline': React's style attributes (the map, the unit boxes'
//   positions), the unit layer's shadow-root stylesheet and the print page's <style> are inline
//   styles set at run time; a nonce cannot cover style attributes, and with a nonce present
//   browsers ignore 'unsafe-inline'. Styles cannot run code; scripts stay strict.
// - img-src adds blob: and data: (the PNG export draws the SVG from a blob: URL, the wavy
//   underline is a data: SVG); connect-src 'self' (the API); object-src 'none'; base-uri 'none';
//   form-action 'self'; frame-ancestors 'none' (no framing, no click-jacking; X-Frame-Options
//   DENY for older browsers).
// - X-Content-Type-Options: nosniff and Referrer-Policy: same-origin everywhere.

export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/// Puts the security headers on `headers` (with `csp`, the policy of this request).
export function applySecurityHeaders(headers: Headers, csp: string): void {
  headers.set('content-security-policy', csp);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  headers.set('x-frame-options', 'DENY');
}
