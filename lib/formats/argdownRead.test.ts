// Reading Argdown (./argdownRead.ts). Our export comes back as the very map it was made from —
// the v1-shaped small map, the deeper model's shapes, the worked example, maps with odd ids and
// notes — through importAnnotated, as the app and the CLI import. Argdown written by hand (that
// @argdown/core itself reads without errors, as the check that it is Argdown) becomes units
// anchored by their text, implicit units for statements not in the text, relations from
// relation lines in both directions, a linked argument from a premise–conclusion structure and
// an undercut. Broken files are refused with coded errors and give no map.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAnnotated, parseNative, readArgdown, serializeArgdown } from '.';
import { readRelationComment } from './argdownRead';
import { readYamlData } from './argdownYaml';
import { deepMap, smallMap } from './test-fixtures';
import type { AnnotatedMap } from './types';
import { argdownErrors, readWithArgdown } from './argdownCore.testing';


function example(): AnnotatedMap {
  const parsed = parseNative(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'corpus/russia-diplomacy-2020.example.argmap.json'), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const small = smallMap();
const importArgdown = (source: string, on: AnnotatedMap = small) => importAnnotated(source, { format: 'argdown', document: on.document, labels: on.labels });

describe('our export comes back as the same map', () => {
  it.each<[string, () => AnnotatedMap]>([
    ['the small (v1-shaped) map', smallMap],
    ['the deeper model: a linked argument with a scheme and answers, undercutters, implicit units', deepMap],
    ['the worked example', example],
  ])('%s', (_name, make) => {
    const map = make();
    const source = serializeArgdown(map);
    const result = importArgdown(source, map);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map).toEqual(map.map);
    expect(result.needsAcceptance).toBe(false);
    expect(result.report).toMatchObject({ skipped: [], moved: [], unplaced: [], reanchored: null });
  });

  it('the worked example has what the test is about: a linked argument, an undercutter, an implicit unit, a scheme', () => {
    const { map } = example();
    const ids = new Set(map.relations.map((r) => r.id));
    expect(map.relations.some((r) => r.from.length > 1)).toBe(true);
    expect(map.relations.some((r) => ids.has(r.to))).toBe(true);
    expect(map.units.some((u) => u.implicit)).toBe(true);
    expect(map.relations.some((r) => r.scheme !== undefined && r.criticalQuestions?.length)).toBe(true);
  });

  it('ids and notes that would not read back from a comment as they are, and implicit text with line breaks', () => {
    const deep = deepMap();
    const map: AnnotatedMap = {
      ...deep,
      map: {
        ...deep.map,
        units: deep.map.units.map((u) => (u.id === 'i2' ? { ...u, text: '声が\n大きいだけだ。' } : u)),
        relations: [
          ...deep.map.relations.filter((r) => r.id !== 'r4'),
          { id: 'r4: x', type: 'support' as const, from: ['u4'], to: 'u2', note: '"quoted" first' },
          { id: '"q"', type: 'support' as const, from: ['u5'], to: 'u1', note: ' two\nlines ' },
          { id: 'a b', type: 'attack' as const, from: ['u1'], to: 'u4', note: 'x: y' },
        ],
      },
    };
    const source = serializeArgdown(map);
    expect(argdownErrors(source)).toEqual([]);
    const result = importArgdown(source, map);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map.units).toEqual(map.map.units);
    expect([...result.value.map.relations].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...map.map.relations].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('reads a relation comment as id and note', () => {
    expect(readRelationComment('r1')).toEqual({ id: 'r1', note: '' });
    expect(readRelationComment('r2: a "strong" attack')).toEqual({ id: 'r2', note: 'a "strong" attack' });
    expect(readRelationComment('"a: b": "x\\ny"')).toEqual({ id: 'a: b', note: 'x\ny' });
    expect(readRelationComment('main claim')).toBeNull();
  });
});

describe('Argdown written by hand', () => {
  // On the small map's text: 𠮷野家の𩸽は安い。 / 皆が食べる。 / 「高い」という声もある。 / それは誤解だ。
  const source = [
    '===',
    'title: 手書き',
    '===',
    '',
    '# 論旨',
    '',
    '// main claim',
    '[Thesis]: 皆が食べる。 #claim',
    '  <+ [Cheap]: 𠮷野家の𩸽は安い。 #evidence',
    '  <- [Doubt]: 「高い」という声もある。 #counterargument',
    '    <- [Rebut]: それは誤解だ。 #rebuttal',
    '',
    '[Hidden]: 安いものは皆が買う。 #evidence',
    '',
    '<Linked>: 二つの理由が合わさって',
    '',
    '(1) [Cheap]',
    '(2) [Hidden]',
    '-- Argument from example --',
    '(3) [Thesis]',
    '',
    '[Doubt]',
    '  _> <Linked>',
    '',
    '/* a block',
    '   comment */',
  ].join('\n');

  it('is Argdown (@argdown/core reads it without errors), and its relation lines say what Argdown reads', () => {
    expect(argdownErrors(source)).toEqual([]);
    // Argdown's own reading of the relation lines: support, attack, and an undercut of <Linked>.
    const theirs = (readWithArgdown(source).relations ?? []).map((r) => `${r.relationType === 'undercut' ? 'attack' : r.relationType} ${r.from!.title} → ${r.to!.title ?? (r.to as { argumentTitle?: string }).argumentTitle}`);
    const result = importArgdown(source);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const ours = result.value.map.relations.filter((r) => r.from.length === 1).map((r) => `${r.type} ${r.from[0]} → ${r.to}`);
    expect(ours.sort()).toEqual(theirs.sort());
  });

  it('statements anchored by their text, one not in the text implicit, relations both ways, a PCS and an undercut', () => {
    const result = importArgdown(source);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { units, relations, mainClaimId } = result.value.map;
    const text = small.document.text;
    const spans = Object.fromEntries(units.map((u) => [u.id, u.implicit ? `implicit: ${u.text}` : `${u.label}: ${text.slice(u.start, u.end)}`]));
    expect(spans).toEqual({
      Thesis: 'claim: 皆が食べる。',
      Cheap: 'evidence: 𠮷野家の𩸽は安い。',
      Doubt: 'counterargument: 「高い」という声もある。',
      Rebut: 'rebuttal: それは誤解だ。',
      Hidden: 'implicit: 安いものは皆が買う。',
    });
    expect(mainClaimId).toBe('Thesis');
    const said = relations.map((r) => `${r.type} ${r.from.join('+')} → ${r.to}${r.scheme ? ` (${r.scheme})` : ''}`).sort();
    expect(said).toEqual(['attack Doubt → Linked', 'attack Doubt → Thesis', 'attack Rebut → Doubt', 'support Cheap → Thesis', 'support Cheap+Hidden → Thesis (example)'].sort());
    // Units placed by their text on a text without offsets: the user confirms the re-anchoring.
    expect(result.report.reanchored).toEqual({ kind: 'unknownText' });
  });

  it('outgoing relations, untitled statements, and what a map cannot say is left out and reported', () => {
    const result = importArgdown(
      [
        '[A]: 皆が食べる。 #claim',
        '  >< [B]: それは誤解だ。 #rebuttal',
        '',
        'それは誤解だ。 #rebuttal {color: &c red}',
        '  -> [A]',
        '',
        '* a list item',
        '',
        '<Arg>',
        '  +> [A]',
        '',
        '<Steps>',
        '',
        '(1) [A]',
        '----',
        '(2) [B]',
        '(3) 𩸽 #claim',
        '----',
        '(4) [C]: 𠮷野家の𩸽は安い。',
        '',
        '<Rule>',
        '',
        '(1) [A]',
        '-- Modus ponens --',
        '(2) [B]',
      ].join('\n'),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.skipped.map((e) => e.code).sort()).toEqual(['argdownArgumentRelation', 'argdownContradiction', 'argdownForeignData', 'argdownList', 'argdownRule', 'argdownSteps', 'untagged'].sort());
    expect(result.needsAcceptance).toBe(true);
    const { relations } = result.value.map;
    expect(relations.map((r) => `${r.type} ${r.from.join('+')} → ${r.to}`).sort()).toEqual(['attack Untitled 1 → A', 'support A → B']);
  });

  it('a relation said from both ends is one relation', () => {
    const result = importArgdown(['[A]: 皆が食べる。 #claim', '  <+ [B]: それは誤解だ。 #rebuttal', '', '[B]', '  +> [A]'].join('\n'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map.relations).toEqual([{ id: 'r1', type: 'support', from: ['B'], to: 'A', note: '' }]);
  });

  it('units whose tags name no label are left out with their relations', () => {
    const result = importArgdown(['[A]: 皆が食べる。 #claim', '  <+ [B]: それは誤解だ。 #opinion'].join('\n'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map.units.map((u) => u.id)).toEqual(['A']);
    expect(result.value.map.relations).toEqual([]);
    expect(result.report.unknownTags).toEqual([{ tag: 'opinion', units: 1 }]);
    expect(result.report.skipped.map((e) => e.code)).toEqual(['relationUnitLeftOut']);
  });
});

describe('Argdown as its users write it: lines that go on, inferences over several lines, YAML data', () => {
  // The Argdown guide's shapes on the small map's text: a statement's text going on over the
  // next lines (indented or not), data on a line of its own, data in YAML's block format, an
  // argument's description over two lines, premises over two lines, an inference `--` / rule
  // and data / `--` over three lines, front matter with nested YAML, comments between lines.
  const source = [
    '===',
    'title: 手書きの議論',
    'model:',
    '  mode: loose',
    '===',
    '',
    '// main claim',
    '[Thesis]: 皆が',
    '食べる。 #claim',
    '  <+ [Cheap]: 𠮷野家の𩸽は',
    '    安い。 #evidence',
    "    {isInMap: true, note: '安さの根拠'}",
    '  <- [Doubt]: 「高い」という',
    '  // a comment between the lines',
    '  声もある。 #counterargument',
    '',
    '<Linked>: 二つの理由が',
    '合わさって支える。 {isInMap: false, tags: [linked, "two premises"]}',
    '',
    '(1) [Cheap]',
    '(2) [Hidden]: 安いものは',
    '    皆が買う。 #evidence {',
    '      note: 書かれていない前提',
    '      implicit: false',
    '    }',
    '--',
    'Argument from example {uses: [1, 2], isInMap: false}',
    '--',
    '(3) [Thesis]',
    '',
    '[Doubt]',
    '  _> <Linked>',
  ].join('\n');

  it('is Argdown, and what @argdown/core reads in it — texts, data, relations, the argument — is what we read', () => {
    expect(argdownErrors(source)).toEqual([]);
    const theirs = readWithArgdown(source);
    const result = importArgdown(source);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { units, relations, mainClaimId } = result.value.map;
    const text = small.document.text;
    // Argdown joins a statement's lines with a space; between Japanese characters we join them
    // without one (a wrapped sentence), so the texts compare without those spaces.
    const unspaced = (s: string) => s.replace(/\s+/g, ' ').replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '').replace(/\s*#\S+/g, '').trim();
    for (const u of units) {
      const statement = theirs.statements![u.id];
      const defined = statement.members.find((m) => m.text);
      expect(unspaced(defined!.text!), u.id).toBe(u.implicit ? u.text : text.slice(u.start, u.end));
      const data = statement.members.find((m) => m.data)?.data as { note?: string } | undefined;
      expect(u.note, u.id).toBe(data?.note ?? '');
    }
    expect(Object.fromEntries(units.map((u) => [u.id, u.implicit ? `implicit ${u.label}` : u.label]))).toEqual({ Thesis: 'claim', Cheap: 'evidence', Doubt: 'counterargument', Hidden: 'implicit evidence' });
    expect(mainClaimId).toBe('Thesis');
    // Relation lines, as Argdown reads them.
    const lines = (theirs.relations ?? []).map((r) => `${r.relationType === 'undercut' ? 'attack' : r.relationType} ${r.from!.title} → ${r.to!.title ?? (r.to as { argumentTitle?: string }).argumentTitle}`);
    expect(relations.filter((r) => r.from.length === 1).map((r) => `${r.type} ${r.from[0]} → ${r.to}`).sort()).toEqual(lines.sort());
    // The argument: its premises and conclusion, its inference's rule and YAML data.
    const linked = theirs.arguments!.Linked;
    const pcs = linked.pcs.map((s) => `${s.role} ${s.title}`);
    expect(pcs).toEqual(['premise Cheap', 'premise Hidden', 'main-conclusion Thesis']);
    expect((linked.pcs[2] as { inference?: unknown }).inference).toMatchObject({ inferenceRules: ['Argument from example'], data: { uses: [1, 2], isInMap: false } });
    expect(relations.find((r) => r.from.length === 2)).toEqual({ id: 'Linked', type: 'support', from: ['Cheap', 'Hidden'], to: 'Thesis', scheme: 'example', note: '' });
    expect(result.report.skipped).toEqual([]);
  });

  it('reads the same with Windows line breaks (CRLF) and with CR alone', () => {
    const lf = importArgdown(source);
    if (!lf.ok) throw new Error(JSON.stringify(lf.errors));
    for (const breaks of ['\r\n', '\r']) {
      const result = importArgdown(source.replace(/\n/g, breaks));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.value.map, JSON.stringify(breaks)).toEqual(lf.value.map);
    }
  });

  it('a file in the style of the Argdown guide (English, front matter with settings, a heading, wrapped statements, an argument attacking a statement)', () => {
    const guide = [
      '===',
      'title: Argdown Syntax Example',
      'model:',
      '    removeTagsFromText: true',
      '===',
      '',
      '# Censorship',
      '',
      '[Censorship]: Censorship is not',
      '    wrong in principle. #claim',
      '    + [Harm]: Some speech causes',
      '      real harm. #evidence',
      '    - <Freedom argument>',
      '',
      '<Freedom argument>: Censorship restricts',
      '    the freedom of speech.',
      '',
      '(1) [Freedom]: Freedom of speech is',
      '    a basic right. #evidence',
      '(2) Whatever restricts a basic right is wrong. #evidence',
      '--',
      'Modus ponens {uses: [1, 2]}',
      '--',
      '(3) [Censorship wrong]: Censorship is wrong. #counterargument',
      '    -> [Censorship]',
    ].join('\n');
    expect(argdownErrors(guide)).toEqual([]);
    const theirs = readWithArgdown(guide);
    const result = importArgdown(guide);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { units, relations } = result.value.map;
    const titled = Object.values(theirs.statements!).filter((s) => !s.title!.startsWith('Untitled'));
    const textOf = (s: (typeof titled)[number]) => s.members.find((m) => m.text)!.text!.replace(/\s+/g, ' ').trim();
    expect(Object.fromEntries(units.filter((u) => !u.id.startsWith('Untitled')).map((u) => [u.id, u.implicit ? u.text : '']))).toEqual(Object.fromEntries(titled.map((s) => [s.title, textOf(s)])));
    const statementRelations = (theirs.relations ?? []).filter((r) => `${r.from!.type}` === 'equivalence-class' && `${r.to!.type}` === 'equivalence-class').map((r) => `${r.relationType} ${r.from!.title} → ${r.to!.title}`);
    expect(relations.filter((r) => r.from.length === 1).map((r) => `${r.type} ${r.from[0]} → ${r.to}`).sort()).toEqual(statementRelations.sort());
    expect(relations.find((r) => r.id === 'Freedom argument')).toMatchObject({ from: ['Freedom', 'Untitled 1'], to: 'Censorship wrong' });
    // Argdown drops the argument's attack as redundant (its conclusion attacks the statement); a
    // map has no relation from an argument, and no Modus ponens: both are reported.
    expect(result.report.skipped.map((e) => [e.code, e.params])).toEqual([
      ['argdownRule', { rule: 'Modus ponens' }],
      ['argdownArgumentRelation', {}],
    ]);
  });

  it('reads YAML data blocks as @argdown/core does', () => {
    const blocks = [
      '{isInMap: false, title: Foo, uses: [1, 2]}',
      '{"unit": "u1", "start": 7, "end": 16, "note": "a \\"quoted\\" \\u007bnote\\u007d"}',
      "{note: 'it''s a \"quote\"', other: \"tab\\there \\u00e9 \\x41\"}",
      '{n: -12, f: 1.5e3, g: .5, h: 0x1F, o: 0o17, t: true, F: False, z: null, tilde: ~, empty: , last:}',
      '{a: {b: [1, {c: d}], e: []}, f: {}, "g":1, trailing: [x, y,],}',
      '{url: http://example.org/a#b, time: 10:30, words: plain text with spaces}',
      '{folded: "one\n  two", plain: three\n  four, list: [\n  1,\n  2\n]}',
      '{\n  note: block format\n  start: 3\n  quoted: "x: y"\n  list: [1, 2]\n}',
      '{inf: .inf, neg: -.Inf}',
      "{single: 'one\n   two', double: \"a  \\\n  b\"}",
    ];
    for (const block of blocks) {
      const theirs = readWithArgdown(`[A]: text ${block}`);
      expect(argdownErrors(`[A]: text ${block}`), block).toEqual([]);
      const ours = readYamlData(block);
      expect(ours, block).toEqual({ ok: true, value: theirs.statements!.A.members[0].data });
    }
  });

  it('what the YAML reader does not read is left out of the data and reported, with where it stopped', () => {
    const cases: Array<[string, string]> = [
      ['{a: &anchor 1}', '&anchor 1}'],
      ['{a: 1, b: *alias}', '*alias}'],
      ['{a: !!str 1}', '!!str 1}'],
      ['{? complex : 1}', '? complex : 1}'],
      ['{a: 1, a: 2}', 'a: 2}'],
      ['{a: [1, 2}', '}'],
      ["{a: 'open}", "'open}"],
      ['{a: 1} {b: 2', '{b: 2'],
      ['{a: "bad \\q escape"}', '\\q escape"}'],
      ['{\n  a:\n    nested: 1\n}', 'nested: 1 }'],
      ['{\n  a: |\n    block scalar\n}', '| block scalar }'],
      ['{a: b: c}', ': c}'],
    ];
    for (const [block, near] of cases) {
      const read = readYamlData(block);
      expect(read.ok, block).toBe(false);
      if (!read.ok) expect(read.near, block).toBe(near);
    }
    const result = importArgdown('[A]: 皆が食べる。 #claim {unit: u-a, note: &n 注記}\n\n[B]: それは誤解だ。 #rebuttal {note: 反論}\n  -> [A]');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.skipped.map((e) => [e.code, e.at, e.params])).toEqual([['argdownForeignData', 'line 1', { got: '&n 注記}' }]]);
    expect(result.value.map.units.map((u) => [u.id, u.note])).toEqual([['A', ''], ['B', '反論']]);
  });

  it('inferences: on one line, over three, rule and data on lines of their own, several rules', () => {
    const argument = (inference: string) => `<X>\n\n(1) [A]: 皆が食べる。 #claim\n${inference}\n(2) [B]: それは誤解だ。 #claim`;
    for (const inference of ['-- Argument from example {uses: [1]} --', '--\nArgument from example {uses: [1]}\n--', '--\nArgument from example\n{uses: [1]}\n--', '---- ', '--\n{scheme: example}\n--']) {
      const source = argument(inference);
      expect(argdownErrors(source), inference).toEqual([]);
      const result = importArgdown(source);
      if (!result.ok) throw new Error(`${inference}: ${JSON.stringify(result.errors)}`);
      const x = result.value.map.relations.find((r) => r.id === 'X');
      expect(x, inference).toMatchObject({ from: ['A'], to: 'B', ...(inference.startsWith('---- ') ? {} : { scheme: 'example' }) });
    }
    const several = importArgdown(argument('-- Modus ponens, Argument from example, Argument from analogy --'));
    if (!several.ok) throw new Error(JSON.stringify(several.errors));
    expect(several.value.map.relations[0].scheme).toBe('example');
    expect(several.report.skipped.map((e) => [e.code, e.params])).toEqual([
      ['argdownRule', { rule: 'Modus ponens' }],
      ['argdownRule', { rule: 'Argument from analogy' }],
    ]);
  });

  it('our own export, with statements wrapped by hand, still comes back as the same map', () => {
    const map = deepMap();
    // Wrap every statement's text after its first character and put its data on a line of its own.
    const wrapped = serializeArgdown(map).replace(/^(\[[^\]]+\]: )([^\s\\])(.+?) (\{.*\})$/gmu, '$1$2\n  $3\n  $4');
    expect(wrapped).not.toBe(serializeArgdown(map));
    expect(argdownErrors(wrapped)).toEqual([]);
    const result = importArgdown(wrapped, map);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map).toEqual(map.map);
  });
});

describe('broken Argdown is refused with coded errors', () => {
  it.each<[string, string, string[]]>([
    ['a relation line with nothing above it', '  +> [A]: 皆が食べる。 #claim', ['argdownOrphanRelation']],
    ['a relation at the top level', '+> [A]: 皆が食べる。 #claim', ['argdownOrphanRelation']],
    ['an unclosed title and an unclosed data block', '[A: 皆が食べる。 #claim\n\n[B]: それは誤解だ。 #claim {"unit": "B"', ['argdownUnclosed', 'argdownUnclosed']],
    ['an unclosed block comment', '[A]: 皆が食べる。 #claim\n/* never closed', ['argdownUnclosed']],
    ['a data block that does not end', '[A]: 皆が食べる。 #claim {note: x', ['argdownUnclosed']],
    ['a data block that would run across a blank line', '[A]: 皆が食べる。 #claim {note: x\n\n[B]: それは誤解だ。 #claim}', ['argdownUnclosed']],
    ['an inference that does not end before the blank line', '<X>\n\n(1) [A]: 皆が食べる。 #claim\n--\nModus ponens\n\n(2) [B]: それは誤解だ。 #claim', ['argdownPcs', 'argdownPcs', 'argdownPcs']],
    ['a relation at the top level written without a space', '[A]: 皆が食べる。 #claim\n-[B]: それは誤解だ。 #claim', ['argdownOrphanRelation']],
    ['a PCS without its inference', '<X>\n\n(1) [A]: 皆が食べる。 #claim\n(2) [B]: それは誤解だ。 #claim', ['argdownPcs']],
    ['a PCS without its conclusion', '<X>\n\n(1) [A]: 皆が食べる。 #claim\n----', ['argdownPcs']],
    ['an undercut of an argument without premises', '<X>: 何か\n\n[A]: 皆が食べる。 #claim\n  _> <X>', ['argdownUndercut']],
    ['an undercut of a statement', '[A]: 皆が食べる。 #claim\n  _> [B]: それは誤解だ。 #claim', ['argdownUndercut']],
    ['a statement without text', '[A]: 皆が食べる。 #claim\n  +> [B]', ['argdownNoText']],
    ['a file that is no text', '', ['argdownNotText']],
    ['a stand-in conclusion aimed at nothing', '<X>: x {"relation": "X", "type": "attack"}\n\n(1) [A]: 皆が食べる。 #claim\n----\n(2) [C]: c {"conclusionOf": "X"}', ['argdownPcs']],
    ['a stand-in conclusion aimed at two things', '<X>: x {"relation": "X", "type": "attack"}\n\n(1) [A]: 皆が食べる。 #claim\n----\n(2) [C]: c {"conclusionOf": "X"}\n    -> [B]: それは誤解だ。 #rebuttal\n    -> [D]: 𩸽 #claim', ['argdownPcs']],
    ['a linked argument repeating a premise', '(1) [A]: 皆が食べる。 #claim\n(2) [A]\n----\n(3) [B]: それは誤解だ。 #claim', ['repeatedPremise']],
  ])('%s', (_name, source, codes) => {
    const result = importArgdown(source === '' ? (5 as unknown as string) : source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code)).toEqual(codes);
  });

  it('readArgdown alone refuses them too, before any map exists', () => {
    expect(readArgdown('  +> [A]').ok).toBe(false);
  });
});
