// Test support for lib/formats (imported by *.test.ts only): the corpus essay with its token
// boundaries, deterministic large maps over it (and over a text full of characters outside the
// BMP), and the small map the golden files are made from.
import fs from 'node:fs';
import path from 'node:path';
import { tokenBoundaries } from '@/lib/argument/snap';
import { compareIds, compareUnits, type ImplicitUnit, type Relation, type TextUnit } from '@/lib/argument/types';
import { canonicalize, sha256Hex } from '@/lib/text';
import type { Reflow } from '@/lib/text/types';
import { tokenize } from '@/lib/tokens/kuromoji';
import { defaultLabelDefinitions } from './labels';
import type { AnnotatedDocument, AnnotatedMap, MapComment } from './types';
import { seededRandom as random } from '@/lib/seededRandom';

export const EXPORTED_AT = '2026-11-26T12:00:00.000Z';

/// The canonical essay and its token boundaries (tokenizes: call once per test file).
export async function loadEssay(): Promise<{ document: AnnotatedDocument; boundaries: number[] }> {
  const dir = path.join(process.cwd(), 'corpus');
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'russia-diplomacy-2020.meta.json'), 'utf8')) as { id: string; title: string; source: string; reflow?: Reflow };
  const text = canonicalize(fs.readFileSync(path.join(dir, meta.source), 'utf8'), { reflow: meta.reflow ?? 'auto' }).text;
  const tokens = await tokenize(text);
  return { document: { id: meta.id, title: meta.title, language: 'ja', text, textSha256: sha256Hex(text) }, boundaries: tokenBoundaries(tokens) };
}

/// Deterministic pseudo-random numbers.
export { random };

/// Notes that break naive writers: tabs, line breaks of every kind, quotes, commas, backslashes
/// and escapes-that-are-not, brat and Argdown syntax, characters outside the BMP.
export const TRICKY_NOTES = [
  '',
  'plain note',
  'tab\there',
  'line one\nline two',
  'crlf\r\nand cr\rend',
  'quotes " and \' and 「」',
  'comma, semicolon; colon:',
  'backslash \\ and a literal \\n and \\t and \\u2028',
  'U+2028\u2028U+2029\u2029NEL\u0085VT\u000bFF\u000c',
  '𩸽と𠮷と👍🏽と🇯🇵',
  '#tag [title] <arg> {data} // comment /* x */ === +> -> @[m]',
  'T1\tAnnotatorNotes R1\tfake line',
  '  leading and trailing spaces  ',
];

const ODD_IDS = ['unit "quoted"', '主張-1', 'T3', 'a,b;c', 'x%2Fy', 'with space', 'colon:in:id', 'R1', 'tab\tid', '𩸽'];

/// A map of `unitCount` units and `relationCount` relations on `boundaries` of `document`:
/// random spans of 1–25 tokens, spans across paragraph breaks, units nested in the previous
/// one, units sharing a span with an earlier one, odd ids and tricky notes.
export function makeLargeMap(document: AnnotatedDocument, boundaries: readonly number[], options: { units: number; relations: number; seed?: number }): AnnotatedMap {
  const rnd = random(options.seed ?? 20201231);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const labels = defaultLabelDefinitions.map((l) => l.id);
  const text = document.text;
  const breaks = [...text.matchAll(/\n/g)].map((m) => m.index!);
  const indexOf = (offset: number) => {
    let k = 0;
    while (k + 1 < boundaries.length && boundaries[k + 1] <= offset) k++;
    return k;
  };
  const units: TextUnit[] = [];
  for (let i = 0; i < options.units; i++) {
    let a: number;
    let b: number;
    const kind = i % 10;
    if (kind === 0 && breaks.length) {
      const k = indexOf(pick(breaks));
      a = Math.max(0, k - 1 - Math.floor(rnd() * 5));
      b = Math.min(boundaries.length - 1, k + 2 + Math.floor(rnd() * 6));
    } else if (kind === 1 && units.length) {
      const outer = units[units.length - 1];
      const s = indexOf(outer.start);
      const e = indexOf(outer.end);
      a = s + Math.floor(rnd() * Math.max(1, e - s - 1));
      b = Math.min(e, a + 1 + Math.floor(rnd() * Math.max(1, e - a - 1)));
    } else if (kind === 2 && units.length) {
      const twin = pick(units);
      a = indexOf(twin.start);
      b = indexOf(twin.end);
    } else {
      a = Math.floor(rnd() * (boundaries.length - 2));
      b = Math.min(boundaries.length - 1, a + 1 + Math.floor(rnd() * 25));
    }
    if (b <= a) b = a + 1;
    const id = i < ODD_IDS.length ? ODD_IDS[i] : `u${i}`;
    units.push({ id, label: pick(labels), start: boundaries[a], end: boundaries[b], note: pick(TRICKY_NOTES) });
  }
  const relations: Relation[] = [];
  const keys = new Set<string>();
  for (let k = 0; relations.length < options.relations && k < options.relations * 20; k++) {
    const from = pick(units).id;
    const to = pick(units).id;
    const type = rnd() < 0.6 ? 'support' : 'attack';
    if (from === to || keys.has(`${type} ${from} ${to}`)) continue;
    keys.add(`${type} ${from} ${to}`);
    relations.push({ id: relations.length < 3 ? ['rel "1"', 'R2', '関係/3'][relations.length] : `r${relations.length}`, type, from: [from], to, note: pick(TRICKY_NOTES) });
  }
  const comments: MapComment[] = [
    { id: 'c1', targetKind: 'unit', targetId: units[3].id, author: '先生', body: '良い根拠\n二行目', createdAt: '2026-11-20T09:00:00.000Z' },
    { id: 'c2', targetKind: 'relation', targetId: relations[0].id, author: 'teacher, "T"', body: 'comma, quote "', createdAt: '2026-11-21T09:00:00.000Z' },
    { id: 'c3', targetKind: 'map', targetId: null, author: 'local', body: '全体として', createdAt: '2026-11-22T09:00:00.000Z' },
  ];
  return {
    document,
    annotator: { id: 'local', name: 'ローカルユーザー' },
    labels: defaultLabelDefinitions,
    map: { units: units.sort(compareUnits), relations: relations.sort(compareIds), mainClaimId: units[7].id },
    comments,
  };
}

/// A text made of pieces full of characters outside the BMP (and ZWJ sequences, flags, skin
/// tones), with the piece boundaries as its "tokens".
export function nonBmpDocument(): { document: AnnotatedDocument; boundaries: number[] } {
  const pieces = ['𠮷野家', 'で', '𩸽', 'を', '食べ', 'た', '😀', '。', '👍🏽', 'と', '🇯🇵', 'の', '旗', '、', '👨‍👩‍👧', 'は', '家族', '。', '\n'];
  const rnd = random(7);
  const surfaces: string[] = [];
  for (let i = 0; i < 60; i++) {
    for (const p of pieces) if (rnd() < 0.85) surfaces.push(p);
    if (i % 6 === 5) surfaces.push('\n');
  }
  const text = surfaces.join('');
  const boundaries = [0];
  for (const s of surfaces) boundaries.push(boundaries[boundaries.length - 1] + s.length);
  return { document: { id: 'non-bmp', title: '𠮷野家の𩸽 👍🏽', language: 'ja', text, textSha256: sha256Hex(text) }, boundaries };
}

/// The small map the golden files are made from: a short text with 𠮷 and 𩸽, a unit across a
/// paragraph break, nested units, every label, tricky notes, a main claim and a comment.
export function smallMap(): AnnotatedMap {
  const text = '1．はじめに\n𠮷野家の𩸽は安い。だから、皆が食べる。\nしかし「高い」という声もある。それは誤解だ。';
  const span = (quote: string, from = 0) => {
    const start = text.indexOf(quote, from);
    if (start < 0) throw new Error(`no ${quote}`);
    return { start, end: start + quote.length };
  };
  const units: TextUnit[] = [
    { id: 'u1', label: 'evidence', ...span('𠮷野家の𩸽は安い。'), note: 'tab\there, "quoted", comma' },
    { id: 'u2', label: 'claim', ...span('皆が食べる。'), note: '' },
    { id: 'u3', label: 'counterargument', ...span('皆が食べる。\nしかし「高い」という声もある。'), note: 'across\nthe paragraph break' },
    { id: 'u4', label: 'rebuttal', ...span('それは誤解だ。'), note: 'back\\slash' },
    { id: 'u5', label: 'claim', ...span('𩸽'), note: '' },
  ];
  return {
    document: { id: 'small', title: '小さな例 <𩸽>', language: 'ja', text, textSha256: sha256Hex(text) },
    annotator: { id: 'local', name: 'ローカルユーザー' },
    labels: defaultLabelDefinitions,
    map: {
      units: units.sort(compareUnits),
      relations: [
        { id: 'r1', type: 'support' as const, from: ['u1'], to: 'u2', note: '' },
        { id: 'r2', type: 'attack' as const, from: ['u3'], to: 'u2', note: 'a "strong" attack' },
        { id: 'r3', type: 'attack' as const, from: ['u4'], to: 'u3', note: '' },
      ],
      mainClaimId: 'u2',
    },
    comments: [{ id: 'c1', targetKind: 'unit', targetId: 'u1', author: '先生', body: '良い根拠', createdAt: '2026-11-26T00:00:00.000Z' }],
  };
}

/// The small map with the deeper model's shapes (issue 17): a linked argument of three premises
/// (one of them implicit) for the main claim with a scheme and answered critical questions, an
/// undercutter of it, an undercutter of that (a chain), and an implicit unit with tricky text.
export function deepMap(): AnnotatedMap {
  const small = smallMap();
  const implicit: ImplicitUnit[] = [
    { id: 'i1', label: 'evidence', implicit: true, text: '安いものは皆が買う。"quoted", comma\tand #tag [x]', note: '筆者は書いていないが、前提になっている' },
    { id: 'i2', label: 'rebuttal', implicit: true, text: '声が大きいだけだ。', note: '' },
  ];
  return {
    ...small,
    map: {
      units: [...small.map.units, ...implicit].sort(compareUnits),
      relations: [
        { id: 'r1', type: 'support' as const, from: ['u1', 'i1', 'u5'], to: 'u2', scheme: 'example', criticalQuestions: [{ id: 'true', answer: '事実だ' }, { id: 'typical', answer: '典型的か\n疑問' }], note: 'linked' },
        { id: 'r2', type: 'attack' as const, from: ['u3'], to: 'r1', note: 'an undercutter: だからといって…' },
        { id: 'r3', type: 'attack' as const, from: ['u4', 'i2'], to: 'r2', note: '' },
        { id: 'r4', type: 'support' as const, from: ['u4'], to: 'u2', scheme: 'expertOpinion', note: '' },
      ].sort(compareIds),
      mainClaimId: 'u2',
    },
  };
}
