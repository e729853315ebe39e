import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './csp';
import type { Page } from '@playwright/test';
import { drag, essayPath, expectSaved, mapState, resetMap } from './support';

const example = path.join(__dirname, '../corpus/russia-diplomacy-2020.example.argmap.json');

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

test('the export menu offers every format, and multi-file formats come as a ZIP', async ({ page }) => {
  await page.goto(essayPath);
  await drag(page, 'そして', '種');
  await page.keyboard.press('2');
  await expectSaved(page);
  await page.getByRole('button', { name: /書き出す ▾/ }).click();
  const menu = page.getByRole('menu', { name: '書き出す' });
  await expect(menu.getByRole('menuitem')).toHaveCount(8);
  const [w3c] = await Promise.all([page.waitForEvent('download'), menu.getByRole('menuitem', { name: /^W3C/ }).click()]);
  const collection = JSON.parse(fs.readFileSync((await w3c.path())!, 'utf8'));
  expect(collection.type).toBe('AnnotationCollection');
  const annotation = collection.first.items[0];
  expect(annotation.target.selector).toEqual(
    expect.arrayContaining([expect.objectContaining({ type: 'TextQuoteSelector', exact: 'そして、2020年後半に旧ソ連諸国での相次いだ混乱はロシアの頭痛の種に' }), expect.objectContaining({ type: 'TextPositionSelector' })]),
  );
  await page.getByRole('button', { name: /書き出す ▾/ }).click();
  const [brat] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /brat/ }).click()]);
  expect(brat.suggestedFilename()).toMatch(/\.zip$/);
  const bytes = fs.readFileSync((await brat.path())!);
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  expect(bytes.toString('utf8')).toContain('T1\tEvidence');
  expect(bytes.toString('utf8')).toContain('annotation.conf'); // brat needs it beside the .ann, as the CLI writes it
});

test('import: a valid file shows its report and replaces the map only when asked', async ({ page, request }) => {
  await page.goto(essayPath);
  await page.getByRole('button', { name: '読み込む' }).click();
  const dialog = page.getByRole('dialog', { name: 'マップを読み込む' });
  await dialog.getByLabel('ファイルを選ぶ').setInputFiles(example);
  await expect(dialog.getByTestId('import-report')).toContainText('41単位・42関係を読み込めます。');
  // The report itself is in the interface's language too.
  await expect(dialog.getByTestId('import-report')).toContainText('位置が変わらない単位：40');
  expect((await mapState(request)).map.units).toHaveLength(0); // nothing written yet
  await dialog.getByRole('button', { name: '今のマップを置き換える' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#units-heading')).toContainText('41');
  const { map } = await mapState(request);
  expect(map.units).toHaveLength(41); // 40 spans of the text and one implicit premise
  expect(map.relations).toHaveLength(42);
  expect(map.mainClaimId).toBe('u-thesis');
  // It is the user's map now: editable, and saved like any other change.
  await page.keyboard.press('Control+z'); // nothing to undo: the import is not an undoable step
  await expect(page.locator('#units-heading')).toContainText('41');
});

/// Writes `file` as JSON to `where`, opens the import dialog on the essay and chooses the file there.
async function checkFile(page: Page, where: string, file: unknown) {
  fs.writeFileSync(where, JSON.stringify(file));
  await page.goto(essayPath);
  await page.getByRole('button', { name: '読み込む' }).click();
  const dialog = page.getByRole('dialog', { name: 'マップを読み込む' });
  await dialog.getByLabel('ファイルを選ぶ').setInputFiles(where);
  return { dialog, report: dialog.getByTestId('import-report') };
}

test('import: a broken file is refused with errors that point at the item, and nothing changes', async ({ page, request }, info) => {
  const file = JSON.parse(fs.readFileSync(example, 'utf8'));
  file.units[0].quote = 'これは本文にない引用';
  file.relations.push({ id: 'r-bad', type: 'support', from: ['u-thesis'], to: 'nowhere', note: '' });
  const before = await mapState(request);
  const { dialog, report } = await checkFile(page, info.outputPath('broken.argmap.json'), file);
  await expect(report).toContainText('このファイルは読み込めません。');
  // Where and what, in the UI's language (lib/formats/formatErrors).
  await expect(report).toContainText('単位 u-thesis: 引用 "これは本文にない引用" が本文の');
  await expect(report).toContainText('関係 r-bad: ない単位 nowhere を指しています');
  await expect(dialog.getByRole('button', { name: '今のマップを置き換える' })).toBeDisabled();
  expect(await mapState(request)).toEqual(before);
});

test('import: a malformed W3C file is refused in Japanese where the user is looking, with no English detail', async ({ page, request }, info) => {
  const quote = (exact: string) => ({ source: 'urn:x', selector: { type: 'TextQuoteSelector', exact } });
  const file = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        5,
        { id: 'a1', type: 'Annotation', motivation: 'tagging', body: [{ purpose: 'tagging', value: 'claim' }], target: [quote('ロシア'), quote('外交')] },
        { id: 'a2', type: 'Annotation', motivation: 'tagging', body: [{ purpose: 'tagging', value: 'claim' }], target: { source: 'urn:x', selector: [{ type: 'TextPositionSelector', start: 9, end: 2 }] } },
        { id: 'l1', type: 'Annotation', motivation: 'linking', body: [{ purpose: 'tagging', value: 'agrees' }], target: ['a1', 'a2'] },
      ],
    },
  };
  const before = await mapState(request);
  const { dialog, report } = await checkFile(page, info.outputPath('broken.anno.jsonld'), file);
  await expect(report).toContainText('このファイルは読み込めません。');
  await expect(report).toBeInViewport();
  await expect(report).toContainText('first.items[0]: 注釈（オブジェクト）のはずです');
  await expect(report).toContainText('first.items[1] (単位 a1): 本文への対象が複数ある注釈は、一つの単位にできません');
  await expect(report).toContainText('first.items[2] (単位 a2): TextPositionSelector: start と end は start < end の整数でなければなりません（9–2 でした）');
  await expect(report).toContainText('first.items[3] (関係 l1): body: 関係には「support」か「attack」のタグが要ります（あったのは "agrees"）');
  // No English sentence anywhere in what the dialog says (three Latin words in a row).
  expect(await dialog.innerText()).not.toMatch(/[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/);
  expect(await mapState(request)).toEqual(before);
});

test('import: tags that name no label get a label chosen in the dialog, and import with it', async ({ page, request }, info) => {
  const file = JSON.parse(fs.readFileSync(example, 'utf8')) as { units: Array<{ id: string; label: string; quote: string }> };
  const units = file.units.slice(0, 5);
  const annotations = units.map((u, i) => ({
    id: u.id,
    tags: [i < 2 ? '結論' : u.label],
    text: '',
    uri: 'https://example.org/essay',
    target: [{ source: 'https://example.org/essay', selector: [{ type: 'TextQuoteSelector', exact: u.quote, prefix: '', suffix: '' }] }],
  }));
  const hypothesis = info.outputPath('tags.hypothesis.json');
  fs.writeFileSync(hypothesis, JSON.stringify({ export_date: '2026-11-20T10:00:00.000Z', annotations }));
  await page.goto(essayPath);
  await page.getByRole('button', { name: '読み込む' }).click();
  const dialog = page.getByRole('dialog', { name: 'マップを読み込む' });
  await dialog.getByLabel('ファイルを選ぶ').setInputFiles(hypothesis);
  await expect(dialog.getByTestId('import-report')).toContainText('3単位・0関係を読み込めます。');
  await expect(dialog.getByTestId('import-report')).toContainText('タグ「結論」はどのラベルにも当たらない');
  const mapping = dialog.getByRole('group', { name: 'ラベルに当たらないタグ' });
  const select = mapping.getByLabel(/結論/);
  await select.selectOption('claim');
  await expect(mapping.getByRole('status')).toHaveText('5単位・0関係を読み込めます。');
  await expect(dialog.getByTestId('import-report')).toContainText('タグ「結論」をラベル claim として読みます（2 単位）');
  await dialog.getByRole('button', { name: '今のマップを置き換える' }).click();
  await expect(dialog).toBeHidden();
  const { map } = await mapState(request);
  expect(map.units.map((u: { id: string; label: string }) => [u.id, u.label]).sort()).toEqual(units.map((u, i) => [u.id, i < 2 ? 'claim' : u.label]).sort());
});
