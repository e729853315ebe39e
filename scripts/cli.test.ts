// The ronten CLI as a user runs it: a child process on a fresh SQLite file.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/connect';
import { packTokens } from '@/lib/tokens/wire';
import type { Token } from '@/lib/tokens/types';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
let dir: string;
let env: NodeJS.ProcessEnv;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/cli.ts'), ...args], { cwd: root, env, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function write(name: string, content: string | Uint8Array) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ronten-cli-'));
  env = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'cli.sqlite')}` };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ronten CLI', () => {
  const tricky = '𠮷野家で𩸽を食べた👍🏽。\r\n🇯🇵の旗と、か\u3099と、ｶﾀｶﾅ　全角。\r\n句読点のない行\r\n';

  it('tokens FILE: offsets slice exactly to each surface in both units, and nothing is stored', async () => {
    const file = write('tricky.txt', tricky);
    const { code, stdout } = await cli('tokens', file, '--reflow', 'off');
    expect(code).toBe(0);
    const { text, tokens } = JSON.parse(stdout) as { text: string; tokens: Array<{ start: number; end: number; cpStart: number; cpEnd: number; surface: string }> };
    expect(text).not.toContain('\r');
    const cps = [...text];
    expect(tokens.map((t) => t.surface).join('')).toBe(text);
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.surface);
      expect(cps.slice(t.cpStart, t.cpEnd).join('')).toBe(t.surface);
    }
    expect(fs.existsSync(path.join(dir, 'cli.sqlite'))).toBe(false);
  });

  it('import-text prints the id; docs lists it; tokens DOC_ID reads the stored tokens', async () => {
    const file = write('essay.txt', tricky);
    const imported = await cli('import-text', file, '--title', '試験の文書');
    expect(imported.code).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^[\w-]+$/);
    const docs = JSON.parse((await cli('docs', '--json')).stdout);
    expect(docs).toEqual([{ id, title: '試験の文書', length: expect.any(Number), maps: 0 }]);
    const fromDb = JSON.parse((await cli('tokens', id)).stdout);
    const fromFile = JSON.parse((await cli('tokens', file)).stdout);
    expect(fromDb).toEqual(fromFile);
    expect(docs[0].length).toBe([...fromDb.text].length);
  });

  it('suggest FILE --json: units from signposts, with code-point offsets that slice to the quote', async () => {
    const text = '𠮷野家は安いと思われる。例えば、牛丼は四百円だ。\n確かに高い店もあるが、多くは安い。';
    const file = write('suggest.txt', text);
    const { code, stdout } = await cli('suggest', file, '--json');
    expect(code).toBe(0);
    const suggestions = JSON.parse(stdout) as Array<{ start: number; end: number; cpStart: number; cpEnd: number; label: string; cue: string }>;
    const chars = [...text];
    expect(suggestions.map((s) => [s.label, s.cue, chars.slice(s.cpStart, s.cpEnd).join('')])).toEqual([
      ['claim', 'と思われる', '𠮷野家は安いと思われる。'],
      ['evidence', '例えば', '例えば、牛丼は四百円だ。'],
      ['counterargument', '確かに', '確かに高い店もあるが、'],
      ['rebuttal', '確かに', '多くは安い。'],
    ]);
    for (const s of suggestions) expect(text.slice(s.start, s.end)).toBe(chars.slice(s.cpStart, s.cpEnd).join(''));
  });

  it('tokens --phrases: phrases cover the text contiguously, on token boundaries, in both units; the stored ones for a DOC_ID', async () => {
    type Span = { start: number; end: number; cpStart: number; cpEnd: number };
    const check = ({ text, tokens, phrases }: { text: string; tokens: Span[]; phrases: Span[] }) => {
      const starts = new Set(tokens.map((t) => t.start));
      let at = 0;
      let cp = 0;
      for (const p of phrases) {
        expect([p.start, p.cpStart]).toEqual([at, cp]);
        expect(p.end).toBeGreaterThan(p.start);
        expect(starts.has(p.start)).toBe(true);
        expect([...text].slice(p.cpStart, p.cpEnd).join('')).toBe(text.slice(p.start, p.end));
        at = p.end;
        cp = p.cpEnd;
      }
      expect([at, cp]).toEqual([text.length, [...text].length]);
    };
    const file = write('phrases.txt', `影響は多かった。${tricky}`);
    const fromFile = JSON.parse((await cli('tokens', file, '--phrases')).stdout);
    check(fromFile);
    const texts = fromFile.phrases.map((p: Span) => fromFile.text.slice(p.start, p.end));
    expect(texts.slice(0, 2)).toEqual(['影響は', '多かった。']);
    const id = (await cli('import-text', file)).stdout.trim();
    const fromDb = JSON.parse((await cli('tokens', id, '--phrases')).stdout);
    expect(fromDb).toEqual(fromFile);
    // Without the flag, no phrases.
    expect(JSON.parse((await cli('tokens', file)).stdout).phrases).toBeUndefined();
  });

  it.each([
    ['russia-diplomacy-2020', ['「スプートニク V」を', '振り返ってみると、']],
    ['smartphones-at-school', ['2011年3月11日の', '「スマホ5か条」の', '電源OFF」', 'Wi-Fiでしか', '認めるべきだろうか。']],
  ])('tokens --phrases on corpus/%s: contiguous phrases, in both offset units', async (id, some) => {
    const { code, stdout } = await cli('tokens', `corpus/${id}.source.txt`, '--phrases');
    expect(code).toBe(0);
    const { text, phrases } = JSON.parse(stdout) as { text: string; phrases: Array<{ start: number; end: number; cpStart: number; cpEnd: number }> };
    const texts = phrases.map((p) => text.slice(p.start, p.end));
    expect(texts.join('')).toBe(text);
    const cps = [...text];
    let at = 0;
    for (const [i, p] of phrases.entries()) {
      expect(p.cpStart).toBe(at);
      expect(p.end).toBeGreaterThan(p.start);
      expect(cps.slice(p.cpStart, p.cpEnd).join('')).toBe(texts[i]);
      at = p.cpEnd;
    }
    expect(at).toBe(cps.length);
    for (const phrase of some) expect(texts).toContain(phrase);
  });

  it('tokens --backfill adds conjugation to tokens stored without it, boundaries unchanged', async () => {
    const id = (await cli('import-text', write('old.txt', '影響は多かった。条約が成立した。'))).stdout.trim();
    const stored = JSON.parse((await cli('tokens', id)).stdout) as { tokens: Array<{ surface: string; end: number; conjugation?: string }> };
    // As stored before conjugation was kept.
    const db = await openDb(env.DATABASE_URL!);
    try {
      const stripped = stored.tokens.map(({ conjugation: _dropped, ...t }) => t);
      await db.kysely.updateTable('documents').set({ tokens_json: JSON.stringify(stripped), tokens_packed: JSON.stringify(packTokens(stripped as Token[])) }).where('id', '=', id).execute();
    } finally {
      await db.close();
    }
    expect(JSON.parse((await cli('tokens', id)).stdout).tokens.some((t: { conjugation?: string }) => t.conjugation)).toBe(false);
    const { code, stdout } = await cli('tokens', '--backfill');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`conjugation added to 1 document\\(s\\): ${id};`));
    const after = JSON.parse((await cli('tokens', id)).stdout) as typeof stored;
    expect(after.tokens).toEqual(stored.tokens);
    expect(after.tokens.find((t) => t.surface === 'た')?.conjugation).toBe('特殊・タ,基本形');
    expect((await cli('tokens', '--backfill')).stdout).toMatch(/conjugation added to 0 document\(s\)/);
    expect((await cli('tokens', id, '--backfill')).code).toBe(2);
  });

  it('seed imports every corpus text once', async () => {
    const before = env;
    env = { ...env, DATABASE_URL: `file:${path.join(dir, 'seed.sqlite')}` };
    try {
      const first = await cli('seed');
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(/imported russia-diplomacy-2020, smartphones-at-school/);
      expect((await cli('seed')).stderr).toMatch(/corpus already imported/);
      const docs = JSON.parse((await cli('docs', '--json')).stdout) as Array<{ id: string; title: string }>;
      expect(docs.map((d) => d.id).sort()).toEqual(['russia-diplomacy-2020', 'smartphones-at-school']);
      expect(docs.find((d) => d.id === 'smartphones-at-school')?.title).toBe('中学生のスマートフォン持ち込みについて');
    } finally {
      env = before;
    }
  });

  it.each([
    ['a non-UTF-8 file', () => write('sjis.txt', new Uint8Array([0x93, 0xfa, 0x96, 0x7b])), /not valid UTF-8/],
    ['an empty file', () => write('empty.txt', ''), /is empty/],
    ['a file over 1 MiB', () => write('big.txt', 'あ'.repeat(400_000)), /limit is 1048576 bytes/],
    ['a missing file', () => path.join(dir, 'missing.txt'), /no such file/],
    ['a file holding U+0000 (which PostgreSQL cannot store)', () => write('nul.txt', '本文\u0000です。'), /U\+0000/],
  ])('refuses %s with one line on stderr, exit 2, nothing written', async (_name, makeFile, message) => {
    const before = JSON.parse((await cli('docs', '--json')).stdout);
    const { code, stdout, stderr } = await cli('import-text', makeFile());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(JSON.parse((await cli('docs', '--json')).stdout)).toEqual(before);
  });

  it('refuses a bad --reflow and unknown commands with exit 2', async () => {
    expect((await cli('import-text', write('ok.txt', '本文。'), '--reflow', 'sideways')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
