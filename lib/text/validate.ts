// Checks a CanonicalText against the contract in types.ts, for code that receives one from
// outside this module (the database, an imported export) and for tests.
//
// Returns human-readable problems, empty when the value is sound; never throws, so callers
// can report every problem at once.

import { sha256Hex } from './hash';
import { hasLoneSurrogate } from './safeText';
import type { CanonicalText } from './types';

const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/u;

/// Problems with `c`, or [] when it satisfies every CanonicalText invariant.
export function validateCanonicalText(c: CanonicalText): string[] {
  const problems: string[] = [];
  const { text, blocks } = c;
  if (text !== text.normalize('NFC')) problems.push('text is not NFC');
  if (hasLoneSurrogate(text)) problems.push('text contains a lone surrogate');
  if (text.includes('\uFEFF')) problems.push('text contains U+FEFF');
  let expectedStart = 0;
  blocks.forEach((b, i) => {
    if (b.kind !== 'heading' && b.kind !== 'paragraph') {
      problems.push(`block ${i}: unknown kind ${String(b.kind)}`);
    }
    if (b.start !== expectedStart) {
      problems.push(`block ${i}: starts at ${b.start}, expected ${expectedStart}`);
    }
    if (!(b.end > b.start)) problems.push(`block ${i}: empty or reversed [${b.start}, ${b.end})`);
    if (b.end > text.length) problems.push(`block ${i}: ends at ${b.end} past the text`);
    if (LINE_BREAK.test(text.slice(b.start, b.end))) problems.push(`block ${i}: contains a line break`);
    expectedStart = b.end + 1;
  });
  const joined = blocks.map((b) => text.slice(b.start, b.end)).join('\n');
  if (joined !== text) problems.push('blocks joined by "\\n" do not reproduce the text');
  if (c.sha256 !== sha256Hex(text)) problems.push('sha256 does not match the text');
  return problems;
}
