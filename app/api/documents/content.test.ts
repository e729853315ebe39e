// The document's content and its tokens' detail chunks through the real handlers, on SQLite and
// (when available) PostgreSQL: what the editor fetches instead of getting the text and tokens
// inlined in the page (GET /api/documents/:id/content, GET /api/documents/:id/tokens).
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocument, deleteDocument, type Db } from '@/lib/db';
import type { CreateDocumentInput } from '@/lib/db/documents';
import { fixtureDocument, testBackends } from '@/lib/db/test-support';
import { DETAIL_CHUNK, detailsOf, tokenSpans, type DetailChunk } from '@/lib/tokens/spans';
import { loadDocumentView } from '@/app/_shared/documentProps';
import { params, request, signUpAll, useApiDb } from '../_test/support';
import { GET as contentRoute } from './[id]/content/route';
import { GET as tokensRoute } from './[id]/tokens/route';
import { GET as rubyRoute } from './[id]/ruby/route';
import { decodeLengths } from '@/lib/tokens/lengths';
import { phraseSizes } from '@/lib/tokens/phrases';

/// 2.5 chunks of tokens over several lines, non-BMP surfaces included.
function bigDocument(id: string, word = '𠮷野家'): CreateDocumentInput {
  const surfaces = Array.from({ length: Math.floor(2.5 * DETAIL_CHUNK) }, (_, i) => (i % 97 === 96 ? '\n' : [word, 'の', '𩸽', 'は', '安い', '。'][i % 6]));
  return fixtureDocument(surfaces, { id });
}

describe.each(testBackends())('document content and token details on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let cookie: string;
  const input = bigDocument('big');
  const content = (id: string, query = '', as: string | null = cookie) => contentRoute(request('GET', `/api/documents/${id}/content${query}`, { cookie: as ?? undefined }), params({ id }));
  const details = (id: string, query: string, as: string | null = cookie) => tokensRoute(request('GET', `/api/documents/${id}/tokens${query}`, { cookie: as ?? undefined }), params({ id }));

  beforeAll(async () => {
    db = t.db;
    cookie = (await signUpAll(db, ['student'])).cookie.student;
    await createDocument(db, input);
  });

  it('sends the text, its blocks and every token boundary, kept by the browser when asked by sha256', async () => {
    const res = await content('big', `?v=${input.canonical.sha256}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const body = JSON.parse(new TextDecoder().decode(bytes));
    expect(body.text).toBe(input.canonical.text);
    expect(body.blocks).toEqual(input.canonical.blocks);
    expect(tokenSpans(body.text, body.lengths)).toEqual(input.tokens.map(({ start, end, surface }) => ({ start, end, surface })));
    // About the text itself: one byte a token and one a phrase on top of the text and blocks.
    const floor = Buffer.byteLength(input.canonical.text) + JSON.stringify(input.canonical.blocks).length;
    expect(bytes.byteLength).toBeLessThan(floor + input.tokens.length + body.phrases.length + 100);
    expect((await content('big', '?v=stale')).headers.get('cache-control')).not.toContain('immutable');
  });

  it('sends each chunk of token details right, the last one short', async () => {
    for (let from = 0; from < input.tokens.length; from += DETAIL_CHUNK) {
      const res = await details('big', `?from=${from}&v=${input.canonical.sha256}`);
      expect(res.status).toBe(200);
      const chunk = (await res.json()) as DetailChunk;
      expect(chunk.tag.length).toBe(Math.min(DETAIL_CHUNK, input.tokens.length - from));
      for (let i = from; i < from + chunk.tag.length; i++) {
        const { pos, posDetail, basicForm, reading, surface } = input.tokens[i];
        expect(detailsOf(chunk, i, surface)).toEqual({ pos, posDetail, basicForm, reading });
      }
    }
  });

  it.each([
    ['no from', '', 422],
    ['a from that is no number', '?from=x', 422],
    ['a from inside a chunk', '?from=1', 422],
    ['a negative from', `?from=-${DETAIL_CHUNK}`, 422],
    ['a from past the last token', `?from=${3 * DETAIL_CHUNK}`, 422],
  ])('answers %s with %i and an error', async (_, query, status) => {
    const res = await details('big', query);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(/from/);
  });

  it('answers 404 for no such document and 401 without a session', async () => {
    expect((await content('nope')).status).toBe(404);
    expect((await details('nope', '?from=0')).status).toBe(404);
    expect((await content('big', '', null)).status).toBe(401);
    expect((await details('big', '?from=0', null)).status).toBe(401);
  });

  it('serves the new text of a document deleted and imported again under its id', async () => {
    const first = bigDocument('again');
    await createDocument(db, first);
    await (await content('again')).arrayBuffer();
    await deleteDocument(db, 'again');
    const second = bigDocument('again', '吉野家');
    await createDocument(db, second);
    expect((await (await content('again')).json()).text).toBe(second.canonical.text);
  });

  it('sends the phrases stored with the tokens: sizes that cover every token', async () => {
    const body = await (await content('big')).json();
    const sizes = decodeLengths(body.phrases);
    expect(sizes).toEqual(phraseSizes(input.tokens));
    expect(sizes.reduce((a: number, b: number) => a + b, 0)).toBe(input.tokens.length);
  });

  it('sends the furigana of the kanji words, with their grades, only to a signed-in user', async () => {
    const doc = fixtureDocument(['外交', 'を', '振り返っ', 'た', '。', '震撼'], { id: 'ruby' });
    const readings = ['がいこう', 'を', 'ふりかえっ', 'た', '。', 'しんかん'];
    doc.tokens.forEach((tok, i) => (tok.reading = readings[i]));
    await createDocument(db, doc);
    const ruby = (as: string | null = cookie, query = '') => rubyRoute(request('GET', `/api/documents/ruby/ruby${query}`, { cookie: as ?? undefined }), params({ id: 'ruby' }));
    const res = await ruby(cookie, `?v=${doc.canonical.sha256}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await res.json()).ruby).toEqual([
      [0, 2, 2, 'がいこう'],
      [3, 6, 7, 'ふりかえ'],
      [9, 11, 8, 'しんかん'],
    ]);
    expect((await ruby(null)).status).toBe(401);
    expect((await rubyRoute(request('GET', '/api/documents/nope/ruby', { cookie }), params({ id: 'nope' }))).status).toBe(404);
  });

  it('keeps the page props small whatever the size of the text', async () => {
    const props = await loadDocumentView(db, 'big');
    expect(props).toMatchObject({ id: 'big', sha256: input.canonical.sha256, tokenCount: input.tokens.length });
    expect(Buffer.byteLength(JSON.stringify(props))).toBeLessThan(300);
    expect(Buffer.byteLength(input.canonical.text)).toBeGreaterThan(10_000);
  });
});
