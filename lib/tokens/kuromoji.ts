// Server-side tokenizer: loads kuromoji's IPADIC dictionary and turns a canonical text into
// Token[]. SERVER AND CLI ONLY — import it from route handlers, server actions, import jobs and
// scripts, never from a client component or anything a client component imports (the
// dictionary is ~17 MB gzipped and must never ship to the browser). It does not
// `import 'server-only'` because that package throws under plain Node (tsx CLI, vitest); the
// pure API lives in '@/lib/tokens', and this module is deliberately not re-exported there.
//
// Invariants:
// - The dictionary is loaded lazily, at most once per process and directory: the first caller
//   starts the load and concurrent callers share its promise. A failed load is forgotten so a
//   later call can retry. Page views read stored tokens and never call this; the counters
//   (isDictionaryLoaded, dictionaryLoadCount) let tests and the bench verify that.
// - The state lives on globalThis because Next may evaluate a server module more than once per
//   process (separate route/action bundles, dev reloads); a module-level variable would load
//   the dictionary (about 235 MB of heap once unpacked) again for each copy.
// - The dictionary directory is found from process.cwd(), not __dirname (Turbopack rewrites
//   __dirname), unless RONTEN_KUROMOJI_DICT or an explicit argument says otherwise.
// - tokenize() never passes kuromoji what breaks it (see chunks.ts), so any string, including
//   100,000 characters without punctuation, lone surrogates or emoji runs, comes back as tokens
//   that cover it exactly (asserted on every call). Once the dictionary is loaded it takes about
//   0.6 s per 100,000 characters of prose, 1 s without punctuation (the load itself takes
//   0.6–1.5 s); tokenize() does it in slices of SLICE_MS, yielding to the event loop between
//   them, tokenizeWith() in one go.

import fs from 'node:fs';
import path from 'node:path';
import * as kuromoji from 'kuromoji';

import type { Token } from './types';
import { planKuromojiInput } from './chunks';
import { assertTokensCoverText, tokensFromKuromoji, type KuromojiMorpheme } from './fromKuromoji';

export type KuromojiTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

export const DICTIONARY_ENV = 'RONTEN_KUROMOJI_DICT';

interface LoaderState {
  tokenizers: Map<string, Promise<KuromojiTokenizer>>;
  started: number;
  loaded: number;
}

const STATE_KEY = Symbol.for('ronten.lib.tokens.kuromoji');

function loaderState(): LoaderState {
  const g = globalThis as typeof globalThis & { [STATE_KEY]?: LoaderState };
  return (g[STATE_KEY] ??= { tokenizers: new Map(), started: 0, loaded: 0 });
}

/// The dictionary directory: the argument, else $RONTEN_KUROMOJI_DICT, else
/// <cwd>/node_modules/kuromoji/dict; always absolute.
export function resolveDictionaryPath(dictPath?: string): string {
  const fromEnv = process.env[DICTIONARY_ENV];
  // turbopackIgnore: a cwd-relative path would otherwise make Next trace the whole project.
  return path.resolve(
    /*turbopackIgnore: true*/ dictPath || fromEnv || path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules/kuromoji/dict'),
  );
}

function build(dir: string, state: LoaderState): Promise<KuromojiTokenizer> {
  // kuromoji reports a missing directory as a bare ENOENT on one of its files; say what to fix.
  if (!fs.existsSync(path.join(dir, 'base.dat.gz'))) {
    return Promise.reject(
      new Error(
        `kuromoji dictionary not found in ${dir} (no base.dat.gz); run from the project root, ` +
          `or set ${DICTIONARY_ENV} to kuromoji's dict directory`,
      ),
    );
  }
  state.started++;
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath: dir }).build((err, tokenizer) => {
      if (err) {
        reject(new Error(`loading the kuromoji dictionary from ${dir} failed: ${err.message}`, { cause: err }));
      } else {
        state.loaded++;
        resolve(tokenizer);
      }
    });
  });
}

/// kuromoji's tokenizer for the dictionary in `dictPath` (see resolveDictionaryPath), loaded on
/// first use and shared by every later and concurrent caller.
export function loadTokenizer(dictPath?: string): Promise<KuromojiTokenizer> {
  const state = loaderState();
  const dir = resolveDictionaryPath(dictPath);
  let pending = state.tokenizers.get(dir);
  if (pending === undefined) {
    const attempt = build(dir, state);
    pending = attempt;
    state.tokenizers.set(dir, attempt);
    attempt.catch(() => {
      if (state.tokenizers.get(dir) === attempt) state.tokenizers.delete(dir);
    });
  }
  return pending;
}

/// Whether any kuromoji dictionary has finished loading in this process.
export function isDictionaryLoaded(): boolean {
  return loaderState().loaded > 0;
}

/// How many dictionary loads this process has started (0 on a server that only serves pages).
export function dictionaryLoadCount(): number {
  return loaderState().started;
}

/// kuromoji's morphemes of `text`, one array per piece of planKuromojiInput (each at most
/// MAX_SENTENCE long, so each step is short).
function* morphemes(tokenizer: KuromojiTokenizer, text: string): Generator<KuromojiMorpheme[]> {
  for (const piece of planKuromojiInput(text)) {
    const surface = text.slice(piece.start, piece.end);
    if (piece.kind === 'fixed') {
      yield [{ surface_form: surface, pos: '記号', pos_detail_1: piece.posDetail, pos_detail_2: '*', pos_detail_3: '*', basic_form: '*' }];
    } else {
      yield tokenizer.tokenize(surface);
    }
  }
}

function finish(text: string, raw: KuromojiMorpheme[]): Token[] {
  const tokens = tokensFromKuromoji(text, raw);
  assertTokensCoverText(text, tokens);
  return tokens;
}

/// Tokens of `text` with an already loaded tokenizer (synchronous; for callers holding one).
export function tokenizeWith(tokenizer: KuromojiTokenizer, text: string): Token[] {
  const raw: KuromojiMorpheme[] = [];
  for (const part of morphemes(tokenizer, text)) for (const m of part) raw.push(m);
  return finish(text, raw);
}

/// How long tokenize() works before it lets the event loop run other requests.
const SLICE_MS = 20;

/// Tokens of `text`, loading the dictionary on first use. The same tokens as tokenizeWith, but
/// in slices of about SLICE_MS with a yield between them, so that importing a long text on the
/// server never stops other requests for longer than that.
export async function tokenize(text: string, options?: { dictPath?: string }): Promise<Token[]> {
  const tokenizer = await loadTokenizer(options?.dictPath);
  const raw: KuromojiMorpheme[] = [];
  let sliceStart = performance.now();
  for (const part of morphemes(tokenizer, text)) {
    for (const m of part) raw.push(m);
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return finish(text, raw);
}
