// @vitest-environment jsdom
// The relation details panel and implicit units in the unit list, rendered with React into jsdom
// over the real edits (useRelationDetails) and a real history: the scheme picker, critical
// questions answered once per pause or blur (not per keystroke), "add unstated premise" as one
// undoable step, its refusal in words, and the dashed, editable implicit row.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { applyChecked, emptyHistory, record, sameValue, undo, type ArgumentMap, type DocumentContext, type History, type Operation } from '@/lib/argument';
import { catalog, translator } from '@/lib/i18n/messages';
import { render } from '../testing/render';
import { RelationDetails } from './RelationDetails';
import { unitListNoops } from './unitListNoops.testing';
import { UnitList } from './UnitList';
import { useRelationDetails } from './useRelationDetails';
import type { NoticeInput } from './Notices';

const text = '主張です。根拠です。';
const labels = [
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'evidence', ja: '根拠', en: 'Evidence' },
  { id: 'counterargument', ja: '反論', en: 'Counterargument' },
  { id: 'rebuttal', ja: '再反論', en: 'Rebuttal' },
];
const ctx: DocumentContext = { textLength: text.length, boundaries: [0, 5, 10], labels: labels.map((l) => l.id) };
const start: ArgumentMap = {
  units: [
    { id: 'c', label: 'claim', start: 0, end: 5, note: '' },
    { id: 'e', label: 'evidence', start: 5, end: 10, note: '' },
    { id: 'i', label: 'evidence', implicit: true, text: '暗黙の前提', note: '' },
  ],
  relations: [{ id: 'r1', type: 'support', from: ['e'], to: 'c', note: '' }],
  mainClaimId: null,
};
const t = translator(catalog.ja);

/// What the edits did: each user action's operations and announcement, and the notices shown.
let runs: Array<{ operations: Operation[]; message?: string }>;
let notices: NoticeInput[];
let now: { map: ArgumentMap; history: History };

function useWorkspace(initial: ArgumentMap, readOnly: boolean, selected: string | null) {
  const [state, setState] = useState({ map: initial, history: emptyHistory });
  const [selectedRelation, setSelectedRelation] = useState<string | null>(selected);
  now = state;
  const run = (operations: Operation[], message?: string) => {
    const result = applyChecked(state.map, operations, ctx);
    if (!result.ok) return false;
    runs.push({ operations, message });
    setState({ map: result.map, history: record(state.history, operations) });
    return true;
  };
  const showNotice = (n: NoticeInput) => notices.push(n);
  const { binding } = useRelationDetails({ t, locale: 'ja', map: state.map, labels, readOnly, selectedRelationId: selectedRelation, setSelectedRelationId: setSelectedRelation, run, showNotice });
  return { map: state.map, binding };
}

function Panel({ initial = start, readOnly = false }: { initial?: ArgumentMap; readOnly?: boolean }) {
  const { map, binding } = useWorkspace(initial, readOnly, 'r1');
  return <RelationDetails map={map} text={text} labels={labels} relationId="r1" binding={binding} />;
}

function List({ selected }: { selected: string }) {
  const { map, binding } = useWorkspace(start, false, null);
  return (
    <UnitList
      text={text}
      map={map}
      labels={labels}
      selectedId={selected}
      selectedIds={[selected]}
      selectedRelationId={binding.selectedRelationId}
      linking={false}
      readOnly={false}
      feedback={null}
      details={binding}
      {...unitListNoops}
      onSelectRelation={(id) => binding.onOpen(id)}
    />
  );
}

let host: HTMLElement;
/// A field by its accessible name: the text of its label (label[for]).
const field = (name: string) => {
  const label = [...host.querySelectorAll('label')].find((l) => l.textContent === name && l.htmlFor);
  return (label && host.ownerDocument.getElementById(label.htmlFor)) as HTMLTextAreaElement;
};
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const status = () => host.querySelector('[data-testid="questions-status"]')?.textContent;

function type(box: HTMLTextAreaElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function key(target: Element, key: string, init: KeyboardEventInit = {}) {
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init })));
}
function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
const schemeSelect = () => host.querySelector('select[id^="scheme-"]') as HTMLSelectElement;
const withScheme: ArgumentMap = { ...start, relations: [{ ...start.relations[0], scheme: 'causeToEffect' }] };

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  vi.useRealTimers();
  runs = [];
  notices = [];
});
runs = [];
notices = [];

describe('the relation details panel', () => {
  it('shows the type, the premises, the target and the note', () => {
    host = render(<Panel initial={{ ...start, relations: [{ ...start.relations[0], from: ['e', 'i'], note: '理由' }] }} />, { locale: 'ja' });
    expect(host.querySelector('h3')!.textContent).toBe('関係の詳細');
    const premises = [...host.querySelectorAll('[data-testid="relation-premises"] li')].map((li) => li.textContent);
    expect(premises).toEqual(['根拠「根拠です。」', '根拠本文にない「暗黙の前提」']);
    expect(host.querySelector('[data-premise-id="i"] [data-implicit-mark]')).not.toBeNull();
    expect(host.querySelector('[data-testid="relation-target"]')!.textContent).toBe('主張「主張です。」');
    expect(field('関係のメモ').value).toBe('理由');
  });

  it('sets a scheme from a labelled picker in one announced step, then lists its questions named by them', () => {
    host = render(<Panel />, { locale: 'ja' });
    const select = schemeSelect();
    expect(host.querySelector(`label[for="${select.id}"]`)!.textContent).toBe('論証スキーム');
    expect(select.value).toBe('');
    expect(select.options[0].textContent).toBe('なし');
    choose(select, 'causeToEffect');
    expect(runs).toEqual([{ operations: [expect.objectContaining({ op: 'setScheme', after: { scheme: 'causeToEffect', answers: [] } })], message: '論証スキームを「原因から結果への議論」にしました' }]);
    expect(now.map.relations[0].scheme).toBe('causeToEffect');
    expect(status()).toBe('まだ答えていない問いが3件あります（全3件）');
    expect(field('この場合に結果が生じるのを妨げる、ほかの要因はないか。')).toBeDefined();
    expect(host.querySelectorAll('[data-question-id][data-open="true"]')).toHaveLength(3);
  });

  it('saves an answer once when the field is left, not per keystroke, and removes a cleared one', () => {
    host = render(<Panel initial={withScheme} />, { locale: 'ja' });
    const box = field('この場合に結果が生じるのを妨げる、ほかの要因はないか。');
    act(() => box.focus());
    type(box, 'ワ');
    type(box, 'ワクチン');
    type(box, 'ワクチンの供給 ');
    expect(runs).toEqual([]);
    act(() => box.blur());
    expect(runs).toEqual([{ operations: [{ op: 'answerCriticalQuestion', id: 'r1', question: 'interference', before: null, after: 'ワクチンの供給' }], message: '答えを保存しました' }]);
    expect(status()).toBe('まだ答えていない問いが2件あります（全3件）');
    expect(host.querySelector('[data-question-id="interference"]')!.getAttribute('data-open')).toBe('false');

    act(() => box.focus());
    type(box, '  ');
    act(() => box.blur());
    expect(runs[1]).toEqual({ operations: [{ op: 'answerCriticalQuestion', id: 'r1', question: 'interference', before: 'ワクチンの供給', after: null }], message: '答えを消しました' });
    expect(now.map.relations[0].criticalQuestions).toBeUndefined();
  });

  it('saves an answer after a pause in typing, without announcing it', () => {
    vi.useFakeTimers();
    host = render(<Panel initial={withScheme} />, { locale: 'ja' });
    const box = field('その因果関係はどれほど強いか（そもそも成り立つか）。');
    act(() => box.focus());
    type(box, '強い');
    act(() => void vi.advanceTimersByTime(500));
    type(box, '強いとは言えない');
    expect(runs).toEqual([]);
    act(() => void vi.advanceTimersByTime(1500));
    expect(runs).toEqual([{ operations: [expect.objectContaining({ question: 'strength', after: '強いとは言えない' })], message: undefined }]);
    act(() => box.blur());
    expect(runs).toHaveLength(1);
  });

  it('adds an unstated premise as an implicit unit and a premise in one undoable step', () => {
    host = render(<Panel />, { locale: 'ja' });
    const add = button('空所の前提を補う');
    expect(add.getAttribute('aria-keyshortcuts')).toBe('U');
    act(() => add.click());
    expect(add.getAttribute('aria-expanded')).toBe('true');
    const box = field('補う前提の文');
    expect(document.activeElement).toBe(box);
    expect((host.querySelector('form select') as HTMLSelectElement).value).toBe('evidence');
    type(box, ' 影響力は支持で測れる ');
    key(box, 'Enter');
    expect(runs).toHaveLength(1);
    const [addUnit, addPremise] = runs[0].operations;
    expect(addUnit).toMatchObject({ op: 'addUnit', unit: { label: 'evidence', implicit: true, text: '影響力は支持で測れる' } });
    expect(addPremise).toMatchObject({ op: 'addPremise', id: 'r1', position: 1 });
    expect(runs[0].message).toBe('本文にない前提（根拠）を補いました');
    const id = (addUnit as Extract<Operation, { op: 'addUnit' }>).unit.id;
    expect(now.map.relations[0].from).toEqual(['e', id]);
    expect(host.querySelector(`[data-premise-id="${id}"] [data-implicit-mark]`)).not.toBeNull();
    expect(host.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(add);

    const undone = undo(now.history, now.map, ctx);
    expect(undone.ok && sameValue(undone.map, start)).toBe(true);
  });

  it('refuses an empty premise in words and keeps the field; Escape closes it', () => {
    host = render(<Panel />, { locale: 'ja' });
    act(() => button('空所の前提を補う').click());
    const box = field('補う前提の文');
    type(box, '   ');
    key(box, 'Enter');
    expect(runs).toEqual([]);
    expect(host.querySelector('form [role="alert"]')!.textContent).toBe('前提の文を入力してください（空にはできません）');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    // Enter that ends an IME composition only confirms the composition.
    type(box, '前提');
    key(box, 'Enter', { isComposing: true });
    expect(runs).toEqual([]);
    key(box, 'Escape');
    expect(host.querySelector('form')).toBeNull();
    expect(runs).toEqual([]);
  });

  it('shows the scheme and answers as text when read-only', () => {
    const answered: ArgumentMap = { ...start, relations: [{ ...start.relations[0], scheme: 'causeToEffect', criticalQuestions: [{ id: 'strength', answer: '強い' }] }] };
    host = render(<Panel initial={answered} readOnly />, { locale: 'ja' });
    expect(host.querySelector('select, textarea')).toBeNull();
    expect(button('空所の前提を補う')).toBeUndefined();
    expect(host.textContent).toContain('論証スキーム: 原因から結果への議論');
    expect(host.querySelector('[data-question-id="strength"]')!.textContent).toContain('強い');
    expect(status()).toBe('まだ答えていない問いが2件あります（全3件）');
  });
});

describe('implicit units in the unit list', () => {
  const row = (id: string) => host.querySelector(`[data-unit-row="${id}"]`) as HTMLElement;

  it('come after the text units, dashed and marked as not in the text, with no way into the essay', () => {
    host = render(<List selected="c" />, { locale: 'ja' });
    expect([...host.querySelectorAll('[data-unit-row]')].map((r) => r.getAttribute('data-unit-row'))).toEqual(['c', 'e', 'i']);
    expect(row('i').className).toContain('border-dashed');
    expect(row('i').querySelector('[data-implicit-mark]')!.textContent).toBe('本文にない');
    expect(row('i').querySelector('button[aria-label^="本文へ"]')).toBeNull();
    expect(row('e').className).not.toContain('border-dashed');
    expect(row('e').querySelector('button[aria-label^="本文へ"]')).not.toBeNull();
  });

  it('edit their text, and refuse an empty one in words, keeping the saved text', () => {
    host = render(<List selected="i" />, { locale: 'ja' });
    expect(row('i').querySelector('button[aria-keyshortcuts="["]')).toBeNull(); // no edges to move
    const box = field('本文にない単位の文');
    act(() => box.focus());
    type(box, '暗黙の前提を直した');
    act(() => box.blur());
    expect(runs).toEqual([{ operations: [{ op: 'updateUnit', id: 'i', before: { text: '暗黙の前提' }, after: { text: '暗黙の前提を直した' } }], message: undefined }]);
    act(() => box.focus());
    type(box, ' ');
    act(() => box.blur());
    expect(runs).toHaveLength(1);
    expect(notices).toEqual([{ tone: 'error', text: 'できません: 前提の文を入力してください（空にはできません）' }]);
    expect(box.value).toBe('暗黙の前提を直した');
  });

  it('open a relation’s details under its line, keeping the unit open', () => {
    host = render(<List selected="c" />, { locale: 'ja' });
    const show = row('c').querySelector('[data-relation-id="r1"] button[aria-expanded]') as HTMLButtonElement;
    expect(show.getAttribute('aria-label')).toBe('支持の関係（根拠です。）の詳細');
    act(() => show.click());
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(row('c').querySelector('[data-relation-id="r1"] [data-relation-details="r1"]')).not.toBeNull();
    act(() => show.click());
    expect(row('c').querySelector('[data-relation-details]')).toBeNull();
  });
});
