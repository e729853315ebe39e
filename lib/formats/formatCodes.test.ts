// Every problem a reader reports — refusals and what it left out — comes with a reason code the
// import dialog words in Japanese and English (./formatErrors), never as an English sentence
// inside the Japanese UI. Broken files of every importable format are fed through the same path
// the app and the CLI import with (importAnnotated, and the strict parsers where only they
// refuse), and every code the readers have must be reached by one of them.
import { describe, expect, it } from 'vitest';
import { catalog, format, type MessageKey } from '@/lib/i18n/messages';
import { COMMENT_MAX_LENGTH } from '@/lib/comments/types';
import { sha256Hex } from '@/lib/text/hash';
import { formats, importAnnotated, parseAif, parseHypothesis, parseRecogito, parseW3c, type FormatError, type FormatId } from '.';
import { formatErrorCodes, formatErrorKey, wordedAt, wordedFormatError } from './formatErrors';
import { EXPORTED_AT, smallMap } from './test-fixtures';

const ja = (key: MessageKey, params?: Record<string, string | number>) => format(catalog.ja, key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => format(catalog.en, key, params);

/// An English sentence: three or more words of Latin letters in a row ("not a W3C file" — not
/// a lone name such as TextQuoteSelector, nor a list such as "claim, evidence").
const ENGLISH_SENTENCE = /[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/;

const map = smallMap();
const { document, labels } = map;
const text = document.text;
const exported = (f: FormatId) => JSON.parse(formats[f].files(map, { exportedAt: EXPORTED_AT })[0].content);

// W3C annotations on the small map's text.
const quote = (exact: string) => ({ source: 'urn:ronten:document:small', selector: { type: 'TextQuoteSelector', exact } });
const unit = (id: string, target: unknown, tag = 'claim') => ({ id, type: 'Annotation', motivation: 'tagging', body: [{ purpose: 'tagging', value: tag }], target });
const link = (id: string, tags: string[], target: unknown) => ({ id, type: 'Annotation', motivation: 'linking', body: tags.map((value) => ({ purpose: 'tagging', value })), target });
const a1 = unit('a1', quote('皆が食べる。'));
const onText = (items: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'AnnotationCollection', 'ronten:document': { textSha256: document.textSha256 }, first: { type: 'AnnotationPage', items }, ...extra });

// AIF on the small map's text.
const iNode = (nodeID: string, nodeText: string | undefined, ronten?: Record<string, unknown>) => ({ nodeID, type: 'I', ...(nodeText === undefined ? {} : { text: nodeText }), ...(ronten ? { ronten } : {}) });
const aifOnText = (nodes: unknown[], edges: unknown[] = [], ronten: Record<string, unknown> = {}) => ({ AIF: { nodes, edges }, text, ronten: { document: { textSha256: sha256Hex(text) }, ...ronten } });
const twoUnits = [iNode('1', '皆が食べる。'), iNode('2', 'それは誤解だ。')];

// brat lines on the small map's text (code points: 𠮷野家の𩸽は安い。 is 7–16, 皆が食べる。 20–26).
const T1 = 'T1\tEvidence 7 16\t𠮷野家の𩸽は安い。';
const T2 = 'T2\tClaim 20 26\t皆が食べる。';
const brat = (...lines: string[]) => ({ txt: text, ann: [T1, T2, ...lines].join('\n') });

type Case = [name: string, run: () => { errors: FormatError[] }];
const imported = (f: FormatId, input: unknown): Case[1] => () => {
  const result = importAnnotated(input, { format: f, document, labels });
  return { errors: result.ok ? result.report.skipped : result.errors };
};
const strict = (parse: () => ReturnType<typeof parseW3c>): Case[1] => () => {
  const result = parse();
  return { errors: result.ok ? [] : result.errors };
};

const cases: Case[] = [
  // The JSON formats' shared problems (native is the reference reader).
  ['not JSON', imported('w3c', '{"first": ')],
  ['an unsupported version', imported('json', { ...exported('json'), version: 99 })],
  ['a changed text', imported('json', { ...exported('json'), document: { ...exported('json').document, textSha256: '0'.repeat(64) } })],
  ['a duplicate unit', imported('json', ((f) => ({ ...f, units: [...f.units, f.units[0]] }))(exported('json')))],
  ['a duplicate relation, twice the same ends, a self-relation, a missing unit', imported('json', ((f) => ({ ...f, relations: [...f.relations, f.relations[0], { ...f.relations[0], id: 'r9' }, { ...f.relations[0], id: 'r10', to: f.relations[0].from[0] }, { ...f.relations[0], id: 'r11', to: 'u99' }] }))(exported('json')))],
  ['a NUL in a note', imported('w3c', [{ ...a1, body: [...a1.body, { purpose: 'commenting', value: 'a\u0000b' }] }])],
  ['a quote not in the text', strict(() => parseHypothesis({ annotations: [{ id: 'h1', tags: ['claim'], target: [quote('吉野家の牛丼')] }] }, { document }))],

  // W3C
  ['W3C: not a collection', imported('w3c', { hello: 'world' })],
  ['W3C: a page by IRI', imported('w3c', { type: 'AnnotationCollection', first: 'https://example.org/page/1' })],
  ['W3C: an item that is no object', imported('w3c', [5])],
  ['W3C: several targets', imported('w3c', [unit('a1', [quote('皆が食べる。'), quote('𩸽')])])],
  ['W3C: no text selector', imported('w3c', [unit('a1', { source: 'x', selector: { type: 'CssSelector', value: 'p' } })])],
  ['W3C: start after end', imported('w3c', [unit('a1', { source: 'x', selector: [{ type: 'TextPositionSelector', start: 5, end: 2 }] })])],
  ['W3C: an empty quote', imported('w3c', [unit('a1', { source: 'x', selector: [{ type: 'TextQuoteSelector', exact: '' }] })])],
  ['W3C: a position alone past the text', imported('w3c', [unit('a1', { source: 'x', selector: [{ type: 'TextPositionSelector', start: 0, end: 9999 }] })])],
  ['W3C: offsets past the text it claims', imported('w3c', onText([unit('a1', { source: 'x', selector: [{ type: 'TextQuoteSelector', exact: '皆' }, { type: 'TextPositionSelector', start: 0, end: 9999 }] })]))],
  ['W3C: a quote that does not match its offsets', imported('w3c', onText([unit('a1', { source: 'x', selector: [{ type: 'TextQuoteSelector', exact: '吉野家' }, { type: 'TextPositionSelector', start: 0, end: 3 }] })]))],
  ['W3C: an unknown tag, strictly', strict(() => parseW3c([unit('a1', quote('皆が食べる。'), 'opinion')], { document }))],
  ['W3C: a relation without a type', imported('w3c', [a1, unit('a2', quote('𩸽')), link('l1', [], ['a1', 'a2'])])],
  ['W3C: a relation of an unknown type', imported('w3c', [a1, unit('a2', quote('𩸽')), link('l1', ['agrees'], ['a1', 'a2'])])],
  ['W3C: a relation with one end', imported('w3c', [a1, link('l1', ['support'], ['a1'])])],
  ['W3C: a main claim that is no id', imported('w3c', onText([a1], { 'ronten:mainClaim': 5 }))],
  ['W3C: a comment on something else, a whole-document tag', imported('w3c', [a1, { id: 'c1', motivation: 'commenting', body: { value: '良い' }, target: 'https://example.org/elsewhere' }, unit('a3', 'https://example.org/essay')])],
  ['W3C: units and a main claim left out for their tag', imported('w3c', onText([a1, unit('a2', quote('𩸽'), 'opinion'), link('l1', ['support'], ['a2', 'a1'])], { 'ronten:mainClaim': 'a2' }))],
  ['W3C: no document', strict(() => parseW3c(exported('w3c')))],

  // Recogito and Hypothesis
  ['Recogito: not an array', imported('recogito', { annotations: [] })],
  ['Recogito: no document', strict(() => parseRecogito([]))],
  ['Hypothesis: not an export', imported('hypothesis', { rows: [] })],
  ['Hypothesis: an untagged annotation', imported('hypothesis', { annotations: [{ id: 'h1', tags: [], target: [{ source: 'x', selector: [{ type: 'TextQuoteSelector', exact: '皆が食べる。' }] }] }] })],
  ['Hypothesis: no document', strict(() => parseHypothesis({ annotations: [] }))],

  // AIF (and OVA3's text)
  ['AIF: not an object', imported('aif', 5)],
  ['AIF: no node and edge arrays', imported('aif', { AIF: { nodes: 5, edges: [] } })],
  ['AIF: a node without an id, a duplicate node', imported('aif', { nodes: [{ text: 'x' }, iNode('1', '皆'), iNode('1', '皆')], edges: [] })],
  ['AIF: an edge without ends, an edge to a missing node', imported('aif', { nodes: twoUnits, edges: [{ fromID: '1' }, { fromID: '1', toID: '9' }] })],
  ['AIF: an I-node without text, an unknown label, start after end', imported('aif', { nodes: [iNode('1', undefined), iNode('2', '皆', { label: 'opinion' }), iNode('3', '皆', { label: 'claim', start: 5, end: 2 })], edges: [] })],
  ['AIF: offsets past its own text', imported('aif', aifOnText([iNode('1', '皆', { label: 'claim', start: 0, end: 9999 })]))],
  ['AIF: a quote that does not match its own text', imported('aif', aifOnText([iNode('1', '吉野家', { label: 'claim', start: 0, end: 3 })]))],
  ['AIF: a main claim that is no id, a broken comment', imported('aif', aifOnText(twoUnits, [], { mainClaim: 5, comments: [5] }))],
  [
    'AIF: rephrase and preference nodes, a support of an inference (backing), a relation node without premises',
    imported('aif', {
      nodes: [...twoUnits, { nodeID: 'm', type: 'MA' }, { nodeID: 'p', type: 'PA' }, { nodeID: 'ra', type: 'RA' }, { nodeID: 'ca', type: 'CA' }, { nodeID: 'back', type: 'RA' }, { nodeID: 'lone', type: 'RA' }],
      edges: [{ fromID: '1', toID: 'ra' }, { fromID: 'ra', toID: '2' }, { fromID: '2', toID: 'ca' }, { fromID: 'ca', toID: 'ra' }, { fromID: '2', toID: 'back' }, { fromID: 'back', toID: 'ra' }, { fromID: 'lone', toID: '2' }],
    }),
  ],
  [
    'AIF: the deeper model broken — a shared id, a repeated premise, a cycle of undercutters, an empty implicit text, an unknown scheme, wrong critical questions, an undercut of a left-out node',
    imported('aif', {
      nodes: [
        iNode('1', '皆が食べる。', { unitId: 'x' }),
        iNode('2', 'それは誤解だ。'),
        iNode('3', ' 空白 ', { implicit: true, label: 'claim' }),
        { nodeID: 'ra', type: 'RA', ronten: { relationId: 'x' } },
        { nodeID: 're', type: 'RA' },
        { nodeID: 'rb', type: 'RA', ronten: { relationId: 'rb', scheme: 'nope' } },
        { nodeID: 'rc', type: 'RA', ronten: { relationId: 'rc', scheme: 'example', criticalQuestions: [{ id: 'zzz', answer: 'a' }] } },
        { nodeID: 'rd', type: 'RA', ronten: { relationId: 'rd', scheme: 'example', criticalQuestions: [{ id: 'true', answer: ' ' }] } },
        { nodeID: 'c1', type: 'CA' },
        { nodeID: 'c2', type: 'CA' },
        { nodeID: 'back', type: 'RA' },
      ],
      edges: [
        ['1', 'ra'], ['ra', '2'],
        ['2', 're'], ['2', 're'], ['re', '1'],
        ['3', 'rb'], ['rb', '2'],
        ['3', 'rc'], ['rc', '1'],
        ['1', 'rd'], ['rd', '3'],
        ['2', 'c1'], ['c1', 'c2'], ['1', 'c2'], ['c2', 'c1'],
        ['2', 'back'], ['back', 'rb'],
      ].map(([fromID, toID]) => ({ fromID, toID })),
    }),
  ],
  ['AIF: no text and no document', strict(() => parseAif({ nodes: twoUnits, edges: [] }))],
  [
    'AIF: empty, long and repeated comments',
    imported('aif', aifOnText(twoUnits, [], { comments: [{ id: 'c1', targetKind: 'map', body: ' ' }, { id: 'c2', targetKind: 'map', body: 'あ'.repeat(COMMENT_MAX_LENGTH + 1) }, { id: 'c3', targetKind: 'map', body: '一' }, { id: 'c3', targetKind: 'map', body: '二' }] })),
  ],

  // brat
  ['brat: one file only', imported('brat', 'T1\tClaim 0 1\t1')],
  ['brat: a line without a tab, a bad id, a malformed event, a normalization', imported('brat', brat('T9 Claim 0 3', 'X1\tfoo', 'E1\tArguing:T1', 'N1\tReference T1 Wikipedia:534366\tx'))],
  ['brat: a duplicate id, a T line without offsets, an unknown label', imported('brat', brat(T1, 'T3\tClaim zero three\tx', 'T4\tOpinion 0 1\t1'))],
  ['brat: offsets past the text, fragments out of order, a text that does not match', imported('brat', brat('T3\tClaim 0 999\tx', 'T4\tClaim 5 8;2 3\tx', 'T5\tClaim 0 1\tz'))],
  ['brat: a discontinuous span', imported('brat', brat('T3\tClaim 0 1;2 3\t1 は'))],
  ['brat: relations and attributes of the wrong shape', imported('brat', brat('R1\tsupports T1 T2', 'R2\trefutes Arg1:T1 Arg2:T2', 'A1\tMainClaim', 'A2\tNegated T1'))],
  ['brat: notes of the wrong shape', imported('brat', brat('#1\tAnnotatorNotes T1', '#2\tWeird T1\tx', '#3\tRontenNote T1\tbad \\q escape', '#4\tAnnotatorNotes T42\tx'))],
  ['brat: Ronten notes that do not fit', imported('brat', brat('#1\tRontenId T1\ta', '#2\tRontenId T1\tb', '#3\tRontenId T2\t', '#4\tRontenSpan T1\tabc', '#5\tRontenComment T1\tnot json'))],
  ['brat: spans beyond their fragments', imported('brat', brat('#1\tRontenSpan T1\t0 9999', '#2\tRontenSpan T2\t0 27'))],
  ['brat: an empty span, unknown references, two main claims', imported('brat', brat('T3\tClaim 3 3\t', 'R1\tsupports Arg1:T1 Arg2:T42', 'A1\tMainClaim T42', 'A2\tMainClaim T1', 'A3\tMainClaim T2'))],

  // Argdown
  ['Argdown: not text', imported('argdown', 5)],
  ['Argdown: an unclosed title, a relation with nothing above it', imported('argdown', '[A: 皆が食べる。 #claim\n  +> [B]\n\n+> [C]: x')],
  ['Argdown: a PCS without its inference, an undercut of a statement, a statement without text', imported('argdown', '<X>\n\n(1) [A]: 皆が食べる。 #claim\n(2) [B]: 𩸽 #claim\n\n[C]: それは誤解だ。 #rebuttal\n  _> [A]\n  +> [E]')],
  [
    'Argdown: data that is not read as YAML, a list, a contradiction, an argument in a relation, two inference steps, a rule that names no scheme',
    imported('argdown', '[A]: 皆が食べる。 #claim {color: &c red}\n  >< [B]: 𩸽 #claim\n\n* item\n\n<Arg>\n  +> [A]\n\n<S>\n\n(1) [A]\n----\n(2) [B]\n----\n(3) [C]: それは誤解だ。 #rebuttal\n\n<R>\n\n(1) [B]\n-- Modus ponens --\n(2) [A]'),
  ],

  // Any format
  ['an export-only format', imported('csv', 'whatever')],
];

const problems = cases.map(([name, run]) => [name, run().errors] as const);

describe('every problem a reader reports is a code worded in Japanese and English', () => {
  it.each(problems)('%s', (_name, errors) => {
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(formatErrorCodes).toContain(error.code);
      const key = formatErrorKey(error.code!);
      expect(Object.hasOwn(catalog.ja, key) && Object.hasOwn(catalog.en, key)).toBe(true);
      const inJapanese = `${wordedAt(ja, error.at)}: ${wordedFormatError(ja, error)}`;
      expect(inJapanese, `${error.code}: ${inJapanese}`).not.toMatch(ENGLISH_SENTENCE);
      expect(inJapanese).not.toMatch(/\{[a-zA-Z]+\}/);
      // The English the CLI and the API say is the catalog's (a schema's reasons keep zod's).
      if (!error.code!.startsWith('field.')) expect(wordedFormatError(en, error)).toBe(error.message);
    }
  });

  it('reaches every code the readers have', () => {
    const seen = new Set(problems.flatMap(([, errors]) => errors.map((e) => e.code)));
    // Reached elsewhere: the schema's reasons (formatErrors.test.ts) and the size limits
    // (lib/argument/limits.test.ts; lib/server/importFile words them with formatError).
    // The model's rules no reader can break (its shapes do not allow it: a premise is always a
    // unit, never the relation itself; only supports carry a scheme) are checked for every map
    // all the same (lib/argument/operations mapProblems, draft.ts modelCode).
    const unreachable = ['noPremises', 'premiseNotUnit', 'selfTarget', 'backingNotAllowed', 'schemeOnAttack'];
    const elsewhere = (code: string) => code.startsWith('field.') || unreachable.includes(code) || ['tooManyUnits', 'tooManyRelations', 'unitTooManyRelations', 'relationTooManyPremises'].includes(code);
    expect(formatErrorCodes.filter((code) => !elsewhere(code) && !seen.has(code))).toEqual([]);
  });
});
