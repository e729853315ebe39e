// Tags to labels, the same for every format whose labels are free-text tags (Hypothesis, W3C,
// Recogito): a tag names a label by the user's mapping, else by the label's id or a name; units
// whose tags name nothing are left out and their tags listed, for the dialog and --label-map;
// a tag mapped to "skip" leaves its units out and says so; relations and a main claim on a unit
// left out go with it, reported. Strict parsing refuses an unknown tag.
import { describe, expect, it } from 'vitest';
import { formats, importAnnotated, makeTagResolver, parseW3c, SKIP_TAG } from '.';
import { defaultLabelDefinitions } from './labels';
import { EXPORTED_AT, smallMap } from './test-fixtures';

const map = smallMap();
const { document, labels } = map;
const w3c = () => JSON.parse(formats.w3c.files(map, { exportedAt: EXPORTED_AT })[0].content);
const unitOf = (f: any, id: string) => f.first.items.find((a: any) => a.id === `urn:ronten:unit:small:${id}`);

describe('makeTagResolver', () => {
  it.each([
    ['a label id', ['claim'], {}, { label: 'claim', tag: 'claim' }],
    ['a display name, either language', ['主張'], {}, { label: 'claim', tag: '主張' }],
    ['the first tag that names a label', ['essay', 'Evidence', 'claim'], {}, { label: 'evidence', tag: 'Evidence' }],
    ['a mapping before names', ['Claim'], { Claim: 'rebuttal' }, { label: 'rebuttal', tag: 'Claim' }],
    ['a mapping to a label not in the scheme is no mapping', ['x'], { x: 'opinion' }, { unknownTags: ['x'] }],
    ['a skipped tag', ['ref', 'ref'], { ref: SKIP_TAG }, { skippedTag: 'ref' }],
    ['a skipped tag beside one that names a label', ['ref', 'rebuttal'], { ref: SKIP_TAG }, { label: 'rebuttal', tag: 'rebuttal' }],
    ['nothing known', ['a', 'b', 'a'], {}, { unknownTags: ['a', 'b'] }],
  ])('%s', (_name, tags, labelMap, expected) => {
    expect(makeTagResolver(defaultLabelDefinitions, labelMap).resolve(tags)).toEqual(expected);
  });

  it('sums up what it read, what it did not know and what it skipped, per tag', () => {
    const r = makeTagResolver(defaultLabelDefinitions, { ref: SKIP_TAG, 根拠っぽい: 'evidence' });
    for (const tags of [['claim'], ['Claim'], ['Claim'], ['根拠っぽい'], ['ref'], ['?'], ['?', '!']]) r.resolve(tags);
    expect(r.summary()).toEqual({
      tagLabels: [
        { tag: 'Claim', label: 'claim', units: 2 },
        { tag: '根拠っぽい', label: 'evidence', units: 1 },
      ],
      unknownTags: [
        { tag: '?', units: 2 },
        { tag: '!', units: 1 },
      ],
      skippedTags: [{ tag: 'ref', units: 1 }],
    });
  });
});

describe('W3C import with tags that name no label', () => {
  const file = () => {
    const f = w3c();
    unitOf(f, 'u2').body[0].value = '結論'; // u2 is the main claim and the end of r1 and r2
    unitOf(f, 'u4').body[0].value = 'ref';
    return f;
  };

  it('leaves their units out, lists the tags, drops what hangs on them, and needs acceptance', () => {
    const result = importAnnotated(file(), { format: 'w3c', document, labels });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map.units.map((u) => u.id).sort()).toEqual(['u1', 'u3', 'u5']);
    expect(result.report.unknownTags).toEqual([
      { tag: '結論', units: 1 },
      { tag: 'ref', units: 1 },
    ]);
    expect(result.value.map.relations).toEqual([]);
    expect(result.value.map.mainClaimId).toBeNull();
    expect(result.report.skipped.map((s) => s.message)).toEqual([
      expect.stringMatching(/its unit u2 was left out/),
      expect.stringMatching(/its unit u2 was left out/),
      expect.stringMatching(/its unit u4 was left out/),
      expect.stringMatching(/main claim u2 was left out/),
    ]);
    expect(result.needsAcceptance).toBe(true);
  });

  it('imports them with the mapping the user chose, skipping what they skipped', () => {
    const result = importAnnotated(file(), { format: 'w3c', document, labels, labelMap: { 結論: 'claim', ref: SKIP_TAG } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map.units.map((u) => [u.id, u.label]).sort()).toEqual([['u1', 'evidence'], ['u2', 'claim'], ['u3', 'counterargument'], ['u5', 'claim']]);
    expect(result.value.map.relations.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(result.value.map.mainClaimId).toBe('u2');
    expect(result.report.tagLabels).toEqual([{ tag: '結論', label: 'claim', units: 1 }]);
    expect(result.report.skippedTags).toEqual([{ tag: 'ref', units: 1 }]);
    expect(result.report.unknownTags).toEqual([]);
  });

  it('the strict parser refuses an unknown tag at its unit', () => {
    const f = w3c();
    unitOf(f, 'u1').body[0].value = 'opinion';
    expect(parseW3c(f, { document })).toEqual({ ok: false, errors: [{ at: 'first.items[0] (unit u1)', message: expect.stringMatching(/unknown label "opinion" \(expected one of claim,/), code: 'unknownTags', params: expect.objectContaining({ tags: '"opinion"' }) }] });
  });
});
