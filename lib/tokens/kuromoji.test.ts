import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  DICTIONARY_ENV,
  dictionaryLoadCount,
  isDictionaryLoaded,
  loadTokenizer,
  resolveDictionaryPath,
  tokenize,
  tokenizeWith,
} from './kuromoji';

afterEach(() => {
  vi.unstubAllEnvs();
});

// The tests in this file run in order and share one dictionary load (vitest gives each test
// file a fresh module graph and globalThis).
describe('kuromoji loader', () => {
  it('does not load the dictionary on import', () => {
    expect(isDictionaryLoaded()).toBe(false);
    expect(dictionaryLoadCount()).toBe(0);
  });

  it('loads it once for concurrent callers', async () => {
    const [a, b, t1, t2] = await Promise.all([
      tokenize('外交'),
      tokenize('食べた'),
      loadTokenizer(),
      loadTokenizer(resolveDictionaryPath()),
    ]);
    expect(a.map((t) => t.surface)).toEqual(['外交']);
    expect(b.map((t) => t.surface)).toEqual(['食べ', 'た']);
    expect(t1).toBe(t2);
    expect(dictionaryLoadCount()).toBe(1);
    expect(isDictionaryLoaded()).toBe(true);
  });

  it('reuses it afterwards, whatever spelling of the same directory is given', async () => {
    vi.stubEnv(DICTIONARY_ENV, './node_modules/kuromoji/dict/');
    await tokenize('ロシア');
    await tokenize('ロシア', { dictPath: path.join(process.cwd(), 'node_modules', 'kuromoji', 'dict') });
    expect(dictionaryLoadCount()).toBe(1);
  });

  it('resolves the dictionary from the argument, then the environment, then the cwd', () => {
    expect(resolveDictionaryPath()).toBe(path.join(process.cwd(), 'node_modules/kuromoji/dict'));
    vi.stubEnv(DICTIONARY_ENV, '/opt/dict');
    expect(resolveDictionaryPath()).toBe('/opt/dict');
    expect(resolveDictionaryPath('/srv/dict')).toBe('/srv/dict');
    vi.stubEnv(DICTIONARY_ENV, '');
    expect(resolveDictionaryPath()).toBe(path.join(process.cwd(), 'node_modules/kuromoji/dict'));
  });

  it('says where it looked when the dictionary is missing, and does not cache the failure', async () => {
    const missing = path.join(process.cwd(), 'no-such-dict');
    await expect(tokenize('x', { dictPath: missing })).rejects.toThrow(
      new RegExp(`not found in ${missing}.*${DICTIONARY_ENV}`),
    );
    await expect(loadTokenizer(missing)).rejects.toThrow(/not found/);
    expect(dictionaryLoadCount()).toBe(1);
  });

  it('tokenizes 100,000 characters without any punctuation or line break', async () => {
    const text = '外交について議論するロシアと日本の関係𠮷'.repeat(5000);
    expect(text.length).toBe(105_000);
    const tokens = await tokenize(text);
    expect(tokens.map((t) => t.surface).join('')).toBe(text);
  });

  it('lets other work run while it tokenizes a long text, and gives the same tokens as in one go', async () => {
    const essay = fs.readFileSync(path.join(process.cwd(), 'corpus/russia-diplomacy-2020.source.txt'), 'utf8');
    const text = essay.repeat(2);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const sliced = await tokenize(text);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(sliced).toEqual(tokenizeWith(await loadTokenizer(), text));
  });
});

describe('module boundaries', () => {
  const dir = __dirname;
  const pure = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'kuromoji.ts');

  it.each(pure)('%s imports neither kuromoji nor Node built-ins', (file) => {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) {
      expect(spec).not.toMatch(/^(kuromoji|node:|fs$|path$|server-only$)|\/kuromoji$/);
    }
  });
});
