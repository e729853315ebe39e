'use client';
// Download every student's map of an assignment (and the reference) in one format: a plain GET
// form to /api/assignments/:id/export?format=… — the route answers with a ZIP.
import { useT } from '../I18nProvider';

interface Props {
  assignmentId: string;
  /// The export formats (id and display name), from the server's registry (lib/formats).
  formats: Array<{ id: string; name: string }>;
}

export function ClassExportForm({ assignmentId, formats }: Props) {
  const t = useT();
  return (
    <form
      method="get"
      action={`/api/assignments/${encodeURIComponent(assignmentId)}/export`}
      className="flex flex-wrap items-end gap-3 text-sm"
      aria-labelledby="class-export-heading"
      data-testid="class-export"
    >
      <h2 id="class-export-heading" className="w-full text-lg font-semibold">
        {t('review.export')}
      </h2>
      <label className="flex flex-col gap-1">
        {t('review.exportFormat')}
        <select name="format" defaultValue={formats[0]?.id} className="rounded border border-stone-300 bg-white px-2 py-1">
          {formats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn">
        {t('review.exportButton')}
      </button>
    </form>
  );
}
