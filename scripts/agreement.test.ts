// `agreement A.json B.json`, called in-process on two small maps of the corpus essay; every
// number checked here was worked out by hand from the units below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArgumentUnit, Relation, RelationType } from '@/lib/argument/types';
import { serializeNative } from '@/lib/formats/native';
import type { AnnotatedMap } from '@/lib/formats/types';
import { canonicalize, sha256Hex } from '@/lib/text';
import { tokenize } from '@/lib/tokens/kuromoji';
import { agreementCommand } from './agreement';
import { textUnits } from '@/lib/argument/types';

const root = path.resolve(__dirname, '..');
const essay = canonicalize(fs.readFileSync(path.join(root, 'corpus/russia-diplomacy-2020.source.txt'), 'utf8'));
const text = essay.text;
const lines = text.split('\n');
/// [start, end) of line i of the canonical text (one block per line).
const line = (i: number): [number, number] => {
  const start = lines.slice(0, i).reduce((s, l) => s + l.length + 1, 0);
  return [start, start + lines[i].length];
};
const labels = [
  { id: 'claim', name: { ja: '主張', en: 'Claim' } },
  { id: 'evidence', name: { ja: '根拠', en: 'Evidence' } },
  { id: 'counterargument', name: { ja: '反論', en: 'Counterargument' } },
  { id: 'rebuttal', name: { ja: '再反論', en: 'Rebuttal' } },
];
const unit = (id: string, label: string, [start, end]: [number, number]): ArgumentUnit => ({ id, label, start, end, note: '' });
const rel = (id: string, type: RelationType, from: string, to: string): Relation => ({ id, type, from: [from], to, note: '' });
const annotated = (name: string, units: ArgumentUnit[], relations: Relation[], doc = { text, sha: essay.sha256 }): AnnotatedMap => ({
  document: { id: 'russia-diplomacy-2020', title: '2020年のロシア外交', language: 'ja', text: doc.text, textSha256: doc.sha },
  annotator: { id: name, name },
  labels,
  map: { units: textUnits(units).sort((a, b) => a.start - b.start || a.end - b.end), relations, mainClaimId: null },
  comments: [],
});

// The spans (lines of the essay):
//   L0  「1．はじめに」                                      kuromoji: 1 ． はじめ に            (4 tokens)
//   L4  「2．コロナ外交」                                    2 ． コロナ 外交                    (4)
//   L9  「3．欧米との関係悪化」                              3 ． 欧米 と の 関係 悪化           (7)
//   L35 「そのような中で起きたのが、2020年の第二次ナゴルノ・カラバフ紛争 6である。」
//        head 「そのような中で起きたのが、」 (10 tokens) + tail from 「2020」 (12 tokens besides one space)
//   L50 「以上、論じてきたように、2020年のロシア外交は多様な評価ができると考える。」 (23)
const L35 = line(35);
const tailStart = text.indexOf('2020年の第二次', L35[0]);
const regions = { L0: line(0), L4: line(4), L9: line(9), L35head: [L35[0], tailStart] as [number, number], L35tail: [tailStart, L35[1]] as [number, number], L50: line(50) };

// Reference A: claim L50, evidence L35, counterargument L0, rebuttal L4;
//   support L35→L50, attack L0→L50, attack L4→L0, support L4→L50.
const A = annotated(
  'Teacher',
  [unit('a1', 'claim', regions.L50), unit('a2', 'evidence', L35), unit('a3', 'counterargument', regions.L0), unit('a4', 'rebuttal', regions.L4)],
  [rel('r1', 'support', 'a2', 'a1'), rel('r2', 'attack', 'a3', 'a1'), rel('r3', 'attack', 'a4', 'a3'), rel('r4', 'support', 'a4', 'a1')],
);
// Candidate B: claim L50 (exact), evidence = L35's tail only (26 of 39 characters: ≥ ½, not
// exact), claim on L4 (exact span, wrong label), an extra evidence L9; no counterargument.
//   support b2→b1, attack b3→b1, attack b4→b1.
const B = annotated(
  'Student',
  [unit('b1', 'claim', regions.L50), unit('b2', 'evidence', regions.L35tail), unit('b3', 'claim', regions.L4), unit('b4', 'evidence', regions.L9)],
  [rel('s1', 'support', 'b2', 'b1'), rel('s2', 'attack', 'b3', 'b1'), rel('s3', 'attack', 'b4', 'b1')],
);

let dir: string;
let stdout = '';
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
};
async function run(...args: string[]): Promise<string> {
  stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    await agreementCommand(args);
  } finally {
    spy.mockRestore();
  }
  return stdout;
}

let fileA: string;
let fileB: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ronten-agreement-'));
  fileA = write('A.json', serializeNative(A, { exportedAt: '2026-11-26T00:00:00.000Z' }));
  fileB = write('B.json', serializeNative(B, { exportedAt: '2026-11-26T00:00:00.000Z' }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('agreement A.json B.json', () => {
  it('the spans are what the comments say', () => {
    expect(essay.sha256).toBe('f1cfb4b5997bf01e79ccc0d3db66f64c58c1352b5720ffff30a8e2a822be18b1');
    expect(text.slice(...regions.L0)).toBe('1．はじめに');
    expect(text.slice(...regions.L4)).toBe('2．コロナ外交');
    expect(text.slice(...regions.L9)).toBe('3．欧米との関係悪化');
    expect(text.slice(...regions.L35head)).toBe('そのような中で起きたのが、');
    expect(text.slice(...regions.L35tail)).toBe('2020年の第二次ナゴルノ・カラバフ紛争 6である。');
    expect(text.slice(...regions.L50)).toBe('以上、論じてきたように、2020年のロシア外交は多様な評価ができると考える。');
  });

  it('--json: unit, label and relation scores and token-level alpha, as computed by hand', async () => {
    const out = JSON.parse(await run(fileA, fileB, '--json'));

    // Units. Exact: a1–b1, a4–b3 → P = 2/4, R = 2/4, F1 = 1/2. Overlap adds a2–b2 (26 of 39
    // characters ≥ 19.5) → 3/4 each. a3 is missing, b4 extra.
    expect(out.units.exact).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, matched: 2, missing: 2, extra: 2 });
    expect(out.units.overlap).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, matched: 3, missing: 1, extra: 1 });
    expect(out.matches).toEqual({
      // In reference text order: L4, L35, L50.
      pairs: [
        { reference: 'a4', candidate: 'b3', overlap: 7 },
        { reference: 'a2', candidate: 'b2', overlap: 26 },
        { reference: 'a1', candidate: 'b1', overlap: 38 },
      ],
      missing: ['a3'],
      extra: ['b4'],
    });

    // Labels on the 3 overlap pairs: claim/claim, evidence/evidence, rebuttal/claim → 2/3.
    expect(out.labels.accuracy).toBeCloseTo(2 / 3, 12);
    expect(out.labels.confusion).toEqual({
      claim: { claim: 1, evidence: 0, counterargument: 0, rebuttal: 0 },
      evidence: { claim: 0, evidence: 1, counterargument: 0, rebuttal: 0 },
      counterargument: { claim: 0, evidence: 0, counterargument: 0, rebuttal: 0 },
      rebuttal: { claim: 1, evidence: 0, counterargument: 0, rebuttal: 0 },
    });

    // Relations through a1↔b1, a2↔b2, a4↔b3: s1 = r1 (typed); s2 attack b3→b1 vs r4 support
    // a4→a1 (untyped only); s3 touches the extra b4; r2, r3 touch the missing a3.
    // typed P = 1/3, R = 1/4, F1 = 2/7; untyped P = 2/3, R = 2/4, F1 = 4/7.
    expect(out.relations.typed).toMatchObject({ matched: 1, missing: 3, extra: 2 });
    expect(out.relations.typed.precision).toBeCloseTo(1 / 3, 12);
    expect(out.relations.typed.recall).toBeCloseTo(1 / 4, 12);
    expect(out.relations.typed.f1).toBeCloseTo(2 / 7, 12);
    expect(out.relations.untyped).toMatchObject({ matched: 2, missing: 2, extra: 1 });
    expect(out.relations.untyped.precision).toBeCloseTo(2 / 3, 12);
    expect(out.relations.untyped.recall).toBeCloseTo(1 / 2, 12);
    expect(out.relations.untyped.f1).toBeCloseTo(4 / 7, 12);

    // Alpha over the essay's non-whitespace morphemes (two coders, no missing values).
    expect(out.alpha).toMatchObject({ unitOfAnalysis: 'morpheme', annotators: 2, noneIsCategory: true });
    const tokens = (await tokenize(text)).filter((t) => t.surface.trim() !== '');
    const count = ([s, e]: [number, number]) => tokens.filter((t) => t.start >= s && t.end <= e).length;
    const t = Object.fromEntries(Object.entries(regions).map(([k, span]) => [k, count(span)])) as Record<keyof typeof regions, number>;
    // The counts the hand computation below uses (kuromoji 0.1.2, IPADIC).
    expect(t).toEqual({ L0: 4, L4: 4, L9: 7, L35head: 10, L35tail: 12, L50: 23 });
    const N = tokens.length;
    expect(out.alpha.tokens).toBe(N);
    expect(N).toBe(5689);
    // By hand. Per token: L50 claim/claim; L35head evidence/none; L35tail evidence/evidence;
    // L0 counterargument/none; L4 rebuttal/claim; L9 none/evidence; elsewhere none/none.
    // With two coders and no missing values each token adds (a,b) and (b,a) with weight 1, so
    // n = 2N = 11378 and the off-diagonal mass is 2·d, d = 10 + 4 + 4 + 7 = 25 disagreeing tokens.
    // n_claim = 2·23 + 4 = 50, n_evidence = 10 + 2·12 + 7 = 41, n_counter = 4, n_rebuttal = 4,
    // n_none = 11378 − 99 = 11279; n² − Σn_c² = 129458884 − (2500 + 1681 + 16 + 16 + 127215841)
    // = 2238830.  α = 1 − (n − 1)·2d / (n² − Σn_c²) = 1 − 11377·50/2238830 ≈ 0.74592.
    expect(out.alpha.overall).toBeCloseTo(1 - (11377 * 50) / 2238830, 12);
    // Per label, binary (L vs not L): α = 1 − (n − 1)·2·d_L / (2·n_L·(n − n_L)).
    //   claim: d = 4 (L4), n_L = 50            → 1 − 11377·8/(2·50·11328)  ≈ 0.91965
    //   evidence: d = 10 + 7, n_L = 41         → 1 − 11377·34/(2·41·11337) ≈ 0.58391
    //   counterargument: d = 4 (L0), n_L = 4   → 1 − 11377·8/(2·4·11374)   ≈ −0.00026 (chance level)
    //   rebuttal: d = 4 (L4), n_L = 4          → the same
    expect(out.alpha.byLabel.claim).toBeCloseTo(1 - (11377 * 8) / (2 * 50 * 11328), 12);
    expect(out.alpha.byLabel.evidence).toBeCloseTo(1 - (11377 * 34) / (2 * 41 * 11337), 12);
    expect(out.alpha.byLabel.counterargument).toBeCloseTo(1 - (11377 * 8) / (2 * 4 * 11374), 12);
    expect(out.alpha.byLabel.rebuttal).toBeCloseTo(1 - (11377 * 8) / (2 * 4 * 11374), 12);
    expect(Object.keys(out.alpha.byLabel)).toEqual(['claim', 'evidence', 'counterargument', 'rebuttal']);
    // The same formula from the counts, so a dictionary update shows up as a count change above.
    const n = 2 * N;
    const d = t.L35head + t.L0 + t.L4 + t.L9;
    const nc = [2 * t.L50 + t.L4, t.L35head + 2 * t.L35tail + t.L9, t.L0, t.L4];
    const nNone = n - nc.reduce((a, b) => a + b, 0);
    const chance = n * n - [...nc, nNone].reduce((s, x) => s + x * x, 0);
    expect(out.alpha.overall).toBeCloseTo(1 - ((n - 1) * 2 * d) / chance, 12);
  });

  it('prints a readable table by default', async () => {
    const out = await run(fileA, fileB);
    expect(out).toContain('reference  ');
    expect(out).toMatch(/units, exact span\s+0\.500\s+0\.500\s+0\.500\s+2\s+2\s+2/);
    expect(out).toMatch(/units, overlap ≥ ½\s+0\.750\s+0\.750\s+0\.750\s+3\s+1\s+1/);
    expect(out).toMatch(/relations, typed\s+0\.333\s+0\.250\s+0\.286/);
    expect(out).toMatch(/relations, untyped\s+0\.667\s+0\.500\s+0\.571/);
    expect(out).toContain('label accuracy on overlap-matched units: 0.667 (2 of 3)');
    expect(out).toMatch(/overall\s+0\.746/);
    expect(out).toMatch(/claim\s+0\.920/);
    expect(out).toMatch(/counterargument\s+-0\.000/);
    expect(out).toContain('5689 morphemes (kuromoji)');
    expect(out).toContain('missing (in reference, not in candidate): a3');
    expect(out).toContain('extra (in candidate, not in reference): b4');
  });

  it('a map against itself agrees perfectly', async () => {
    const out = JSON.parse(await run(fileA, fileA, '--json'));
    expect(out.units.exact.f1).toBe(1);
    expect(out.relations.typed.f1).toBe(1);
    expect(out.labels.accuracy).toBe(1);
    expect(out.alpha.overall).toBe(1);
  });

  it('usage errors start with "usage:"', async () => {
    await expect(agreementCommand([])).rejects.toThrow(/^usage:/);
    await expect(agreementCommand([fileA])).rejects.toThrow(/^usage:/);
    await expect(agreementCommand([fileA, fileB, fileA])).rejects.toThrow(/^usage:/);
    await expect(agreementCommand([fileA, fileB, '--bogus'])).rejects.toThrow(/^usage:/);
  });

  it('refuses maps of different texts', async () => {
    const other = '別の文章です。';
    const fileC = write('C.json', serializeNative(annotated('Other', [unit('c1', 'claim', [0, 7])], [], { text: other, sha: sha256Hex(other) })));
    await expect(agreementCommand([fileA, fileC])).rejects.toThrow(/annotate different texts/);
    await expect(agreementCommand([fileA, fileC])).rejects.not.toThrow(/^usage:/);
  });

  it('bad files: the error names the file and the first problems', async () => {
    const notJson = write('broken.json', '{ not json');
    await expect(agreementCommand([fileA, notJson])).rejects.toThrow(/broken\.json: not JSON/);
    const bad = serializeNative(A);
    // units[0] is a3 (L0, first in text order).
    (bad.units[0] as { quote: string }).quote = 'ちがう';
    bad.relations[0].to = 'nowhere';
    const badFile = write('bad.json', bad);
    await expect(agreementCommand([badFile, fileB])).rejects.toThrow(/bad\.json: not a valid ronten-argmap file: unit a3: quote .* relation r1: refers to missing unit nowhere/);
    await expect(agreementCommand([path.join(dir, 'absent.json'), fileB])).rejects.toThrow(/absent\.json: no such file/);
  });
});
