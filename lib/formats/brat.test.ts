// brat as brat writes it: AnnotatorNotes raw (no escapes), discontinuous spans, and our own
// files — new (raw notes + RontenNote) and old (escaped notes) — read back exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAnnotated, readBrat, serializeBrat } from '.';
import { smallMap } from './test-fixtures';

const map = smallMap();
const txt = map.document.text;
const importBrat = (ann: string) => importAnnotated({ txt, ann }, { format: 'brat', document: map.document, labels: map.labels });

describe('brat notes', () => {
  it('a note brat wrote, backslashes and all, is read raw', () => {
    const ann = 'T1\tClaim 20 26\t皆が食べる。\n#1\tAnnotatorNotes T1\t筆者の主張 (C:\\dir 参照) \\o/ \\n\n';
    const result = importBrat(ann);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map.units[0].note).toBe('筆者の主張 (C:\\dir 参照) \\o/ \\n');
  });

  it('notes are written raw, line breaks and tabs as spaces, so brat shows them as written', () => {
    const { ann } = serializeBrat(map);
    const notes = ann.split('\n').filter((l) => l.includes('AnnotatorNotes'));
    expect(notes).toContain('#2\tAnnotatorNotes T1\ttab here, "quoted", comma');
    expect(notes.some((l) => l.endsWith('\tacross the paragraph break'))).toBe(true);
    expect(notes.some((l) => l.endsWith('\tback\\slash'))).toBe(true);
  });

  it('our own export reads back every note exactly (RontenNote carries what raw writing changed)', () => {
    const { ann } = serializeBrat(map);
    const result = importBrat(ann);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map).toEqual(map.map);
  });

  it('a note edited in brat wins over the RontenNote written with the old text', () => {
    const { ann } = serializeBrat(map);
    const edited = ann.replace('AnnotatorNotes T1\ttab here, "quoted", comma', 'AnnotatorNotes T1\tedited in brat');
    const result = importBrat(edited);
    expect(result.ok && result.value.map.units.find((u) => u.id === 'u1')!.note).toBe('edited in brat');
  });

  it('a file Ronten exported before notes were raw (escaped notes) still reads exactly', () => {
    const ann = fs.readFileSync(path.join(__dirname, '__fixtures__/brat/small-before-issue18.ann'), 'utf8');
    const result = importBrat(ann);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map).toEqual(map.map);
  });
});

describe('brat discontinuous spans', () => {
  it('fragments with text between them are kept as the span they cover, and the report says so', () => {
    // 𠮷野家 … 安い。 with の𩸽は left between the fragments.
    const ann = 'T1\tEvidence 7 10;13 16\t𠮷野家 安い。\n';
    const read = readBrat({ txt, ann });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value.units[0]).toMatchObject({ id: 'T1', start: 7, end: 16, quote: '𠮷野家の𩸽は安い。' });
    const result = importBrat(ann);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.needsAcceptance).toBe(true);
    expect(result.report.skipped).toEqual([{ at: 'line 1', message: expect.stringMatching(/discontinuous span 7 10;13 16 is read as one span 7–16/), code: 'bratDiscontinuous', params: expect.objectContaining({ spans: '7 10;13 16' }) }]);
  });
});
