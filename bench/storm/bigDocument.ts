// Figure (d): a 1 MiB text (the CLI's limit) — server time per page view, its HTML, and the
// server's memory with 16 views at once. Measured only; making such pages cheap is not the
// storm's business.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, sleep, type Client } from './http';
import type { Server } from './server';
import { contentAddress } from '../bigDocument';

const MIB = 1024 * 1024;

/// Imports a text of just under 1 MiB (the essay, repeated) with the CLI; returns its id.
export function importBigDocument(url: string): string {
  const essay = fs.readFileSync(path.join('corpus', 'russia-diplomacy-2020.source.txt'), 'utf8');
  let text = '';
  while (Buffer.byteLength(text) + Buffer.byteLength(essay) + 2 < MIB) text += `${essay}\n\n`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ronten-storm-')), 'big.txt');
  fs.writeFileSync(file, text);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'import-text', file, '--title', '1 MiB'], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (r.status !== 0) throw new Error('importing the 1 MiB text failed');
  return r.stdout.trim().split('\n').pop()!.trim();
}

export interface BigDocumentFigures {
  viewMs: number;
  htmlBytes: number;
  status: number;
  peakRssMb: number;
  /// The server's RSS just before the 16 views (what the storm before them left).
  rssBeforeMb: number;
  concurrentMs: number;
}

export async function bigDocumentViews(client: Client, server: Server, documentId: string, cookie: string): Promise<BigDocumentFigures> {
  const page = `/documents/${encodeURIComponent(documentId)}`;
  // A view is what a browser fetches: the page, then the content it names (bench/bigDocument.ts).
  const view = async () => {
    const html = await client.request('GET', page, undefined, { cookie });
    const src = contentAddress(html.body);
    const content = src ? await client.request('GET', src, undefined, { cookie }) : null;
    return { status: content && content.status !== 200 ? content.status : html.status, ms: html.ms + (content?.ms ?? 0), htmlBytes: Buffer.byteLength(html.body) };
  };
  const times: number[] = [];
  let last = await view();
  for (let i = 0; i < 3; i++) {
    last = await view();
    times.push(last.ms);
  }
  const rssBeforeMb = server.rssMb();
  let peak = rssBeforeMb;
  let running = true;
  const sampling = (async () => {
    while (running) {
      peak = Math.max(peak, server.rssMb());
      await sleep(100);
    }
  })();
  const concurrent = await Promise.all(Array.from({ length: 16 }, view));
  running = false;
  await sampling;
  return {
    viewMs: percentile(times, 50),
    htmlBytes: last.htmlBytes,
    status: last.status,
    peakRssMb: peak,
    rssBeforeMb,
    concurrentMs: Math.max(...concurrent.map((a) => a.ms)),
  };
}
