// @vitest-environment jsdom
// What the user sees when saving goes wrong, rendered with React into jsdom: autosave
// (useSavedMap) against a stubbed server, its notices worded by saveNotices into the notice
// area, in Japanese and in English. A refused save (a 413 HTML page, a 422) is shown, says which
// change was lost and is not sent again; a conflict with another tab's change is shown; an
// overloaded server keeps the change and says so; undo after a merge answers, never throws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, useEffect, useRef } from 'react';
import { addUnitOp, emptyMap, type ArgumentMap, type Operation } from '@/lib/argument';
import type { Locale } from '@/lib/i18n/messages';
import { render } from '../testing/render';
import { useT } from '../I18nProvider';
import { NoticeArea, useNotices } from './Notices';
import { SaveIndicator } from './SaveIndicator';
import { statusNotice, syncNotice } from './saveNotices';
import { useSavedMap } from './useSavedMap';

const text = '主張です。根拠です。';
const ctx = { textLength: text.length, boundaries: [0, 2, 5, 7, 10], labels: ['claim', 'evidence'] };
const unit = (id: string, start: number, end: number) => ({ id, label: 'claim', start, end, note: '' });

let saved: ReturnType<typeof useSavedMap>;

/// The workspace's save wiring, without the essay.
function Harness() {
  const t = useT();
  const { notices, show, dismiss, dismissKey } = useNotices();
  const shown = useRef<ArgumentMap>(emptyMap);
  saved = useSavedMap({ mapId: 'm1', version: 1, map: emptyMap, ctx, onNotice: (n) => show(syncNotice(t, n, text, shown.current)) });
  const { status, unsaved } = saved;
  useEffect(() => {
    shown.current = saved.map;
  });
  useEffect(() => {
    const notice = statusNotice(t, status, unsaved);
    if (notice) show(notice);
    else dismissKey('save');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);
  return (
    <>
      <SaveIndicator status={status} unsaved={unsaved} />
      <NoticeArea notices={notices} onDismiss={dismiss} />
    </>
  );
}

type Reply = { status: number; body: string; headers?: Record<string, string> };
let replies: Reply[];
let posted: Array<{ batchId: string; operations: Operation[] }>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.clear();
  replies = [];
  posted = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      posted.push(JSON.parse(String(init?.body)));
      const reply = replies.shift() ?? { status: 200, body: JSON.stringify({ version: 99 }) };
      return new Response(reply.body, { status: reply.status, headers: reply.headers });
    }),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function settle(ms = 400) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}
const noticeText = (host: HTMLElement) => host.querySelector('[data-testid="notices"]')!.textContent ?? '';
const status = (host: HTMLElement) => host.querySelector('[data-testid="save-status"]')!.getAttribute('data-status');

describe.each<[Locale, RegExp, RegExp]>([
  ['ja', /サーバーが変更を受け付けませんでした（大きすぎます）。保存されなかった変更 1件: 単位「主張」の追加/, /変更 1件を適用できませんでした: 単位「主張」の変更/],
  ['en', /did not accept 1 changes \(too large\), so they were not saved: adding the unit “主張”/, /1 of your changes overlapped .* could not be applied: changing the unit “主張”/],
])('save feedback (%s)', (locale, refusedText, conflictText) => {
  it('a save refused with a 413 HTML page is shown, names the change, and is not sent again', async () => {
    const host = render(<Harness />, { locale });
    replies.push({ status: 413, body: '<html><body><h1>413 Request Entity Too Large</h1></body></html>', headers: { 'content-type': 'text/html' } });
    act(() => void saved.commit([addUnitOp(unit('a', 0, 2))]));
    await settle();
    expect(noticeText(host)).toMatch(refusedText);
    expect(host.querySelector('[data-tone="error"]')).not.toBeNull();
    expect(saved.map.units).toEqual([]);
    expect(status(host)).toBe('saved');
    await settle(120_000);
    expect(posted).toHaveLength(1);
  });

  it('a change that conflicts with another tab\'s is shown as not applied', async () => {
    const host = render(<Harness />, { locale });
    const base: ArgumentMap = { ...emptyMap, units: [unit('a', 0, 2)] };
    act(() => void saved.commit([addUnitOp(unit('a', 0, 2))]));
    replies.push({ status: 200, body: JSON.stringify({ version: 2 }) });
    await settle();
    act(() => void saved.commit([{ op: 'updateUnit', id: 'a', before: { note: '' }, after: { note: 'mine' } }]));
    const theirs = { ...base, units: [{ ...unit('a', 0, 2), note: 'theirs' }] };
    replies.push({ status: 409, body: JSON.stringify({ error: 'stale', version: 3, map: theirs }) });
    await settle();
    expect(noticeText(host)).toMatch(conflictText);
    expect(saved.map).toEqual(theirs);
    expect(noticeText(host)).toMatch(locale === 'ja' ? /元に戻す履歴のうち 2件/ : /2 undo steps/);
    // Both of this tab's steps touched what the other tab changed: undo has nothing left, and
    // says so instead of throwing.
    let step: ReturnType<typeof saved.travel> | undefined;
    act(() => void (step = saved.travel('undo')));
    expect(step).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('an overloaded server', () => {
  it('keeps the change, says so, and sends it again after the time it asked for', async () => {
    const host = render(<Harness />, { locale: 'ja' });
    replies.push({ status: 503, body: '{"error":"busy"}', headers: { 'retry-after': '5' } });
    act(() => void saved.commit([addUnitOp(unit('a', 0, 2))]));
    await settle();
    expect(status(host)).toBe('busy');
    expect(host.textContent).toContain('混雑中');
    expect(noticeText(host)).toContain('サーバーが混雑しています');
    expect(saved.map.units.map((u) => u.id)).toEqual(['a']);
    expect(JSON.parse(localStorage.getItem('ronten:unsaved:m1')!).inFlight.operations).toHaveLength(1);
    await settle(4000);
    expect(posted).toHaveLength(1); // not before the server's 5 s
    await settle(4000);
    expect(posted).toHaveLength(2);
    expect(posted[1].batchId).toBe(posted[0].batchId);
    expect(status(host)).toBe('saved');
    expect(noticeText(host)).not.toContain('混雑');
  });
});
