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

  it('says a pair matched in part, with its credit, and shows an undercutter’s target as the inference', () => {
    const text = '理由一理由二主張反論';
    const map: ArgumentMap = {
      units: [
        { id: 'a', label: 'evidence', start: 0, end: 3, note: '' },
        { id: 'b', label: 'evidence', start: 3, end: 6, note: '' },
        { id: 'c', label: 'claim', start: 6, end: 8, note: '' },
        { id: 'x', label: 'counterargument', start: 8, end: 10, note: '' },
      ],
      relations: [
        { id: 'r1', type: 'support', from: ['a', 'b'], to: 'c', note: '' },
        { id: 'r2', type: 'attack', from: ['x'], to: 'r1', note: '' },
      ],
      mainClaimId: null,
    };
    const host = render(
      <ComparedRelations map={map} text={text} matched={new Set(['r1', 'r2'])} partial={new Map([['r1', 2 / 3]])} only={{ className: 'cmp-extra', word: 'B のみ' }} />,
      { locale: 'ja' },
    );
    const [linked, undercut] = [...host.querySelectorAll('li')].map((li) => li.textContent!);
    expect(linked).toContain('理由一 + 理由二');
    expect(linked).toContain('（前提の一部が一致：0.67）');
    expect(undercut).toContain('「理由一」からの推論');
    expect(undercut).not.toContain('前提の一部');
  });
});
