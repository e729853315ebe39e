'use client';
// The class heat map of an assignment: the essay with, for the chosen label, every passage
// tinted by how many students marked it with that label (lib/agreement/heat.ts computes the
// runs on the server; this only draws them). Read-only, so the text is plain <span>s per run —
// a few hundred elements for the 12,000-character essay, no editor, no tokenizer. Hovering or
// focusing a tinted passage says the count in a live region. The passages are ONE tab stop
// (a roving tabindex): Tab enters at the last one visited, the arrow keys (and Home/End) move
// between them — hundreds of tab stops would stand between a keyboard user and the rest.
import { useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { HeatRun } from '@/lib/agreement/heat';
import { heatBucket, heatLegend } from '@/lib/agreement/heat';
import type { Block } from '@/lib/text/types';
import { useLocale, useT } from '../I18nProvider';
import { labelClass, type LabelInfo } from '../annotate/labels';

interface Props {
  text: string;
  blocks: Block[];
  labels: LabelInfo[];
  /// Per label id, the runs (count ≥ 1) in text order.
  runs: Record<string, HeatRun[]>;
  /// Students with a map: the counts are out of this.
  total: number;
  /// What has no place in the text, counted beside it (lib/agreement/heat.ts): per label, the
  /// students with an implicit unit of it; the students who undercut an inference.
  implicitByLabel?: Record<string, number>;
  undercutting?: number;
  /// The text's language (its lang attribute).
  language?: string;
}

export const HEAT_BUCKETS = 5;
// Tint per bucket, as a share of the label's colour (globals.css .label-slot-*: --unit, or
// --unit-heat where the colour itself is too dark under black text).
const TINT = [0, 14, 28, 42, 58, 74];

function tint(bucket: number): React.CSSProperties | undefined {
  if (bucket === 0) return undefined;
  // Text stays dark: over the white page even the top tint of every label colour keeps black
  // text above 4.5:1, white text would not.
  return { backgroundColor: `color-mix(in srgb, var(--unit-heat, var(--unit, #57534e)) ${TINT[bucket]}%, transparent)` };
}

interface Segment {
  start: number;
  end: number;
  count: number;
}

/// The block's text cut at the runs that fall in it (count 0 between them).
function segmentsOf(block: Block, runs: readonly HeatRun[]): Segment[] {
  const out: Segment[] = [];
  let at = block.start;
  for (const r of runs) {
    if (r.end <= block.start || r.start >= block.end) continue;
    const start = Math.max(r.start, block.start);
    const end = Math.min(r.end, block.end);
    if (start > at) out.push({ start: at, end: start, count: 0 });
    out.push({ start, end, count: r.count });
    at = end;
  }
  if (at < block.end) out.push({ start: at, end: block.end, count: 0 });
  return out;
}

const NEXT: Record<string, 1 | -1 | 'first' | 'last'> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 'first', End: 'last' };

export function HeatmapView({ text, blocks, labels, runs, total, implicitByLabel = {}, undercutting = 0, language = 'ja' }: Props) {
  const t = useT();
  const regionRef = useRef<HTMLDivElement>(null);
  /// The start offset of the passage that holds the tab stop (the first one until one is visited).
  const [active, setActive] = useState<number | null>(null);
  const locale = useLocale();
  const [label, setLabel] = useState(labels[0]?.id ?? '');
  const [status, setStatus] = useState('');
  const labelName = (id: string) => labels.find((l) => l.id === id)?.[locale] ?? id;
  const current = runs[label] ?? [];
  const paragraphs = useMemo(() => blocks.map((b) => ({ block: b, segments: segmentsOf(b, current) })), [blocks, current]);
  const legend = heatLegend(total, HEAT_BUCKETS);
  const people = (from: number, to: number) => (from === to ? t('review.heatOne', { n: from }) : t('review.heatRange', { from, to }));

  const tinted = useMemo(() => paragraphs.flatMap((p) => p.segments.filter((s) => s.count > 0).map((s) => s.start)), [paragraphs]);
  const tabStop = active !== null && tinted.includes(active) ? active : (tinted[0] ?? null);
  const move = (e: KeyboardEvent) => {
    const step = NEXT[e.key];
    const passages = regionRef.current ? [...regionRef.current.querySelectorAll<HTMLElement>('[data-count]')] : [];
    const at = passages.indexOf(e.target as HTMLElement);
    if (step === undefined || at < 0) return;
    e.preventDefault();
    const next = step === 'first' ? 0 : step === 'last' ? passages.length - 1 : Math.min(passages.length - 1, Math.max(0, at + step));
    passages[next].focus();
  };

  const tell = (e: SyntheticEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-count]');
    if (!el) return;
    if (e.type === 'focus') setActive(Number(el.dataset.start));
    const start = Number(el.dataset.start);
    const end = Number(el.dataset.end);
    const quote = [...text.slice(start, end)];
    setStatus(
      t('review.heatStatus', {
        quote: quote.length > 30 ? `${quote.slice(0, 29).join('')}…` : quote.join(''),
        n: Number(el.dataset.count),
        total,
        label: labelName(label),
      }),
    );
  };

  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1" data-testid="heat-labels">
        <legend className="mb-1 text-sm font-semibold">{t('review.heatLabel')}</legend>
        {labels.map((l) => (
          <label key={l.id} className={`${labelClass(labels, l.id)} flex cursor-pointer items-center gap-1.5 text-sm`}>
            <input
              type="radio"
              name="heat-label"
              value={l.id}
              checked={label === l.id}
              onChange={() => {
                setLabel(l.id);
                setStatus('');
              }}
            />
            <span className="label-chip">{l[locale]}</span>
          </label>
        ))}
      </fieldset>

      <div className={`${labelClass(labels, label)} flex flex-wrap items-center gap-3 text-sm`} role="group" aria-label={t('review.heatLegend')} data-testid="heat-legend">
        <span className="font-semibold">{t('review.heatLegend')}</span>
        {legend.map((b) => (
          <span key={b.bucket} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border border-stone-300" style={tint(b.bucket)} />
            {people(b.from, b.to)}
          </span>
        ))}
      </div>

      <p className="text-sm text-stone-600">{total === 0 ? t('review.heatNoMaps') : t('review.heatHint')}</p>
      {((implicitByLabel[label] ?? 0) > 0 || undercutting > 0) && (
        <ul className="text-sm" data-testid="heat-beside">
          {(implicitByLabel[label] ?? 0) > 0 && <li>{t('review.heatImplicit', { n: implicitByLabel[label], total, label: labelName(label) })}</li>}
          {undercutting > 0 && <li>{t('review.heatUndercut', { n: undercutting, total })}</li>}
        </ul>
      )}
      <p aria-live="polite" className="min-h-6 text-sm font-medium" data-testid="heat-status">
        {status}
      </p>

      <div
        ref={regionRef}
        lang={language}
        className={`essay ${labelClass(labels, label)}`}
        role="region"
        aria-label={t('review.heatText')}
        data-testid="heatmap"
        data-label={label}
        onMouseOver={tell}
        onFocus={tell}
        onKeyDown={move}
      >
        {paragraphs.map(({ block, segments }) => {
          // <p> for the essay's heading too: the page's outline is the page's, not the essay's.
          return (
            <p key={block.start} className={block.kind === 'heading' ? 'essay-heading' : 'essay-paragraph'}>
              {segments.map((s) =>
                s.count === 0 ? (
                  <span key={s.start}>{text.slice(s.start, s.end)}</span>
                ) : (
                  <span
                    key={s.start}
                    tabIndex={s.start === tabStop ? 0 : -1}
                    data-count={s.count}
                    data-start={s.start}
                    data-end={s.end}
                    title={t('review.heatOne', { n: `${s.count}/${total}` })}
                    className="rounded-sm focus:outline-2 focus:outline-sky-700"
                    style={tint(heatBucket(s.count, total, HEAT_BUCKETS))}
                  >
                    {text.slice(s.start, s.end)}
                  </span>
                ),
              )}
            </p>
          );
        })}
      </div>
    </div>
  );
}
