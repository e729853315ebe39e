// The deeper model through the map API (issue 17), on SQLite and (when available) PostgreSQL:
// the write path takes the new operations; bad input is a 422 that changes nothing and names the
// model's rule (operationCode), and a file breaking the model is refused by the import route
// with coded errors (worded ja/en) and nothing written; a batch
// queued by an older page (a relation's `from` one id) still saves; exports that cannot say the
// new shapes refuse with 422 and the JSON export writes them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument, getMap, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { params, request, useApiDb } from '../_test/support';
import { GET as getDocumentMap } from '../documents/[id]/map/route';
import { POST as postOperations } from './[mapId]/operations/route';
import { GET as exportMap } from './[mapId]/export/route';
import { POST as importFile } from './[mapId]/import/route';
import { wordedFormatError } from '@/lib/formats/formatErrors';
import { translator } from '@/lib/i18n/locale';
import { catalog } from '@/lib/i18n/messages';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — UTF-16 spans on token boundaries.
const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
const evidence = { id: 'u2', label: 'evidence', start: 22, end: 31, note: '' };
const nested = { id: 'u3', label: 'counterargument', start: 8, end: 13, note: '' };
const add = (unit: object) => ({ op: 'addUnit', unit, relations: [], mainClaim: false });

let batch = 0;
const post = (mapId: string, baseVersion: number, operations: unknown[]) =>
  postOperations(request('POST', `/api/maps/${mapId}/operations`, { body: { batchId: `deep-${++batch}-xxxxxxxx`, baseVersion, operations } }), params({ mapId }));

describe.each(testBackends())('the deeper model through the map API on $name', (backend) => {
  const t = useApiDb(backend, 'solo');
  let db: Db;
  let mapId: string;

  beforeAll(async () => {
    db = t.db;
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    mapId = (await (await getDocumentMap(new Request('http://localhost'), params({ id: docId }))).json()).mapId;
  });

  it('takes a linked argument, an implicit premise, an undercutter, a scheme and an answer', async () => {
    const res = await post(mapId, 1, [
      add(claim),
      add(evidence),
      add(nested),
      add({ id: 'i1', label: 'evidence', implicit: true, text: '安い店は人気がある', note: '' }),
      { op: 'addRelation', relation: { id: 'r1', type: 'support', from: ['u2', 'i1'], to: 'u1', note: '' } },
      { op: 'addRelation', relation: { id: 'r2', type: 'attack', from: ['u3'], to: 'r1', note: '' } },
      { op: 'setScheme', id: 'r1', before: { scheme: null, answers: [] }, after: { scheme: 'causeToEffect', answers: [] } },
      { op: 'answerCriticalQuestion', id: 'r1', question: 'strength', before: null, after: '強い' },
    ]);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    const stored = await getMap(db, mapId);
    expect(stored!.relations).toEqual([
      { id: 'r1', type: 'support', from: ['u2', 'i1'], to: 'u1', scheme: 'causeToEffect', criticalQuestions: [{ id: 'strength', answer: '強い' }], note: '' },
      { id: 'r2', type: 'attack', from: ['u3'], to: 'r1', note: '' },
    ]);
  });

  it.each([
    ['premises including the target', [{ op: 'addRelation', relation: { id: 'x', type: 'support', from: ['u2', 'u1'], to: 'u1', note: '' } }], /itself/, 'premiseIsTarget'],
    ['a repeated premise', [{ op: 'addRelation', relation: { id: 'x', type: 'attack', from: ['u3', 'u3'], to: 'u2', note: '' } }], /premise twice/, 'repeatedPremise'],
    ['backing', [{ op: 'addRelation', relation: { id: 'x', type: 'support', from: ['u3'], to: 'r2', note: '' } }], /only an attack may target a relation/, 'backingNotAllowed'],
    // A relation's target must exist when it is added, so operations cannot close a cycle: each
    // way of trying is refused at the first relation, before anything is written.
    ['a cycle of undercutters (two in one batch)', [{ op: 'addRelation', relation: { id: 'x', type: 'attack', from: ['u3'], to: 'y', note: '' } }, { op: 'addRelation', relation: { id: 'y', type: 'attack', from: ['u2'], to: 'x', note: '' } }], /missing unit or relation y/, 'missingTarget'],
    ['a cycle of undercutters (carried by one addRelation)', [{ op: 'addRelation', relation: { id: 'x', type: 'attack', from: ['u3'], to: 'y', note: '' }, undercutters: [{ id: 'y', type: 'attack', from: ['u2'], to: 'x', note: '' }] }], /missing unit or relation y/, 'missingTarget'],
    ['a relation aimed at itself', [{ op: 'addRelation', relation: { id: 'x', type: 'attack', from: ['u3'], to: 'x', note: '' } }], /cannot target itself/, 'selfTarget'],
    ['an implicit unit with empty text', [add({ id: 'i2', label: 'evidence', implicit: true, text: '', note: '' })], /invalid request/, undefined],
    ['an implicit unit with blank text', [add({ id: 'i2', label: 'evidence', implicit: true, text: '   ', note: '' })], /needs a text/, 'emptyImplicitText'],
    ['an unknown scheme', [{ op: 'setScheme', id: 'r1', before: { scheme: 'causeToEffect', answers: [{ id: 'strength', answer: '強い' }] }, after: { scheme: 'astrology', answers: [] } }], /unknown argumentation scheme/, 'unknownScheme'],
    ['an unknown scheme on a new relation', [{ op: 'addRelation', relation: { id: 'x', type: 'support', from: ['u3'], to: 'u2', scheme: 'astrology', note: '' } }], /unknown argumentation scheme/, 'unknownScheme'],
    ['too many premises', [{ op: 'addRelation', relation: { id: 'x', type: 'support', from: Array.from({ length: 21 }, (_, i) => `p${i}`), to: 'u1', note: '' } }], /invalid request/, undefined],
  ])('refuses %s with 422, coded, and changes nothing', async (_name, operations, message, operationCode) => {
    const before = await getMap(db, mapId);
    const res = await post(mapId, before!.version, operations);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatch(message);
    if (operationCode) expect(body).toMatchObject({ code: 'map.operationRejected', index: 0, operationCode });
    else expect(body.operationCode).toBeUndefined();
    expect(await getMap(db, mapId)).toEqual(before);
  });

  it.each([
    ['premises including the target', (f: any) => (f.relations.find((r: any) => r.id === 'r1').from = ['u2', 'u1']), 'selfRelation'],
    ['a repeated premise', (f: any) => (f.relations.find((r: any) => r.id === 'r1').from = ['u2', 'u2']), 'repeatedPremise'],
    ['a cycle of undercutters', (f: any) => f.relations.push({ id: 'x', type: 'attack', from: ['u3'], to: 'y', note: '' }, { id: 'y', type: 'attack', from: ['u2'], to: 'x', note: '' }), 'undercutterCycle'],
    ['an implicit unit with blank text', (f: any) => (f.units.find((u: any) => u.id === 'i1').text = '  '), 'emptyImplicitText'],
    ['a scheme not in the catalogue', (f: any) => (f.relations.find((r: any) => r.id === 'r1').scheme = 'astrology'), 'unknownScheme'],
  ])('refuses an import of a file with %s: 422 with the coded error, nothing written', async (_name, mutate, code) => {
    const before = await getMap(db, mapId);
    const file = await (await exportMap(new Request(`http://localhost/api/maps/${mapId}/export?format=json`), params({ mapId }))).json();
    mutate(file);
    const res = await importFile(request('POST', `/api/maps/${mapId}/import`, { body: { fileName: 'bad.argmap.json', content: JSON.stringify(file), baseVersion: before!.version, accept: true } }), params({ mapId }));
    expect(res.status).toBe(422);
    const body = await res.json();
    const error = body.errors.find((e: { code?: string }) => e.code === code);
    expect(error, JSON.stringify(body.errors)).toBeDefined();
    // Worded in the UI's two languages by its code (lib/formats/formatErrors).
    expect(wordedFormatError(translator(catalog.ja), error)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(wordedFormatError(translator(catalog.en), error)).toBe(error.message);
    expect(await getMap(db, mapId)).toEqual(before);
  });

  it("saves a batch queued by an older page, whose relation's from is one id", async () => {
    const before = await getMap(db, mapId);
    const res = await post(mapId, before!.version, [{ op: 'addRelation', relation: { id: 'r-old', type: 'attack', from: 'u3', to: 'u2', note: '' } }]);
    expect(res.status).toBe(200);
    expect((await getMap(db, mapId))!.relations).toContainEqual({ id: 'r-old', type: 'attack', from: ['u3'], to: 'u2', note: '' });
  });

  it('exports the new shapes as ronten-argmap v2, and as AIF: one RA with both premises, a CA aimed at it', async () => {
    const json = await (await exportMap(new Request(`http://localhost/api/maps/${mapId}/export?format=json`), params({ mapId }))).json();
    expect(json).toMatchObject({ version: 2, relations: expect.arrayContaining([expect.objectContaining({ id: 'r1', from: ['u2', 'i1'] })]) });
    const aif = await exportMap(new Request(`http://localhost/api/maps/${mapId}/export?format=aif`), params({ mapId }));
    expect(aif.status).toBe(200);
    const { AIF } = (await aif.json()) as { AIF: { nodes: Array<{ nodeID: string; type: string; ronten?: { relationId?: string } }>; edges: Array<{ fromID: string; toID: string }> } };
    const sNode = (relationId: string) => AIF.nodes.find((n) => n.ronten?.relationId === relationId)!;
    const ra = sNode('r1');
    expect(ra.type).toBe('RA');
    const node = new Map(AIF.nodes.map((n) => [n.nodeID, n]));
    // Its premises: the I-nodes pointing into it (the CA aimed at it points in too).
    expect(AIF.edges.filter((e) => e.toID === ra.nodeID && node.get(e.fromID)?.type === 'I')).toHaveLength(2);
    const ca = sNode('r2');
    expect(ca.type).toBe('CA');
    expect(AIF.edges.some((e) => e.fromID === ca.nodeID && e.toID === ra.nodeID)).toBe(true);
  });
});
