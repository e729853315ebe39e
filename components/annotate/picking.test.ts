import { describe, expect, it } from 'vitest';
import { catalog } from '@/lib/i18n/messages';
import { finishUndercut, focusOf, modeSelection, noSelection, pick, refusalKey, startMode, toggled, type LinkMode, type Selection } from './picking';

const units = (...ids: string[]): Selection => ({ units: ids, relation: null });
const unit = (id: string | null, extend = false) => ({ kind: 'unit' as const, id, extend });
const relation = (id: string | null) => ({ kind: 'relation' as const, id, extend: false });

describe('selecting without a mode', () => {
  it('a pick selects that unit alone; Shift adds it, or takes it out, keeping the pick order', () => {
    expect(pick(units('a', 'b'), null, unit('c'))).toEqual({ kind: 'select', selection: units('c') });
    expect(pick(units('a'), null, unit('b', true))).toEqual({ kind: 'select', selection: units('a', 'b') });
    expect(pick(units('a', 'b', 'c'), null, unit('b', true))).toEqual({ kind: 'select', selection: units('a', 'c') });
    expect(toggled(['a'], 'a')).toEqual([]);
  });

  it('the focus (what the unit commands act on) is the last unit picked', () => {
    expect(focusOf(units('a', 'b'))).toBe('b');
    expect(focusOf(noSelection)).toBeNull();
  });

  it('a click on nothing clears the selection, a Shift+click on nothing keeps it', () => {
    expect(pick(units('a', 'b'), null, unit(null))).toEqual({ kind: 'select', selection: noSelection });
    expect(pick(units('a', 'b'), null, unit(null, true))).toEqual({ kind: 'none' });
  });

  it('a relation picked replaces the units; a unit picked replaces the relation', () => {
    expect(pick(units('a'), null, relation('r1'))).toEqual({ kind: 'select', selection: { units: [], relation: 'r1' } });
    expect(pick({ units: [], relation: 'r1' }, null, unit('a', true))).toEqual({ kind: 'select', selection: units('a') });
  });
});

describe('S and A', () => {
  it('start link mode with every selected unit as a premise, in the order picked', () => {
    expect(startMode(units('a', 'b'), 'support')).toEqual({ kind: 'link', type: 'support', from: ['a', 'b'] });
    expect(startMode(units('a'), 'attack')).toEqual({ kind: 'link', type: 'attack', from: ['a'] });
    expect(startMode(noSelection, 'support')).toBeNull();
  });

  it('A on a selected relation starts undercut mode; S on one starts nothing (backing is refused)', () => {
    expect(startMode({ units: [], relation: 'r1' }, 'attack')).toEqual({ kind: 'undercut', target: 'r1', from: [] });
    expect(startMode({ units: [], relation: 'r1' }, 'support')).toBeNull();
  });

  it('P on a selected relation starts add-premise mode, and on units nothing', () => {
    expect(startMode({ units: [], relation: 'r1' }, 'addPremise')).toEqual({ kind: 'addPremise', relation: 'r1' });
    expect(startMode(units('a'), 'addPremise')).toBeNull();
  });
});

describe('picking the target in link mode', () => {
  const linked: LinkMode = { kind: 'link', type: 'support', from: ['a', 'b'] };

  it('a unit picked is the target of one relation with all the premises (a linked argument)', () => {
    expect(pick(units('a', 'b'), linked, unit('c'))).toEqual({ kind: 'relate', type: 'support', from: ['a', 'b'], to: 'c', selection: units('a', 'b') });
  });

  it('a relation picked is the target too: an attack on it is an undercutter, a support is left to the model to refuse', () => {
    const attack: LinkMode = { kind: 'link', type: 'attack', from: ['d'] };
    expect(pick(units('d'), attack, relation('r1'))).toMatchObject({ kind: 'relate', type: 'attack', from: ['d'], to: 'r1' });
    expect(pick(units('a', 'b'), linked, relation('r1'))).toMatchObject({ kind: 'relate', type: 'support', to: 'r1' });
  });

  it('Shift adds or takes away a premise and keeps the mode; taking the last away ends it', () => {
    expect(pick(units('a', 'b'), linked, unit('e', true))).toEqual({ kind: 'mode', mode: { ...linked, from: ['a', 'b', 'e'] }, selection: units('a', 'b', 'e') });
    expect(pick(units('a', 'b'), linked, unit('a', true))).toEqual({ kind: 'mode', mode: { ...linked, from: ['b'] }, selection: units('b') });
    expect(pick(units('a'), { ...linked, from: ['a'] }, unit('a', true))).toEqual({ kind: 'mode', mode: null, selection: units() });
  });

  it('a click on nothing changes nothing', () => {
    expect(pick(units('a', 'b'), linked, unit(null))).toEqual({ kind: 'none' });
    expect(pick(units('a', 'b'), linked, relation(null))).toEqual({ kind: 'none' });
  });
});

describe('undercut mode', () => {
  const mode: LinkMode = { kind: 'undercut', target: 'r1', from: [] };

  it('a unit picked attacks the relation', () => {
    expect(pick({ units: [], relation: 'r1' }, mode, unit('d'))).toEqual({ kind: 'relate', type: 'attack', from: ['d'], to: 'r1', selection: { units: [], relation: 'r1' } });
  });

  it('Shift-picks gather attackers; the last plain pick joins them, once', () => {
    const gathered = pick({ units: [], relation: 'r1' }, mode, unit('d', true));
    expect(gathered).toEqual({ kind: 'mode', mode: { ...mode, from: ['d'] }, selection: { units: ['d'], relation: 'r1' } });
    const two: LinkMode = { ...mode, from: ['d', 'e'] };
    expect(pick(units('d', 'e'), two, unit('f'))).toMatchObject({ kind: 'relate', from: ['d', 'e', 'f'], to: 'r1' });
    expect(pick(units('d', 'e'), two, unit('e'))).toMatchObject({ kind: 'relate', from: ['d', 'e'] });
  });

  it('"Done" attacks with the gathered units, and only when there are some', () => {
    expect(finishUndercut({ ...mode, from: ['d', 'e'] })).toMatchObject({ kind: 'relate', type: 'attack', from: ['d', 'e'], to: 'r1' });
    expect(finishUndercut(mode)).toBeNull();
    expect(finishUndercut({ kind: 'link', type: 'attack', from: ['d'] })).toBeNull();
  });

  it('a relation picked does nothing', () => {
    expect(pick(noSelection, mode, relation('r2'))).toEqual({ kind: 'none' });
  });
});

describe('add-premise mode', () => {
  it('the unit picked joins the relation’s premises', () => {
    const mode: LinkMode = { kind: 'addPremise', relation: 'r1' };
    expect(pick({ units: [], relation: 'r1' }, mode, unit('e'))).toEqual({ kind: 'addPremise', relation: 'r1', unit: 'e' });
    expect(pick({ units: [], relation: 'r1' }, mode, relation('r2'))).toEqual({ kind: 'none' });
    expect(modeSelection(mode)).toEqual({ units: [], relation: 'r1' });
  });
});

describe('refusals', () => {
  it('words the model’s refusals a user can cause by hand, and calls the rest a change made meanwhile', () => {
    expect(refusalKey({ refusal: 'duplicateRelation', code: 'duplicateRelation' })).toBe('refusal.duplicateRelation');
    expect(refusalKey({ code: 'backingNotAllowed' })).toBe('refusal.backingNotAllowed');
    expect(refusalKey({ code: 'lastPremise' })).toBe('refusal.lastPremise');
    expect(refusalKey({ code: 'repeatedPremise' })).toBe('refusal.repeatedPremise');
    expect(refusalKey({ code: 'stale' })).toBe('request.status.409');
    expect(refusalKey({})).toBe('request.status.409');
    for (const code of ['backingNotAllowed', 'lastPremise', 'repeatedPremise', 'undercutterCycle'] as const) {
      expect(catalog.ja[refusalKey({ code })]).toBeTruthy();
      expect(catalog.en[refusalKey({ code })]).toBeTruthy();
    }
  });
});
