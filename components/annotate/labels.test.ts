import { describe, expect, it } from 'vitest';
import { catalog, format } from '@/lib/i18n/messages';
import fs from 'node:fs';
import path from 'node:path';
import { SLOT_COUNT, colorsOfSlot, labelClass, labelColorCss, labelKeys, labelSlot, otherColors, slotColors } from './labels';

const ids = (...xs: string[]) => xs.map((id) => ({ id }));
const defaults = ids('claim', 'evidence', 'counterargument', 'rebuttal');

/// WCAG relative luminance and contrast ratio of #rrggbb colours.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('label slots', () => {
  it('puts the default scheme in slots 0–3 in its order', () => {
    expect(defaults.map((l) => labelSlot(defaults, l.id))).toEqual([0, 1, 2, 3]);
    expect(labelClass(defaults, 'claim')).toBe('label-slot-0');
    expect(labelClass(defaults, 'rebuttal')).toBe('label-slot-3');
  });

  it('goes by position, not by id: any ids, any order', () => {
    const scheme = ids('thesis', 'data', 'claim');
    expect(labelSlot(scheme, 'thesis')).toBe(0);
    expect(labelSlot(scheme, 'data')).toBe(1);
    expect(labelSlot(scheme, 'claim')).toBe(2);
    expect(labelClass(scheme, 'data')).toBe('label-slot-1');
  });

  it('gives all eight labels of a full scheme distinct slots and classes', () => {
    const scheme = ids('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    const slots = scheme.map((l) => labelSlot(scheme, l.id));
    expect(slots).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(scheme.map((l) => labelClass(scheme, l.id))).size).toBe(8);
  });

  it('gives an id outside the scheme, or past the slots, the neutral look', () => {
    expect(labelSlot(defaults, 'thesis')).toBeNull();
    expect(labelClass(defaults, 'thesis')).toBe('label-other');
    const tooMany = ids(...Array.from({ length: SLOT_COUNT + 1 }, (_, i) => `l${i}`));
    expect(labelSlot(tooMany, `l${SLOT_COUNT}`)).toBeNull();
    expect(colorsOfSlot(null)).toBe(otherColors);
  });

  it('never builds a class from the id (an id like "chip" or "button" must not style anything)', () => {
    const scheme = ids('chip', 'button');
    expect(labelClass(scheme, 'chip')).toBe('label-slot-0');
    expect(labelClass(scheme, 'button')).toBe('label-slot-1');
  });
});

describe('slot colours', () => {
  it('keeps the default scheme’s colours', () => {
    expect(slotColors.slice(0, 4).map((c) => c.fill)).toEqual(['#0072b2', '#009e73', '#d55e00', '#cc79a7']);
  });

  it('are eight distinct Okabe–Ito colours', () => {
    const okabeIto = ['#000000', '#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'];
    expect(slotColors).toHaveLength(SLOT_COUNT);
    expect([...slotColors.map((c) => c.fill)].sort()).toEqual([...okabeIto].sort());
  });

  it('keep chip text at WCAG AA on its fill (≥ 4.5:1) and lines visible on white (≥ 3:1)', () => {
    for (const c of [...slotColors, otherColors]) {
      expect(contrast(c.ink, c.fill), `${c.ink} on ${c.fill}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.edge, '#ffffff'), `${c.edge} on white`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the page’s label colours', () => {
  it('are generated from the table (run `npm run gen:label-css` after changing it)', () => {
    expect(fs.readFileSync(path.join(process.cwd(), 'app/label-colors.css'), 'utf8')).toBe(labelColorCss());
  });

  it('give every slot its fill, line and ink from the table', () => {
    const css = labelColorCss();
    for (const [k, c] of slotColors.entries()) {
      expect(css).toContain(`--slot-${k}: ${c.fill}; --slot-${k}-edge: ${c.edge}; --slot-${k}-ink: ${c.ink};`);
      expect(css).toContain(`.label-slot-${k} { --unit: var(--slot-${k}); --unit-edge: var(--slot-${k}-edge); --unit-ink: var(--slot-${k}-ink); }`);
    }
  });
});

describe('label keys', () => {
  const t = (key: Parameters<typeof format>[1], params: { n: number }) => format(catalog.en, key, params);
  it('names the keys 1 to the scheme’s size', () => {
    expect(labelKeys(4, t)).toBe('1–4');
    expect(labelKeys(8, t)).toBe('1–8');
    expect(labelKeys(1, t)).toBe('1');
  });
});
