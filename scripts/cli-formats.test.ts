// `ronten export` and `ronten import` as a user runs them: child processes on a fresh SQLite
// file. Every importable export comes back unchanged; a refused import — invalid file, unknown
// label, bad .ann line, or one that would need re-anchoring without --accept — leaves the map
// byte-identical in the database.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapToTokens, tokenBoundaries } from '@/lib/argument/snap';
import { compareIds, compareUnits, type ArgumentUnit } from '@/lib/argument/types';
import { serializeNative } from '@/lib/formats/native';
import { defaultLabelDefinitions } from '@/lib/formats/labels';
import type { AnnotatedMap } from '@/lib/formats/types';
import { sha256Hex } from '@/lib/text/hash';
import { textUnits } from '@/lib/argument/types';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
let dir: string;
let dbFile: string;
let env: NodeJS.ProcessEnv;
let docId: string;
let annotated: AnnotatedMap;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/cli.ts'), ...args], { cwd: root, env, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/// Every stored row of every map, as the database holds it.
function snapshot(): unknown {
  const db = new Database(dbFile, { readonly: true });
  try {
    return {
      maps: db.prepare('SELECT * FROM argument_maps ORDER BY id').all(),
      units: db.prepare('SELECT * FROM units ORDER BY map_id, id').all(),
      relations: db.prepare('SELECT * FROM relations ORDER BY map_id, id').all(),
    };
  } finally {
    db.close();
  }
}

const TEXT = '1．はじめに\n𠮷野家の𩸽は安い。だから、皆が食べる。\nしかし「高い」という声もある。それは誤解だ。\n';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ronten-cli-formats-'));
  dbFile = path.join(dir, 'cli.sqlite');
  env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
  const imported = await cli('import-text', write('small.txt', TEXT), '--title', '小さな例', '--reflow', 'off');
  expect(imported.code, imported.stderr).toBe(0);
  docId = imported.stdout.trim();
  const { text, tokens } = JSON.parse((await cli('tokens', docId)).stdout) as { text: string; tokens: Array<{ start: number; end: number }> };
  const boundaries = tokenBoundaries(tokens);
  const unit = (id: string, label: string, quote: string, note = ''): ArgumentUnit => {
    const at = text.indexOf(quote);
    return { id, label, ...snapToTokens(boundaries, at, at + quote.length)!, note };
  };
  annotated = {
    document: { id: docId, title: '小さな例', language: 'ja', text, textSha256: sha256Hex(text) },
    annotator: { id: 'local', name: 'local' },
    labels: defaultLabelDefinitions,
    map: {
      units: [
        unit('u1', 'evidence', '𠮷野家の𩸽は安い。', 'tab\there, "quoted", comma'),
        unit('u2', 'claim', '皆が食べる。'),
        unit('u3', 'counterargument', '皆が食べる。\nしかし「高い」という声もある。', 'across\nthe break'),
        unit('u4', 'rebuttal', 'それは誤解だ。'),
      ].sort(compareUnits),
      relations: [
        { id: 'r1', type: 'support' as const, from: ['u1'], to: 'u2', note: '' },
        { id: 'r2', type: 'attack' as const, from: ['u3'], to: 'u2', note: 'a "strong" one' },
        { id: 'r3', type: 'attack' as const, from: ['u4'], to: 'u3', note: '' },
      ].sort(compareIds),
      mainClaimId: 'u2',
    },
    comments: [],
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const nativeFile = (m: AnnotatedMap) => `${JSON.stringify(serializeNative(m), null, 2)}\n`;
const exportedMap = async () => {
  const out = await cli('export', '--document', docId);
  expect(out.code, out.stderr).toBe(0);
  const file = JSON.parse(out.stdout);
  return { units: file.units, relations: file.relations, mainClaim: file.mainClaim };
};

describe('ronten export / import', () => {
  it('imports a map file into the local user’s map, and exports it back', async () => {
    const imported = await cli('import', write('map.argmap.json', nativeFile(annotated)), '--document', docId);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/imported 4 units, 3 relations and 0 comments into local's map/);
    const back = await exportedMap();
    const expected = serializeNative(annotated);
    expect(back).toEqual({ units: expected.units, relations: expected.relations, mainClaim: 'u2' });
  });

  it('exports every format under --out as <docId>-<user>.<ext>, and each importable one comes back unchanged', async () => {
    const out = path.join(dir, 'out');
    const before = await exportedMap();
    const expectedFiles: Record<string, string[]> = {
      json: ['.argmap.json'],
      w3c: ['.anno.jsonld'],
      aif: ['.aif.json'],
      brat: ['.txt', '.ann', 'annotation.conf'],
      argdown: ['.argdown'],
      csv: ['-units.csv', '-relations.csv'],
    };
    for (const [format, suffixes] of Object.entries(expectedFiles)) {
      const res = await cli('export', '--document', docId, '--format', format, '--out', out);
      expect(res.code, res.stderr).toBe(0);
      const listed = res.stdout.trim().split('\n');
      expect(listed).toEqual(suffixes.map((s) => path.join(out, s === 'annotation.conf' ? s : `${docId}-local${s}`)));
      for (const f of listed) expect(fs.existsSync(f)).toBe(true);
    }
    for (const file of ['.anno.jsonld', '.aif.json', '.ann', '.argmap.json', '.argdown']) {
      const res = await cli('import', path.join(out, `${docId}-local${file}`), '--document', docId);
      expect(res.code, `${file}: ${res.stderr}`).toBe(0);
      expect(await exportedMap(), file).toEqual(before);
    }
    const csv = await cli('export', '--document', docId, '--format', 'csv');
    expect(csv.stdout.startsWith('\ufeffid,label,start_cp,end_cp,quote,note,main_claim\r\n')).toBe(true);
  }, 90_000); // seventeen CLI processes, each starting tsx: slow on a busy machine

  const refusals: Array<[string, () => string[], number, RegExp]> = [
    ['truncated JSON', () => [write('bad/truncated.argmap.json', nativeFile(annotated).slice(0, 150))], 1, /^ronten import: \(file\): not valid JSON/m],
    [
      'an unknown label',
      () => {
        const f = serializeNative(annotated);
        f.units[0].label = 'opinion';
        f.labels.push({ id: 'opinion', name: { ja: '意見', en: 'Opinion' } });
        return [write('bad/label.argmap.json', JSON.stringify(f))];
      },
      1,
      /^ronten import: unit u1: unknown label "opinion"/m,
    ],
    [
      'a relation to a missing unit',
      () => {
        const f = serializeNative(annotated);
        f.relations[0].to = 'u9';
        return [write('bad/relation.argmap.json', JSON.stringify(f))];
      },
      1,
      /^ronten import: relation r1: refers to missing unit u9$/m,
    ],
    [
      'U+0000 in a note (which PostgreSQL cannot store)',
      () => {
        const f = serializeNative(annotated);
        f.units[0].note = 'a\u0000b';
        return [write('bad/nul.argmap.json', JSON.stringify(f))];
      },
      1,
      /^ronten import: unit u1: note: contains U\+0000 \(a NUL character\)$/m,
    ],
    [
      'a bad .ann line',
      () => {
        const ann = fs.readFileSync(path.join(dir, 'out', `${docId}-local.ann`), 'utf8');
        write('bad/broken.txt', fs.readFileSync(path.join(dir, 'out', `${docId}-local.txt`), 'utf8'));
        return [write('bad/broken.ann', `${ann}T9 Claim 0 3\n`)];
      },
      1,
      /^ronten import: line \d+: expected "<id>\\t…"/m,
    ],
    [
      'offsets past the end in a .ann',
      () => {
        const ann = fs.readFileSync(path.join(dir, 'out', `${docId}-local.ann`), 'utf8');
        write('bad/past.txt', fs.readFileSync(path.join(dir, 'out', `${docId}-local.txt`), 'utf8'));
        return [write('bad/past.ann', ann.replace(/^(T1\t\w+ \d+) \d+/m, '$1 9999'))];
      },
      1,
      /^ronten import: line 1: offsets \d+–9999 are not a span of the text/m,
    ],
    [
      'a file made on another version of the text, without --accept',
      () => {
        const preface = '前書き。\n';
        const text = preface + annotated.document.text;
        const shifted: AnnotatedMap = {
          ...annotated,
          document: { ...annotated.document, text, textSha256: sha256Hex(text) },
          map: { ...annotated.map, units: textUnits(annotated.map.units).map((u) => ({ ...u, start: u.start + preface.length, end: u.end + preface.length })) },
        };
        return [write('bad/older.argmap.json', nativeFile(shifted))];
      },
      3,
      /re-anchored: the file was made on another version of the text[\s\S]*moved unit u1: 12–21 → 7–16 \(exact\)[\s\S]*refused: .*--accept/,
    ],
    ['a file of unknown format', () => [write('bad/notes.md', '# notes')], 2, /cannot tell the format/],
    ['an export-only format', () => [write('bad/x-units.csv', 'id\n'), '--format', 'csv'], 2, /export-only/],
    ['an .ann without its .txt', () => [write('bad/lonely.ann', 'T1\tClaim 0 1\tx\n')], 2, /lonely\.txt: no such file/],
    ['an unknown document', () => [path.join(dir, 'map.argmap.json'), '--document', 'no-such-doc'], 2, /no document with id "no-such-doc"/],
    ['an unknown user', () => [path.join(dir, 'map.argmap.json'), '--user', 'nobody'], 2, /no user with id or name "nobody"/],
  ];

  it.each(refusals)('refuses %s and leaves the map byte-identical', async (_name, args, code, message) => {
    const before = snapshot();
    const argv = args();
    const res = await cli('import', ...argv, ...(argv.includes('--document') ? [] : ['--document', docId]));
    expect(res.code, res.stderr).toBe(code);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
    expect(snapshot()).toEqual(before);
  });

  it('imports a re-anchored file with --accept, printing what moved', async () => {
    const before = snapshot() as { maps: Array<{ version: number }> };
    const res = await cli('import', path.join(dir, 'bad/older.argmap.json'), '--document', docId, '--accept');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/moved unit u1: 12–21 → 7–16 \(exact\)/);
    const after = snapshot() as { maps: Array<{ version: number }> };
    expect(after.maps[0].version).toBe(before.maps[0].version + 1);
    expect(await exportedMap()).toEqual({ units: serializeNative(annotated).units, relations: serializeNative(annotated).relations, mainClaim: 'u2' });
  });

  it('exports another user’s map and every map with --all', async () => {
    const db = new Database(dbFile);
    db.prepare("INSERT INTO users (id, name, display_name, role, password_hash, created_at) VALUES ('u-h', 'hanako', '花子', 'student', NULL, '2026-11-26T00:00:00.000Z')").run();
    db.close();
    expect((await cli('import', path.join(dir, 'map.argmap.json'), '--document', docId, '--user', 'hanako')).code).toBe(0);
    const one = await cli('export', '--document', docId, '--user', 'hanako', '--format', 'w3c');
    expect(JSON.parse(one.stdout)['ronten:annotator']).toEqual({ 'ronten:id': 'u-h', name: '花子' });
    const all = await cli('export', '--document', docId, '--all', '--format', 'argdown', '--out', path.join(dir, 'all'));
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout.trim().split('\n').map((f) => path.basename(f))).toEqual([`${docId}-hanako.argdown`, `${docId}-local.argdown`]);
  });

  it.each([
    [['export', '--format', 'json'], /--document ID is required/],
    [['export', '--document', 'x', '--format', 'pdf'], /--format must be one of/],
    [['export', '--document', 'DOC', '--format', 'brat'], /give --out DIR/],
    [['export', '--document', 'DOC', '--all'], /give --out DIR/],
    [['export', '--document', 'DOC', '--all', '--user', 'local', '--out', 'x'], /exclude each other/],
    [['import', '--document', 'DOC'], /exactly one FILE/],
  ])('usage errors exit 2: %s', async (args, message) => {
    const res = await cli(...args.map((a) => (a === 'DOC' ? docId : a)));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
  });

  it('says so when the user has no map', async () => {
    const other = await cli('import-text', write('other.txt', '別の文書。'), '--reflow', 'off');
    const res = await cli('export', '--document', other.stdout.trim());
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/user local has no map of document/);
  });
});
