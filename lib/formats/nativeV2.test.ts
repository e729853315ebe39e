// ronten-argmap version 2 (the deeper model): export, the published JSON Schema, round trips,
// version 1 files read as before, and a version-2 file given to a reader of version 1 only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { sha256Hex } from '@/lib/text/hash';
import { addImplicitUnitOp, addRelationOp, addUnitOp, answerCriticalQuestionOp, applyAll, compareUnits, emptyMap, setSchemeOp, type ArgumentMap } from '@/lib/argument';
import { parseNative, parseNativeVersions, readNative, serializeNative } from './native';
import { renderSchema } from './jsonSchemas';
import type { AnnotatedMap } from './types';
import { importAnnotated } from '.';
import { loadEssay, smallMap } from './test-fixtures';
import { wordedFormatError } from './formatErrors';
import { translator } from '@/lib/i18n/locale';
import { catalog } from '@/lib/i18n/messages';

const schemaFile = path.join(__dirname, 'schemas/ronten-argmap.v2.schema.json');
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

const text = '𠮷野家で𩸽を食べた。\nロシアの影響力は低下したとは言えない。👍🏽';
const labels = [
  { id: 'claim', name: { ja: '主張', en: 'Claim' } },
  { id: 'evidence', name: { ja: '根拠', en: 'Evidence' } },
  { id: 'counterargument', name: { ja: '反論', en: 'Counterargument' } },
];
const base = applyAll(emptyMap, [
  addUnitOp({ id: 'u1', label: 'evidence', start: 0, end: 11, note: '𩸽の例' }),
  addUnitOp({ id: 'u2', label: 'claim', start: 12, end: 31, note: '' }),
  addUnitOp({ id: 'u3', label: 'counterargument', start: 12, end: 19, note: '' }),
  addImplicitUnitOp('i1', 'evidence', '一つの例から全体は言えない'),
  addRelationOp({ id: 'r1', type: 'support', from: ['u1', 'i1'], to: 'u2', note: '合わせて' }),
  addRelationOp({ id: 'r2', type: 'attack', from: ['u3'], to: 'r1', note: 'だからといって' }),
  { op: 'setMainClaim', before: null, after: 'u2' },
]);
const named = applyAll(base, [setSchemeOp(base, 'r1', 'example')]);
const map: ArgumentMap = applyAll(named, [answerCriticalQuestionOp(named, 'r1', 'typical', '典型とは言えない')]);
const sample: AnnotatedMap = {
  document: { id: 'doc', title: 'テスト', language: 'ja', text, textSha256: sha256Hex(text) },
  annotator: { id: 'local', name: 'Local' },
  labels,
  map,
  comments: [],
};
const exported = () => JSON.parse(JSON.stringify(serializeNative(sample, { exportedAt: '2026-12-02T00:00:00.000Z' })));

describe('ronten-argmap v2', () => {
  it('the committed JSON Schema is the one generated from the zod schema', () => {
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(renderSchema('ronten-argmap.v2.schema.json'));
  });

  it('exports the deeper model, valid against the JSON Schema', () => {
    const out = exported();
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.version).toBe(2);
    expect(out.units).toContainEqual({ id: 'i1', label: 'evidence', implicit: true, text: '一つの例から全体は言えない', note: '' });
    expect(out.relations).toEqual([
      { id: 'r1', type: 'support', from: ['u1', 'i1'], to: 'u2', scheme: 'example', criticalQuestions: [{ id: 'typical', answer: '典型とは言えない' }], note: '合わせて' },
      { id: 'r2', type: 'attack', from: ['u3'], to: 'r1', note: 'だからといって' },
    ]);
  });

  it('round-trips exactly, through JSON text and through the import draft', () => {
    expect(parseNative(exported())).toEqual({ ok: true, value: sample });
    const draft = readNative(JSON.stringify(exported()));
    expect(draft.ok && draft.value.units.find((u) => u.id === 'i1')).toMatchObject({ text: '一つの例から全体は言えない', start: null, end: null });
  });

  it('reads a version 1 file, each premise becoming a one-item list', () => {
    const v1 = {
      ...exported(),
      version: 1,
      units: [{ id: 'u1', label: 'evidence', start: 0, end: 9, quote: '𠮷野家で𩸽を食べた', note: '' }, { id: 'u2', label: 'claim', start: 11, end: 30, quote: 'ロシアの影響力は低下したとは言えない。', note: '' }],
      relations: [{ id: 'r1', type: 'support', from: 'u1', to: 'u2', note: '' }],
    };
    const result = parseNative(v1);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.ok && result.value.map.relations).toEqual([{ id: 'r1', type: 'support', from: ['u1'], to: 'u2', note: '' }]);
  });

  it('a version 1 file written before version 2 (the old golden file) imports to the same map', () => {
    const small = smallMap();
    const file = fs.readFileSync(path.join(__dirname, '__fixtures__/native/small.v1.argmap.json'), 'utf8');
    expect(JSON.parse(file).version).toBe(1);
    const result = importAnnotated(file, { format: 'json', document: small.document, labels: small.labels });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.needsAcceptance).toBe(false);
    expect(result.value.map).toEqual(small.map);
  });

  it('the worked example as it was before version 2 (a v1 file) imports on the essay unchanged, on token boundaries', async () => {
    const { document, boundaries } = await loadEssay();
    const file = fs.readFileSync(path.join(__dirname, '__fixtures__/native/russia-diplomacy-2020.v1.argmap.json'), 'utf8');
    const v1 = JSON.parse(file) as { version: number; mainClaim: string | null; units: Array<{ id: string; label: string; start: number; end: number; note: string }>; relations: Array<{ id: string; type: string; from: string; to: string; note: string }> };
    expect(v1.version).toBe(1);
    const result = importAnnotated(file, { format: 'json', document, labels: smallMap().labels, boundaries });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.needsAcceptance).toBe(false);
    // No character of the essay is outside the BMP: its code points are its UTF-16 offsets.
    expect(result.value.map.units).toEqual(v1.units.map((u) => ({ id: u.id, label: u.label, start: u.start, end: u.end, note: u.note })).sort(compareUnits));
    expect(result.value.map.relations).toEqual(v1.relations.map((r) => ({ ...r, from: [r.from] })).sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(result.value.map.mainClaimId).toBe(v1.mainClaim);
  });

  it('a reader of version 1 only answers a version-2 file with a clear version error', () => {
    const result = parseNativeVersions(exported(), [1]);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ at: 'version', code: 'unsupportedVersion', params: { version: '2', supported: '1' } })] });
    expect(!result.ok && result.errors[0].message).toMatch(/2/);
    if (result.ok) return;
    expect(wordedFormatError(translator(catalog.ja), result.errors[0])).toBe('対応していない版 2 です（読めるのは 1）');
    expect(wordedFormatError(translator(catalog.en), result.errors[0])).toBe('unsupported version 2 (this build reads 1)');
  });

  it.each([
    ['premises that include the target', (f: any) => (f.relations[0].from = ['u1', 'u2']), 'relation r1', /itself/, 'selfRelation'],
    ['a repeated premise', (f: any) => (f.relations[0].from = ['u1', 'u1']), 'relation r1', /premise twice/, 'repeatedPremise'],
    ['a cycle of undercutters', (f: any) => f.relations.push({ id: 'r3', type: 'attack', from: ['u1'], to: 'r4', note: '' }, { id: 'r4', type: 'attack', from: ['u1'], to: 'r3', note: '' }), 'relation r3', /cycle/, 'undercutterCycle'],
    ['backing (a support of a relation)', (f: any) => (f.relations[1].type = 'support'), 'relation r2', /only an attack/, 'backingNotAllowed'],
    ['an implicit unit with empty text', (f: any) => (f.units.find((u: any) => u.id === 'i1').text = ''), 'unit i1: text', /./, 'field.empty'],
    ['an implicit unit with blank text', (f: any) => (f.units.find((u: any) => u.id === 'i1').text = '  '), 'unit i1', /empty text/, 'emptyImplicitText'],
    ['a scheme not in the catalogue', (f: any) => (f.relations[0].scheme = 'astrology'), 'relation r1', /not in the catalogue: "astrology"/, 'unknownScheme'],
    ['a question the scheme does not ask', (f: any) => (f.relations[0].criticalQuestions = [{ id: 'field', answer: 'x' }]), 'relation r1', /not the scheme's/, 'unknownCriticalQuestion'],
    ['a premise that is a relation', (f: any) => (f.relations[0].from = ['r2']), 'relation r1', /missing unit r2/, 'missingUnit'],
    ['no premise', (f: any) => (f.relations[0].from = []), 'relation r1: from', /./, undefined],
  ])('refuses %s, pointing at the item, coded and worded in both languages, nothing imported', (_name, mutate, at, message, code) => {
    const file = exported();
    mutate(file);
    const result = parseNative(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.at === at && (code === undefined || e.code === code));
    expect(error, JSON.stringify(result.errors)).toBeDefined();
    expect(error!.message).toMatch(message);
    if (code === undefined) return;
    // The import dialog words the code: Japanese that is not the English message.
    const ja = wordedFormatError(translator(catalog.ja), error!);
    expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    if (!code.startsWith('field.')) expect(wordedFormatError(translator(catalog.en), error!)).toBe(error!.message);
  });
});
