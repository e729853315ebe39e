import { notFound } from 'next/navigation';
import { getSignUpMode, listAccounts, listDocuments, openDb } from '@/lib/db';
import { rontenMode } from '@/lib/auth/mode';
import { serverT } from '../_shared/locale';
import { pageUser } from '../_shared/session';
import { RoleForm } from './RoleForm';
import { SignUpForm } from './SignUpForm';
import { PublicToggle } from './PublicToggle';

export const dynamic = 'force-dynamic';

// Users and their roles, who may sign up, and which texts are public (classroom mode, admins
// only: the page does not exist for anyone else). Each role is changed through
// POST /api/users/:id/role, which keeps at least one admin; the sign-up setting through
// POST /api/settings; a text's visibility through POST /api/documents/:id/public.
export default async function AdminPage() {
  if (rontenMode() !== 'classroom') notFound();
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, '/admin');
  if (user.role !== 'admin') notFound();
  const [accounts, signUpMode, documents] = await Promise.all([listAccounts(db), getSignUpMode(db), listDocuments(db, user)]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <section aria-labelledby="admin-heading" className="max-w-4xl space-y-4">
      <h1 id="admin-heading" className="text-2xl font-bold">
        {t('admin.heading')}
      </h1>
      <table className="w-full border-collapse text-left text-sm" data-testid="accounts">
        <thead>
          <tr className="border-b border-stone-300 text-stone-500">
            <th scope="col" className="py-2 pr-4 font-medium">{t('admin.name')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('admin.displayName')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('admin.role')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('admin.created')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-stone-200 align-top">
              <th scope="row" className="py-2 pr-4 font-mono font-normal">
                {a.name}
                {a.id === user.id && <span className="ml-1 font-sans text-stone-500">{t('admin.you')}</span>}
              </th>
              <td className="py-2 pr-4">{a.displayName}</td>
              <td className="py-2 pr-4">
                <RoleForm userId={a.id} name={a.name} role={a.role === 'local' ? 'student' : a.role} />
              </td>
              <td className="py-2 tabular-nums">{date.format(new Date(a.createdAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="pt-4 text-lg font-bold">{t('admin.signUpHeading')}</h2>
      <SignUpForm mode={signUpMode} />
      <h2 className="pt-4 text-lg font-bold">{t('admin.documentsHeading')}</h2>
      <p className="text-sm text-stone-600">{t('admin.documentsHint')}</p>
      <ul className="space-y-1 text-sm" data-testid="public-documents">
        {documents.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-3">
            <PublicToggle documentId={d.id} title={d.title} isPublic={d.public} />
            <span>{d.title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
