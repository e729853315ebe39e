// `npx tsx bench/bounded.ts URL DATABASE_URL`: how long the heaviest inputs of issue 12 stop a
// server. Against a production server in classroom mode on a fresh database (URL, e.g.
// http://127.0.0.1:3320, its DATABASE_URL given so the bench can read the document's token
// boundaries), it probes GET /api/health every 50 ms and reports the probe's worst latency while
// each of these is sent: a 10,000-relation addUnit, a 5,000-operation batch, a 20,000-unit
// import, 16 concurrent sign-ins. Figures only; the answers' statuses say what the server did.
import { performance } from 'node:perf_hooks';
import { documentContext, getDocumentText, getLabelScheme, openDb } from '@/lib/db';
import { formats } from '@/lib/formats';

const [base, databaseUrl] = process.argv.slice(2);
if (!base || !databaseUrl) throw new Error('usage: tsx bench/bounded.ts URL DATABASE_URL');
process.env.DATABASE_URL = databaseUrl;
const origin = { origin: base };
const DOC = 'russia-diplomacy-2020';

async function send(path: string, body: unknown, cookie = '') {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...origin }, body: JSON.stringify(body) });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', body: await res.json().catch(() => null) };
}

/// Runs `work` while probing /api/health every 50 ms; the worst probe latency.
async function probed(name: string, work: () => Promise<string>) {
  let stop = false;
  let worst = 0;
  let probes = 0;
  const probe = (async () => {
    while (!stop) {
      const t0 = performance.now();
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      worst = Math.max(worst, performance.now() - t0);
      probes++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  const outcome = await work();
  const took = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  stop = true;
  await probe;
  console.log(`${name.padEnd(34)} worst /api/health ${worst.toFixed(0).padStart(6)} ms  (${probes} probes; request ${took.toFixed(0)} ms: ${outcome})`);
}

async function main() {
  const admin = await send('/api/auth/signup', { name: 'admin', password: 'bench password 1' });
  if (admin.status !== 201) throw new Error(`sign-up: ${admin.status} ${JSON.stringify(admin.body)}`);
  for (let i = 0; i < 16; i++) await send('/api/auth/signup', { name: `student${i}`, password: 'bench password 1' });
  const cookie = admin.cookie;
  const mapRes = await fetch(`${base}/api/documents/${DOC}/map`, { headers: { cookie } });
  const { mapId } = (await mapRes.json()) as { mapId: string };
  const map = (await (await fetch(`${base}/api/maps/${mapId}`, { headers: { cookie } })).json()) as { version: number };

  const db = await openDb();
  const doc = (await getDocumentText(db, DOC))!;
  const scheme = (await getLabelScheme(db, 'default'))!;
  const ctx = await documentContext(db, DOC, scheme.id);
  const b = ctx.boundaries;
  const label = ctx.labels[0];
  const unit = (i: number) => ({ id: `u${i}`, label, start: b[i % (b.length - 1)], end: b[(i % (b.length - 1)) + 1], note: '' });

  await probed('batch of 5,000 addUnit operations', async () => {
    const operations = Array.from({ length: 5_000 }, (_, i) => ({ op: 'addUnit', unit: unit(i), relations: [], mainClaim: false }));
    const r = await send(`/api/maps/${mapId}/operations`, { batchId: 'bench-5000-operations', baseVersion: map.version, operations }, cookie);
    return String(r.status);
  });

  await probed('addUnit with 10,000 relations', async () => {
    // To the units of the batch before when it was applied (as the issue measured it), else to
    // units that are not there: either way the request is this big.
    const relations = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? { id: `r${i}`, type: 'support', from: 'hub', to: `u${i >> 1}`, note: '' } : { id: `r${i}`, type: 'attack', from: `u${i >> 1}`, to: 'hub', note: '' }));
    const current = (await (await fetch(`${base}/api/maps/${mapId}`, { headers: { cookie } })).json()) as { version: number };
    const r = await send(`/api/maps/${mapId}/operations`, { batchId: 'bench-hub-relations', baseVersion: current.version, operations: [{ op: 'addUnit', unit: { ...unit(0), id: 'hub', end: b[2] }, relations, mainClaim: false }] }, cookie);
    return String(r.status);
  });

  await probed('import of a 20,000-unit map', async () => {
    const current = (await (await fetch(`${base}/api/maps/${mapId}`, { headers: { cookie } })).json()) as { version: number };
    const units = Array.from({ length: 20_000 }, (_, i) => unit(i));
    const relations = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, type: 'support' as const, from: [`u${2 * i}`], to: `u${2 * i + 1}`, note: '' }));
    const [file] = formats.json.files({
      document: { id: doc.id, title: doc.title, language: doc.language, text: doc.canonical.text, textSha256: doc.canonical.sha256 },
      annotator: { id: 'admin', name: 'admin' },
      labels: scheme.labels.map((l) => ({ id: l.id, name: { ja: l.ja, en: l.en } })),
      map: { units, relations, mainClaimId: null },
      comments: [],
    });
    const content = String(file.content);
    const r = await send(`/api/maps/${mapId}/import`, { fileName: 'big.argmap.json', content, baseVersion: current.version, accept: true }, cookie);
    return `${r.status}, ${(content.length / 1e6).toFixed(1)} MB${r.body?.written ? ', written' : ''}`;
  });

  await probed('16 concurrent sign-ins', async () => {
    const all = await Promise.all(Array.from({ length: 16 }, (_, i) => send('/api/auth/signin', { name: `student${i}`, password: 'bench password 1' })));
    return all.map((r) => r.status).join(' ');
  });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
