'use client';
// Shows one morpheme's reading, part of speech, conjugation and base form. Used as the hover
// tooltip and as the live panel for the keyboard token caret, so both read the same way. The
// surface is known at once; the rest arrives with the token's detail chunk (useTokenDetails),
// shown as … until then. In the English UI grammar terms are English with the Japanese beside
// (lib/tokens/grammarTerms), and the reading can also be shown in rōmaji (useRomaji).
import { describeGrammar, type GrammarTerm } from '@/lib/tokens/grammarTerms';
import type { TokenDetails, TokenSpan } from '@/lib/tokens/types';
import { toRomaji } from '@/lib/text/romaji';
import { useLocale, useT } from './I18nProvider';
import { useRomaji } from './useRomaji';

/// A term as the UI's language says it: Japanese alone in the Japanese UI; English with the
/// Japanese beside in the English one (Japanese alone when the table has no English).
function Term({ term, english }: { term: GrammarTerm; english: boolean }) {
  if (!english || term.en === null) return <span lang="ja">{term.ja}</span>;
  return (
    <span>
      {term.en} <span lang="ja" className="text-stone-500">（{term.ja}）</span>
    </span>
  );
}

function Terms({ terms, english, separator }: { terms: GrammarTerm[]; english: boolean; separator: string }) {
  return terms.map((term, i) => (
    <span key={i}>
      {i > 0 && separator}
      <Term term={term} english={english} />
    </span>
  ));
}

export function TokenInfo({ token, details }: { token: TokenSpan; details: TokenDetails | null }) {
  const t = useT();
  const english = useLocale() === 'en';
  const [romaji] = useRomaji();
  const loading = t('token.loading');
  const grammar = details ? describeGrammar(details) : null;
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
      {english && romaji && (
        <>
          <dt className="text-stone-500">{t('token.romaji')}</dt>
          <dd lang="ja-Latn" data-testid="token-romaji">
            {details ? (details.reading ? toRomaji(details.reading, { particle: details.pos === '助詞' }) : t('token.none')) : loading}
          </dd>
        </>
      )}
      <dt className="text-stone-500">{t('token.pos')}</dt>
      <dd data-testid="token-pos">
        {grammar ? (
          <>
            <Term term={grammar.pos} english={english} />
            {grammar.details.length > 0 && (
              <>
                {english ? ' — ' : '（'}
                <Terms terms={grammar.details} english={english} separator={english ? ', ' : '、'} />
                {english ? '' : '）'}
              </>
            )}
          </>
        ) : (
          loading
        )}
      </dd>
      {grammar && grammar.conjugation.length > 0 && (
        <>
          <dt className="text-stone-500">{t('token.conjugation')}</dt>
          <dd data-testid="token-conjugation">
            <Terms terms={grammar.conjugation} english={english} separator={english ? '; ' : '、'} />
          </dd>
        </>
      )}
      <dt className="text-stone-500">{t('token.basicForm')}</dt>
      <dd lang="ja">{details ? details.basicForm : loading}</dd>
    </dl>
  );
}
