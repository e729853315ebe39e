// @vitest-environment jsdom
// The import dialog's tag mapping: each unknown tag is a labelled select (its accessible name is
// the tag and its unit count) offering the scheme's labels in the UI's language and "skip"; a
// choice reaches the dialog as (tag, label | "-" | null); what the re-check found is a status.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render } from '../testing/render';
import { TagMapping } from './TagMapping';

const labels = [
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'evidence', ja: '根拠', en: 'Evidence' },
];
const tags = [
  { tag: '結論', units: 3 },
  { tag: 'ref', units: 1 },
];

describe('TagMapping', () => {
  it.each([
    ['en', ['not chosen (not imported)', 'Claim', 'Evidence', 'skip (do not import)'], /Tags that name no label/],
    ['ja', ['選んでいない（読み込まない）', '主張', '根拠', '読み込まない'], /ラベルに当たらないタグ/],
  ] as const)('%s: one labelled select per tag, with the labels and skip', (locale, options, legend) => {
    const host = render(<TagMapping tags={tags} labels={labels} labelMap={{ ref: '-' }} disabled={false} notice={null} onChange={() => {}} />, { locale });
    expect(host.querySelector('legend')!.textContent).toMatch(legend);
    const selects = [...host.querySelectorAll('select')];
    expect(selects).toHaveLength(2);
    const label = host.querySelector(`label[for="${selects[0].id}"]`)!;
    expect(label.textContent).toMatch(/結論.*3/);
    expect([...selects[0].options].map((o) => o.textContent)).toEqual(options);
    expect(selects[0].value).toBe('');
    expect(selects[1].value).toBe('-');
  });

  it('a choice reaches the dialog; the notice is a status under the selects; nothing renders without tags', () => {
    const onChange = vi.fn();
    const host = render(<TagMapping tags={tags} labels={labels} labelMap={{}} disabled={false} notice="3 units and 0 relations can be imported." onChange={onChange} />, { locale: 'en' });
    const select = host.querySelector('select')!;
    act(() => {
      select.value = 'claim';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith('結論', 'claim');
    act(() => {
      select.value = '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith('結論', null);
    expect(host.querySelector('[role="status"]')!.textContent).toBe('3 units and 0 relations can be imported.');
    expect(render(<TagMapping tags={[]} labels={labels} labelMap={{}} disabled={false} notice={null} onChange={onChange} />, { locale: 'en' }).innerHTML).toBe('');
  });
});
