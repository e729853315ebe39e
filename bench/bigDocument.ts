// The big-document figures (issue 12, item 3): what one view of a 1 MiB text costs the server
// — time per view, server CPU per view, the page's HTML and the text's own response — and the
// server's memory while 16 students open it at once. Figures only: nothing here asserts.
//
// A view is what a browser fetches for the document: the page, then the document's content
// (text, blocks and token boundaries: /api/documents/:id/content), whose address the page
// names. Server CPU and memory are read from /proc for the server's whole process tree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { bigDocumentPageFigures } from './bigDocumentPage';

export interface BigDocumentFigures {
  /// Median wall-clock milliseconds of a view (page + content), one at a time.
  viewMs: number;
  /// Server CPU milliseconds per view (user + system, whole process tree), over the sequential views.
  cpuMsPerView: number;
  /// Bytes of the page's HTML, and of the content response (0 when the page inlines everything).
  htmlBytes: number;
  contentBytes: number;
  /// Peak resident memory of the server's process tree while 16 views run at once, in bytes.
  peakRss16: number;
  /// Wall-clock milliseconds for the 16 concurrent views to finish.
  concurrentMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux.

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(name)]);
    } catch {}
  }
  return byParent;
}

function tree(pid: number): number[] {
  const byParent = children();
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of byParent.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/// CPU milliseconds (user + system) and resident bytes of the process tree under pid.
export function treeUsage(pid: number): { cpuMs: number; rss: number } {
  let cpuMs = 0;
  let rss = 0;
  for (const p of tree(pid)) {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      cpuMs += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      rss += Number(fields[21]) * 4096;
    } catch {}
  }
  return { cpuMs, rss };
}

/// The address of the document content a page names (its preload link), or null when the page
/// inlines everything (a build from before the content route).
export function contentAddress(html: string): string | null {
  return html.match(/\/api\/documents\/[^"\\]+\/content[^"\\]*/)?.[0].replaceAll('&amp;', '&') ?? null;
}

/// Fetches one view: the page, then the content it names. Returns both bodies' sizes.
async function view(base: string, documentId: string): Promise<{ html: number; content: number }> {
  const page = await fetch(`${base}/documents/${encodeURIComponent(documentId)}`);
  if (!page.ok) throw new Error(`page answered ${page.status}`);
  const html = await page.text();
  const src = contentAddress(html);
  const content = src ? (await (await fetch(new URL(src, base))).arrayBuffer()).byteLength : 0;
  return { html: Buffer.byteLength(html), content };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/// Measures views of `documentId` on the server at `base`, whose process (tree) is `serverPid`.
export async function bigDocumentFigures(base: string, documentId: string, serverPid: number, views = 8): Promise<BigDocumentFigures> {
  let sizes = await view(base, documentId); // warm the route (and any cache)
  const times: number[] = [];
  const cpu0 = treeUsage(serverPid).cpuMs;
  for (let i = 0; i < views; i++) {
    const t0 = performance.now();
    sizes = await view(base, documentId);
    times.push(performance.now() - t0);
  }
  const cpuMsPerView = (treeUsage(serverPid).cpuMs - cpu0) / views;

  let peakRss16 = treeUsage(serverPid).rss;
  const sampler = setInterval(() => {
    peakRss16 = Math.max(peakRss16, treeUsage(serverPid).rss);
  }, 25);
  const t0 = performance.now();
  try {
    await Promise.all(Array.from({ length: 16 }, () => view(base, documentId)));
  } finally {
    clearInterval(sampler);
  }
  const concurrentMs = performance.now() - t0;
  peakRss16 = Math.max(peakRss16, treeUsage(serverPid).rss);
  return { viewMs: median(times), cpuMsPerView, htmlBytes: sizes.html, contentBytes: sizes.content, peakRss16, concurrentMs };
}

/// The corpus essay repeated, each copy with its own heading and a few lines varied, up to just
/// under `bytes` of UTF-8 (the CLI's import limit is 1 MiB).
export function bigText(essay: string, bytes = 1024 * 1024 - 64): string {
  const lines = essay.replace(/\r/g, '').split('\n');
  let out = '';
  for (let copy = 1; ; copy++) {
    let part = `第${copy}部　ロシア外交の再読（${copy}回目）\n`;
    lines.forEach((line, i) => {
      part += `${i % 7 === copy % 7 && line.trim() ? `${line}（注${copy}-${i}）` : line}\n`;
    });
    if (Buffer.byteLength(out + part) > bytes) return out;
    out += part;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
  return result.stdout;
}

/// The bench section: imports a 1 MiB text into data/bench-big.sqlite (once: kept between runs,
/// the tokenizer takes a minute or two), serves the production build on `port` and reports.
export async function bigDocumentSection(root: string, essay: string, report: (name: string, value: string, target?: string) => void, port = 3192) {
  const dbFile = path.join(root, 'data/bench-big.sqlite');
  const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
  run('node', ['--import', 'tsx', 'scripts/cli.ts', 'migrate'], env);
  let id = run('node', ['--import', 'tsx', 'scripts/cli.ts', 'docs'], env).split('\n').find((l) => l.includes('\t1 MiB bench\t'))?.split('\t')[0];
  if (!id) {
    const file = path.join(os.tmpdir(), `ronten-bench-big-${process.pid}.txt`);
    fs.writeFileSync(file, bigText(essay));
    id = run('node', ['--import', 'tsx', 'scripts/cli.ts', 'import-text', file, '--title', '1 MiB bench'], env).trim();
    fs.rmSync(file);
  }
  const server = spawn(process.execPath, ['scripts/server.mjs', '--host', '127.0.0.1', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const base = `http://127.0.0.1:${port}`;
  try {
    const until = Date.now() + 120_000;
    while (!(await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) {
      if (Date.now() > until) throw new Error(`${base} did not come up`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const f = await bigDocumentFigures(base, id, server.pid!);
    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    report('1 MiB document: view (page + content), median', `${f.viewMs.toFixed(0)} ms`, 'target: < 300 ms');
    report('1 MiB document: server CPU per view', `${f.cpuMsPerView.toFixed(0)} ms`, 'target: < 300 ms');
    report('1 MiB document: page HTML', mb(f.htmlBytes), 'target: < 1 MB');
    report('1 MiB document: content response (text + boundaries)', mb(f.contentBytes));
    report('1 MiB document: server RSS, 16 concurrent views', `${(f.peakRss16 / 2 ** 20).toFixed(0)} MiB`, 'target: < 500 MB');
    report('1 MiB document: 16 concurrent views took', `${f.concurrentMs.toFixed(0)} ms`);
    await bigDocumentPageFigures(`${base}/documents/${id}`, report);
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
  }
}
