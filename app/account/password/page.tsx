import { notFound, redirect } from 'next/navigation';
import { openDb } from '@/lib/db';
import { rontenMode } from '@/lib/auth/mode';
import { safeNextPath } from '@/lib/auth/nextPath';
import { PasswordForm } from '@/components/PasswordForm';
import { optionalUser } from '../../_shared/session';

export const dynamic = 'force-dynamic';

// Choose a password (classroom mode): where a roster account on its one-time password is sent
// by every page (pageUser), and where anyone signed in changes theirs.
export default async function PasswordPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const { next = '/' } = await searchParams;
  const target = safeNextPath(next);
  const user = await optionalUser(await openDb());
  if (!user) redirect(`/signin?next=${encodeURIComponent('/account/password')}`);
  return <PasswordForm next={target === '/account/password' ? '/' : target} firstTime={user.mustChangePassword} />;
}
