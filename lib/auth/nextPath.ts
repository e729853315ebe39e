// Where to go after signing in: only a path on this site. `next` comes from the query string,
// so anything else — an absolute URL, a protocol-relative `//host`, or `/\host` (which browsers
// read as `//host`) — would send the user to another site after a genuine sign-in. A query
// string with `next` twice gives the page an array: that is no path either.
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  if (next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
  return next;
}
