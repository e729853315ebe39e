'use client';
// Shows one morpheme's reading, part of speech and base form. Used as the hover tooltip and as
// the live panel for the keyboard token caret, so both read the same way. The surface is known
// at once; the rest arrives with the token's detail chunk (useTokenDetails), shown as … until then.
import type { TokenDetails, TokenSpan } from '@/lib/tokens/types';
import { useT } from './I18nProvider';

export function TokenInfo({ token, details }: { token: TokenSpan; details: TokenDetails | null }) {
  const t = useT();
  const loading = t('token.loading');
  const pos = !details ? loading : details.posDetail ? `${details.pos}（${details.posDetail}）` : details.pos;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm" aria-busy={details ? undefined : true}>
      <dt className="sr-only">{t('token.panel')}</dt>
      <dd className="col-span-2 font-serif text-lg leading-tight" lang="ja" data-testid="token-surface">
        {token.surface}
      </dd>
      <dt className="text-stone-500">{t('token.reading')}</dt>
      <dd lang="ja" data-testid="token-reading">
        {details ? details.reading || t('token.none') : loading}
      </dd>
      <dt className="text-stone-500">{t('token.pos')}</dt>
      <dd lang="ja">{pos}</dd>
      <dt className="text-stone-500">{t('token.basicForm')}</dt>
      <dd lang="ja">{details ? details.basicForm : loading}</dd>
    </dl>
  );
}
