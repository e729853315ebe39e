// A small horizontal bar chart as SVG: one bar per row (a student's F1, a label's alpha), from
// the zero line, so negative values (alpha below chance) point left. It is a picture
// (role="img") with an aria-label that states every value; the pages put the same numbers in a
// table beside it, which is what screen readers and copy-paste should use. No hooks, no state:
// usable from server and client components.

export interface Bar {
  key: string;
  label: string;
  /// null: undefined (drawn as "—", no bar).
  value: number | null;
}

interface Props {
  bars: readonly Bar[];
  /// The accessible name's first part, e.g. "Unit F1 (overlap) per student".
  title: string;
  /// The value axis; values outside are clamped. min < 0 draws a zero line inside.
  min?: number;
  max?: number;
  testId?: string;
}

const ROW = 22;
const LABEL_W = 150;
const BAR_W = 260;
const VALUE_W = 56;
const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/// At most `n` characters of a name (SVG text does not wrap).
function clip(text: string, n: number): string {
  const chars = [...text];
  return chars.length <= n ? text : `${chars.slice(0, n - 1).join('')}…`;
}

export function BarChart({ bars, title, min = 0, max = 1, testId }: Props) {
  const lo = Math.min(min, 0);
  const hi = Math.max(max, lo + 1e-9);
  const x = (v: number) => LABEL_W + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * BAR_W;
  const zero = x(0);
  const height = Math.max(1, bars.length) * ROW + 4;
  const label = `${title}: ${bars.map((b) => `${b.label} ${fmt(b.value)}`).join(', ')}`;
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid={testId}
      viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${height}`}
      className="w-full max-w-xl text-stone-800"
      style={{ height: 'auto' }}
    >
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const end = b.value === null ? zero : x(b.value);
        return (
          <g key={b.key}>
            <text x={LABEL_W - 6} y={y + ROW / 2} dominantBaseline="middle" textAnchor="end" fontSize="12" fill="currentColor">
              {clip(b.label, 14)}
            </text>
            {b.value !== null && (
              <rect x={Math.min(zero, end)} y={y + 4} width={Math.max(Math.abs(end - zero), 1)} height={ROW - 8} rx="2" className={b.value < 0 ? 'fill-orange-600' : 'fill-sky-600'} />
            )}
            <text x={LABEL_W + BAR_W + 6} y={y + ROW / 2} dominantBaseline="middle" fontSize="12" fill="currentColor">
              {fmt(b.value)}
            </text>
          </g>
        );
      })}
      <line x1={zero} x2={zero} y1={0} y2={height} stroke="currentColor" strokeWidth="1" opacity="0.5" />
    </svg>
  );
}
