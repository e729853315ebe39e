import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './csp';
import Ajv2020 from 'ajv/dist/2020';
import { addUnits, clickWord, drag, essayPath, essayText, expectSaved, mapState, preferMorphemes, resetMap, wordBox } from './support';

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

test('a drag from mid-word to mid-word becomes a unit snapped to whole phrases', async ({ page, request }) => {
  await page.goto(essayPath);
  // 「…単純には結論づけられないと思われる」: start inside それ, end inside 単純 (of 単純には).
  await drag(page, 'それ', '単純');
  await expect(page.getByRole('toolbar', { name: 'ラベルを付ける' })).toContainText('選択範囲: それがロシアの求心力低下によるものかどうかは、単純には');
  await page.getByRole('toolbar').getByRole('button', { name: '主張' }).click();
  await expect(page.locator('[data-unit-row]')).toHaveCount(1);
  await expectSaved(page);

  const { map } = await mapState(request);
  const text = await essayText(request);
  expect(map.units).toHaveLength(1);
  const unit = map.units[0];
  expect(unit.label).toBe('claim');
  expect(text.slice(unit.start, unit.end)).toBe('それがロシアの求心力低下によるものかどうかは、単純には');
});

test('units are drawn under their words: restyled when selected, drawn when scrolled to, redrawn when the text reflows', async ({ page, request }) => {
  const [near, far] = await addUnits(request, [
    { quote: '全体として限定的になった。', label: 'claim' },
    { quote: '注意深く検討し続けるべきだろう。', label: 'evidence' },
  ]);
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const boxes = (id: string) => page.locator(`.unit-marks [data-unit="${id}"]`);
  const drawnUnder = async (id: string, word: string) => {
    const w = await wordBox(page, word);
    const b = await boxes(id).first().boundingBox();
    return b !== null && overlaps(w, b);
  };

  await page.goto(essayPath);
  await expect(boxes(near.id).first()).toBeAttached();
  expect(await drawnUnder(near.id, '限定')).toBe(true);
  // The last paragraph is screens away: drawn only once it comes near.
  await expect(boxes(far.id)).toHaveCount(0);
  await wordBox(page, '注意深く');
  await expect(boxes(far.id).first()).toBeAttached();
  expect(await drawnUnder(far.id, '注意深く')).toBe(true);

  await clickWord(page, '限定');
  await expect(boxes(near.id).first()).toHaveClass(/is-selected/);
  await expect(boxes(far.id).first()).not.toHaveClass(/is-selected/);

  // A narrower window reflows the text: the boxes follow their words.
  const wide = await wordBox(page, '限定');
  await page.setViewportSize({ width: 520, height: 720 });
  const narrow = await wordBox(page, '限定');
  expect(narrow.x).not.toBe(wide.x); // the word did move
  await expect.poll(() => drawnUnder(near.id, '限定')).toBe(true);

  // Printing lays the text out again: the printout gets every unit as a highlight instead,
  // taken away afterwards.
  await page.evaluate(() => {
    const printed = () => [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.entries()].filter(([n]) => n.startsWith('ronten-print-')).reduce((k, [, h]) => k + h.size, 0);
    window.addEventListener('beforeprint', () => ((window as unknown as { printed: number }).printed = printed()));
    window.addEventListener('afterprint', () => ((window as unknown as { after: number }).after = printed()));
  });
  await page.pdf();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
  expect(await page.evaluate(() => (window as unknown as { after: number }).after)).toBe(0);
});

test('keyboard only: caret, Shift+arrows, label, select, relate', async ({ page, request }) => {
  // Counts words: by morpheme (phrases: e2e/phrases.spec.ts).
  await preferMorphemes(page);
  await page.goto(essayPath);
  const essay = page.getByRole('document', { name: '本文' });
  await essay.focus();
  // Heading "1．はじめに" is words 1–4; the first paragraph starts at ロシア.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tooltip').getByTestId('token-surface')).toHaveText('ロシア');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2'); // 根拠
  await expect(page.locator('[data-unit-row]')).toHaveCount(1);

  // A single word: Space picks it, 1 labels it a claim.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(page.locator('[data-unit-row]')).toHaveCount(2);

  // Select the evidence with Enter (caret back on it), S, move to the claim, Enter.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-unit-row] button[aria-current="true"]')).toContainText('根拠');
  await page.keyboard.press('s');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('announcer')).toHaveText('支持の関係を作りました');
  await expectSaved(page);

  const { map } = await mapState(request);
  const text = await essayText(request);
  const evidence = map.units.find((u) => u.label === 'evidence')!;
  const claim = map.units.find((u) => u.label === 'claim')!;
  expect(text.slice(evidence.start, evidence.end)).toBe('ロシアの 2020');
  expect(map.relations).toEqual([expect.objectContaining({ type: 'support', from: [evidence.id], to: claim.id })]);
});

test('relations by mouse, shown under both units, retyped and refused as self-relations', async ({ page, request }) => {
  await page.goto(essayPath);
  await drag(page, 'そして', '種');
  await page.keyboard.press('2');
  await drag(page, 'それ', 'れる');
  await page.keyboard.press('1');
  const rows = page.locator('[data-unit-row]');
  await expect(rows).toHaveCount(2);
  // A row by its label chip (an open row's controls mention every label).
  const row = (label: string) => page.locator(`[data-unit-row]:has(> button [data-label="${label}"])`);
  const pick = (label: string) => row(label).locator('> button').first().click();

  await pick('evidence');
  await page.getByRole('button', { name: '支持する…' }).click();
  // Picking the unit itself is refused with a message in the UI's language.
  await pick('evidence');
  await expect(page.getByTestId('notices')).toContainText('できません: 単位は自分自身を支持・攻撃できません');
  await pick('claim');
  await expect(page.getByTestId('announcer')).toHaveText('支持の関係を作りました');
  await expect(row('claim')).toContainText('←支持');
  // The same relation twice is refused too; Escape leaves link mode.
  await pick('evidence');
  await page.getByRole('button', { name: '支持する…' }).click();
  await pick('claim');
  await expect(page.getByTestId('notices')).toContainText('できません: その関係はもうあります');
  await page.keyboard.press('Escape');

  // Retype from the selected unit's controls.
  await pick('evidence');
  await row('evidence').getByRole('combobox', { name: '関係の種類' }).selectOption('attack');
  await expectSaved(page);
  expect((await mapState(request)).map.relations).toEqual([expect.objectContaining({ type: 'attack' })]);
});

test('undo and redo every change', async ({ page, request }) => {
  await page.goto(essayPath);
  await drag(page, 'そして', '種');
  await page.keyboard.press('2');
  await expect(page.locator('[data-unit-row]')).toHaveCount(1);
  await page.keyboard.press('1'); // relabel the selected unit
  await expect(page.locator('[data-unit-row]')).toContainText('主張');
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-unit-row]')).toContainText('根拠');
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-unit-row]')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('[data-unit-row]')).toContainText('主張');
  await expectSaved(page);
  expect((await mapState(request)).map.units).toEqual([expect.objectContaining({ label: 'claim' })]);
});

test('grow and shrink a unit by one word at either end, by keyboard', async ({ page, request }) => {
  await preferMorphemes(page);
  await page.goto(essayPath);
  await drag(page, '旧', '混乱');
  await page.keyboard.press('2');
  const text = await essayText(request);
  const span = async () => {
    await expectSaved(page);
    const u = (await mapState(request)).map.units[0];
    return text.slice(u.start, u.end);
  };
  expect(await span()).toBe('旧ソ連諸国での相次いだ混乱');
  await page.keyboard.press(']');
  expect(await span()).toBe('旧ソ連諸国での相次いだ混乱は');
  await page.keyboard.press('[');
  expect(await span()).toBe('に旧ソ連諸国での相次いだ混乱は');
  await page.keyboard.press('Shift+BracketRight');
  expect(await span()).toBe('に旧ソ連諸国での相次いだ混乱');
  await page.keyboard.press('Shift+BracketLeft');
  expect(await span()).toBe('旧ソ連諸国での相次いだ混乱');
  // A Japanese (JIS) keyboard's [ key sends the place code of a US ]: the character decides.
  await page.locator('.essay').evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: '[', code: 'BracketRight', bubbles: true })));
  expect(await span()).toBe('に旧ソ連諸国での相次いだ混乱');
});

test('reload keeps everything', async ({ page }) => {
  await page.goto(essayPath);
  await drag(page, 'そして', '種');
  await page.keyboard.press('2');
  await page.getByRole('textbox', { name: 'メモ' }).fill('旧ソ連の混乱');
  await page.getByRole('textbox', { name: 'メモ' }).blur();
  await expectSaved(page);
  await page.reload();
  await expect(page.locator('[data-unit-row]')).toHaveCount(1);
  await expect(page.locator('[data-unit-row]')).toContainText('旧ソ連の混乱');
});

test('server unreachable: edits queue in the browser, survive a reload and are sent when it returns', async ({ page, request }) => {
  await page.goto(essayPath);
  await page.route('**/api/maps/**', (route) => route.abort('connectionrefused'));
  await drag(page, 'そして', '種');
  await page.keyboard.press('2');
  await drag(page, 'それ', 'れる');
  await page.keyboard.press('1');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'offline');
  await expect(page.getByTestId('save-status')).toContainText('2');
  // Reload while still offline: the queue is in localStorage.
  await page.reload();
  await expect(page.locator('[data-unit-row]')).toHaveCount(2);
  await page.unroute('**/api/maps/**');
  await expectSaved(page);
  expect((await mapState(request)).map.units.map((u) => u.label).sort()).toEqual(['claim', 'evidence']);
});

test('two tabs on one map never overwrite each other', async ({ browser, request }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await a.goto(essayPath);
  await b.goto(essayPath);
  await drag(a, 'そして', '種');
  await a.keyboard.press('2');
  await expectSaved(a);
  // b still holds the old version: its write is refused, rebased and sent again.
  await drag(b, 'それ', 'れる');
  await b.keyboard.press('1');
  await expectSaved(b);
  await expect(b.getByTestId('notices')).toContainText('取り込みました');
  await expect(b.locator('[data-unit-row]')).toHaveCount(2);
  expect((await mapState(request)).map.units).toHaveLength(2);
  // Conflicting edits of the same unit: the later one is not forced over the earlier.
  await a.reload();
  await a.locator('[data-unit-row]:has(> button [data-label="evidence"]) > button').first().click();
  await b.locator('[data-unit-row]:has(> button [data-label="evidence"]) > button').first().click();
  await a.keyboard.press('3');
  await expectSaved(a);
  await b.keyboard.press('4');
  await expect(b.getByTestId('notices')).toContainText('別のタブや端末での変更と重なったため、変更 1件を適用できませんでした');
  await expect(b.locator('[data-unit-row]:has(> button [data-label="counterargument"])')).toHaveCount(1);
  expect((await mapState(request)).map.units.map((u) => u.label).sort()).toEqual(['claim', 'counterargument']);
});

test('JSON export validates against the schema and slices exactly to its quotes', async ({ page }) => {
  await page.goto(essayPath);
  await drag(page, 'そして', '種');
  await page.keyboard.press('2');
  await drag(page, 'それ', 'れる');
  await page.keyboard.press('1');
  await page.keyboard.press('m');
  await expectSaved(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /JSON/ }).click()]);
  const file = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../lib/formats/schemas/ronten-argmap.v2.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  expect(file.units).toHaveLength(2);
  const codePoints = [...file.document.text];
  for (const u of file.units) expect(codePoints.slice(u.start, u.end).join('')).toBe(u.quote);
  expect(file.mainClaim).toBe(file.units.find((u: { label: string }) => u.label === 'claim').id);
});

test('the example map opens read-only from the document page', async ({ page }) => {
  await page.goto(essayPath);
  await page.getByRole('link', { name: '例のマップを見る' }).click();
  await expect(page.getByText('これは例のマップです（読み取り専用）。')).toBeVisible();
  // The list is windowed: count from its heading, and see rows rendered.
  const count = Number((await page.locator('#units-heading').textContent())!.match(/(\d+)件/)![1]);
  expect(count).toBeGreaterThan(20);
  expect(await page.locator('[data-unit-row]').count()).toBeGreaterThan(5);
  await expect(page.getByRole('button', { name: '元に戻す' })).toHaveCount(0);
  await clickWord(page, '単純');
  await page.keyboard.press('1');
  await expect(page.getByRole('toolbar')).toHaveCount(0);
});
