// The worker pool: it never runs more tasks at once than its size, and what a task gives back
// is what the same function gives on the calling thread (the same argon2id hashes verify, the
// same import results, the same ZIP bytes).
import { afterAll, describe, expect, it } from 'vitest';
import { argon2Hash, argon2Verify, hashPassword, verifyPassword } from '@/lib/auth/password';
import { formats } from '@/lib/formats';
import { classArchive, type ClassArchiveInput } from '@/lib/formats/classArchive';
import { EXPORTED_AT, nonBmpDocument, smallMap } from '@/lib/formats/test-fixtures';
import { createWorkerPool } from './workerPool';
import { importFile } from './importFile';
import { importRequest } from './importRequest';
import { prepareDocument } from '@/lib/corpus/importText';
import { dictionaryLoadCount } from '@/lib/tokens/kuromoji';

const pool = createWorkerPool(2);
afterAll(() => pool.close());

describe('worker pool', () => {
  it('runs at most its size at once and queues the rest', async () => {
    const passwords = Array.from({ length: 6 }, (_, i) => `password number ${i}`);
    const running = passwords.map((p) => pool.run('hashPassword', p));
    expect(pool.stats()).toMatchObject({ running: 2, queued: 4 });
    const hashes = await Promise.all(running);
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0, maxRunning: 2 });
    // Hashed on the pool, verified on this thread (and the other way round): the same argon2id.
    for (const [i, hash] of hashes.entries()) {
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await argon2Verify(passwords[i], hash)).toBe(true);
      expect(await argon2Verify(passwords[(i + 1) % 6], hash)).toBe(false);
    }
    const local = await argon2Hash('hashed here');
    expect(await pool.run('verifyPassword', { password: 'hashed here', phc: local })).toBe(true);
    expect(await pool.run('verifyPassword', { password: 'hashed there', phc: local })).toBe(false);
  });

  it('is what hashPassword and verifyPassword use', async () => {
    const hash = await hashPassword('パスワード です');
    expect(await verifyPassword('パスワード です', hash)).toBe(true);
    expect(await argon2Verify('パスワード です', hash)).toBe(true);
  });

  it('gives a failing task back as an error with its message, and goes on working', async () => {
    await expect(pool.run('hashPassword', '')).rejects.toThrow(/password/i);
    expect(await pool.run('verifyPassword', { password: 'x', phc: 'not a hash' })).toBe(false);
  });

  it("takes an import request's body as bytes, handed over, and answers as importRequest does here", async () => {
    const annotated = smallMap();
    const [file] = formats.json.files(annotated, { exportedAt: EXPORTED_AT });
    const boundaries = [...Array(annotated.document.text.length + 1).keys()];
    const options = { document: annotated.document, labels: annotated.labels, boundaries };
    const body = (json: unknown) => new TextEncoder().encode(JSON.stringify(json));
    const request = { fileName: 'small.argmap.json', content: String(file.content), baseVersion: 1, accept: true };

    const sent = body(request);
    const there = await pool.run('importRequest', { body: sent, options }, [sent.buffer]);
    // Transferred, not copied: the route's copy is gone, the worker parsed the only one.
    expect(sent.byteLength).toBe(0);
    expect(there).toEqual(importRequest({ body: body(request), options }));
    expect(there.kind).toBe('write');

    // And a refusal the same way too.
    const broken = body({ ...request, content: '{"format":' });
    expect(await pool.run('importRequest', { body: broken, options })).toEqual(importRequest({ body: broken, options }));
  });

  it('prepares a text import as prepareDocument does here, loading the dictionary in the worker only', async () => {
    const input = { source: '𠮷野家の𩸽は安い。\nだから、皆が食べる。', reflow: 'auto' as const };
    const there = await pool.run('prepareDocument', input);
    expect(dictionaryLoadCount()).toBe(0);
    expect(there).toEqual(await prepareDocument(input));
    expect(JSON.parse(there.tokensJson).map((t: { surface: string }) => t.surface).join('')).toBe(there.canonicalText);
  });

  it('zips a class export to the same bytes as classArchive on this thread', async () => {
    const map = smallMap();
    const input: ClassArchiveInput = {
      format: 'json',
      exportedAt: EXPORTED_AT,
      assignment: { id: 'a1', title: '第1回', courseId: 'c1', dueAt: null },
      document: { id: map.document.id, title: map.document.title, textSha256: map.document.textSha256 },
      students: [{ userId: 's1', name: 'aki', displayName: 'あき', mapId: 'm1', submittedAt: null, map }],
      reference: null,
    };
    expect(await pool.run('classArchive', input)).toEqual(classArchive(input));
  });
});

describe('importFile', () => {
  it('refuses a map past the size limits before anything is stored, naming the limit', () => {
    const { document, boundaries } = nonBmpDocument();
    const base = smallMap();
    const units = Array.from({ length: 20_001 }, (_, i) => ({ id: `u${i}`, label: 'claim', start: boundaries[i % 50], end: boundaries[(i % 50) + 1], note: '' }));
    const [file] = formats.json.files({ ...base, document, map: { units, relations: [], mainClaimId: null }, comments: [] }, { exportedAt: EXPORTED_AT });
    const result = importFile({ fileName: 'huge.argmap.json', content: String(file.content), options: { format: 'json', document, labels: base.labels, boundaries } });
    expect(result).toEqual({ ok: false, errors: [{ at: 'huge.argmap.json', message: 'the map has 20,001 units; the limit is 20,000', code: 'tooManyUnits', params: { count: '20,001', max: '20,000' } }] });
  });
});
