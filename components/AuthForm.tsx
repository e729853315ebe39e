'use client';
// Sign in, or create an account (classroom mode): posts to /api/auth and, on success, goes on
// to the page the user came from. Errors are the server's, shown as text. Creating an account
// is offered as the admin's sign-up setting allows: not at all ('off'), or with a course join
// code ('code').
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from './I18nProvider';
import { serverReason, useJsonRequest } from './useJsonRequest';
import type { SignUpMode } from '@/lib/db/settings';

export function AuthForm({ next, signUp }: { next: string; signUp: SignUpMode }) {
  const t = useT();
  const router = useRouter();
  const [mode, setMode] = useState<'signin' | 'signup'>('signin');
  const { send, busy, error } = useJsonRequest();

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, string> = { name: String(form.get('name') ?? ''), password: String(form.get('password') ?? '') };
    if (mode === 'signup' && form.get('displayName')) body.displayName = String(form.get('displayName'));
    if (mode === 'signup' && form.get('joinCode')) body.joinCode = String(form.get('joinCode'));
    // On failure the server's reason (wrong password, name taken…) after the form's sentence.
    const answer = await send(`/api/auth/${mode}`, 'POST', body, (failure) => t('auth.failed', { reason: serverReason(t, failure) }));
    if (!answer) return;
    router.push(next); // already a local path: the page passes it through safeNextPath
    router.refresh();
  };

  return (
    <form onSubmit={submit} className="max-w-sm space-y-3" aria-labelledby="auth-title">
      <h1 id="auth-title" className="text-2xl font-bold">
        {mode === 'signin' ? t('auth.signIn') : t('auth.signUp')}
      </h1>
      <p className="text-sm text-stone-600">{t('auth.classroomIntro')}</p>
      <label className="block text-sm">
        {t('auth.name')}
        <input name="name" required autoComplete="username" className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
      </label>
      {mode === 'signup' && (
        <label className="block text-sm">
          {t('auth.displayName')}
          <input name="displayName" autoComplete="name" className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
        </label>
      )}
      {mode === 'signup' && signUp === 'code' && (
        <label className="block text-sm">
          {t('auth.joinCode')}
          <input name="joinCode" required autoComplete="off" className="mt-1 block w-full rounded border border-stone-300 px-2 py-1 font-mono" />
        </label>
      )}
      <label className="block text-sm">
        {t('auth.password')}
        <input
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className="btn font-semibold">
          {mode === 'signin' ? t('auth.signIn') : t('auth.signUp')}
        </button>
        {signUp !== 'off' && (
          <button type="button" className="text-sm text-sky-800 underline" onClick={() => setMode(mode === 'signin' ? 'signup' : 'signin')}>
            {mode === 'signin' ? t('auth.noAccount') : t('auth.haveAccount')}
          </button>
        )}
      </div>
    </form>
  );
}
