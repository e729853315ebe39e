// A class heat map of one text: for each label, how many of the maps mark each passage with
// that label — what the review page paints, darker where more students agree. Pure.
//
// Definitions:
// - The text is cut into the tokens given (non-overlapping spans, e.g. the document's stored
//   tokens, which run contiguously over the whole text; codePointTokens without a tokenizer).
// - count(L, token) = the number of MAPS having at least one unit labelled L that covers the
//   whole token (start ≤ token.start and token.end ≤ end). A map counts once however many of
//   its L-units cover the token (nested or overlapping claims are one student's claim), so
//   0 ≤ count ≤ maps.length. Unlike tokenLevelAlpha, every label covering a token counts, not
//   only the innermost: a heat map per label answers "who called this text a claim", and an
//   evidence nested in a claim is still inside that student's claim.
// - Only units of the text are painted: an implicit unit (a reconstructed premise,
//   lib/argument/types) has no span, and relations (linked arguments, undercutters) are not over
//   text at all. They are counted beside the painting instead, in the same terms (maps, each
//   once): implicitByLabel[L] = the number of maps with at least one implicit unit labelled L
//   (how many students reconstructed an unstated L), undercutting = the number of maps with at
//   least one undercutter (a relation aimed at a relation: attacking an inference).
//   The per-student counts (classAgreement.ts, the dashboard) include both as well.
// - Runs: maximal sequences of consecutive tokens with the same non-zero count, where each
//   token starts where the previous one ends. Only non-zero runs are listed, in text order
//   (text outside every run has count 0). Offsets are the tokens' (UTF-16 code units).
// - Buckets: the painter shows a handful of intensities, not N. heatBucket maps a count to
//   0 (nobody) … `buckets` by the share of maps: ceil(count / total · buckets), so any count > 0
//   is at least bucket 1 (a passage one student marked never looks blank) and count = total is
//   always the top bucket. heatLegend lists which counts fall in which bucket.

import { isImplicit, textUnits, type ArgumentMap } from '@/lib/argument/types';
import { orderLabels } from './compare';
import { lowerBound, upperBound } from './bounds';
import type { TokenSpan } from './tokenAlpha';

export interface HeatRun {
  start: number;
  end: number;
  /// How many maps mark this passage with the label (≥ 1).
  count: number;
}

export interface Heat {
  /// How many maps the counts are out of.
  maps: number;
  /// Per label, the runs in text order.
  byLabel: Record<string, HeatRun[]>;
  /// Per label, how many maps have an implicit unit with it (see the header).
  implicitByLabel: Record<string, number>;
  /// How many maps have an undercutter.
  undercutting: number;
}

/// The heat map of `maps` over `tokens` (see the header). `labels`: the labels to report
/// (default: every label some unit uses, default scheme first); a label nobody used has [].
export function heatRuns(maps: readonly Pick<ArgumentMap, 'units' | 'relations'>[], tokens: readonly TokenSpan[], labels?: readonly string[]): Heat {
  const sorted = [...tokens].sort((a, b) => a.start - b.start || a.end - b.end);
  const starts = sorted.map((t) => t.start);
  const ends = sorted.map((t) => t.end);
  const wanted = labels ?? orderLabels(maps.flatMap((m) => m.units.map((u) => u.label)));
  const byLabel: Record<string, HeatRun[]> = {};
  for (const label of wanted) {
    // diff[k] += 1 where one map's covered stretch of tokens begins, −1 after it ends.
    const diff = new Int32Array(sorted.length + 1);
    for (const map of maps) {
      const stretches: Array<[number, number]> = [];
      for (const u of textUnits(map.units)) {
        if (u.label !== label) continue;
        const first = lowerBound(starts, u.start); // first token starting at or after u.start
        const after = upperBound(ends, u.end); // tokens ending at or before u.end (ends are sorted too)
        if (first < after) stretches.push([first, after]);
      }
      // Union of the map's stretches, so the map counts once per token.
      stretches.sort((a, b) => a[0] - b[0]);
      let open: [number, number] | null = null;
      for (const s of stretches) {
        if (open && s[0] <= open[1]) open[1] = Math.max(open[1], s[1]);
        else {
          if (open) mark(diff, open);
          open = [s[0], s[1]];
        }
      }
      if (open) mark(diff, open);
    }
    const runs: HeatRun[] = [];
    let count = 0;
    for (let k = 0; k < sorted.length; k++) {
      count += diff[k];
      if (count === 0) continue;
      const t = sorted[k];
      const last = runs[runs.length - 1];
      if (last && last.count === count && last.end === t.start) last.end = t.end;
      else runs.push({ start: t.start, end: t.end, count });
    }
    byLabel[label] = runs;
  }
  const implicitByLabel: Record<string, number> = {};
  for (const label of wanted) implicitByLabel[label] = maps.filter((m) => m.units.some((u) => isImplicit(u) && u.label === label)).length;
  const undercutting = maps.filter((m) => {
    const relationIds = new Set(m.relations.map((r) => r.id));
    return m.relations.some((r) => relationIds.has(r.to));
  }).length;
  return { maps: maps.length, byLabel, implicitByLabel, undercutting };
}

/// The intensity bucket 0 … `buckets` of `count` out of `total` maps (see the header).
export function heatBucket(count: number, total: number, buckets: number): number {
  if (count <= 0 || total <= 0) return 0;
  return Math.min(buckets, Math.max(1, Math.ceil((count / total) * buckets)));
}

/// For the legend: each bucket that some count 0 … total falls in, with the counts in it.
export function heatLegend(total: number, buckets: number): Array<{ bucket: number; from: number; to: number }> {
  const legend: Array<{ bucket: number; from: number; to: number }> = [];
  for (let count = 0; count <= Math.max(0, total); count++) {
    const bucket = heatBucket(count, total, buckets);
    const last = legend[legend.length - 1];
    if (last && last.bucket === bucket) last.to = count;
    else legend.push({ bucket, from: count, to: count });
  }
  return legend;
}

function mark(diff: Int32Array, [first, after]: [number, number]) {
  diff[first] += 1;
  diff[after] -= 1;
}
