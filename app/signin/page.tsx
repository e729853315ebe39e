import { notFound, redirect } from 'next/navigation';
import { openDb } from '@/lib/db';
import { rontenMode } from '@/lib/auth/mode';
import { AuthForm } from '@/components/AuthForm';
import { optionalUser } from '../_shared/session';

export const dynamic = 'force-dynamic';

// Sign in or sign up (classroom mode); solo mode has no accounts.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const { next = '/' } = await searchParams;
  if (await optionalUser(await openDb())) redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
  return <AuthForm next={next} />;
}
