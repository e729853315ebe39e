// Which stored tokens need re-tokenizing, and whether new tokens may replace them. Tokens stored
// before kuromoji's conjugation (活用型,活用形) was kept (8e5cdc2) have none, so the word tip
// shows no conjugation for older documents; lib/db/tokenBackfill re-tokenizes those documents
// (off the request path: `npm run cli -- tokens --backfill`). Pure.
//
// Invariants: lacksConjugation is false for anything packTokens makes of fresh kuromoji tokens
// (every 動詞, 形容詞 and 助動詞 of IPADIC has a conjugation type), so a backfilled document is not
// picked again. New tokens replace stored ones only when every token boundary is the same
// (firstBoundaryDifference null): units store offsets that must never move, and phrases and
// agreement are computed on token boundaries.
import type { PackedTokens } from './wire';

/// The parts of speech that inflect: kuromoji gives each a conjugation.
const INFLECTING = new Set(['動詞', '形容詞', '助動詞']);

/// Whether packed tokens hold an inflecting word without its conjugation (stored before it was kept).
export function lacksConjugation(packed: Pick<PackedTokens, 'tags'>): boolean {
  return packed.tags.some((tag) => INFLECTING.has(tag[0]) && !tag[2]);
}

/// The index of the first token whose length differs between the stored token lengths and new
/// ones (or the shorter count, when one ends early); null when the boundaries are all the same.
export function firstBoundaryDifference(stored: readonly number[], fresh: readonly number[]): number | null {
  const n = Math.min(stored.length, fresh.length);
  for (let i = 0; i < n; i++) if (stored[i] !== fresh[i]) return i;
  return stored.length === fresh.length ? null : n;
}
