// loadClassExport: every student's map as an AnnotatedMap in its own label scheme, with its
// comments, the reference map, and no query per student — on SQLite and (when available)
// PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { addUnitOp } from '@/lib/argument';
import { loadAnnotatedMap } from './annotatedMap';
import { loadClassExport } from './classExport';
import { addComment } from './comments';
import type { Db } from './connect';
import { createAssignment, createCourse, joinCourse, submitMap, updateAssignment } from './courses';
import { createDocument } from './documents';
import { createLabelScheme } from './label-schemes';
import { getMap, getOrCreateMap } from './maps';
import { applyOperations } from './operations';
import { NON_BMP_SURFACES, countingDb, fixtureDocument, insertUsers, testBackends, useTestDb } from './test-support';

const unit = (id: string, label: string, start: number, end: number) => addUnitOp({ id, label, start, end, note: '' });

describe.each(testBackends())('class export loading on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;

  beforeAll(async () => {
    db = t.db;
    await insertUsers(db, ['sensei'], 'instructor');
    await insertUsers(db, Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}`));
  });

  it('loads each map with its own scheme and comments, the reference, and the same maps as loadAnnotatedMap', async () => {
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const scheme = await createLabelScheme(db, 'id-sensei', { name: 'two labels', labels: [{ id: 'thesis', ja: '主題', en: 'thesis' }, { id: 'reason', ja: '理由', en: 'reason' }] });
    const course = await createCourse(db, 'id-sensei', 'export');
    for (const s of ['s00', 's01', 's02']) await joinCourse(db, `id-${s}`, course.joinCode);
    // s02 wrote in the default labels before the assignment existed
    const early = await getOrCreateMap(db, doc, 'id-s02');
    await applyOperations(db, early.id, 1, [unit('u1', 'claim', 0, 4)]);
    const a = await createAssignment(db, course.id, { documentId: doc, title: 'export', labelSchemeId: scheme.id });
    const ref = await getOrCreateMap(db, doc, 'id-sensei');
    await applyOperations(db, ref.id, ref.version, [unit('u1', 'thesis', 8, 22), unit('u2', 'reason', 22, 31)]);
    await updateAssignment(db, a.id, { referenceMapId: ref.id });
    const s00 = await getOrCreateMap(db, doc, 'id-s00');
    await applyOperations(db, s00.id, 1, [unit('u1', 'thesis', 8, 22)]);
    await submitMap(db, s00.id);
    await addComment(db, { mapId: s00.id, authorId: 'id-sensei', targetKind: 'unit', targetId: 'u1', body: '良い' });

    const loaded = await loadClassExport(db, a.id);
    expect(loaded.document.id).toBe(doc);
    expect(loaded.students.map((s) => [s.name, s.mapId !== null, s.submittedAt !== null])).toEqual([
      ['s00', true, true],
      ['s01', false, false],
      ['s02', true, false],
    ]);
    const [m00, , m02] = loaded.students;
    expect(m00.map).toEqual(await loadAnnotatedMap(db, (await getMap(db, s00.id))!));
    expect(m00.map!.labels.map((l) => l.id)).toEqual(['thesis', 'reason']);
    expect(m00.map!.comments).toMatchObject([{ targetId: 'u1', body: '良い', author: 'sensei' }]);
    expect(m02.map!.labels.map((l) => l.id)).toEqual(['claim', 'evidence', 'counterargument', 'rebuttal']);
    expect(m02.map).toEqual(await loadAnnotatedMap(db, (await getMap(db, early.id))!));
    expect(loaded.reference).toMatchObject({ name: 'sensei', mapId: ref.id });
    expect(loaded.reference!.map).toEqual(await loadAnnotatedMap(db, (await getMap(db, ref.id))!));
  });

  it('runs as many queries for 2 students as for 12', async () => {
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const queries = async (n: number) => {
      const course = await createCourse(db, 'id-sensei', `count ${n}`);
      const a = await createAssignment(db, course.id, { documentId: doc, title: `n=${n}` });
      for (let i = 0; i < n; i++) {
        const student = `id-s${String(i).padStart(2, '0')}`;
        await joinCourse(db, student, course.joinCode);
        const map = await getOrCreateMap(db, doc, student);
        if (map.version === 1) await applyOperations(db, map.id, 1, [unit('u1', 'claim', 0, 4)]);
        await addComment(db, { mapId: map.id, authorId: 'id-sensei', targetKind: 'map', body: `n=${n}` });
      }
      const counted = countingDb(db);
      const loaded = await loadClassExport(counted.db, a.id);
      expect(loaded.students.filter((s) => s.map)).toHaveLength(n);
      return counted.count;
    };
    expect(await queries(12)).toBe(await queries(2));
  });
});
