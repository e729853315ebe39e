// Public API of lib/text: canonical text (normalization, reflow into blocks), its hash, and
// UTF-16 ⇄ code-point offset conversion. Pure: no React, Next or DOM.
//
// The index pulls in node:crypto (through hash.ts), so it is for server and CLI code. Client
// components import `@/lib/text/offsets`, `@/lib/text/width` and `@/lib/text/types` directly.

export type {
  AppliedReflow,
  Block,
  BlockKind,
  CanonicalizeOptions,
  CanonicalizeReport,
  CanonicalText,
  Reflow,
} from './types';
export { canonicalize, canonicalizeDetailed, detectHardWrap } from './canonicalize';
export { sha256Hex } from './hash';
export {
  codePointLength,
  isCodePointBoundary,
  makeOffsetConverter,
  toCodePointOffset,
  toUtf16Offset,
} from './offsets';
export type { OffsetConverter } from './offsets';
export { validateCanonicalText } from './validate';
export { codePointWidth, displayWidth } from './width';
