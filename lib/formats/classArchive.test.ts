// The class archive: every student's map is in it, once, under a safe name, in the chosen
// format; each file reads back into the very map (importAnnotated) for the importable formats;
// students without a map are in the manifest only; the reference map sits in reference/.
import { describe, expect, it } from 'vitest';
import { bratAnnotationConf, formatIds, formats, importAnnotated, type FormatId } from '.';
import { classArchive, classArchiveEntries, safeFileName, type ClassArchiveInput, type ClassManifest } from './classArchive';
import { EXPORTED_AT, smallMap } from './test-fixtures';
import type { AnnotatedMap } from './types';
import { unzipText } from './unzip';

const base = smallMap();
const customLabels = [
  { id: 'thesis', name: { ja: '主題', en: 'thesis' } },
  { id: 'data_1', name: { ja: 'データ', en: 'data' } },
  { id: 'warrant', name: { ja: '論拠', en: 'warrant' } },
  { id: 'backing', name: { ja: '裏付け', en: 'backing' } },
  { id: 'qualifier', name: { ja: '限定', en: 'qualifier' } },
];
const relabel = ['thesis', 'data_1', 'warrant', 'backing', 'qualifier'];

/// A student's variant of the small map: fewer units, their own annotator, or a custom scheme.
function variant(name: string, keep: number, custom = false): AnnotatedMap {
  const units = base.map.units.slice(0, keep).map((u, i) => (custom ? { ...u, label: relabel[i % relabel.length] } : u));
  const ids = new Set(units.map((u) => u.id));
  return {
    ...base,
    annotator: { id: `id-${name}`, name },
    labels: custom ? customLabels : base.labels,
    map: {
      units,
      relations: base.map.relations.filter((r) => r.from.every((p) => ids.has(p)) && ids.has(r.to)),
      mainClaimId: base.map.mainClaimId && ids.has(base.map.mainClaimId) ? base.map.mainClaimId : null,
    },
    comments: base.comments.filter((c) => c.targetId === null || ids.has(c.targetId)),
  };
}

function input(format: FormatId): ClassArchiveInput {
  const student = (name: string, map: AnnotatedMap | null, submittedAt: string | null = null, due?: string) => ({
    userId: `id-${name}`,
    name,
    displayName: `表示 ${name}`,
    mapId: map ? `map-${name}` : null,
    submittedAt,
    ...(due ? { due } : {}),
    map,
  });
  return {
    format,
    exportedAt: EXPORTED_AT,
    assignment: { id: 'asg-1', title: '第1回 論証', courseId: 'course-1', dueAt: '2030-04-01T00:00:00.000Z' },
    document: { id: base.document.id, title: base.document.title, textSha256: base.document.textSha256 },
    students: [
      student('aki', variant('aki', 5), '2030-03-30T10:00:00.000Z'),
      student('mio', variant('mio', 2), '2030-04-02T01:30:00.000Z', '2030-04-02T00:00:00.000Z'), // late against an extension
      student('nobody', null),
      student('a/b', variant('a/b', 3)),
      student('a:b', variant('a:b', 1)), // makes the same safe name as a/b
      student('ren', variant('ren', 4, true)),
    ],
    reference: { userId: 'id-sensei', name: 'sensei', displayName: '先生', mapId: 'map-ref', map: variant('sensei', 5) },
  };
}

// Hypothesis files hold units only (no relations): its own test checks what comes back.
const importable = formatIds.filter((f) => formats[f].canImport && f !== 'hypothesis');

describe('safeFileName', () => {
  it.each([
    ['aki', 'aki'],
    ['a/b', 'a-b'],
    ['..\\..\\etc', 'etc'],
    ['.hidden.', 'hidden'],
    ['山田 太郎', '山田-太郎'],
    ['con', 'con_'],
    ['???', 'user'],
    ['x'.repeat(100), 'x'.repeat(60)],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});

describe.each(formatIds)('class archive in %s', (format) => {
  const bytes = classArchive(input(format));
  const files = unzipText(bytes);
  const manifest = JSON.parse(files.get('manifest.json')!) as ClassManifest;
  const perMap = formats[format].files(base, { exportedAt: EXPORTED_AT }).length;

  it('has a manifest naming the assignment, the document, the format and every student', () => {
    expect(manifest).toMatchObject({
      format: 'ronten-class-export',
      version: 1,
      exportFormat: format,
      exportedAt: EXPORTED_AT,
      assignment: { id: 'asg-1', title: '第1回 論証' },
      document: { id: base.document.id, textSha256: base.document.textSha256 },
    });
    expect(manifest.students.map((s) => [s.name, s.mapId, s.submitted, s.lateByMs])).toEqual([
      ['aki', 'map-aki', true, null],
      ['mio', 'map-mio', true, 5_400_000],
      ['nobody', null, false, null],
      ['a/b', 'map-a/b', false, null],
      ['a:b', 'map-a:b', false, null],
      ['ren', 'map-ren', false, null],
    ]);
    expect(manifest.students.find((s) => s.name === 'nobody')!.files).toEqual([]);
    expect(manifest.reference).toMatchObject({ name: 'sensei', mapId: 'map-ref' });
  });

  it('holds exactly the files the manifest lists, under safe and distinct names', () => {
    const listed = [...manifest.students.flatMap((s) => s.files), ...manifest.reference!.files];
    expect([...files.keys()].sort()).toEqual(['manifest.json', ...listed, ...manifest.companions].sort());
    // brat reads its configuration from a folder above the .ann files.
    expect(manifest.companions).toEqual(format === 'brat' ? ['annotation.conf'] : []);
    if (format === 'brat') expect(files.get('annotation.conf')).toBe(bratAnnotationConf(input(format).reference!.map.labels));
    expect(listed).toHaveLength(6 * perMap);
    for (const name of listed) expect(name).toMatch(/^(students|reference)\/[\p{L}\p{N}._\/-]+$/u);
    const ab = manifest.students.filter((s) => s.name === 'a/b' || s.name === 'a:b').map((s) => s.files[0].split('/')[1]);
    expect(new Set(ab).size).toBe(2);
    // several files per map → a folder per student; one file → the file itself
    const aki = manifest.students[0].files;
    expect(aki.every((f) => f.startsWith(perMap > 1 ? 'students/aki/aki' : 'students/aki.'))).toBe(true);
    expect(manifest.reference!.files.every((f) => f.startsWith('reference/sensei'))).toBe(true);
  });

  it.runIf(importable.includes(format))('every file reads back into the map it was made from', () => {
    const all = [...input(format).students.flatMap((s) => (s.map ? [[s.name, s.map] as const] : [])), ['sensei', input(format).reference!.map] as const];
    const entries = [...manifest.students.filter((s) => s.files.length), manifest.reference!];
    expect(entries).toHaveLength(all.length);
    all.forEach(([name, map], i) => {
      const paths = entries[i].files;
      expect(entries[i].name).toBe(name);
      const content = format === 'brat' ? { txt: files.get(paths.find((p) => p.endsWith('.txt'))!)!, ann: files.get(paths.find((p) => p.endsWith('.ann'))!)! } : files.get(paths[0])!;
      const back = importAnnotated(content, { format, document: map.document, labels: map.labels });
      if (!back.ok) throw new Error(`${name}: ${JSON.stringify(back.errors.slice(0, 3))}`);
      expect(back.value.map).toEqual(map.map);
    });
  });

  it('is the same bytes for the same input', () => {
    expect(classArchive(input(format))).toEqual(bytes);
  });
});

it('an archive of a class where nobody has started is just the manifest', () => {
  const empty = { ...input('json'), students: input('json').students.map((s) => ({ ...s, map: null, mapId: null })), reference: null };
  const entries = classArchiveEntries(empty);
  expect(entries.map((e) => e.name)).toEqual(['manifest.json']);
  expect(JSON.parse(entries[0].data as string).reference).toBeNull();
});
