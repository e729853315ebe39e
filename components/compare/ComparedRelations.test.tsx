// @vitest-environment jsdom
// The relation list of one side of a comparison: quotes of both ends, shortened to a fixed
// number of characters without splitting a character outside the BMP (a surrogate pair).
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ArgumentMap } from '@/lib/argument/types';
import { catalog } from '@/lib/i18n/messages';
import { I18nProvider } from '../I18nProvider';
import { ComparedRelations } from './ComparedRelations';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
});

describe('ComparedRelations', () => {
  it('shortens a quote by characters, never leaving half a surrogate pair', () => {
    // 23 BMP characters, then 𩸽 (two UTF-16 units) at the 24th character, then more
    const long = `${'あ'.repeat(23)}𩸽${'い'.repeat(10)}`;
    const short = '主張';
    const text = `${long}${short}`;
    const map: ArgumentMap = {
      units: [
        { id: 'u1', label: 'evidence', start: 0, end: long.length, note: '' },
        { id: 'u2', label: 'claim', start: long.length, end: text.length, note: '' },
      ],
      relations: [{ id: 'r1', type: 'support', from: 'u1', to: 'u2', note: '' }],
      mainClaimId: null,
    };
    host = document.body.appendChild(document.createElement('div'));
    act(() => {
      root = createRoot(host);
      root.render(
        <I18nProvider locale="ja" messages={catalog.ja}>
          <ComparedRelations map={map} text={text} matched={new Set(['r1'])} only={{ className: 'cmp-extra', word: 'B のみ' }} />
        </I18nProvider>,
      );
    });
    const line = host.querySelector('li')!.textContent!;
    expect(line.startsWith(`${'あ'.repeat(23)}𩸽…`)).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(line)).toBe(false); // no lone high surrogate
    expect(line.endsWith('主張')).toBe(true);
  });
});
