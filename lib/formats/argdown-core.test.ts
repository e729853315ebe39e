// Our Argdown export read by Argdown itself (@argdown/core 1.7.5: its parser, data and model
// plugins, as the Argdown CLI and editors run them): 0 lexer and parser errors, one statement per
// unit (found by the unit id in its data block) with its label as a tag, its code-point offsets
// and its quote as text, and exactly our relations — each support or attack from the premise to
// its conclusion. On the shipped example map, generated maps full of odd ids and tricky notes on
// the essay, and a non-BMP text.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { parseNative, serializeArgdown } from '.';
import { loadEssay, makeLargeMap, nonBmpDocument, smallMap } from './test-fixtures';
import type { AnnotatedMap } from './types';
import { readWithArgdown } from './argdownCore.testing';
import { textUnits } from '@/lib/argument/types';


let example: AnnotatedMap;
let essayMaps: AnnotatedMap[];
beforeAll(async () => {
  const parsed = parseNative(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'corpus/russia-diplomacy-2020.example.argmap.json'), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  example = parsed.value;
  const { document, boundaries } = await loadEssay();
  essayMaps = [1, 2, 3].map((seed) => makeLargeMap(document, boundaries, { units: 60 + seed * 20, relations: 80 + seed * 20, seed }));
});

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('Argdown export read by @argdown/core', () => {
  it.each<[string, () => AnnotatedMap[]]>([
    ['the example map', () => [example]],
    ['the small map', () => [smallMap()]],
    ['three generated maps on the essay', () => essayMaps],
    ['a generated map on a non-BMP text', () => [makeLargeMap(nonBmpDocument().document, nonBmpDocument().boundaries, { units: 50, relations: 60, seed: 4 })]],
  ])('%s: no errors, every unit a statement, every relation in its direction', (_name, maps) => {
    for (const map of maps()) {
      const result = readWithArgdown(serializeArgdown(map));
      expect(result.lexerErrors ?? []).toEqual([]);
      expect(result.parserErrors ?? []).toEqual([]);
      const text = map.document.text;
      const offsets = makeOffsetConverter(text);
      const statements = Object.values(result.statements ?? {});
      const byUnit = new Map(statements.map((s) => [(s.data as { unit: string }).unit, s]));
      expect([...byUnit.keys()].sort()).toEqual(map.map.units.map((u) => u.id).sort());
      for (const u of textUnits(map.map.units)) {
        const s = byUnit.get(u.id)!;
        // One member holds the definition (references in relation lines add empty ones).
        const defined = s.members.filter((m) => m.data !== undefined);
        expect(defined, u.id).toHaveLength(1);
        const member = defined[0];
        expect(member.data, u.id).toMatchObject({ unit: u.id, start: offsets.toCodePoint(u.start), end: offsets.toCodePoint(u.end), ...(u.note ? { note: u.note } : {}) });
        expect(s.tags, u.id).toEqual([u.label]);
        expect(oneLine(member.text!.replace(`#${u.label}`, '')), u.id).toBe(oneLine(text.slice(u.start, u.end)));
      }
      // Relations between two statements: the plain ones (one premise, a unit for target, no
      // scheme, not attacked). The others are premise–conclusion structures (deep.test.ts).
      const unitOf = (title?: string) => (title ? (result.statements?.[title]?.data as { unit?: string } | undefined)?.unit : undefined);
      const relations = (result.relations ?? [])
        .filter((r) => unitOf(r.from?.title) !== undefined && unitOf(r.to?.title) !== undefined)
        .map((r) => `${r.relationType} ${unitOf(r.from!.title)} ${unitOf(r.to!.title)}`)
        .sort();
      const ids = new Set(map.map.relations.map((r) => r.id));
      const plain = map.map.relations.filter((r) => r.from.length === 1 && !ids.has(r.to) && r.scheme === undefined && !map.map.relations.some((x) => x.to === r.id));
      expect(relations).toEqual(plain.map((r) => `${r.type} ${r.from[0]} ${r.to}`).sort());
    }
  });
});
