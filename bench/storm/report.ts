// Prints the storm's figures beside issue 12's targets. Figures only: nothing here fails.
import { percentile, statusCounts } from './http';
import type { BigDocumentFigures } from './bigDocument';
import type { BadInputAnswer } from './badInputs';
import { describeStolen } from './machine';
import type { Latencies, PaceFigures } from './scenarios';

export type Report = (name: string, value: string, target?: string) => void;

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
/// The target text, then what the host stole from the phases behind the figure (if measured).
const noting = (text: string, ...phases: Latencies[]) => [text, describeStolen(phases.map((p) => p.stolen))].filter(Boolean).join('; ');

export function reportFloor(report: Report, db: string, f: Latencies, concurrency: number) {
  report(`[${db}] floor: /api/health at ${concurrency} clients`, `${f.perSecond.toFixed(0)} req/s`, noting(`p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, server CPU ${ms(f.cpuPerRequest)}/req`, f));
}

export function reportSaturated(report: Report, db: string, s: Latencies, floor: Latencies) {
  const ratio = s.perSecond / floor.perSecond;
  report(`[${db}] (a) saturated: acknowledged batches/s`, `${s.perSecond.toFixed(0)} /s`, `${ratio.toFixed(2)}× floor (target ≥ 0.6×)`);
  report(`[${db}] (a) saturated: p50 / p95 / p99`, `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`, `p99 = ${(s.p99 / s.p50).toFixed(1)}× p50 (target ≤ 3×)`);
  report(`[${db}] (a) saturated: server CPU per batch`, ms(s.cpuPerRequest), noting(`answers ${statusCounts(s.statuses)}`, s));
}

export function reportPace(report: Report, db: string, p: PaceFigures) {
  report(`[${db}] (b) class pace: p50 / p99`, `${ms(p.savers.p50)} / ${ms(p.savers.p99)}`, noting(`target p99 < 100 ms; ${statusCounts(p.savers.statuses)}`, p.savers));
  report(`[${db}] (c) health probe worst, during (b)`, ms(p.probeWorst), `target < 100 ms (${p.probeCount} probes)`);
}

export function reportBadInputs(report: Report, db: string, p: PaceFigures, answers: BadInputAnswer[]) {
  report(`[${db}] (c) health probe worst, bad inputs sent`, ms(p.probeWorst), noting(`target < 100 ms; savers p99 ${ms(p.savers.p99)}`, p.savers));
  for (const a of answers) report(`[${db}]     ${a.name}`, `HTTP ${a.status}`, `answered in ${ms(a.ms)}`);
}

/// (e): the savers' p95 under the flood against without it, each pooled over the alternated
/// rounds, and each round's own ratio (how much one phase's p95 moves).
export function reportSignInFlood(report: Report, db: string, flooded: PaceFigures[], without: PaceFigures[], signIns: number[]) {
  const pooled = (phases: PaceFigures[]) => percentile(phases.flatMap((p) => p.ms), 95);
  const [withFlood, withoutFlood] = [pooled(flooded), pooled(without)];
  const rounds = flooded.map((f, i) => (f.savers.p95 / without[i].savers.p95).toFixed(1)).join(', ');
  report(
    `[${db}] (e) sign-in flood: savers' p95`,
    ms(withFlood),
    noting(
      `${(withFlood / withoutFlood).toFixed(1)}× without (${ms(withoutFlood)}; target ≤ 2×), ${flooded.length} rounds pooled (each: ${rounds}×); sign-ins ${statusCounts(signIns)}`,
      ...[...flooded, ...without].map((p) => p.savers),
    ),
  );
}

export function reportBigDocument(report: Report, db: string, d: BigDocumentFigures) {
  report(`[${db}] (d) 1 MiB document: server time per view`, ms(d.viewMs), `target < 300 ms (HTTP ${d.status})`);
  report(`[${db}] (d) 1 MiB document: HTML`, `${(d.htmlBytes / 2 ** 20).toFixed(2)} MB`, 'target < 1 MB');
  report(`[${db}] (d) 16 concurrent views: peak RSS`, `${d.peakRssMb.toFixed(0)} MB`, `target < 500 MB; ${d.rssBeforeMb.toFixed(0)} MB before them; slowest view ${ms(d.concurrentMs)}`);
}
