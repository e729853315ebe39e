// @vitest-environment jsdom
// The heat map says beside the text what has no place in it (issue 17): for the chosen label,
// how many students added an unstated unit with it, and how many undercut an inference — in the
// interface's language, and nothing when nobody did.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from '../testing/render';
import { HeatmapView } from './HeatmapView';

const text = '主張と根拠。';
const blocks = [{ kind: 'paragraph' as const, start: 0, end: text.length }];
const labels = [
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'evidence', ja: '根拠', en: 'Evidence' },
];
const runs = { claim: [{ start: 0, end: 2, count: 2 }], evidence: [] };

describe('HeatmapView beside the text', () => {
  it('counts the students with an unstated unit of the chosen label and those who undercut', () => {
    const host = render(<HeatmapView text={text} blocks={blocks} labels={labels} runs={runs} total={3} implicitByLabel={{ claim: 0, evidence: 2 }} undercutting={1} />, { locale: 'ja' });
    const beside = () => host.querySelector('[data-testid="heat-beside"]')?.textContent ?? '';
    // The first label (claim): nobody added an unstated claim; one student undercut.
    expect(beside()).toBe('推論そのものに反論した（アンダーカット）人：3人中1人');
    act(() => (host.querySelector('input[value="evidence"]') as HTMLInputElement).click());
    expect(beside()).toContain('本文にない「根拠」（書かれていない前提など）を補った人：3人中2人');
  });

  it('says it in English, and says nothing when nobody did either', () => {
    const host = render(<HeatmapView text={text} blocks={blocks} labels={labels} runs={runs} total={3} implicitByLabel={{ claim: 1 }} undercutting={0} />, { locale: 'en' });
    expect(host.querySelector('[data-testid="heat-beside"]')!.textContent).toBe('1 of 3 added an unstated Claim (not in the text)');
    const none = render(<HeatmapView text={text} blocks={blocks} labels={labels} runs={runs} total={3} />, { locale: 'en' });
    expect(none.querySelector('[data-testid="heat-beside"]')).toBeNull();
  });
});
