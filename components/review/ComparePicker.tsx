'use client';
// Pick two maps of an assignment to compare: a plain GET form to /assignments/:id/compare?a=&b=
// (works without JavaScript). A is the side B is scored against; the reference map, when the
// assignment has one, is offered first and chosen for A by default.
import { useT } from '../I18nProvider';

export interface MapOption {
  /// A map id, or "reference".
  value: string;
  label: string;
}

interface Props {
  assignmentId: string;
  options: MapOption[];
}

export function ComparePicker({ assignmentId, options }: Props) {
  const t = useT();
  if (options.length === 0) return null;
  return (
    <form
      method="get"
      action={`/assignments/${encodeURIComponent(assignmentId)}/compare`}
      className="flex flex-wrap items-end gap-3 text-sm"
      aria-labelledby="pick-two-heading"
      data-testid="compare-picker"
    >
      <h2 id="pick-two-heading" className="w-full text-lg font-semibold">
        {t('review.pickTwo')}
      </h2>
      {(
        [
          ['a', t('review.mapA'), options[0].value],
          ['b', t('review.mapB'), options[Math.min(1, options.length - 1)].value],
        ] as const
      ).map(([name, label, initial]) => (
        <label key={name} className="flex flex-col gap-1">
          {label}
          <select name={name} defaultValue={initial} className="rounded border border-stone-300 bg-white px-2 py-1">
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className="btn">
        {t('review.compareButton')}
      </button>
    </form>
  );
}
