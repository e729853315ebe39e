// The pure token API, safe for client components, the CLI and tests. The kuromoji loader is
// deliberately not re-exported here: it reads the dictionary from disk, so server code imports
// '@/lib/tokens/kuromoji' explicitly and nothing that reaches the browser can pull it in.

export type { Token, TokenDetails, TokenSpan } from './types';
export {
  assertTokensCoverText,
  toHiragana,
  tokensFromKuromoji,
  type KuromojiMorpheme,
} from './fromKuromoji';
export { packTokens, unpackTokens, type PackedTokens } from './wire';
export { chunkStart, detailChunk, detailsOf, encodeLengths, tokenSpans, DETAIL_CHUNK, type DetailChunk } from './spans';
export { packedTokensSchema, tokenSchema } from './wireSchema';
export { phraseSizes, phrasesOf, phraseStartTokens, type Phrase, type PhraseToken } from './phrases';
