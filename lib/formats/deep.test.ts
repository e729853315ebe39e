// The deeper model's shapes (issue 17) in every interchange format: a linked argument of three
// premises, an undercutter (and one of it), implicit units and a scheme with answered critical
// questions. Each format that reads gives back the same map; each writes the shapes the way its
// own tools read them (AIF: one RA with all premises, a CA whose target is an RA, the scheme's
// name; Argdown: parsed by @argdown/core; brat: events; CSV: the premises column). Bad input in
// these shapes is refused with the model's reason codes and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { readWithArgdown } from './argdownCore.testing';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { bratAnnotationConf, formats, importAnnotated, parseAif, parseBrat, parseW3c, serializeAif, serializeArgdown, serializeBrat, serializeW3c } from '.';
import { relationUrn, unitUrn, W3C_CONTEXT } from './w3c';
import { parseCsv, serializeRelations, serializeUnits } from './csv';
import { deepMap, EXPORTED_AT } from './test-fixtures';

const viaText = (x: unknown) => JSON.parse(JSON.stringify(x));
const map = deepMap();

describe('AIF', () => {
  const file = serializeAif(map, { exportedAt: EXPORTED_AT });
  const nodes = file.AIF.nodes;
  const byId = new Map(nodes.map((n) => [n.nodeID, n]));
  const into = (id: string) => file.AIF.edges.filter((e) => e.toID === id).map((e) => byId.get(e.fromID)!);
  const outOf = (id: string) => file.AIF.edges.filter((e) => e.fromID === id).map((e) => byId.get(e.toID)!);
  const sNode = (relationId: string) => nodes.find((n) => (n.ronten as { relationId?: string } | undefined)?.relationId === relationId)!;

  it('one RA with all three premises, named by its scheme; a CA whose target is the RA', () => {
    const ra = sNode('r1');
    expect(ra).toMatchObject({ type: 'RA', text: 'Example', scheme: 'Example' });
    expect(into(ra.nodeID).filter((n) => n.type === 'I').map((n) => n.text)).toEqual(['𠮷野家の𩸽は安い。', map.map.units.find((u) => u.id === 'i1')!.implicit ? '安いものは皆が買う。"quoted", comma\tand #tag [x]' : '', '𩸽']);
    const ca = sNode('r2');
    expect(ca.type).toBe('CA');
    expect(outOf(ca.nodeID).filter((n) => n.type !== 'YA')).toEqual([ra]);
    expect(outOf(sNode('r3').nodeID).filter((n) => n.type !== 'YA')).toEqual([ca]);
  });

  it('implicit units are I-nodes without a locution', () => {
    const implicit = nodes.filter((n) => n.type === 'I' && (n.ronten as { implicit?: boolean }).implicit);
    expect(implicit).toHaveLength(2);
    for (const n of implicit) expect(into(n.nodeID).filter((m) => m.type === 'YA')).toEqual([]);
    expect(nodes.filter((n) => n.type === 'L')).toHaveLength(map.map.units.length - 2);
  });

  it('round-trips, and plain AIF (no ronten fields) still reads the linked argument, the undercutter and the scheme', () => {
    const back = parseAif(viaText(file));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.map).toEqual(map.map);
    const plain = viaText(file);
    delete plain.ronten;
    plain.text = map.document.text;
    for (const n of plain.AIF.nodes) delete n.ronten;
    const read = importAnnotated(plain, { format: 'aif', document: map.document, labels: map.labels });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const relations = read.value.map.relations;
    expect(relations.filter((r) => r.from.length === 3)).toHaveLength(1);
    const linked = relations.find((r) => r.from.length === 3)!;
    expect(linked.scheme).toBe('example');
    expect(relations.some((r) => r.type === 'attack' && r.to === linked.id)).toBe(true);
  });
});

describe('brat', () => {
  const files = serializeBrat(map);
  const lines = files.ann.trim().split('\n');

  it('arguments as events, one role per premise in order; an undercutter is an event aimed at an event; implicit units zero-width with their text in notes', () => {
    const events = lines.filter((l) => l.startsWith('E'));
    expect(events).toHaveLength(4);
    const t = (quote: string) => lines.find((l) => /^T\d+\t[A-Z]\w+ \d+ \d+/.test(l) && l.endsWith(`\t${quote}`) && !/\t(Support|Attack) /.test(l))!.split('\t')[0];
    const iT = lines.find((l) => l.includes('RontenId') && l.endsWith('\ti1'))!.split(' ')[1].split('\t')[0];
    expect(events.some((e) => e.includes(`Target:${t('皆が食べる。')} Premise:${t('𠮷野家の𩸽は安い。')} Premise2:${iT} Premise3:${t('𩸽')}`))).toBe(true);
    expect(events.some((e) => /^E\d+\tAttack:T\d+ Target:E\d+ Premise:T\d+$/.test(e))).toBe(true);
    expect(lines.filter((l) => / 0 0\t$/.test(l))).toHaveLength(2);
    expect(lines).toContain(`${lines.find((l) => l.includes('RontenImplicit'))!.split('\t')[0]}\tRontenImplicit ${iT}\t安いものは皆が買う。"quoted", comma\\tand #tag [x]`);
    expect(lines.some((l) => /^A\d+\tScheme E\d+ example$/.test(l))).toBe(true);
    const conf = bratAnnotationConf(map.labels);
    expect(conf).toContain('Support\tTarget:<ENTITY>, Premise+:<ENTITY>');
    expect(conf).toMatch(/^Scheme Arg:Support, Value:.*\bexpertOpinion\b/m);
  });

  it('round-trips', () => {
    const back = parseBrat(files, { document: map.document, labels: map.labels });
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.map).toEqual(map.map);
    expect(back.value.comments).toEqual(map.comments);
  });
});

describe('Argdown', () => {
  const source = serializeArgdown(map);
  const result = readWithArgdown(source);
  const unitOf = (title: string) => (result.statements![title].data as { unit?: string; conclusionOf?: string }).unit ?? `(conclusion of ${(result.statements![title].data as { conclusionOf: string }).conclusionOf})`;
  const argumentOf = (title: string) => (result.arguments![title].data as { relation: string }).relation;

  it('@argdown/core reads it without errors', () => {
    expect(result.lexerErrors ?? []).toEqual([]);
    expect(result.parserErrors ?? []).toEqual([]);
  });

  it('the linked argument is a premise–conclusion structure with its premises in order and the scheme as its inference rule', () => {
    const args = Object.values(result.arguments ?? {});
    const r1 = args.find((a) => argumentOf(a.title!) === 'r1')!;
    expect(r1.pcs.filter((m) => m.role === 'premise').map((m) => unitOf(m.title!))).toEqual(['u1', 'i1', 'u5']);
    const conclusion = r1.pcs.find((m) => m.role === 'main-conclusion') as (typeof r1.pcs)[number] & { inference: { inferenceRules: string[]; data: unknown } };
    expect(unitOf(conclusion.title!)).toBe('u2');
    expect(conclusion.inference!.inferenceRules).toEqual(['Argument from example']);
    expect(conclusion.inference!.data).toMatchObject({ uses: [1, 2, 3], scheme: 'example', criticalQuestions: map.map.relations[0].criticalQuestions });
    const r3 = args.find((a) => argumentOf(a.title!) === 'r3')!;
    expect(r3.pcs.filter((m) => m.role === 'premise').map((m) => unitOf(m.title!))).toEqual(['u4', 'i2']);
  });

  it('undercuts aim at the inference of the argument they attack', () => {
    const undercuts = (result.relations ?? []).filter((r) => r.relationType === 'undercut');
    const target = (r: (typeof undercuts)[number]) => argumentOf((r.to as { argumentTitle: string }).argumentTitle);
    // r2 is attacked itself, so it is an argument (u3 its premise) whose conclusion undercuts r1.
    expect(undercuts.map((r) => [unitOf(r.from!.title!), target(r)]).sort()).toEqual([
      ['(conclusion of r2)', 'r1'],
      ['(conclusion of r3)', 'r2'],
    ]);
    const r2 = Object.values(result.arguments ?? {}).find((a) => argumentOf(a.title!) === 'r2')!;
    expect(r2.pcs.filter((m) => m.role === 'premise').map((m) => unitOf(m.title!))).toEqual(['u3']);
  });

  it('a lone undercutter is a relation line under its premise', () => {
    const lone = { ...map, map: { ...map.map, relations: map.map.relations.filter((r) => r.id !== 'r3') } };
    const read = readWithArgdown(serializeArgdown(lone));
    expect(read.parserErrors ?? []).toEqual([]);
    const undercut = (read.relations ?? []).find((r) => r.relationType === 'undercut')!;
    expect((read.statements![undercut.from!.title!].data as { unit: string }).unit).toBe('u3');
  });

  it('implicit units are statements tagged #implicit, with their own text', () => {
    const i1 = Object.values(result.statements ?? {}).find((s) => (s.data as { unit?: string } | undefined)?.unit === 'i1')!;
    expect(i1.tags).toEqual(['evidence', 'implicit']);
    expect(i1.data).toMatchObject({ implicit: true, note: '筆者は書いていないが、前提になっている' });
    expect(i1.members.find((m) => m.data)!.text).toContain('安いものは皆が買う。');
  });
});

describe('CSV', () => {
  it('a premises column, the target kind, the scheme and answers; implicit units with their text; formulas neutralized', () => {
    const risky = { ...map, map: { ...map.map, units: map.map.units.map((u) => (u.id === 'i2' ? { ...u, text: '=HYPERLINK("x")' } : u)) } };
    const relations = parseCsv(serializeRelations(risky));
    const units = parseCsv(serializeUnits(risky));
    if (!relations.ok || !units.ok) throw new Error('unreadable');
    const rows = (t: typeof relations) => t.records.slice(1).map((r) => Object.fromEntries(t.records[0].cells.map((h, i) => [h.replace('\ufeff', ''), r.cells[i]])));
    const r = rows(relations);
    expect(r.find((x) => x.id === 'r1')).toMatchObject({ from: 'u1', to: 'u2', premises: 'u1 | i1 | u5', to_kind: 'unit', scheme: 'example', critical_questions: JSON.stringify(map.map.relations[0].criticalQuestions) });
    expect(r.find((x) => x.id === 'r2')).toMatchObject({ premises: 'u3', to: 'r1', to_kind: 'relation' });
    const u = rows(units);
    expect(u.find((x) => x.id === 'i1')).toMatchObject({ start_cp: '', end_cp: '', quote: '', implicit: 'true', implicit_text: '安いものは皆が買う。"quoted", comma\tand #tag [x]' });
    expect(u.find((x) => x.id === 'i2')!.implicit_text).toBe(`'=HYPERLINK("x")`);
    expect(u.find((x) => x.id === 'u1')).toMatchObject({ implicit: 'false', implicit_text: '' });
  });
});

describe('W3C Web Annotation', () => {
  const annoContext = JSON.parse(fs.readFileSync(path.join(__dirname, '__fixtures__/w3c/anno.jsonld'), 'utf8'));
  const documentLoader = async (url: string) => {
    if (url === W3C_CONTEXT) return { contextUrl: undefined, documentUrl: url, document: annoContext };
    throw new Error(`offline: no ${url}`);
  };
  const file = viaText(serializeW3c(map, { exportedAt: EXPORTED_AT }));
  const items = file.first.items as Array<Record<string, unknown>>;

  it('a linking annotation per relation with its premises in order and its target (a unit or a relation annotation); implicit units without a selector', () => {
    const r1 = items.find((a) => a.id === relationUrn('small', 'r1'))!;
    expect(r1['ronten:from']).toEqual(['u1', 'i1', 'u5'].map((u) => unitUrn('small', u)));
    expect(r1['ronten:to']).toBe(unitUrn('small', 'u2'));
    expect(r1['ronten:scheme']).toBe('example');
    expect(items.find((a) => a.id === relationUrn('small', 'r2'))!['ronten:to']).toBe(relationUrn('small', 'r1'));
    const i1 = items.find((a) => a.id === unitUrn('small', 'i1'))! as { target: Record<string, unknown>; body: Array<{ purpose: string; value: string }> };
    expect(i1.target.selector).toBeUndefined();
    expect(i1.body.find((b) => b.purpose === 'describing')!.value).toBe('安いものは皆が買う。"quoted", comma\tand #tag [x]');
  });

  it('round-trips, also through expansion in safe mode and toRDF → fromRDF → frame', async () => {
    const back = parseW3c(file, { document: map.document, labels: map.labels });
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.map).toEqual(map.map);
    await jsonld.expand(file, { documentLoader, safe: true } as jsonld.Options.Expand);
    for (const order of ['sorted', 'reversed'] as const) {
      const nquads = (await jsonld.toRDF(file, { documentLoader, safe: true, format: 'application/n-quads' } as jsonld.Options.ToRdf)) as unknown as string;
      const lines = nquads.split('\n').filter(Boolean).sort();
      if (order === 'reversed') lines.reverse();
      const rdf = await jsonld.fromRDF(`${lines.join('\n')}\n`, { format: 'application/n-quads' });
      const framed = await jsonld.frame(rdf, { '@context': file['@context'], type: 'AnnotationCollection' } as jsonld.NodeObject, { documentLoader } as jsonld.Options.Frame);
      const read = importAnnotated(framed, { format: 'w3c', document: map.document, labels: map.labels });
      if (!read.ok) throw new Error(JSON.stringify(read.errors.slice(0, 3)));
      expect(read.value.map).toEqual(map.map);
    }
  });
});

describe('every reading format, as the app imports', () => {
  it.each(['aif', 'brat', 'w3c', 'recogito'] as const)('%s: importAnnotated on the same text gives the same map, no acceptance needed', (format) => {
    const files = formats[format].files(map, { exportedAt: EXPORTED_AT });
    const input = format === 'brat' ? { txt: files[0].content, ann: files[1].content } : files[0].content;
    const result = importAnnotated(input, { format, document: map.document, labels: map.labels });
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.needsAcceptance).toBe(false);
    expect(result.report).toMatchObject({ moved: [], unplaced: [], droppedRelations: [], skipped: [] });
    expect(result.value.map).toEqual(map.map);
    expect(result.value.comments).toEqual(map.comments);
  });

  it.each(['aif', 'brat', 'w3c', 'recogito'] as const)('%s: a file breaking the model (an unknown scheme, a cycle of undercutters) is refused with codes and nothing else', (format) => {
    const broken = { ...map, map: { ...map.map, relations: map.map.relations.map((r) => (r.id === 'r4' ? { ...r, scheme: 'nope' } : r.id === 'r2' ? { ...r, to: 'r3' } : r)) } };
    const files = formats[format].files(broken, { exportedAt: EXPORTED_AT });
    const input = format === 'brat' ? { txt: files[0].content, ann: files[1].content } : files[0].content;
    const result = importAnnotated(input, { format, document: map.document, labels: map.labels });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code).sort()).toEqual(['undercutterCycle', 'undercutterCycle', 'unknownScheme']);
  });
});
