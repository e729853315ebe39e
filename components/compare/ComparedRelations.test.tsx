// @vitest-environment jsdom
// The relation list of one side of a comparison: quotes of both ends, shortened to a fixed
// number of characters without splitting a character outside the BMP (a surrogate pair).
import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '@/lib/argument/types';
import { render } from '../testing/render';
import { ComparedRelations } from './ComparedRelations';

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
      relations: [{ id: 'r1', type: 'support', from: ['u1'], to: 'u2', note: '' }],
      mainClaimId: null,
    };
    const host = render(<ComparedRelations map={map} text={text} matched={new Set(['r1'])} only={{ className: 'cmp-extra', word: 'B のみ' }} />, { locale: 'ja' });
    const line = host.querySelector('li')!.textContent!;
    expect(line.startsWith(`${'あ'.repeat(23)}𩸽…`)).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(line)).toBe(false); // no lone high surrogate
    expect(line.endsWith('主張')).toBe(true);
  });
});
