'use client';
// Downloading a class's maps of one assignment as one ZIP (GET /api/assignments/:id/export):
// pick a format, follow the link. For the course's instructors; the route checks.
import { useId, useState } from 'react';
import { useT } from './I18nProvider';

export interface ExportFormatChoice {
  id: string;
  name: string;
}

export function ClassExportLink({ assignmentId, formats }: { assignmentId: string; formats: ExportFormatChoice[] }) {
  const t = useT();
  const id = useId();
  const [format, setFormat] = useState(formats[0]?.id ?? 'json');
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={t('classExport.label')}>
      <label htmlFor={id}>{t('classExport.format')}</label>
      <select id={id} value={format} onChange={(e) => setFormat(e.target.value)} className="rounded border border-stone-300 px-2 py-1">
        {formats.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      <a href={`/api/assignments/${encodeURIComponent(assignmentId)}/export?format=${encodeURIComponent(format)}`} download className="btn" title={t('classExport.hint')}>
        {t('classExport.download')}
      </a>
    </div>
  );
}
