'use client';
// Shows one morpheme's reading, part of speech and base form. Used as the hover tooltip and as
// the live panel for the keyboard token caret, so both read the same way.
import type { Token } from '@/lib/tokens/types';
import { useT } from './I18nProvider';

export function TokenInfo({ token }: { token: Token }) {
  const t = useT();
  const pos = token.posDetail ? `${token.pos}（${token.posDetail}）` : token.pos;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
      <dt className="sr-only">{t('token.panel')}</dt>
      <dd className="col-span-2 font-serif text-lg leading-tight" lang="ja" data-testid="token-surface">
        {token.surface}
      </dd>
      <dt className="text-stone-500">{t('token.reading')}</dt>
      <dd lang="ja" data-testid="token-reading">
        {token.reading || t('token.none')}
      </dd>
      <dt className="text-stone-500">{t('token.pos')}</dt>
      <dd lang="ja">{pos}</dd>
      <dt className="text-stone-500">{t('token.basicForm')}</dt>
      <dd lang="ja">{token.basicForm}</dd>
    </dl>
  );
}
