// The API's refusals reach the client as reason codes it words in the UI's language, never as
// English details inside the Japanese UI: every 404 names what was not found as a code, and
// every refusal a route or the shared plumbing raises carries a code (or a `reason` its one
// client words, as the majority reference's). The codes' words are checked in
// components/useJsonRequest.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@/lib/db';
import { catalog, format } from '@/lib/i18n/messages';
import { notFoundReason } from '@/lib/net/requestReasons';
import { wordedError } from '@/components/useJsonRequest';
import { handle, notFound } from './http';

const ja = (key: Parameters<typeof format>[1], params?: Record<string, string | number>) => format(catalog.ja, key, params);

function sources(dirs: string[]): Array<{ file: string; source: string }> {
  const out: Array<{ file: string; source: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push({ file: path.relative(process.cwd(), file), source: fs.readFileSync(file, 'utf8') });
    }
  };
  for (const dir of dirs) walk(path.join(process.cwd(), dir));
  return out;
}

/// The text of each `new HttpError(…)` call (parentheses counted; strings here keep theirs balanced).
function httpErrorCalls(source: string): string[] {
  const calls: string[] = [];
  for (let at = source.indexOf('new HttpError('); at >= 0; at = source.indexOf('new HttpError(', at + 1)) {
    let depth = 0;
    let end = at + 'new HttpError'.length;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    calls.push(source.slice(at, end + 1));
  }
  return calls;
}

describe('404s name what was not found as a code', () => {
  const entities = new Set(sources(['lib/db', 'lib/auth']).flatMap(({ source }) => [...source.matchAll(/new NotFoundError\('([^']+)'/g)].map((m) => m[1])));

  it('finds the storage layer’s entities', () => {
    expect([...entities]).toEqual(expect.arrayContaining(['user', 'document', 'argument map', 'label scheme', 'course', 'assignment', 'comment']));
  });

  it.each([...entities])('%s', async (entity) => {
    expect(notFoundReason(entity, 'x').code).not.toBe('notFound.thing');
    const res = await handle(new Request('http://localhost/api/x'), async () => {
      throw new NotFoundError(entity, 'm1');
    });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body).toMatchObject({ code: notFoundReason(entity, 'm1').code, params: { id: 'm1' } });
    expect(wordedError(ja, body)).toMatch(/「m1」が見つかりません$/);
  });

  it('a route’s own 404 says the same', async () => {
    const res = await handle(new Request('http://localhost/api/x'), async () => {
      throw notFound('argument map', 'm1');
    });
    expect(await res.json()).toEqual({ error: 'argument map "m1" not found', code: 'notFound.map', params: { id: 'm1' } });
  });
});

describe('every refusal a route raises carries a reason code', () => {
  const calls = sources(['app/api', 'app/_shared', 'lib/server']).flatMap(({ file, source }) => httpErrorCalls(source).map((call) => ({ file, call })));

  it('finds the routes’ refusals', () => {
    expect(calls.length).toBeGreaterThan(30);
  });

  it.each(calls.map(({ file, call }) => [file, call.replace(/\s+/g, ' ').slice(0, 120), call] as const))('%s: %s', (_file, _short, call) => {
    const status = Number(/^new HttpError\((\d+)/.exec(call)?.[1] ?? NaN);
    // A 500 is the server's fault, worded by its status; the rest say why.
    if (status >= 500) return;
    // A code, the error's own code (coded), the body checks' reasons, or a reason its client words.
    expect(call).toMatch(/\bcode:|\bcoded\b|\.extra\b|\breason:|Reason\(/);
  });
});
