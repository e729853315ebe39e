import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { sha256Hex } from '@/lib/text/hash';
import { addUnitOp, applyAll, type Operation } from '@/lib/argument';
import { emptyMap } from '@/lib/argument/types';
import { parseNative, serializeNative } from './native';
import { renderSchema } from './jsonSchemas';
import type { AnnotatedMap } from './types';

const schemaFile = path.join(__dirname, 'schemas/ronten-argmap.v1.schema.json');
// Export writes version 2 (./nativeV2.test.ts for what only it has); version 1's schema stays published.
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas/ronten-argmap.v2.schema.json'), 'utf8')));

const text = '𠮷野家で𩸽を食べた。\nロシアの影響力は低下したとは言えない。👍🏽';
const labels = [
  { id: 'claim', name: { ja: '主張', en: 'Claim' } },
  { id: 'evidence', name: { ja: '根拠', en: 'Evidence' } },
];
const ops: Operation[] = [
  addUnitOp({ id: 'u1', label: 'evidence', start: 0, end: 11, note: '𩸽の例' }),
  addUnitOp({ id: 'u2', label: 'claim', start: 12, end: 31, note: '' }),
  { op: 'addRelation', relation: { id: 'r1', type: 'support', from: ['u1'], to: 'u2', note: '' } },
  { op: 'setMainClaim', before: null, after: 'u2' },
];
const sample: AnnotatedMap = {
  document: { id: 'doc', title: 'テスト', language: 'ja', text, textSha256: sha256Hex(text) },
  annotator: { id: 'local', name: 'Local' },
  labels,
  map: applyAll(emptyMap, ops),
  comments: [{ id: 'c1', targetKind: 'unit', targetId: 'u1', author: 'teacher', body: '良い根拠', createdAt: '2026-11-26T00:00:00.000Z' }],
};

describe('ronten-argmap', () => {
  it('the committed JSON Schema is the one generated from the zod schema', () => {
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(renderSchema('ronten-argmap.v1.schema.json'));
  });

  it('exports code-point offsets that slice to the quotes, valid against the JSON Schema', () => {
    const out = serializeNative(sample, { exportedAt: '2026-11-26T12:00:00.000Z' });
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    const codePoints = [...text];
    for (const u of out.units) if ('quote' in u) expect(codePoints.slice(u.start, u.end).join('')).toBe(u.quote);
    expect(out.units[0]).toMatchObject({ start: 0, end: 9, quote: '𠮷野家で𩸽を食べた' });
  });

  it('round-trips exactly, through JSON text', () => {
    const out = JSON.parse(JSON.stringify(serializeNative(sample)));
    const back = parseNative(out);
    expect(back).toEqual({ ok: true, value: sample });
  });

  const exported = () => JSON.parse(JSON.stringify(serializeNative(sample)));
  it.each([
    ['an unsupported version', (f: any) => (f.version = 3), 'version', /unsupported version 3/],
    ['a missing field', (f: any) => delete f.units, 'units', /expected array/],
    ['offsets past the end', (f: any) => (f.units[0].end = 999), 'unit u1', /not a span of the text/],
    ['a quote that does not match', (f: any) => (f.units[0].quote = '吉野家'), 'unit u1', /does not match the text/],
    ['an unknown label', (f: any) => (f.units[0].label = 'opinion'), 'unit u1', /unknown label "opinion"/],
    ['a relation to a missing unit', (f: any) => (f.relations[0].to = 'u9'), 'relation r1', /missing unit u9/],
    ['a self-relation', (f: any) => (f.relations[0].to = 'u1'), 'relation r1', /itself/],
    ['a wrong sha256', (f: any) => (f.document.textSha256 = '0'.repeat(64)), 'document.textSha256', /does not match/],
    ['a non-integer offset', (f: any) => (f.units[1].start = 1.5), 'unit u2: start', /int/i],
  ])('refuses %s, pointing at the item', (_name, mutate, at, message) => {
    const file = exported();
    mutate(file);
    const result = parseNative(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ at, message: expect.stringMatching(message) }));
  });
});
