import Link from 'next/link';
import { serverT } from './_shared/locale';

export default async function NotFound() {
  const { t } = await serverT();
  return (
    <div>
      <p className="mb-4">{t('nav.notFound')}</p>
      <Link href="/" className="text-sky-800 underline">
        {t('nav.home')}
      </Link>
    </div>
  );
}
