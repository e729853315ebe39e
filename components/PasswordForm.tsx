'use client';
// Choosing one's own password: after signing in with a roster slip's one-time password (the
// server lets such an account do nothing else), or any time from the account menu. The new
// password is typed twice; the server checks the current one and the policy again.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from './I18nProvider';
import { useJsonRequest } from './useJsonRequest';

export function PasswordForm({ next, firstTime }: { next: string; firstTime: boolean }) {
  const t = useT();
  const router = useRouter();
  const { send, busy, error, setError } = useJsonRequest();
  const [done, setDone] = useState(false);
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('confirm') ?? '')) {
      setError(t('password.mismatch'));
      return;
    }
    if (await send('/api/auth/password', 'POST', { currentPassword: String(form.get('currentPassword') ?? ''), newPassword })) {
      setDone(true);
      router.push(next);
      router.refresh();
    }
  };
  const field = 'mt-1 block w-full min-h-11 rounded border border-stone-300 px-2 py-1';
  return (
    <form onSubmit={submit} className="max-w-sm space-y-3" aria-labelledby="password-title">
      <h1 id="password-title" className="text-2xl font-bold">
        {t('password.title')}
      </h1>
      {firstTime && <p className="text-sm text-stone-700">{t('password.firstTime')}</p>}
      <label className="block text-sm">
        {t('password.current')}
        <input name="currentPassword" type="password" required autoComplete="current-password" className={field} />
      </label>
      <label className="block text-sm">
        {t('password.new')}
        <input name="newPassword" type="password" required minLength={8} autoComplete="new-password" className={field} />
      </label>
      <label className="block text-sm">
        {t('password.confirm')}
        <input name="confirm" type="password" required minLength={8} autoComplete="new-password" className={field} />
      </label>
      <button type="submit" disabled={busy} className="btn min-h-11">
        {t('password.save')}
      </button>
      <p role="status" className="text-sm text-green-800">
        {done ? t('password.saved') : ''}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
