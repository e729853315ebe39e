// The unit boxes are styled by globals.css (.unit-mark): every label slot needs its own line
// there, so colour is never the only cue, and the CSS colours must be the ones the map's SVG
// uses (components/annotate/labels).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOT_COUNT, slotColors } from '@/components/annotate/labels';

const css = readFileSync(path.resolve(import.meta.dirname, '../../../../app/globals.css'), 'utf8');
const slots = Array.from({ length: SLOT_COUNT }, (_, k) => k);

/// The bodies of the rules whose selector list names `selector` exactly.
function rules(selector: string): string[] {
  const out: string[] = [];
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (m[1].split(',').some((s) => s.trim() === selector)) out.push(m[2]);
  }
  return out;
}

/// A slot's line as the CSS draws it: its style (the --line it sets, wavy where it draws a
/// wave image instead), and whether it has a line over the text too.
function line(cls: string): string {
  const own = rules(`.unit-mark.${cls}`);
  const style = own.some((b) => /url\(/.test(b))
    ? 'wavy'
    : (own.map((b) => /--line:\s*(\w+)/.exec(b)?.[1]).find(Boolean) ?? /--line:\s*(\w+)/.exec(rules('.unit-mark')[0])![1]);
  return own.some((b) => /border-top:/.test(b)) ? `${style} over and under` : style;
}

describe('unit looks', () => {
  it('give every slot its own line, so colour is not the only cue', () => {
    const lines = slots.map((k) => line(`label-slot-${k}`));
    expect(lines.slice(0, 5)).toEqual(['solid', 'dotted', 'wavy', 'dashed', 'double']);
    expect(lines.slice(5)).toEqual(['solid over and under', 'dashed over and under', 'dotted over and under']);
    expect(new Set(lines).size).toBe(SLOT_COUNT);
    expect(line('label-other')).toBe('double');
  });

  it('tint by the label and draw a nested unit’s line lower by its depth', () => {
    expect(rules('.unit-mark')[0]).toMatch(/background: color-mix\(in srgb, var\(--unit\) \d+%, transparent\) content-box/);
    expect(rules('.unit-mark')[0]).toMatch(/padding-bottom: calc\(var\(--depth, 0\) \* \d+px/);
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
