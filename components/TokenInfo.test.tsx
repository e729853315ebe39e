// @vitest-environment jsdom
// The word tooltip speaks the UI's language about Japanese grammar: in English every part of
// speech, detail and conjugation is an English term with the Japanese beside it, and the reading
// can be shown in rōmaji (the option the header's switch sets); in Japanese the terms stay
// Japanese and there is no rōmaji.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from './testing/render';
import { TokenInfo } from './TokenInfo';

const verb = { pos: '動詞', posDetail: '自立', basicForm: '多い', reading: 'おおかっ', conjugation: '形容詞・アウオ段,連用タ接続' };
const particle = { pos: '助詞', posDetail: '係助詞', basicForm: 'は', reading: 'は' };
const token = { start: 0, end: 3, surface: '多かっ' };

afterEach(() => window.localStorage.clear());

describe('TokenInfo', () => {
  it('English: terms in English with the Japanese beside', () => {
    const host = render(<TokenInfo token={token} details={verb} />, { locale: 'en' });
    expect(host.querySelector('[data-testid="token-pos"]')!.textContent).toBe('verb （動詞） — independent （自立）');
    expect(host.querySelector('[data-testid="token-conjugation"]')!.textContent).toBe('i-adjective (stem in -a, -u, -o) （形容詞・アウオ段）; continuative form (before た) （連用タ接続）');
    expect(host.querySelector('[data-testid="token-romaji"]')).toBeNull();
  });

  it('English with the rōmaji option: the reading in rōmaji too, particles as spoken', () => {
    window.localStorage.setItem('ronten.romaji', '1');
    const host = render(<TokenInfo token={token} details={verb} />, { locale: 'en' });
    expect(host.querySelector('[data-testid="token-romaji"]')!.textContent).toBe('ooka');
    const wa = render(<TokenInfo token={{ start: 0, end: 1, surface: 'は' }} details={particle} />, { locale: 'en' });
    expect(wa.querySelector('[data-testid="token-romaji"]')!.textContent).toBe('wa');
    act(() => {
      window.localStorage.setItem('ronten.romaji', '0');
      window.dispatchEvent(new Event('ronten:romaji'));
    });
    expect(wa.querySelector('[data-testid="token-romaji"]')).toBeNull();
  });

  it('Japanese: the terms in Japanese, no rōmaji even with the option on', () => {
    window.localStorage.setItem('ronten.romaji', '1');
    const host = render(<TokenInfo token={token} details={verb} />, { locale: 'ja' });
    expect(host.querySelector('[data-testid="token-pos"]')!.textContent).toBe('動詞（自立）');
    expect(host.querySelector('[data-testid="token-conjugation"]')!.textContent).toBe('形容詞・アウオ段、連用タ接続');
    expect(host.querySelector('[data-testid="token-romaji"]')).toBeNull();
  });
});
