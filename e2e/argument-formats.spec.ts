// The deeper argument model (issue 17) through the formats, end to end: a map on the essay with
// a linked argument for the thesis (one of its premises implicit), a scheme with an answered
// critical question and an undercutter of that argument is seeded through the operations API;
// the UI's export menu downloads it as ronten-argmap v2 (valid against the published JSON
// Schema), AIF (an RA with several premises, a CA aimed at it), Argdown (read by @argdown/core
// without errors, with the undercut `_>`) and brat (events); each one comes back
// through the UI's import dialog into an emptied map equal to the original in structure (ids
// may differ where a format cannot keep them: units by label and place or text, relations by
// type, premise set, target, scheme and answers). The worked example as it was before v2 (a
// v1 file) imports unchanged. One page, reused: the export menu and the import dialog are the
// user's; the seeding and the checks read the API.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Page } from '@playwright/test';
import { expect, test } from './csp';
import { essayPath, mapState, resetMap } from './support';
import { unzipText } from '../lib/formats/unzip';
import { argdownErrors } from '../lib/formats/argdownCore.testing';

const v2Example = path.join(__dirname, '../corpus/russia-diplomacy-2020.example.argmap.json');
const v1Example = path.join(__dirname, '../lib/formats/__fixtures__/native/russia-diplomacy-2020.v1.argmap.json');

interface Unit {
  id: string;
  label: string;
  start?: number;
  end?: number;
  implicit?: true;
  text?: string;
  note: string;
}
interface Relation {
  id: string;
  type: string;
  from: string[];
  to: string;
  scheme?: string;
  criticalQuestions?: Array<{ id: string; answer: string }>;
  note: string;
}
interface ApiMap {
  units: Unit[];
  relations: Relation[];
  mainClaimId: string | null;
}

/// The map with every id replaced by what it stands for, so two maps that differ only in ids
/// compare equal: a unit by its label and span (or its own text), a relation by its type,
/// premise set (order kept: a linked argument's order is the author's), target, scheme, answers
/// and note.
function structure(map: ApiMap) {
  const units = new Map(map.units.map((u) => [u.id, u]));
  const relations = new Map(map.relations.map((r) => [r.id, r]));
  const unit = (id: string) => {
    const u = units.get(id)!;
    return u.implicit ? { label: u.label, implicit: u.text, note: u.note } : { label: u.label, start: u.start, end: u.end, note: u.note };
  };
  const relation = (id: string): unknown => {
    const r = relations.get(id)!;
    return { type: r.type, from: r.from.map(unit), to: relations.has(r.to) ? relation(r.to) : unit(r.to), scheme: r.scheme ?? null, criticalQuestions: r.criticalQuestions ?? [], note: r.note };
  };
  const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    units: sorted(map.units.map((u) => unit(u.id))),
    relations: sorted(map.relations.map((r) => relation(r.id))),
    mainClaim: map.mainClaimId === null ? null : unit(map.mainClaimId),
  };
}

/// Downloads the map in `format` through the export menu (the menu item whose name starts with it).
async function exportAs(page: Page, format: RegExp, dir: string) {
  await page.getByRole('button', { name: /書き出す ▾/ }).click();
  const menu = page.getByRole('menu', { name: '書き出す' });
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('menuitem', { name: format }).click()]);
  const where = path.join(dir, download.suggestedFilename());
  await download.saveAs(where);
  return where;
}

/// Empties the map, reloads the page (so its base version is the empty map's) and imports
/// `files` through the import dialog, replacing the map; returns the map the API then holds.
async function importInto(page: Page, request: Parameters<typeof resetMap>[0], files: string[], counts: string) {
  await resetMap(request);
  await page.goto(essayPath);
  await page.getByRole('button', { name: '読み込む' }).click();
  const dialog = page.getByRole('dialog', { name: 'マップを読み込む' });
  await dialog.getByLabel('ファイルを選ぶ').setInputFiles(files);
  await expect(dialog.getByTestId('import-report')).toContainText(counts);
  await dialog.getByRole('button', { name: '今のマップを置き換える' }).click();
  await expect(dialog).toBeHidden();
  return (await mapState(request)).map as unknown as ApiMap;
}

test('a linked argument, an implicit premise, a scheme and an undercutter survive v2 JSON, AIF, brat and Argdown, which Argdown itself reads', async ({ page, request }, info) => {
  test.setTimeout(120_000);
  // --- Seed: the thesis supported by the conclusion and an unstated premise together (a scheme,
  // one critical question answered), that inference undercut by the Moldovan rebuttal, and the
  // decline view attacking the thesis.
  const example = JSON.parse(fs.readFileSync(v2Example, 'utf8')) as { units: Array<Unit & { quote?: string }> };
  const pick = (id: string): Unit => {
    const { quote: _quote, ...unit } = example.units.find((u) => u.id === id)!;
    return unit;
  };
  const units = ['u-thesis', 'u-conclusion-fsu', 'i-one-cause', 'u-moldova-rebuttal', 'u-decline-view'].map(pick);
  const linked: Relation = { id: 'r-linked', type: 'support', from: ['u-conclusion-fsu', 'i-one-cause'], to: 'u-thesis', note: '結合論証' };
  const undercut: Relation = { id: 'r-undercut', type: 'attack', from: ['u-moldova-rebuttal'], to: 'r-linked', note: 'だからといって…とは言えない' };
  const attack: Relation = { id: 'r-attack', type: 'attack', from: ['u-decline-view'], to: 'u-thesis', note: '' };
  await resetMap(request);
  const { mapId, version } = await mapState(request);
  const seeded = await request.post(`/api/maps/${mapId}/operations`, {
    data: {
      batchId: `formats-${Date.now()}`,
      baseVersion: version,
      operations: [
        ...units.map((unit) => ({ op: 'addUnit', unit, relations: [], mainClaim: unit.id === 'u-thesis' })),
        ...[linked, undercut, attack].map((relation) => ({ op: 'addRelation', relation })),
        { op: 'setScheme', id: 'r-linked', before: { scheme: null, answers: [] }, after: { scheme: 'example', answers: [] } },
        { op: 'answerCriticalQuestion', id: 'r-linked', question: 'typical', before: null, after: '旧ソ連の四つの事例のうち三つ' },
      ],
    },
  });
  expect(seeded.status(), await seeded.text()).toBe(200);
  const original = (await mapState(request)).map as unknown as ApiMap;
  expect(original.relations.find((r) => r.id === 'r-linked')).toMatchObject({ from: ['u-conclusion-fsu', 'i-one-cause'], scheme: 'example', criticalQuestions: [{ id: 'typical', answer: '旧ソ連の四つの事例のうち三つ' }] });
  const expected = structure(original);

  // --- Export through the menu.
  await page.goto(essayPath);
  const dir = info.outputPath('exports');
  fs.mkdirSync(dir, { recursive: true });
  const jsonFile = await exportAs(page, /^Ronten JSON/, dir);
  const aifFile = await exportAs(page, /^AIF/, dir);
  const argdownFile = await exportAs(page, /^Argdown/, dir);
  const bratZip = await exportAs(page, /^brat/, dir);

  // v2 JSON, valid against the generated schema.
  const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../lib/formats/schemas/ronten-argmap.v2.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect(json.version).toBe(2);
  expect(json.units.find((u: Unit) => u.implicit)).toMatchObject({ id: 'i-one-cause', implicit: true });

  // AIF: the linked argument one RA with both premises, the undercutter a CA aimed at that RA.
  const { AIF } = JSON.parse(fs.readFileSync(aifFile, 'utf8')) as { AIF: { nodes: Array<{ nodeID: string; type: string }>; edges: Array<{ fromID: string; toID: string }> } };
  const type = new Map(AIF.nodes.map((n) => [n.nodeID, n.type]));
  const premisesOf = (id: string) => AIF.edges.filter((e) => e.toID === id && type.get(e.fromID) === 'I').length;
  const ra = AIF.nodes.find((n) => n.type === 'RA' && premisesOf(n.nodeID) >= 2);
  expect(ra, 'an RA with two or more premises').toBeDefined();
  const caOnRa = AIF.nodes.filter((n) => n.type === 'CA').find((ca) => AIF.edges.some((e) => e.fromID === ca.nodeID && type.get(e.toID) === 'RA'));
  expect(caOnRa, 'a CA whose target is an RA').toBeDefined();

  // Argdown: read by Argdown itself without errors, with the undercut.
  const argdownText = fs.readFileSync(argdownFile, 'utf8');
  expect(argdownText).toContain('_>');
  expect(argdownErrors(argdownText)).toEqual([]);

  // brat: the text and the standoff (with events) in a ZIP, beside annotation.conf.
  const entries = unzipText(fs.readFileSync(bratZip));
  const name = (suffix: string) => [...entries.keys()].find((n) => n.endsWith(suffix))!;
  const ann = entries.get(name('.ann'))!;
  expect(ann).toMatch(/^E\d+\t/m);
  const bratTxt = path.join(dir, path.basename(name('.txt')));
  const bratAnn = path.join(dir, path.basename(name('.ann')));
  fs.writeFileSync(bratTxt, entries.get(name('.txt'))!);
  fs.writeFileSync(bratAnn, ann);

  // --- Each importable format back into an emptied map: the same map.
  const counts = '5単位・3関係を読み込めます。';
  for (const [format, files] of [
    ['json', [jsonFile]],
    ['aif', [aifFile]],
    ['brat', [bratTxt, bratAnn]],
    ['argdown', [argdownFile]],
  ] as const) {
    const back = await importInto(page, request, [...files], counts);
    expect(structure(back), format).toEqual(expected);
  }

  // --- The worked example as version 1 (before the deeper model) imports unchanged.
  const v1 = JSON.parse(fs.readFileSync(v1Example, 'utf8')) as { version: number; mainClaim: string | null; units: Array<Unit & { quote: string }>; relations: Array<Omit<Relation, 'from'> & { from: string }> };
  expect(v1.version).toBe(1);
  const fromV1 = await importInto(page, request, [v1Example], `${v1.units.length}単位・${v1.relations.length}関係を読み込めます。`);
  // The essay has no character outside the BMP: code points and UTF-16 offsets agree.
  expect(fromV1.units.map((u) => [u.id, u.label, u.start, u.end, u.note]).sort()).toEqual(v1.units.map((u) => [u.id, u.label, u.start, u.end, u.note]).sort());
  expect(fromV1.relations.map((r) => [r.id, r.type, r.from, r.to, r.note, r.scheme])).toEqual(
    [...v1.relations].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, r.type, [r.from], r.to, r.note, undefined]),
  );
  expect(fromV1.mainClaimId).toBe(v1.mainClaim);

  // --- Compared with the worked example (v2): its unstated premise, which this map lacks, is
  // listed as missing, marked as not in the text; the table's CSV has the implicit units' row and
  // the partial-credit column.
  await page.goto(essayPath);
  await page.getByRole('link', { name: '例のマップと比べる' }).click();
  // The list opens by itself when short; open it either way.
  await page.getByTestId('missing-summary').evaluate((summary) => ((summary.parentElement as HTMLDetailsElement).open = true));
  const missing = page.getByRole('region', { name: /^基準/ }).getByRole('listitem').filter({ hasText: '（本文にない前提）' });
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText(example.units.find((u) => u.id === 'i-one-cause')!.text!);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '表をCSVで保存' }).click()]);
  const table = fs.readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n');
  expect(table[0]).toBe('measure,precision,recall,f1,partly_found');
  expect(table.some((line) => line.startsWith('implicit_units,'))).toBe(true);
});
