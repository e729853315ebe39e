// @vitest-environment jsdom
// The workspace's edits of issue 17, through the real hook and the real save state (useSavedMap,
// unsaved: no map id): Shift-picks gather premises, S makes one relation with all of them (one
// undoable step), A on a selected relation makes an undercutter, S on a relation is refused in
// words, P adds a premise and a premise is removed — the last one refused as the model refuses it.
import { describe, expect, it } from 'vitest';
import { act, useRef } from 'react';
import type { Editor } from '@tiptap/react';
import { type ArgumentMap } from '@/lib/argument';
import { catalog, format } from '@/lib/i18n/messages';
import { render } from '../testing/render';
import { useT } from '../I18nProvider';
import { useSavedMap } from './useSavedMap';
import { useUnitEditing } from './useUnitEditing';

const text = 'あいうえ。かきくけ。さしすせ。たちつて。なにぬね。';
const ctx = { textLength: text.length, boundaries: [0, 5, 10, 15, 20, 25], labels: ['claim', 'evidence', 'counterargument', 'rebuttal'] };
const unit = (id: string, start: number, label = 'evidence') => ({ id, label, start, end: start + 5, note: '' });
const start: ArgumentMap = {
  units: [unit('a', 0), unit('b', 5), unit('c', 10, 'claim'), unit('d', 15, 'counterargument'), unit('e', 20)],
  relations: [],
  mainClaimId: 'c',
};
const labels = ctx.labels.map((id) => ({ id, ja: id, en: id }));
const en = (key: Parameters<typeof format>[1], params: Record<string, string | number> = {}) => format(catalog.en, key, params);

let edit: ReturnType<typeof useUnitEditing>;
let saved: ReturnType<typeof useSavedMap>;
let notices: string[];
let said: string[];

function Harness() {
  const t = useT();
  const editorRef = useRef<Editor | null>(null);
  saved = useSavedMap({ mapId: null, version: 1, map: start, ctx, onNotice: () => {} });
  edit = useUnitEditing({
    t,
    locale: 'en',
    map: saved.map,
    ctx,
    tokens: [],
    labels,
    readOnly: false,
    editorRef,
    commit: saved.commit,
    travelHistory: saved.travel,
    showNotice: (n) => notices.push(n.text),
    announce: (m) => said.push(m),
  });
  return null;
}

function setup() {
  notices = [];
  said = [];
  render(<Harness />, { locale: 'en' });
}
const step = (f: () => void) => act(f);

/// Selects a and b (Shift), S, then c: the linked argument's id.
function linkABtoC(): string {
  step(() => edit.chooseUnit('a'));
  step(() => edit.chooseUnit('b', true));
  step(() => edit.startLink('support'));
  step(() => edit.chooseUnit('c'));
  return saved.map.relations[0].id;
}

describe('linked arguments', () => {
  it('Shift-picks gather premises, said as a count; S then a target makes one relation with all of them', () => {
    setup();
    step(() => edit.chooseUnit('a'));
    step(() => edit.chooseUnit('b', true));
    expect(edit.selectedIds).toEqual(['a', 'b']);
    expect(edit.selected?.id).toBe('b');
    expect(said.at(-1)).toBe(en('announce.unitsSelected', { n: 2 }));

    step(() => edit.startLink('support'));
    expect(edit.linkMode).toEqual({ kind: 'link', type: 'support', from: ['a', 'b'] });
    expect(said.at(-1)).toBe(en('annotate.pickTargetLinked', { n: 2, type: en('annotate.relationSupport') }));
    step(() => edit.chooseUnit('c'));

    expect(saved.map.relations).toEqual([{ id: expect.any(String), type: 'support', from: ['a', 'b'], to: 'c', note: '' }]);
    expect(edit.linkMode).toBeNull();
    expect(said.at(-1)).toBe(en('announce.linkedAdded', { n: 2, type: en('annotate.relationSupport') }));
    // One user action: one undo takes the whole argument away.
    step(() => void edit.travel('undo'));
    expect(saved.map.relations).toEqual([]);
    expect(saved.canUndo).toBe(false);
  });

  it('a Shift-pick in link mode adds one more premise before the target is picked', () => {
    setup();
    step(() => edit.chooseUnit('a'));
    step(() => edit.startLink('support'));
    step(() => edit.chooseUnit('e', true));
    expect(edit.linkMode).toEqual({ kind: 'link', type: 'support', from: ['a', 'e'] });
    step(() => edit.chooseUnit('c'));
    expect(saved.map.relations.map((r) => r.from)).toEqual([['a', 'e']]);
  });
});

describe('undercutters', () => {
  it('A with a relation selected, then a unit: that unit attacks the relation', () => {
    setup();
    const argument = linkABtoC();
    step(() => edit.selectRelation(argument));
    expect(edit.selectedRelation).toBe(argument);
    expect(edit.selectedIds).toEqual([]);
    step(() => edit.startLink('attack'));
    expect(edit.linkMode).toEqual({ kind: 'undercut', target: argument, from: [] });
    step(() => edit.chooseUnit('d'));
    const attack = saved.map.relations.find((r) => r.to === argument);
    expect(attack).toMatchObject({ type: 'attack', from: ['d'], to: argument });
    expect(edit.linkMode).toBeNull();
  });

  it('in attack link mode, an edge picked as the target makes an undercutter', () => {
    setup();
    const argument = linkABtoC();
    step(() => edit.chooseUnit('d'));
    step(() => edit.startLink('attack'));
    step(() => edit.selectRelation(argument));
    expect(saved.map.relations.find((r) => r.to === argument)).toMatchObject({ type: 'attack', from: ['d'] });
  });

  it('a support aimed at a relation is refused in words, and link mode stays for another pick', () => {
    setup();
    const argument = linkABtoC();
    step(() => edit.chooseUnit('e'));
    step(() => edit.startLink('support'));
    step(() => edit.selectRelation(argument));
    expect(notices.at(-1)).toBe(en('announce.refused', { reason: en('refusal.backingNotAllowed') }));
    expect(saved.map.relations).toHaveLength(1);
    expect(edit.linkMode).toMatchObject({ kind: 'link', type: 'support' });
    // S on a selected relation says the same.
    step(() => edit.cancelMode());
    step(() => edit.selectRelation(argument));
    step(() => edit.explainBacking());
    expect(notices.at(-1)).toBe(en('announce.refused', { reason: en('refusal.backingNotAllowed') }));
  });
});

describe('premises of an existing argument', () => {
  it('P then a unit adds a premise; a premise is removed; the last one is refused', () => {
    setup();
    const argument = linkABtoC();
    step(() => edit.selectRelation(argument));
    step(() => edit.startAddPremise());
    expect(edit.linkMode).toEqual({ kind: 'addPremise', relation: argument });
    step(() => edit.chooseUnit('e'));
    expect(saved.map.relations[0].from).toEqual(['a', 'b', 'e']);
    expect(edit.linkMode).toBeNull();

    // A premise twice is refused in words.
    step(() => edit.startAddPremise());
    step(() => edit.chooseUnit('a'));
    expect(notices.at(-1)).toBe(en('announce.refused', { reason: en('refusal.repeatedPremise') }));
    step(() => edit.cancelMode());

    step(() => void edit.removePremise(argument, 'b'));
    step(() => void edit.removePremise(argument, 'e'));
    expect(saved.map.relations[0].from).toEqual(['a']);
    step(() => void edit.removePremise(argument, 'a'));
    expect(notices.at(-1)).toBe(en('announce.refused', { reason: en('refusal.lastPremise') }));
    expect(saved.map.relations[0].from).toEqual(['a']);
  });
});
