// The unit highlights are painted by name and styled by globals.css: every name the layer can
// paint needs a rule there, each slot its own line style, and the CSS colours must be the ones
// the map's SVG uses (components/annotate/labels).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOT_COUNT, slotColors } from '@/components/annotate/labels';
import { unitHighlightName } from './index';

const css = readFileSync(path.resolve(import.meta.dirname, '../../../../app/globals.css'), 'utf8');
const rule = (name: string) => new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(css)?.[1];
const slots = Array.from({ length: SLOT_COUNT }, (_, k) => k);

describe('unit highlight names', () => {
  it('are per slot and depth, in the shape the bench counts (ronten-unit-…-<digit>)', () => {
    expect(unitHighlightName(0, 0)).toBe('ronten-unit-slot0-0');
    expect(unitHighlightName(7, 2)).toBe('ronten-unit-slot7-2');
    expect(unitHighlightName(null, 1)).toBe('ronten-unit-other-1');
    for (const k of [...slots, null]) {
      for (const d of [0, 1, 2]) {
        const name = unitHighlightName(k, d);
        expect(name.startsWith('ronten-unit-') && /-\d$/.test(name)).toBe(true);
      }
    }
  });

  it('each have a rule in globals.css, with deeper nesting tinted more', () => {
    for (const k of [...slots, null]) {
      const tints = [0, 1, 2].map((d) => {
        const body = rule(unitHighlightName(k, d));
        expect(body, unitHighlightName(k, d)).toBeDefined();
        return Number(/(\d+)%/.exec(body!)![1]);
      });
      expect(tints[0]).toBeLessThan(tints[1]);
      expect(tints[1]).toBeLessThan(tints[2]);
    }
  });

  it('give every slot its own line, so colour is not the only cue', () => {
    const lines = slots.map((k) => /text-decoration:\s*([a-z ]+?)\s+var\(/.exec(rule(unitHighlightName(k, 0))!)?.[1]);
    expect(lines.slice(0, 4)).toEqual(['underline solid', 'underline dotted', 'underline wavy', 'underline dashed']);
    expect(new Set(lines).size).toBe(SLOT_COUNT);
  });

  it('use the same colours as the map', () => {
    for (const k of slots) {
      expect(css).toContain(`--slot-${k}: ${slotColors[k].fill}; --slot-${k}-edge: ${slotColors[k].edge};`);
      expect(css).toMatch(new RegExp(`\\.label-slot-${k} \\{ --unit: var\\(--slot-${k}\\); --unit-edge: var\\(--slot-${k}-edge\\);`));
    }
    // Ink: white unless the slot says otherwise, and then the same as the map's.
    for (const k of slots) {
      const ink = new RegExp(`\\.label-slot-${k} \\{[^}]*--unit-ink: (#[0-9a-f]{6})`).exec(css)?.[1] ?? '#ffffff';
      expect(ink, `slot ${k}`).toBe(slotColors[k].ink);
    }
  });
});
