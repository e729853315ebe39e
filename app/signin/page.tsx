import { notFound, redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/nextPath';
import { openDb } from '@/lib/db';
import { rontenMode } from '@/lib/auth/mode';
import { AuthForm } from '@/components/AuthForm';
import { effectiveSignUpMode } from '@/lib/auth/enrolment';
import { optionalUser } from '../_shared/session';

export const dynamic = 'force-dynamic';

// Sign in or sign up (classroom mode); solo mode has no accounts.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const { next = '/' } = await searchParams;
  const target = safeNextPath(next);
  const db = await openDb();
  if (await optionalUser(db)) redirect(target);
  return <AuthForm next={target} signUp={await effectiveSignUpMode(db)} />;
}
