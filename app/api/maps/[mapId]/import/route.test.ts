// POST /api/maps/:mapId/import in solo mode, on SQLite and (when available) PostgreSQL: a file
// with a UTF-8 BOM is read as the CLI reads it, its comments are written with the map and
// counted, and an empty file over a map with units is refused until accepted; a file's tags
// that name no label are listed with the scheme's labels, and the mapping the user chose imports.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument, ensureLocalUser, getDocumentText, getMap, getOrCreateMap, listComments, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { defaultLabelDefinitions, serializeHypothesis, serializeNative, type AnnotatedMap } from '@/lib/formats';
import { params, request, useApiDb } from '../../../_test/support';
import { POST } from './route';

describe.each(testBackends())('map import route on $name', (backend) => {
  const t = useApiDb(backend, 'solo');
  let db: Db;
  let mapId: string;
  let annotated: AnnotatedMap;

  beforeAll(async () => {
    db = t.db;
    const local = await ensureLocalUser(db);
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const doc = (await getDocumentText(db, docId))!;
    mapId = (await getOrCreateMap(db, docId, local.id)).id;
    annotated = {
      document: { id: doc.id, title: doc.title, language: doc.language, text: doc.canonical.text, textSha256: doc.canonical.sha256 },
      annotator: { id: local.id, name: local.name },
      labels: defaultLabelDefinitions,
      map: {
        units: [
          { id: 'u1', label: 'claim', start: 8, end: 22, note: '' },
          { id: 'u2', label: 'evidence', start: 22, end: 31, note: 'note' },
        ],
        relations: [{ id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' }],
        mainClaimId: 'u1',
      },
      comments: [{ id: 'c-route-1', targetKind: 'unit', targetId: 'u2', author: local.name, body: '良い根拠', createdAt: '2026-11-20T09:00:00.000Z' }],
    };
  });

  const post = (content: string, baseVersion: number, accept = false) =>
    POST(request('POST', `/api/maps/${mapId}/import`, { body: { fileName: 'map.argmap.json', content, baseVersion, accept } }), params({ mapId }));

  it('reads a file with a UTF-8 BOM and writes its comments with the map', async () => {
    const res = await post(`\ufeff${JSON.stringify(serializeNative(annotated))}`, 1);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ written: true, units: 2, relations: 1, needsAcceptance: false, report: { comments: 1, emptiesMap: null } });
    expect((await listComments(db, mapId)).map((c) => [c.id, c.targetId, c.body])).toEqual([['c-route-1', 'u2', '良い根拠']]);
  });

  it('refuses to empty the map without acceptance, and says why', async () => {
    const empty = JSON.stringify(serializeNative({ ...annotated, map: { units: [], relations: [], mainClaimId: null }, comments: [] }));
    const refused = await (await post(empty, 2)).json();
    expect(refused).toMatchObject({ written: false, needsAcceptance: true, report: { emptiesMap: { units: 2 } } });
    const accepted = await (await post(empty, 2, true)).json();
    expect(accepted).toMatchObject({ written: true, units: 0 });
  });

  it('answers 409 with the current version for a stale base, and 404 for a map that is not there; writes nothing', async () => {
    const file = JSON.stringify(serializeNative(annotated));
    const before = await getMap(db, mapId);
    const stale = await post(file, before!.version - 1, true);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ written: false, version: before!.version, units: 2 });
    const missing = await POST(request('POST', '/api/maps/no-such-map/import', { body: { fileName: 'map.argmap.json', content: file, baseVersion: 1 } }), params({ mapId: 'no-such-map' }));
    expect(missing.status).toBe(404);
    expect(await getMap(db, mapId)).toEqual(before);
  });

  it('lists tags that name no label with the labels to map them to, and imports with the chosen mapping', async () => {
    const file = serializeHypothesis(annotated);
    file.annotations[0].tags = ['結論'];
    const send = (labelMap: Record<string, string> | undefined, dryRun: boolean) =>
      POST(request('POST', `/api/maps/${mapId}/import`, { body: { fileName: 'h.hypothesis.json', content: JSON.stringify(file), baseVersion: 3, dryRun, accept: true, labelMap } }), params({ mapId }));
    const checked = await (await send(undefined, true)).json();
    expect(checked).toMatchObject({ written: false, units: 1, needsAcceptance: true, report: { unknownTags: [{ tag: '結論', units: 1 }] } });
    expect(checked.labels.map((l: { id: string }) => l.id)).toEqual(['claim', 'evidence', 'counterargument', 'rebuttal']);
    const written = await (await send({ 結論: 'claim' }, false)).json();
    expect(written).toMatchObject({ written: true, units: 2, report: { unknownTags: [], tagLabels: expect.arrayContaining([{ tag: '結論', label: 'claim', units: 1 }]) } });
    expect(written.map.units.map((u: { id: string; label: string }) => [u.id, u.label]).sort()).toEqual([['u1', 'claim'], ['u2', 'evidence']]);
  });
});
