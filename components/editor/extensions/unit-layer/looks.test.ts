// The unit boxes are styled by ./looks (their shadow root's stylesheet): every label slot needs
// its own line there, so colour is never the only cue, and the colours it reads must be the
// page's slot colours, which are the map's (components/annotate/labels).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOT_COUNT, slotColors } from '@/components/annotate/labels';
import { slotClass, unitMarkCss } from './looks';
import { printHighlightName } from './marks';

const globals = readFileSync(path.resolve(import.meta.dirname, '../../../../app/globals.css'), 'utf8');
const slots = Array.from({ length: SLOT_COUNT }, (_, k) => k);

/// The bodies of the rules whose selector list names `selector` exactly.
function rules(selector: string): string[] {
  const out: string[] = [];
  for (const m of unitMarkCss.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (m[1].split(',').some((s) => s.trim() === selector)) out.push(m[2]);
  }
  return out;
}

/// A slot's line as the CSS draws it: its style (the --line it sets, wavy where it draws a
/// wave image instead), and whether it has a line over the text too.
function line(cls: string): string {
  const own = rules(`.${cls}`);
  const style = own.some((b) => /url\(/.test(b))
    ? 'wavy'
    : (own.map((b) => /--line:\s*(\w+)/.exec(b)?.[1]).find(Boolean) ?? /--line:\s*(\w+)/.exec(rules('.unit-mark')[0])![1]);
  return own.some((b) => /border-top:/.test(b)) ? `${style} over and under` : style;
}

describe('unit looks', () => {
  it('give every slot its own line, so colour is not the only cue', () => {
    const lines = slots.map((k) => line(slotClass(k)));
    expect(lines.slice(0, 5)).toEqual(['solid', 'dotted', 'wavy', 'dashed', 'double']);
    expect(lines.slice(5)).toEqual(['solid over and under', 'dashed over and under', 'dotted over and under']);
    expect(new Set(lines).size).toBe(SLOT_COUNT);
    expect(line(slotClass(null))).toBe('double');
  });

  it('tint by the label and draw a nested unit’s line lower by its depth, down to depth 2', () => {
    expect(rules('.unit-mark')[0]).toMatch(/background: color-mix\(in srgb, var\(--unit\) \d+%, transparent\) content-box/);
    // Only as deep as the gap under a line holds: three lines, then the next line's text.
    expect(rules('.unit-mark')[0]).toMatch(/padding-bottom: calc\(min\(var\(--depth, 0\), 2\) \* \d+px/);
  });

  it('colour each slot with the page’s slot colours, which are the map’s', () => {
    for (const k of slots) {
      expect(rules(`.${slotClass(k)}`).join(';')).toContain(`--unit: var(--slot-${k}); --unit-edge: var(--slot-${k}-edge);`);
    }
    // The wave is an image, so its colour is written out: slot 2's edge.
    expect(rules(`.${slotClass(2)}`).join(';')).toContain(`stroke='${slotColors[2].edge.replace('#', '%23')}'`);
  });

  it('print each slot as a highlight with the same line and colour as its boxes', () => {
    for (const slot of [...slots, null]) {
      const name = printHighlightName(slot);
      const body = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(globals)?.[1];
      expect(body, name).toBeDefined();
      const drawn = line(slotClass(slot)).replace(' over and under', '');
      const over = line(slotClass(slot)).endsWith('over and under');
      expect(body).toMatch(new RegExp(`text-decoration: underline ${over ? 'overline ' : ''}${drawn} `));
      expect(body).toContain(slot === null ? 'var(--slot-other)' : `var(--slot-${slot})`);
    }
  });
});
