'use client';
// One user's role: a select and a save button (not saving on change, so that moving through the
// options with the keyboard does not change anyone's role on the way).
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/components/I18nProvider';
import { useJsonRequest } from '@/components/useJsonRequest';
import { ACCOUNT_ROLE_VALUES } from '@/lib/classroom/schemas';

type Role = (typeof ACCOUNT_ROLE_VALUES)[number];

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const t = useT();
  const router = useRouter();
  const { send, busy, error } = useJsonRequest();
  const [chosen, setChosen] = useState<Role>(role);
  const [saved, setSaved] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await send(`/api/users/${encodeURIComponent(userId)}/role`, 'POST', { role: chosen })) {
      setSaved(true);
      router.refresh();
    }
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <select value={chosen} onChange={(e) => setChosen(e.target.value as Role)} aria-label={t('admin.roleFor', { name })} className="rounded border border-stone-300 px-2 py-1">
        {ACCOUNT_ROLE_VALUES.map((r) => (
          <option key={r} value={r}>
            {t(`auth.role.${r}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || chosen === role} className="btn">
        {t('admin.save')}
      </button>
      <span role="status" className="text-green-800">
        {saved ? t('admin.saved') : ''}
      </span>
      {error && (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
