// Bounded work per request at the API's door: a body past its route's limit is refused with 413
// { error, limit, code, params } before it is parsed (Content-Length alone is enough), an over-long list with a
// 422 naming the limit; either way nothing is written. On SQLite and (when available) PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument, getMap, listAccounts, listDocuments, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { LIMITS } from '@/lib/argument/limits';
import { BODY_LIMITS, readText } from '@/app/_shared/http';
import { params, request, useApiDb } from './_test/support';
import { GET as getDocumentMap } from './documents/[id]/map/route';
import { POST as postDocument } from './documents/route';
import { POST as postOperations } from './maps/[mapId]/operations/route';
import { POST as postImport } from './maps/[mapId]/import/route';
import { POST as signUp } from './auth/signup/route';

/// A string of `bytes` ASCII bytes, to make a body just past a limit.
const padded = (bytes: number) => 'x'.repeat(bytes);

describe('readText', () => {
  const streamed = (bytes: number, headers: Record<string, string> = {}) =>
    new Request('http://localhost/', { method: 'POST', headers, body: new Blob([new Uint8Array(bytes).fill(0x61)]).stream(), duplex: 'half' } as RequestInit);

  it('refuses a body whose Content-Length passes the limit without reading it', async () => {
    const req = streamed(10, { 'content-length': '1001' });
    await expect(readText(req, 1000)).rejects.toMatchObject({ status: 413, extra: { limit: 1000 } });
    expect(req.bodyUsed).toBe(false);
  });

  it.each([
    [999, true],
    [1000, true],
    [1001, false],
    [1_000_000, false],
  ])('a streamed body of %i bytes under a 1000-byte limit: read %s', async (bytes, ok) => {
    const read = readText(streamed(bytes), 1000);
    if (ok) expect(await read).toHaveLength(bytes);
    else await expect(read).rejects.toMatchObject({ status: 413, message: /larger than 1,000 bytes/ });
  });
});

describe.each(testBackends())('body and list limits of the routes on $name', (backend) => {
  const t = useApiDb(backend, 'solo');
  let db: Db;
  let mapId: string;

  beforeAll(async () => {
    db = t.db;
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    mapId = (await (await getDocumentMap(new Request('http://localhost'), params({ id: docId }))).json()).mapId;
  });

  const operations = (body: unknown) => postOperations(request('POST', `/api/maps/${mapId}/operations`, { body }), params({ mapId }));
  const unit = (i: number) => ({ id: `u${i}`, label: 'claim', start: 8, end: 22, note: '' });
  const add = (i: number, relations: unknown[] = []) => ({ op: 'addUnit', unit: unit(i), relations, mainClaim: false });

  it.each([
    ['an autosave batch', () => operations({ batchId: 'big-batch-xxxx', baseVersion: 1, operations: [add(0)], pad: padded(BODY_LIMITS.operations) }), BODY_LIMITS.operations],
    ['a map import', () => postImport(request('POST', `/api/maps/${mapId}/import`, { body: { fileName: 'x.argmap.json', content: padded(BODY_LIMITS.mapImport), baseVersion: 1 } }), params({ mapId })), BODY_LIMITS.mapImport],
    ['a text import', () => postDocument(request('POST', '/api/documents', { body: { title: 't', text: padded(BODY_LIMITS.textImport) } })), BODY_LIMITS.textImport],
  ])('refuses %s past its body limit with 413 and writes nothing', async (_name, send, limit) => {
    const [mapBefore, docsBefore] = [await getMap(db, mapId), await listDocuments(db)];
    const res = await send();
    expect(res.status).toBe(413);
    // With the reason code the client words (lib/net/requestReasons).
    expect(await res.json()).toEqual({ error: expect.stringMatching(/larger than .* bytes/), limit, code: 'request.tooLarge', params: { limit } });
    expect(await getMap(db, mapId)).toEqual(mapBefore);
    expect(await listDocuments(db)).toEqual(docsBefore);
  });

  it.each([
    ['more operations than a batch may have', [...Array(LIMITS.operationsPerBatch + 1).keys()].map((i) => add(i)), /operations: a batch has at most 500 operations/],
    ['an addUnit carrying more relations than a unit may have', [add(0, [...Array(LIMITS.relationsPerUnit + 1).keys()].map((i) => ({ id: `r${i}`, type: 'support', from: ['u0'], to: `v${i}`, note: '' })))], /one unit carries at most 200 relations/],
  ])('refuses %s with 422 naming the limit and writes nothing', async (_name, ops, message) => {
    const before = await getMap(db, mapId);
    const res = await operations({ batchId: `limits-${ops.length}-xxxx`, baseVersion: before!.version, operations: ops });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(message);
    expect(await getMap(db, mapId)).toEqual(before);
  });
});

describe.each(testBackends())('auth body limit on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');

  it('refuses a sign-up past a few KB with 413 and creates no account', async () => {
    const res = await signUp(request('POST', '/api/auth/signup', { body: { name: 'big', password: padded(BODY_LIMITS.auth) } }));
    expect(res.status).toBe(413);
    expect((await res.json()).limit).toBe(BODY_LIMITS.auth);
    expect(await listAccounts(t.db)).toEqual([]);
  });
});
