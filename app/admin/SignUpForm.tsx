'use client';
// The server's sign-up setting (POST /api/settings): who may create an account. A select and a
// save button, like the role forms, so that moving through the options changes nothing.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/components/I18nProvider';
import { useJsonRequest } from '@/components/useJsonRequest';
import { SIGN_UP_MODES, type SignUpMode } from '@/lib/db/settings';

export function SignUpForm({ mode }: { mode: SignUpMode }) {
  const t = useT();
  const router = useRouter();
  const { send, busy, error } = useJsonRequest();
  const [chosen, setChosen] = useState<SignUpMode>(mode);
  const [saved, setSaved] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await send('/api/settings', 'POST', { signUp: chosen })) {
      setSaved(true);
      router.refresh();
    }
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2" data-testid="signup-setting">
      <label htmlFor="signup-mode">{t('admin.signUpLabel')}</label>
      <select id="signup-mode" value={chosen} onChange={(e) => setChosen(e.target.value as SignUpMode)} className="rounded border border-stone-300 px-2 py-1">
        {SIGN_UP_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`admin.signUp.${m}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || chosen === mode} className="btn">
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
