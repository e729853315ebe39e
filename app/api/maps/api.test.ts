// The map API through its real route handlers, on SQLite and (when available) PostgreSQL:
// every bad input gets a 4xx that names the problem and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument, ensureLocalUser, getMap, getOrCreateMap, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { params, request, useApiDb } from '../_test/support';
import { GET as getDocumentMap } from '../documents/[id]/map/route';
import { GET as getMapRoute } from './[mapId]/route';
import { POST as postOperations } from './[mapId]/operations/route';
import { GET as exportMap } from './[mapId]/export/route';
import { POST as importRoute } from './[mapId]/import/route';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — UTF-16 spans on token boundaries.
const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
const evidence = { id: 'u2', label: 'evidence', start: 22, end: 31, note: '' };
const add = (unit: typeof claim) => ({ op: 'addUnit', unit, relations: [], mainClaim: false });

let batch = 0;
function post(mapId: string, body: unknown) {
  return postOperations(request('POST', `/api/maps/${mapId}/operations`, { body }), params({ mapId }));
}
const ops = (baseVersion: number, operations: unknown[]) => ({ batchId: `batch-${++batch}-xxxxxxxx`, baseVersion, operations });

describe.each(testBackends())('map API on $name', (backend) => {
  const t = useApiDb(backend, 'solo');
  let db: Db;
  let docId: string;
  let mapId: string;

  beforeAll(async () => {
    db = t.db;
    docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const res = await getDocumentMap(new Request('http://localhost'), params({ id: docId }));
    mapId = (await res.json()).mapId;
  });

  it('applies operations and answers with the new version', async () => {
    const res = await post(mapId, ops(1, [add(claim), add(evidence), { op: 'addRelation', relation: { id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' } }]));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ version: 2 });
    const got = await (await getMapRoute(new Request('http://localhost'), params({ mapId }))).json();
    expect(got).toEqual({ version: 2, map: { units: [claim, evidence], relations: [expect.objectContaining({ id: 'r1' })], mainClaimId: null } });
  });

  it.each([
    ['offsets out of range', [add({ ...claim, id: 'x', end: 500 })], 422, /outside the text/],
    ['offsets off token boundaries', [add({ ...claim, id: 'x', start: 9 })], 422, /not on a token boundary/],
    ['an unknown label', [add({ ...claim, id: 'x', label: 'opinion' })], 422, /unknown label "opinion"/],
    ['a unit of another map (document)', [{ op: 'addRelation', relation: { id: 'r9', type: 'attack', from: ['other-u'], to: 'u1', note: '' } }], 422, /missing unit other-u/],
    ['a relation to a missing unit', [{ op: 'addRelation', relation: { id: 'r9', type: 'attack', from: ['u1'], to: 'nope', note: '' } }], 422, /missing unit or relation nope/],
    ['a duplicate relation', [{ op: 'addRelation', relation: { id: 'r9', type: 'support', from: ['u2'], to: 'u1', note: '' } }], 422, /already exists/],
    ['a self-relation', [{ op: 'addRelation', relation: { id: 'r9', type: 'support', from: ['u1'], to: 'u1', note: '' } }], 422, /itself/],
    ['a stale update', [{ op: 'updateUnit', id: 'u1', before: { label: 'rebuttal' }, after: { label: 'evidence' } }], 422, /has changed/],
    ['an unknown operation', [{ op: 'dropTable' }], 422, /invalid request: operations\.0/],
    ['a negative offset', [add({ ...claim, id: 'x', start: -1 })], 422, /invalid request/],
  ])('refuses %s with %i and changes nothing', async (_name, operations, status, message) => {
    const before = await getMap(db, mapId);
    const res = await post(mapId, ops(before!.version, operations));
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(message);
    expect(await getMap(db, mapId)).toEqual(before);
  });

  it('refuses a stale version with 409, the current version and map', async () => {
    const before = await getMap(db, mapId);
    const res = await post(mapId, ops(before!.version - 1, [add({ ...claim, id: 'late', start: 0, end: 4 })]));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body).toMatchObject({ version: before!.version, map: { units: before!.units } });
    expect(body.error).toMatch(/version/);
    expect(await getMap(db, mapId)).toEqual(before);
  });

  it('answers a re-sent batch as done, without applying it twice', async () => {
    const before = await getMap(db, mapId);
    const body = ops(before!.version, [add({ ...claim, id: 'once', start: 0, end: 4 })]);
    expect((await post(mapId, body)).status).toBe(200);
    const again = await post(mapId, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, version: before!.version + 1 });
    expect((await getMap(db, mapId))!.units.filter((u) => u.id === 'once')).toHaveLength(1);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await post(mapId, '{"baseVersion": 1,');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/not valid JSON/);
  });

  it('refuses a file it cannot read with a code the client words, besides the English error', async () => {
    const res = await importRoute(request('POST', `/api/maps/${mapId}/import`, { body: { fileName: 'essay.docx', content: 'PK', baseVersion: 1, dryRun: true } }), params({ mapId }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: expect.stringMatching(/cannot tell how to read essay\.docx/),
      code: 'import.unknownFormat',
      params: { fileName: 'essay.docx', formats: expect.stringContaining('.ann') },
    });
  });

  it("answers 404 for another user's map and for maps that do not exist", async () => {
    const other = await db.kysely
      .insertInto('users')
      .values({ id: 'someone', name: 'someone', display_name: 'Someone', role: 'student', password_hash: null, created_at: new Date().toISOString() })
      .execute()
      .then(() => getOrCreateMap(db, docId, 'someone'));
    for (const id of [other.id, 'no-such-map']) {
      expect((await post(id, ops(1, [add(claim)]))).status).toBe(404);
      expect((await getMapRoute(new Request('http://localhost'), params({ mapId: id }))).status).toBe(404);
      expect((await exportMap(new Request(`http://localhost/api/maps/${id}/export`), params({ mapId: id }))).status).toBe(404);
    }
    expect((await getMap(db, other.id))!.units).toEqual([]);
    await ensureLocalUser(db);
  });

  it('exports the map as ronten-argmap JSON with code-point offsets', async () => {
    const res = await exportMap(new Request(`http://localhost/api/maps/${mapId}/export?format=json`), params({ mapId }));
    expect(res.status).toBe(200);
    const file = await res.json();
    const name = encodeURIComponent(`${docId}-${file.annotator.name}.argmap.json`); // the document, then the annotator (ローカルユーザー)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(file).toMatchObject({ format: 'ronten-argmap', version: 2, offsetUnit: 'codepoint' });
    const cps = [...file.document.text];
    for (const u of file.units) expect(cps.slice(u.start, u.end).join('')).toBe(u.quote);
    expect(file.units.find((u: { id: string }) => u.id === 'u1')).toMatchObject({ start: 6, end: 17, quote: '𠮷野家で𩸽を食べた😀。' });
    const bad = await exportMap(new Request(`http://localhost/api/maps/${mapId}/export?format=docx`), params({ mapId }));
    expect(bad.status).toBe(422);
  });
});
