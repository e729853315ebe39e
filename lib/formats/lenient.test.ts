// Lenient where it costs nothing, strict where it matters: optional fields of a native file
// default, a UTF-8 BOM is accepted by every reader, comments come with the map and are counted,
// and a file with no units does not silently empty a map that has some.
import { describe, expect, it } from 'vitest';
import { formats, importAnnotated, serializeNative, type FormatId } from '.';
import { EXPORTED_AT, smallMap } from './test-fixtures';

const map = smallMap();
const options = (format: FormatId, replacing?: number) => ({ format, document: map.document, labels: map.labels, ...(replacing === undefined ? {} : { replacing: { units: replacing } }) });

describe('lenient reading', () => {
  it('a native file without note, document.id or comments imports with their defaults', () => {
    const file = serializeNative(map, { exportedAt: EXPORTED_AT }) as Record<string, unknown> & { document: Record<string, unknown>; units: Array<Record<string, unknown>>; relations: Array<Record<string, unknown>> };
    delete file.document.id;
    delete file.comments;
    for (const x of [...file.units, ...file.relations]) delete x.note;
    const result = importAnnotated(JSON.stringify(file), options('json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.needsAcceptance).toBe(false);
    expect(result.value.map.units.map((u) => u.note)).toEqual(map.map.units.map(() => ''));
    expect(result.value.comments).toEqual([]);
  });

  it.each(['json', 'w3c', 'aif', 'brat'] as const)('%s: a UTF-8 BOM at the start of the file is accepted', (format) => {
    const files = formats[format].files(map, { exportedAt: EXPORTED_AT });
    const bom = (s: string) => `\ufeff${s}`;
    const input = format === 'brat' ? { txt: bom(files[0].content), ann: bom(files[1].content) } : bom(files[0].content);
    const result = importAnnotated(input, options(format));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map).toEqual(map.map);
  });

  it.each(['json', 'w3c', 'aif'] as const)('%s: comments come with the map and the report counts them', (format) => {
    const result = importAnnotated(formats[format].files(map, { exportedAt: EXPORTED_AT })[0].content, options(format));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.comments).toEqual(map.comments);
    expect(result.report.comments).toBe(1);
  });

  it('an empty or over-long comment, or a second one with the same id, is left out and reported', () => {
    const file = serializeNative({ ...map, comments: [...map.comments, { ...map.comments[0] }, { ...map.comments[0], id: 'c2', body: '  ' }, { ...map.comments[0], id: 'c3', body: 'x'.repeat(4001) }] });
    const result = importAnnotated(file, options('json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.comments).toEqual(map.comments);
    expect(result.report.skipped.map((s) => s.at)).toEqual(['comment c1', 'comment c2', 'comment c3']);
    expect(result.needsAcceptance).toBe(true);
  });
});

describe('replacing a map with an empty one', () => {
  const empty = { ...map, map: { units: [], relations: [], mainClaimId: null }, comments: [] };
  it.each(['json', 'w3c', 'aif', 'brat'] as const)('%s: an empty file over a map with units needs acceptance, and says why', (format) => {
    const files = formats[format].files(empty, { exportedAt: EXPORTED_AT });
    const input = format === 'brat' ? { txt: files[0].content, ann: files[1].content } : files[0].content;
    const over = importAnnotated(input, options(format, 40));
    if (!over.ok) throw new Error(JSON.stringify(over.errors));
    expect(over.needsAcceptance).toBe(true);
    expect(over.report.emptiesMap).toEqual({ units: 40 });
    const onEmpty = importAnnotated(input, options(format, 0));
    expect(onEmpty.ok && onEmpty.needsAcceptance).toBe(false);
  });

  it('a bare empty W3C array over a map with units needs acceptance', () => {
    const result = importAnnotated('[]', options('w3c', 5));
    expect(result.ok && result.needsAcceptance).toBe(true);
  });
});
