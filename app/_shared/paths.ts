// Which request addresses are refused before any route or page runs (called from proxy.ts).
//
// Next percent-decodes each path segment into the route's parameters, and a segment that is not
// percent-encoded UTF-8 (`%`, `%ud800`, `%ED%A0%80` — an encoded lone surrogate) made it fail
// with a plain-text 500 before our code ran. A segment or query value that decodes to U+0000
// reaches the database as a lookup PostgreSQL cannot run. Both are the client's mistake: 400.
// Pure (a URL in, a reason out) so it is tested without a server.
import { unsafeTextProblem } from '@/lib/text/safeText';

/// Why the address `url` cannot be served, or null when it is sound.
export function malformedPath(url: string): string | null {
  const { pathname, search } = new URL(url);
  for (const segment of pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'the path is not valid percent-encoded UTF-8';
    }
    const problem = unsafeTextProblem(decoded);
    if (problem) return `the path ${problem}`;
  }
  // The query is decoded leniently (bad escapes stay as they are, bad UTF-8 becomes U+FFFD), so
  // only U+0000 is left to refuse.
  if (/%00/i.test(search)) return 'the query contains U+0000 (a NUL character)';
  return null;
}
