'use client';
// Giving one student a later due time (typed in the browser's time zone, sent as ISO UTC), and
// the list of extensions given, each removable.
import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { localDateTimeToIso } from '@/lib/classroom/schemas';
import { useT } from '../I18nProvider';
import { useJsonRequest } from '../useJsonRequest';

export function ExtensionForm({ assignmentId, students, extensions }: { assignmentId: string; students: Array<{ userId: string; name: string }>; extensions: Array<{ userId: string; name: string; label: string }> }) {
  const t = useT();
  const id = useId();
  const router = useRouter();
  const { send, busy, error } = useJsonRequest();
  const [userId, setUserId] = useState(students[0]?.userId ?? '');
  const [local, setLocal] = useState('');
  const action = `/api/assignments/${encodeURIComponent(assignmentId)}/extensions`;
  const give = async (event: React.FormEvent) => {
    event.preventDefault();
    const dueAt = localDateTimeToIso(local);
    if (dueAt && (await send(action, 'POST', { userId, dueAt }))) router.refresh();
  };
  const remove = async (who: string) => {
    if (await send(action, 'POST', { userId: who, dueAt: null })) router.refresh();
  };
  return (
    <div className="space-y-2" aria-labelledby={`${id}-h`} role="group">
      <h3 id={`${id}-h`} className="font-semibold">
        {t('grading.extension.heading')}
      </h3>
      <form onSubmit={give} className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col">
          {t('grading.extension.student')}
          <select value={userId} onChange={(e) => setUserId(e.target.value)} className="rounded border border-stone-300 px-2 py-1" data-testid="extension-student">
            {students.map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('grading.extension.dueAt')}
          <input type="datetime-local" required value={local} onChange={(e) => setLocal(e.target.value)} className="rounded border border-stone-300 px-2 py-1" data-testid="extension-due" />
        </label>
        <button type="submit" className="btn" disabled={busy || students.length === 0}>
          {t('grading.extension.save')}
        </button>
      </form>
      {extensions.length > 0 && (
        <ul className="space-y-1 text-sm">
          {extensions.map((e) => (
            <li key={e.userId} className="flex items-center gap-2">
              <span>{e.label}</span>
              <button type="button" className="btn" disabled={busy} onClick={() => remove(e.userId)} aria-label={t('grading.extension.remove', { name: e.name })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
