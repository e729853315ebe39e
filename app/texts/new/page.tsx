import { notFound } from 'next/navigation';
import { openDb } from '@/lib/db';
import { serverT } from '../../_shared/locale';
import { hasRole, pageUser } from '../../_shared/session';
import { TextImportForm } from './TextImportForm';

export const dynamic = 'force-dynamic';

// Importing a text from the browser (POST /api/documents): instructors and admins in classroom
// mode, the local user in solo mode. For students the page does not exist (404), like every
// other page that is not theirs.
export default async function NewTextPage() {
  const [{ t }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, '/texts/new');
  if (!hasRole(user, 'instructor', 'admin')) notFound(); // as POST /api/documents requires
  return (
    <section aria-labelledby="import-heading" className="max-w-3xl space-y-4">
      <h1 id="import-heading" className="text-2xl font-bold">
        {t('texts.heading')}
      </h1>
      <TextImportForm />
    </section>
  );
}
