// @vitest-environment jsdom
// What the live region says when the word caret moves: the word, its reading, the units over
// it (main claim named), in Japanese and English; and that a run of moves is said once, after
// the keys rest, and a unit added under the caret is not said again as a move.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { catalog, translator, type Locale } from '@/lib/i18n/messages';
import type { Token } from '@/lib/tokens/types';
import { caretTokens, type TokenSelection } from '../editor/extensions/token-layer';
import { render } from '../testing/render';
import { DELAY, READING_WAIT, caretAnnouncement, useCaretAnnouncement, type CaretContext } from './caretAnnouncement';

const labels = [
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'evidence', ja: '根拠', en: 'Evidence' },
];
// 𠮷野家 は 安い 。 (readings in hiragana as the tokenizer gives them)
const surfaces: Array<[string, string]> = [['𠮷野家', 'よしのや'], ['は', 'は'], ['安い', 'やすい'], ['。', '']];
let at = 0;
const tokens: Token[] = surfaces.map(([surface, reading]) => {
  const token = { start: at, end: at + surface.length, cpStart: 0, cpEnd: 0, surface, pos: '', posDetail: '', basicForm: surface, reading };
  at += surface.length;
  return token;
});
const text = surfaces.map(([s]) => s).join('');
const units = [
  { id: 'whole', label: 'claim', start: 0, end: text.length, note: '' },
  { id: 'inner', label: 'evidence', start: 5, end: 7, note: '' }, // 安い,
];

const ctx = (locale: Locale, mainClaimId: string | null = 'whole'): CaretContext => ({ t: translator(catalog[locale]), locale, text, tokens, phrases: null, caretReadings: null, units, labels, mainClaimId });
/// The readings of what the caret shows, as the workspace loads them.
const readingsAt = (selection: TokenSelection, phrases: readonly number[] | null = null) => {
  const { first, last } = caretTokens(tokens, phrases, selection.caret!, selection.morpheme);
  return tokens.slice(first, last + 1).map((t) => t.reading);
};
// Phrases: 𠮷野家は | 安い。
const phrases = [0, 2, 4];
const caret = (index: number, anchor: number | null = null): TokenSelection => ({ caret: index, anchor });

describe('caretAnnouncement', () => {
  it.each([
    ['ja', caret(0), '𠮷野家（よしのや）、主張（論旨）の中'],
    ['en', caret(0), '𠮷野家 (よしのや), in Claim (main claim)'],
    ['ja', caret(1), 'は、主張（論旨）の中'], // a reading equal to the word is not repeated
    ['ja', caret(2), '安い（やすい）、根拠、主張（論旨）の中'], // innermost first
    ['en', caret(2), '安い (やすい), in Evidence, Claim (main claim)'],
    ['ja', caret(2, 0), '選択範囲: 𠮷野家は安い'],
    ['en', caret(1, 1), 'Selection: は'],
  ] as const)('%s %j says %j', (locale, selection, said) => {
    expect(caretAnnouncement({ ...ctx(locale), caretReadings: readingsAt(selection) }, selection)).toBe(said);
  });

  it('names no main claim when there is none, and no units outside them', () => {
    const reading = [tokens[0].reading];
    expect(caretAnnouncement({ ...ctx('ja', null), caretReadings: reading, units: units.slice(1) }, caret(0))).toBe('𠮷野家（よしのや）');
    expect(caretAnnouncement({ ...ctx('ja', null), caretReadings: reading }, caret(0))).toBe('𠮷野家（よしのや）、主張の中');
    // The reading loads with the token's detail chunk: until then the word alone is said.
    expect(caretAnnouncement(ctx('ja', null), caret(0))).toBe('𠮷野家、主張の中');
    expect(caretAnnouncement(ctx('ja'), { caret: null, anchor: null })).toBeNull();
  });
});

describe('caretAnnouncement by phrase (文節)', () => {
  const at = (locale: Locale, selection: TokenSelection, p: readonly number[] | null = phrases) =>
    caretAnnouncement({ ...ctx(locale, null), units: [], phrases: p, caretReadings: readingsAt(selection, p) }, selection);

  it('names the whole phrase the caret shows, with its reading once', () => {
    expect(at('ja', caret(0))).toBe('𠮷野家は（よしのやは）');
    expect(at('en', caret(0))).toBe('𠮷野家は (よしのやは)');
    // From a morpheme inside a phrase (a click there): the rest of the phrase, as the caret shows it.
    expect(at('ja', caret(1))).toBe('は');
    expect(at('ja', caret(2))).toBe('安い。（やすい。）');
  });

  it('names the morpheme in morpheme precision, and after an Alt move', () => {
    expect(at('ja', caret(0), null)).toBe('𠮷野家（よしのや）');
    expect(at('ja', { caret: 0, anchor: null, morpheme: true })).toBe('𠮷野家（よしのや）');
    expect(at('ja', { caret: 2, anchor: null, morpheme: true })).toBe('安い（やすい）');
  });

  it('says no reading equal to the text, nor readings of another span', () => {
    const kana = [{ ...tokens[0], surface: 'ある', reading: 'ある' }];
    expect(caretAnnouncement({ ...ctx('ja', null), text: 'ある', tokens: kana, units: [], caretReadings: ['ある'] }, caret(0))).toBe('ある');
    // Readings that do not fit what the caret shows (still those of the last place): none said.
    expect(caretAnnouncement({ ...ctx('ja', null), units: [], phrases, caretReadings: ['よしのや'] }, caret(0))).toBe('𠮷野家は');
  });
});

describe('useCaretAnnouncement', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  let move: (s: TokenSelection) => void = () => {};
  let announce: (text: string) => void = () => {};
  const said: string[] = [];
  function Harness() {
    const [selection, setSelection] = useState<TokenSelection>({ caret: null, anchor: null });
    const [current, setCurrent] = useState('');
    move = setSelection;
    announce = (text) => {
      said.push(text);
      setCurrent(text);
    };
    // As the workspace does: the caret token's reading, once its details are there.
    const caretReadings = selection.caret == null ? null : readingsAt(selection);
    useCaretAnnouncement({ ...ctx('ja'), caretReadings }, selection, current, announce);
    return null;
  }

  it('says a run of moves once, when the keys rest, and not a selection cleared in place', () => {
    said.length = 0;
    render(<Harness />);
    for (const index of [0, 1, 2, 1, 2]) {
      act(() => move(caret(index)));
      act(() => vi.advanceTimersByTime(DELAY / 5)); // key repeat
    }
    expect(said).toEqual([]);
    act(() => vi.advanceTimersByTime(DELAY));
    expect(said).toEqual(['安い（やすい）、根拠、主張（論旨）の中']);
    act(() => move(caret(2, 0)));
    act(() => vi.advanceTimersByTime(DELAY));
    // The selection is labelled and cleared: the caret has not moved, nothing more is said.
    act(() => move(caret(2)));
    act(() => vi.advanceTimersByTime(DELAY * 2));
    expect(said).toEqual(['安い（やすい）、根拠、主張（論旨）の中', '選択範囲: 𠮷野家は安い']);
  });

  it('drops a pending caret announcement when an action is said meanwhile', () => {
    said.length = 0;
    render(<Harness />);
    act(() => move(caret(0)));
    act(() => announce('支持の関係を作りました'));
    act(() => vi.advanceTimersByTime(DELAY * 2));
    expect(said).toEqual(['支持の関係を作りました']);
  });

  describe('a caret whose reading is still loading (a jump from the list or the map)', () => {
    let loaded: (ready: boolean) => void = () => {};
    function Loading() {
      const [selection, setSelection] = useState<TokenSelection>({ caret: null, anchor: null });
      const [ready, setReady] = useState(false);
      move = setSelection;
      loaded = setReady;
      const caretReadings = ready && selection.caret != null ? readingsAt(selection) : null;
      useCaretAnnouncement({ ...ctx('ja'), caretReadings, detailsPending: !ready }, selection, '', (text) => said.push(text));
      return null;
    }

    it('waits for the reading and then says it', () => {
      said.length = 0;
      render(<Loading />);
      act(() => move(caret(2)));
      act(() => vi.advanceTimersByTime(DELAY * 2));
      expect(said).toEqual([]);
      act(() => loaded(true));
      expect(said).toEqual(['安い（やすい）、根拠、主張（論旨）の中']);
    });

    it('says the word without its reading when the reading never comes', () => {
      said.length = 0;
      render(<Loading />);
      act(() => move(caret(0)));
      act(() => vi.advanceTimersByTime(DELAY + READING_WAIT));
      expect(said).toEqual(['𠮷野家、主張（論旨）の中']);
    });
  });
});
