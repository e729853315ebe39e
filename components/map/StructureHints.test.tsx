// @vitest-environment jsdom
// The structure hints' buttons go to what the hint is about: a unit, or, for an open critical
// question, the relation (whose details list the questions).
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { structureHints } from '@/lib/argument/hints';
import type { ArgumentMap } from '@/lib/argument';
import { render } from '../testing/render';
import { StructureHints } from './StructureHints';

const labels = [
  { id: 'claim', ja: '主張', en: 'Claim' },
  { id: 'evidence', ja: '根拠', en: 'Evidence' },
];
const map: ArgumentMap = {
  units: [
    { id: 'c', label: 'claim', start: 0, end: 2, note: '' },
    { id: 'e', label: 'evidence', start: 3, end: 5, note: '' },
    { id: 'lone', label: 'claim', start: 6, end: 8, note: '' },
  ],
  relations: [{ id: 'r1', type: 'support', from: ['e'], to: 'c', scheme: 'causeToEffect', note: '' }],
  mainClaimId: 'c',
};

function show(onSelect: (id: string) => void, onSelectRelation: (id: string) => void) {
  const hints = structureHints(map);
  const host = render(<StructureHints storageKey="test:hints" hints={hints} counts={{}} labels={labels} quoteOf={(id) => id} onSelect={onSelect} onSelectRelation={onSelectRelation} />, { locale: 'en' });
  const button = (kind: string) => [...host.querySelectorAll('[data-testid="structure-hints"] li button:first-of-type')].find((b) => b.textContent!.includes(kind)) as HTMLButtonElement;
  return { hints, button };
}

describe('StructureHints', () => {
  it('an open critical question selects its relation; a unit hint its unit', () => {
    const onSelect = vi.fn();
    const onSelectRelation = vi.fn();
    const { hints, button } = show(onSelect, onSelectRelation);
    const open = hints.find((h) => h.kind === 'openCriticalQuestion')!;
    const unitHint = hints.find((h) => !h.relationId)!;
    expect(open.relationId).toBe('r1');
    act(() => button(open.unitIds.join(' / ')).click());
    expect(onSelectRelation).toHaveBeenCalledWith('r1');
    expect(onSelect).not.toHaveBeenCalled();
    act(() => button(unitHint.unitIds.join(' / ')).click());
    expect(onSelect).toHaveBeenCalledWith(unitHint.unitIds[0]);
  });
});
