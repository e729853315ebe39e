'use client';
// Who is signed in, signing out, and for admins the way to the user list (classroom mode only).
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useT } from './I18nProvider';

export function AccountMenu({ name, role }: { name: string; role: 'student' | 'instructor' | 'admin' | 'local' }) {
  const t = useT();
  const router = useRouter();
  const signOut = async () => {
    await fetch('/api/auth/signout', { method: 'POST' });
    router.push('/signin');
    router.refresh();
  };
  return (
    <div className="flex items-center gap-2 text-sm">
      <span data-testid="signed-in-as">{t('auth.signedInAs', { name, role: t(`auth.role.${role}`) })}</span>
      <Link href="/account/password" className="text-sky-800 underline-offset-4 hover:underline">
        {t('password.link')}
      </Link>
      {role === 'admin' && (
        <Link href="/admin" className="text-sky-800 underline-offset-4 hover:underline">
          {t('admin.link')}
        </Link>
      )}
      <button type="button" className="btn" onClick={() => void signOut()}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
