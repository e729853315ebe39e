// `npm run bench`: prints the performance figures the issues set targets for. Figures only —
// tests never assert on time. Page and storm figures need a production build (`npx next build`).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { canonicalize } from '@/lib/text';
import { tokenize, dictionaryLoadCount } from '@/lib/tokens/kuromoji';
import { editorFigures, mapFigures } from './editor';
import { layoutFigures } from './layout';
import { bigDocumentSection } from './bigDocument';
import { stormFigures } from './storm';
import { suggestionFigures } from './suggestions';

const root = process.cwd();
const essaySource = fs.readFileSync(path.join(root, 'corpus/russia-diplomacy-2020.source.txt'), 'utf8');

const rows: Array<[string, string, string]> = [];
const report = (name: string, value: string, target = '') => {
  rows.push([name, value, target]);
  console.log(`${name.padEnd(46)} ${value.padStart(16)}  ${target}`);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function tokenizerFigures() {
  const essay = canonicalize(essaySource).text;
  let t0 = performance.now();
  await tokenize('辞書');
  report('dictionary load (first tokenize)', `${(performance.now() - t0).toFixed(0)} ms`);

  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    await tokenize(essay);
    runs.push(performance.now() - t0);
  }
  report(`tokenize essay (${essay.length} chars)`, `${Math.round(essay.length / (median(runs) / 1000)).toLocaleString('en')} chars/s`);

  let big = '';
  while (big.length < 100_000) big += `${essay.slice(0, 2000)}𠮷\n`;
  big = big.slice(0, 100_000);
  t0 = performance.now();
  await tokenize(big);
  const ms = performance.now() - t0;
  report('tokenize 100,000 chars', `${Math.round(100_000 / (ms / 1000)).toLocaleString('en')} chars/s`, `(${ms.toFixed(0)} ms)`);
  report('dictionary loads in this process', String(dictionaryLoadCount()), 'target: 1');
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function pageFigures() {
  if (!fs.existsSync(path.join(root, '.next/BUILD_ID'))) {
    console.log('(no production build: run `npx next build` for the page figures)');
    return;
  }
  const port = 3190;
  const server = spawn('bash', ['scripts/e2e-server.sh', String(port)], {
    env: { ...process.env, E2E_DB: 'bench' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`, 120_000);
    const url = `${base}/documents/russia-diplomacy-2020`;
    await fetch(url); // warm the route
    const times: number[] = [];
    let html = '';
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const r = await fetch(url);
      html = await r.text();
      times.push(performance.now() - t0);
    }
    report('essay page server time (median of 20)', `${median(times).toFixed(1)} ms`);
    report('essay page HTML (gzipped)', `${(gzipSync(html).length / 1024).toFixed(1)} KB`);

    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    let gz = 0;
    for (const src of new Set(scripts)) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      gz += gzipSync(body).length;
    }
    report('essay page JavaScript (gzipped)', `${(gz / 1024).toFixed(1)} KB`, 'target: < 300 KB');
    const health = (await (await fetch(`${base}/api/health`)).json()) as { dictionaryLoaded: boolean };
    report('dictionary loaded by page views', String(health.dictionaryLoaded), 'target: false');
    const essayTokens = await tokenize(canonicalize(essaySource).text);
    await editorFigures(base, 'russia-diplomacy-2020', essayTokens, { report });
    await mapFigures(base, 'russia-diplomacy-2020', essayTokens, { report });
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
  }
}

async function main() {
  console.log(`Ronten bench — node ${process.version}, ${new Date().toISOString()}\n`);
  await tokenizerFigures();
  await suggestionFigures(root, report);
  await layoutFigures(report);
  await pageFigures();
  if (fs.existsSync(path.join(root, '.next/BUILD_ID'))) await bigDocumentSection(root, essaySource, report);
  console.log('\nStorm (issue 12): a class saving against the production build — settings in bench/storm/index.ts');
  await stormFigures(report);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
