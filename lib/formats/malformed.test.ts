// Broken files are refused with errors that point at the offending item (a unit or relation id,
// a JSON path, an .ann line), through the same path the CLI and the app import with.
import { describe, expect, it } from 'vitest';
import { formats, importAnnotated, parseAif, parseBrat, parseNative, parseW3c, type FormatId } from '.';
import { EXPORTED_AT, smallMap } from './test-fixtures';

const map = smallMap();
const { document, labels } = map;
const exported = (format: FormatId) => JSON.parse(formats[format].files(map, { exportedAt: EXPORTED_AT })[0].content);
const w3cUnit = (f: any, id: string) => f.first.items.find((a: any) => a.id === `urn:ronten:unit:small:${id}`);
const aifNode = (f: any, id: string) => f.AIF.nodes.find((n: any) => n.ronten?.unitId === id);

type Case = [string, FormatId, () => unknown, string, RegExp];

const cases: Case[] = [
  ['truncated JSON', 'json', () => formats.json.files(map)[0].content.slice(0, 200), '(file)', /not valid JSON/],
  ['offsets past the end', 'json', () => { const f = exported('json'); f.units[0].end = 999; return f; }, 'unit u1', /not a span of the text/],
  ['a quote that does not match', 'json', () => { const f = exported('json'); f.units[0].quote = '吉野家'; return f; }, 'unit u1', /does not match the text/],
  ['an unknown label', 'json', () => { const f = exported('json'); f.units[0].label = 'opinion'; return f; }, 'unit u1', /unknown label "opinion"/],
  ['a relation to a missing unit', 'json', () => { const f = exported('json'); f.relations[0].to = 'u9'; return f; }, 'relation r1', /missing unit u9/],

  ['truncated JSON', 'w3c', () => formats.w3c.files(map)[0].content.slice(0, 300), '(file)', /not valid JSON/],
  ['offsets past the end', 'w3c', () => { const f = exported('w3c'); w3cUnit(f, 'u1').target.selector[1].end = 999; return f; }, 'first.items[0] (unit u1)', /not a span of the text/],
  ['a quote that does not match', 'w3c', () => { const f = exported('w3c'); w3cUnit(f, 'u1').target.selector[0].exact = '吉野家'; return f; }, 'first.items[0] (unit u1)', /does not match the text/],
  ['a relation to a missing unit', 'w3c', () => { const f = exported('w3c'); f.first.items.find((a: any) => a.motivation === 'linking')['ronten:to'] = 'urn:ronten:unit:small:u9'; return f; }, 'first.items[5] (relation r1)', /missing unit u9/],
  ['a relation without a type', 'w3c', () => { const f = exported('w3c'); f.first.items[5].body.value = 'agrees'; return f; }, 'first.items[5] (relation r1): body', /"support" or "attack"/],

  ['truncated JSON', 'aif', () => formats.aif.files(map)[0].content.slice(0, 100), '(file)', /not valid JSON/],
  ['offsets past the end', 'aif', () => { const f = exported('aif'); aifNode(f, 'u1').ronten.end = 999; return f; }, 'AIF.nodes[0] (unit u1)', /not a span of the text/],
  ['a quote that does not match', 'aif', () => { const f = exported('aif'); aifNode(f, 'u1').text = '吉野家'; return f; }, 'AIF.nodes[0] (unit u1)', /does not match the text/],
  ['an unknown label', 'aif', () => { const f = exported('aif'); aifNode(f, 'u1').ronten.label = 'opinion'; return f; }, 'AIF.nodes[0] (unit u1)', /unknown label "opinion"/],
  ['an edge to a missing node', 'aif', () => { const f = exported('aif'); f.AIF.edges[1].toID = '99'; return f; }, 'AIF.edges[1]', /missing node 99/],
  ['a main claim that is not a unit', 'aif', () => { const f = exported('aif'); f.ronten.mainClaim = 'u9'; return f; }, 'mainClaim', /missing unit u9/],
];

const brat = () => {
  const [txt, ann] = formats.brat.files(map).map((f) => f.content);
  return { txt, lines: ann.split('\n') };
};
const bratCases: Array<[string, (lines: string[], txt: string) => { txt: string; ann: string }, string, RegExp]> = [
  ['a bad line', (l, txt) => ({ txt, ann: [...l.slice(0, 2), 'T9 Claim 0 3 no tabs', ...l.slice(2)].join('\n') }), 'line 3', /expected "<id>\\t…"/],
  ['a T line without offsets', (l, txt) => ({ txt, ann: [...l, 'T9\tClaim zero three\tx'].join('\n') }), `line ${brat().lines.length + 1}`, /<Label> <start> <end>/],
  ['offsets past the end', (l, txt) => ({ txt, ann: l.map((x) => x.replace(/^T5\tRebuttal 42 49/, 'T5\tRebuttal 42 999')).join('\n') }), 'line 5', /not a span of the text/],
  ['text that does not match the .txt', (l, txt) => ({ txt, ann: l.map((x) => x.replace(/それは誤解だ。$/, 'それは正解だ。')).join('\n') }), 'line 5', /does not match the \.txt/],
  ['an unknown label', (l, txt) => ({ txt, ann: l.map((x) => x.replace('\tRebuttal ', '\tOpinion ')).join('\n') }), 'line 5', /unknown label "Opinion"/],
  ['an unknown T reference', (l, txt) => ({ txt, ann: l.map((x) => x.replace('Arg2:T3', 'Arg2:T42')).join('\n') }), 'line 6', /unknown T reference T42/],
  ['a .txt that is not the one annotated', (l, txt) => ({ txt: `前置き。${txt}`, ann: l.join('\n') }), 'line 1', /does not match the \.txt/],
  ['an unknown relation type', (l, txt) => ({ txt, ann: l.map((x) => x.replace('supports Arg1', 'agrees Arg1')).join('\n') }), 'line 6', /unknown relation type "agrees"/],
  ['a duplicate id', (l, txt) => ({ txt, ann: [...l.slice(0, 5), l[0], ...l.slice(5)].join('\n') }), 'line 6', /duplicate annotation id T1/],
  ['an event line of another scheme', (l, txt) => ({ txt, ann: [...l, 'E1\tArguing:T1 Arg:T2'].join('\n') }), `line ${brat().lines.length + 1}`, /event E1 should read/],
  ['a normalization line', (l, txt) => ({ txt, ann: [...l, 'N1\tReference T1 Wikipedia:534366\tx'].join('\n') }), `line ${brat().lines.length + 1}`, /no counterpart in a map/],
];

describe('malformed files', () => {
  it.each(cases)('%s (%s) is refused at the item', (_name, format, make, at, message) => {
    const result = importAnnotated(make(), { format, document, labels });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ at, message: expect.stringMatching(message) }));
    // The strict parsers refuse it the same way.
    const input = typeof make() === 'string' ? JSON.parse('null') : make();
    if (input !== null) {
      const strict = format === 'json' ? parseNative(input) : format === 'w3c' ? parseW3c(input, { document }) : parseAif(input);
      expect(strict.ok).toBe(false);
    }
  });

  it.each(bratCases)('brat: %s is refused with its line', (_name, mutate, at, message) => {
    const { txt, lines } = brat();
    const input = mutate(lines, txt);
    const result = importAnnotated(input, { format: 'brat', document, labels });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ at: expect.stringMatching(new RegExp(`^${at}\\b`)), message: expect.stringMatching(message) }));
    expect(parseBrat(input).ok).toBe(false);
  });

  it('a label the target scheme does not have is refused even when the file defines it', () => {
    const f = exported('json');
    f.labels.push({ id: 'opinion', name: { ja: '意見', en: 'Opinion' } });
    f.units[0].label = 'opinion';
    expect(parseNative(f).ok).toBe(true);
    const result = importAnnotated(f, { format: 'json', document, labels });
    expect(result.ok || result.errors).toEqual([
      {
        at: 'unit u1',
        message: expect.stringMatching(/unknown label "opinion" \(expected one of claim, evidence, counterargument, rebuttal\)/),
        code: 'unknownLabel',
        params: { label: 'opinion', expected: 'claim, evidence, counterargument, rebuttal' },
      },
    ]);
  });

  it('export-only formats are refused as imports', () => {
    const result = importAnnotated('whatever', { format: 'csv', document, labels });
    expect(result.ok || result.errors[0].message).toMatch(/cannot be imported/);
  });

  it('W3C without its document is refused by the strict parser', () => {
    expect(parseW3c(exported('w3c'))).toEqual({ ok: false, errors: [{ at: '(options)', message: expect.stringMatching(/pass the document/), code: 'needsDocument', params: { format: 'W3C' } }] });
  });
});
