// Content hash of a canonical text: the identity every offset is anchored to.
//
// Invariants: the hash is over the UTF-8 bytes of the string, lowercase hex, 64 characters,
// so that any tool (Python's hashlib, `sha256sum`) computes the same value from an exported
// `text`. A lone surrogate has no UTF-8 form and would be hashed as U+FFFD; canonicalize()
// never produces one, so for canonical texts the hash is exact.
//
// Server/CLI only: node:crypto does not exist in the browser bundle. Client code that needs
// offsets imports `lib/text/offsets` directly rather than the `lib/text` index.

import { createHash } from 'node:crypto';

/// sha256 of `text` encoded as UTF-8, lowercase hex.
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
