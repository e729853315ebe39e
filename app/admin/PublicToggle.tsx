'use client';
// Whether one text is public (POST /api/documents/:id/public): a checkbox that saves when
// toggled (one key press, one deliberate change), and says so or why not beside it.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/components/I18nProvider';
import { useJsonRequest } from '@/components/useJsonRequest';

export function PublicToggle({ documentId, title, isPublic }: { documentId: string; title: string; isPublic: boolean }) {
  const t = useT();
  const router = useRouter();
  const { send, busy, error } = useJsonRequest();
  const [checked, setChecked] = useState(isPublic);
  const [saved, setSaved] = useState(false);
  const toggle = async (next: boolean) => {
    setSaved(false);
    setChecked(next);
    if (await send(`/api/documents/${encodeURIComponent(documentId)}/public`, 'POST', { public: next })) {
      setSaved(true);
      router.refresh();
    } else setChecked(!next);
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <input type="checkbox" checked={checked} disabled={busy} onChange={(e) => void toggle(e.target.checked)} aria-label={t('admin.publicFor', { title })} className="h-4 w-4" />
      <span role="status" className="text-green-800">
        {saved ? t('admin.saved') : ''}
      </span>
      {error && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
