// How the annotation page looks and reads: the export menu's keyboard, the sticky toolbar, the
// pane divider's name, the list's edge buttons, and the main claim told apart from every label.
import { expect, test } from '@playwright/test';
import { addUnits, essayPath, mapState, resetMap, wordBox } from './support';

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

test('the export menu follows the menu button pattern', async ({ page }) => {
  await page.goto(essayPath);
  const button = page.getByRole('button', { name: /書き出す ▾/ });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const items = page.getByRole('menu', { name: '書き出す' }).getByRole('menuitem');
  await expect(items).toHaveCount(8);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps round
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('an opaque toolbar, a named divider, edge buttons that say which edge moves', async ({ page, request }) => {
  const [unit] = await addUnits(request, [{ quote: 'ロシアの影響力が拡大した側面は少なからずあったはずである。', label: 'claim' }]);
  await page.goto(essayPath);
  const toolbar = page.locator('.sticky').first();
  // Opaque: no alpha in the computed colour (rgba(…), or lab(… / a)).
  expect(await toolbar.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toMatch(/rgba|\//);
  await expect(page.getByRole('separator', { name: '単位一覧・マップの幅' })).toBeVisible();
  await page.locator(`[data-unit-row="${unit.id}"] button`).first().click();
  const row = page.locator(`[data-unit-row="${unit.id}"]`);
  const glyphs = await Promise.all(['開始を1語前へ広げる', '開始を1語後ろへ縮める', '終了を1語前へ縮める', '終了を1語後ろへ広げる'].map((name) => row.getByRole('button', { name }).textContent()));
  expect(new Set(glyphs.map((g) => g!.trim())).size).toBe(4);
});

test('the main claim is framed in the text, the list and the map, not recoloured', async ({ page, request }) => {
  const [main, counter] = await addUnits(request, [
    { quote: 'ロシアの影響力が拡大した側面は少なからずあったはずである。', label: 'claim' },
    { quote: '実際にロシアの支援に助けられ', label: 'counterargument' },
  ]);
  const { mapId, version } = await mapState(request);
  await request.post(`/api/maps/${mapId}/operations`, { data: { batchId: `main-${Date.now()}`, baseVersion: version, operations: [{ op: 'setMainClaim', before: null, after: main.id }] } });
  await page.goto(essayPath);
  await wordBox(page, 'セルビア'); // scrolls the text there: boxes are drawn near the view
  // In the text: framed (an outline), with the claim's own tint kept.
  await expect(page.locator(`.unit-marks [data-unit="${main.id}"]`).first()).toBeAttached();
  await expect(page.locator(`.unit-marks [data-unit="${counter.id}"]`).first()).toBeAttached();
  const looks = (id: string) =>
    page.evaluate((id) => {
      const host = document.querySelector('.unit-marks')!;
      const el = (host.shadowRoot ?? host).querySelector(`[data-unit="${id}"]`)!;
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle, background: s.backgroundColor };
    }, id);
  const m = await looks(main.id);
  expect(m.outline).toBe('solid');
  expect((await looks(counter.id)).outline).toBe('none');
  // In the list: a framed mark and a marked row.
  await expect(page.locator(`[data-unit-row="${main.id}"] .main-claim-mark`)).toHaveText(/★/);
  await expect(page.locator(`[data-unit-row="${counter.id}"] .main-claim-mark`)).toHaveCount(0);
  // On the map: a frame around the node.
  await page.getByRole('tab', { name: '議論マップ' }).click();
  await expect(page.locator(`[data-unit-id="${main.id}"] [data-main-frame]`)).toHaveCount(1);
  await expect(page.locator(`[data-unit-id="${counter.id}"] [data-main-frame]`)).toHaveCount(0);
});
