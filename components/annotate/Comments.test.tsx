// @vitest-environment jsdom
// Feedback comments in the unit list, rendered with React into jsdom: the count on each row,
// the threads under the open unit and its relations, the map-level ones at the top, and the box
// that posts a comment (Ctrl+Enter) and shows it without a reload.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import type { ArgumentMap } from '@/lib/argument';
import type { MapComment } from '@/lib/comments/types';
import { render as renderInto } from '../testing/render';
import { unitListNoops } from './unitListNoops.testing';
import { UnitList } from './UnitList';
import { useFeedback, type CommentsProps } from './Comments';

const text = '主張です。根拠です。';
const map: ArgumentMap = {
  units: [
    { id: 'u1', label: 'claim', start: 0, end: 5, note: '' },
    { id: 'u2', label: 'evidence', start: 5, end: 10, note: '' },
  ],
  relations: [{ id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' }],
  mainClaimId: null,
};
const labels = [
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'evidence', ja: '根拠', en: 'Evidence' },
];
const sensei = { id: 'sensei', name: 'sensei', displayName: '先生', role: 'instructor' as const };
const comment = (id: string, targetKind: MapComment['targetKind'], targetId: string | null, body: string): MapComment => ({
  id,
  targetKind,
  targetId,
  body,
  createdAt: '2025-04-01T01:02:03.000Z',
  author: sensei,
  byOwner: false,
});
const initial = [
  comment('c1', 'unit', 'u1', '<b>根拠</b>が弱い'),
  comment('c2', 'relation', 'r1', '支持になっていますか'),
  comment('c3', 'map', null, '全体として良い'),
  comment('c4', 'unit', 'gone', '消えた単位へ'),
];

function Harness({ comments, selected }: { comments: CommentsProps; selected: string | null }) {
  const feedback = useFeedback(comments);
  const [selectedId, setSelectedId] = useState(selected);
  return (
    <UnitList
      text={text}
      map={map}
      labels={labels}
      selectedId={selectedId}
      selectedIds={selectedId ? [selectedId] : []}
      selectedRelationId={null}
      linking={false}
      readOnly
      feedback={feedback}
      {...unitListNoops}
      onSelect={setSelectedId}
    />
  );
}

let host: HTMLElement;
function render(selected: string | null) {
  host = renderInto(<Harness comments={{ mapId: 'map 1', viewerId: 'sensei', initial }} selected={selected} />, { locale: 'ja' });
}
const row = (unitId: string) => host.querySelector(`[data-unit-row="${unitId}"]`) as HTMLElement;
const badge = (unitId: string) => row(unitId).querySelector('[data-testid="comment-count"]')?.textContent ?? null;

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('comments in the unit list', () => {
  it('marks each row with the comments on the unit and its relations', () => {
    render(null);
    expect(badge('u1')).toBe('コメント2件2'); // c1 on u1, c2 on r1
    expect(badge('u2')).toBe('コメント1件1'); // c2 on r1
    expect(host.textContent).not.toContain('<b>根拠</b>が弱い'); // closed rows show no thread
  });

  it('shows map-level comments and comments on deleted units at the top', () => {
    render(null);
    const top = host.querySelector('[data-testid="map-comments"]')!;
    expect(top.hasAttribute('open')).toBe(true);
    expect(top.querySelector('[aria-label="全体へのコメント"]')!.textContent).toContain('全体として良い');
    expect(top.querySelector('[aria-label="削除された論証単位・関係へのコメント"]')!.textContent).toContain('消えた単位へ');
  });

  it('shows the open unit’s thread as text, with author and date, and the relation’s under its line', () => {
    render('u1');
    const body = [...row('u1').querySelectorAll('[data-comment-id="c1"] p')].map((p) => p.textContent);
    expect(body[0]).toContain('先生');
    expect(body[0]).toContain('教員');
    expect(body[1]).toBe('<b>根拠</b>が弱い');
    expect(row('u1').querySelector('b')).toBeNull();
    expect(row('u1').querySelector('time')!.getAttribute('datetime')).toBe('2025-04-01T01:02:03.000Z');
    expect(row('u1').querySelector('[data-relation-id="r1"]')!.textContent).toContain('支持になっていますか');
  });

  it('posts a comment on Ctrl+Enter and shows it without a reload', async () => {
    const posted = comment('c9', 'unit', 'u1', '直してください');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ comment: posted }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    render('u1');
    const box = row('u1').querySelector('textarea[aria-keyshortcuts="Control+Enter"]') as HTMLTextAreaElement;
    expect(box.closest('label')!.textContent).toBe('コメントを書く');
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, '  直してください ');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    expect(fetchMock).toHaveBeenCalledWith('/api/maps/map%201/comments', expect.objectContaining({ method: 'POST', body: JSON.stringify({ targetKind: 'unit', targetId: 'u1', body: '直してください' }) }));
    expect(row('u1').querySelector('[data-comment-id="c9"]')!.textContent).toContain('直してください');
    expect(box.value).toBe('');
    expect(badge('u1')).toBe('コメント3件3');
  });

  it('keeps the draft and says why when the server refuses', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: 'the map has no unit "u1"' }), { status: 422 })));
    render('u1');
    const box = row('u1').querySelector('textarea') as HTMLTextAreaElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, '送れない');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      (row('u1').querySelector('button[type="submit"]') as HTMLButtonElement).click();
    });
    expect(row('u1').querySelector('[role="alert"]')!.textContent).toBe('コメントできませんでした: the map has no unit "u1"');
    expect(box.value).toBe('送れない');
  });

  it('says so when deleting a comment fails, and keeps the comment', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: 'internal error' }), { status: 500 })));
    vi.stubGlobal('confirm', () => true);
    render('u1');
    const item = () => row('u1').querySelector('[data-comment-id="c1"]');
    await act(async () => {
      (item()!.querySelector('button[aria-label="コメントを削除"]') as HTMLButtonElement).click();
    });
    expect(item()).not.toBeNull();
    expect(row('u1').querySelector('[role="alert"]')?.textContent).toBe('コメントを削除できませんでした: internal error');
  });
});
