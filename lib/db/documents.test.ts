import { beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import type { Db } from './connect';
import {
  createDocument,
  deleteDocument,
  documentExists,
  getDocument,
  getDocumentInfo,
  getDocumentText,
  getDocumentWire,
} from './documents';
import { listDocuments } from './documentAccess';
import * as m011 from './migrations/011_tokens_packed';
import * as m014 from './migrations/014_phrases';
import { encodeLengths } from '@/lib/tokens/lengths';
import { packTokens } from '@/lib/tokens/wire';
import { DuplicateIdError, InvalidDataError } from './errors';
import { getOrCreateMap } from './maps';
import { ensureLocalUser } from './users';
import { NON_BMP_SURFACES, fixtureDocument, testBackends, useTestDb } from './test-support';

describe.each(testBackends())('documents on $name', (backend) => {
  const handle = useTestDb(backend);
  let db: Db;
  beforeAll(() => {
    db = handle.db;
  });

  it('round-trips text with non-BMP characters and its tokens exactly', async () => {
    const input = fixtureDocument(NON_BMP_SURFACES);
    const id = await createDocument(db, input);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const doc = await getDocument(db, id);
    expect(doc).not.toBeNull();
    expect(doc!.canonical).toEqual(input.canonical);
    expect(doc!.tokens).toEqual(input.tokens);
    expect(doc!.tokens.map((t) => t.surface).join('')).toBe(doc!.canonical.text);
    expect(doc).toMatchObject({
      id,
      title: input.title,
      language: 'ja',
      sourceText: input.sourceText,
      reflow: 'auto',
      origin: 'corpus/test.txt',
      length: [...input.canonical.text].length,
    });
    // Code points, not UTF-16 units: the text has five astral characters.
    expect(doc!.length).toBe(input.canonical.text.length - 5);
    expect(typeof doc!.length).toBe('number');

    const { tokens: _tokens, ...withoutTokens } = doc!;
    expect(await getDocumentText(db, id)).toEqual(withoutTokens);
  });

  it('lists documents with numeric lengths and map counts (PostgreSQL returns counts as strings)', async () => {
    const user = await ensureLocalUser(db);
    const a = await createDocument(db, fixtureDocument(['一', 'つ', '目'], { id: 'list-a', title: 'A' }));
    const b = await createDocument(db, fixtureDocument(['𩸽'], { id: 'list-b', title: 'B' }));
    await getOrCreateMap(db, a, user.id);

    const list = await listDocuments(db);
    const byId = new Map(list.map((d) => [d.id, d]));
    expect(byId.get(a)).toEqual({ id: a, title: 'A', language: 'ja', length: 3, maps: 1, public: false, createdAt: expect.any(String) });
    expect(byId.get(b)).toMatchObject({ length: 1, maps: 0 });
    for (const d of list) {
      expect(typeof d.length).toBe('number');
      expect(typeof d.maps).toBe('number');
      expect(Object.keys(d).sort()).toEqual(['createdAt', 'id', 'language', 'length', 'maps', 'public', 'title']);
    }
    // Newest first.
    const times = list.map((d) => d.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('never touches the tokens column when listing or reading the text alone', async () => {
    await createDocument(db, fixtureDocument(NON_BMP_SURFACES, { id: 'no-tokens-read' }));
    const seen: string[] = [];
    // Records every query's operation tree: a mention of tokens_json anywhere means it is read.
    const recorder: KyselyPlugin = {
      transformQuery(args) {
        seen.push(JSON.stringify(args.node));
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    };
    const watched: Db = { ...db, kysely: db.kysely.withPlugin(recorder) };
    await listDocuments(watched);
    await getDocumentText(watched, 'no-tokens-read');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((q) => q.includes('tokens_json'))).toEqual([]);
    await getDocument(watched, 'no-tokens-read');
    expect(seen.some((q) => q.includes('tokens_json'))).toBe(true);
  });

  it('refuses a duplicate id with DuplicateIdError', async () => {
    await createDocument(db, fixtureDocument(['重複'], { id: 'dup' }));
    const again = createDocument(db, fixtureDocument(['別', 'の', '文'], { id: 'dup' }));
    await expect(again).rejects.toBeInstanceOf(DuplicateIdError);
    await expect(createDocument(db, fixtureDocument(['x'], { id: 'dup' }))).rejects.toThrow(/document with id "dup" already exists/);
    expect((await getDocument(db, 'dup'))!.canonical.text).toBe('重複');
  });

  it.each([
    ['a wrong sha256', (d: ReturnType<typeof fixtureDocument>) => ({ ...d, canonical: { ...d.canonical, sha256: '0'.repeat(64) } })],
    ['tokens missing the end', (d: ReturnType<typeof fixtureDocument>) => ({ ...d, tokens: d.tokens.slice(0, -1) })],
    ['a gap between tokens', (d: ReturnType<typeof fixtureDocument>) => ({ ...d, tokens: d.tokens.filter((_, i) => i !== 1) })],
    [
      'token offsets counted in code points',
      (d: ReturnType<typeof fixtureDocument>) => ({ ...d, tokens: d.tokens.map((t) => ({ ...t, start: t.cpStart, end: t.cpEnd })) }),
    ],
  ])('refuses a document with %s', async (_name, spoil) => {
    const input = spoil(fixtureDocument(NON_BMP_SURFACES, { id: `bad-${_name}` }));
    await expect(createDocument(db, input)).rejects.toBeInstanceOf(InvalidDataError);
    expect(await documentExists(db, `bad-${_name}`)).toBe(false);
  });

  it('stores an empty text with no tokens', async () => {
    const id = await createDocument(db, fixtureDocument([], { id: 'empty' }));
    expect((await getDocument(db, id))!.tokens).toEqual([]);
  });

  it('answers existence, returns null for missing ids, and deletes with the maps', async () => {
    const user = await ensureLocalUser(db);
    const id = await createDocument(db, fixtureDocument(['消', 'す']));
    const map = await getOrCreateMap(db, id, user.id);
    expect(await documentExists(db, id)).toBe(true);
    expect(await getDocument(db, 'missing')).toBeNull();
    expect(await getDocumentText(db, 'missing')).toBeNull();

    expect(await deleteDocument(db, id)).toBe(true);
    expect(await deleteDocument(db, id)).toBe(false);
    expect(await documentExists(db, id)).toBe(false);
    const maps = await db.kysely.selectFrom('argument_maps').select('id').where('id', '=', map.id).execute();
    expect(maps).toEqual([]);
  });

  it('stores the tokens packed too, and 011 fills them in for documents stored before it', async () => {
    const input = fixtureDocument(NON_BMP_SURFACES, { id: 'packed' });
    await createDocument(db, input);
    const packed = JSON.stringify(packTokens(input.tokens));
    expect((await getDocumentWire(db, 'packed'))?.packedTokens).toBe(packed);
    expect(await getDocumentInfo(db, 'packed')).toEqual({
      id: 'packed',
      title: input.title,
      language: 'ja',
      sha256: input.canonical.sha256,
      length: [...input.canonical.text].length,
    });
    // Back to before 011 (the column gone), then forward again: every row is filled.
    await m011.down(db.kysely);
    await m011.up(db.kysely);
    expect((await getDocumentWire(db, 'packed'))?.packedTokens).toBe(packed);
    expect(await getDocumentInfo(db, 'no such')).toBeNull();
    expect(await getDocumentWire(db, 'no such')).toBeNull();
  });

  it('stores the phrases with the packed tokens, and 014 adds them to documents stored without', async () => {
    const input = fixtureDocument(['影響', 'は', '多かっ', 'た', '。'], { id: 'phrased' });
    const tags: [string, string][] = [['名詞', 'サ変接続'], ['助詞', '係助詞'], ['形容詞', '自立'], ['助動詞', ''], ['記号', '句点']];
    input.tokens.forEach((t, i) => ([t.pos, t.posDetail] = tags[i]));
    await createDocument(db, input);
    const packed = JSON.stringify(packTokens(input.tokens));
    expect(JSON.parse(packed).phrases).toBe(encodeLengths([2, 3]));
    // Back to before 014 (packed tokens without phrases), then forward again.
    await m014.down(db.kysely);
    expect(JSON.parse((await getDocumentWire(db, 'phrased'))!.packedTokens).phrases).toBeUndefined();
    await m014.up(db.kysely);
    expect((await getDocumentWire(db, 'phrased'))?.packedTokens).toBe(packed);
    // Run again, it leaves rows that have phrases alone.
    await m014.up(db.kysely);
    expect((await getDocumentWire(db, 'phrased'))?.packedTokens).toBe(packed);
  });
});
