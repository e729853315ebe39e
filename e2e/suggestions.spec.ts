// Signposts and the units they suggest (lib/signposts): accepted with a button or Y at the caret
// (an ordinary, undoable unit with its relation), dismissed with N (remembered), cues marked on
// request.
import { expect, test, type Page } from '@playwright/test';
import { essayPath, expectSaved, mapState, resetMap } from './support';

const thesis = 'そして、2020年後半に旧ソ連諸国での相次いだ混乱はロシアの頭痛の種になったが、それがロシアの求心力低下によるものかどうかは、単純には結論づけられないと思われる。';

test.beforeEach(async ({ request, page }) => {
  await resetMap(request);
  await page.setViewportSize({ width: 1400, height: 900 });
});

const row = (page: Page, quoteStart: string) =>
  page.getByTestId('suggestions').locator('li').filter({ has: page.locator('.suggestion-quote', { hasText: `「${quoteStart}` }) });

test('accepting suggestions adds units with their relation, and undo takes one back', async ({ page, request }) => {
  await page.goto(essayPath);
  await page.getByRole('tab', { name: '提案' }).click();
  await row(page, 'そして、2020年後半に').getByRole('button', { name: '採用' }).click();
  const example = row(page, '例えば 2020年');
  await expect(example).toContainText('支持');
  await example.getByRole('button', { name: '採用' }).click();
  await expect(row(page, '例えば 2020年')).toHaveCount(0); // settled: no longer offered
  await expectSaved(page);

  const { map } = await mapState(request);
  const claim = map.units.find((u) => u.label === 'claim')!;
  const evidence = map.units.find((u) => u.label === 'evidence')!;
  expect(claim.end - claim.start).toBe(thesis.length);
  expect(evidence.start).toBeGreaterThan(claim.end);
  expect(map.relations.map((r) => [r.type, r.from[0], r.to])).toEqual([['support', evidence.id, claim.id]]);

  await page.keyboard.press('Control+z');
  await expectSaved(page);
  expect((await mapState(request)).map.units.map((u) => u.label)).toEqual(['claim']);
  await expect(row(page, '例えば 2020年')).toHaveCount(1); // offered again
});

test('Y accepts and N dismisses the suggestion at the caret; a dismissal survives a reload', async ({ page, request }) => {
  await page.goto(essayPath);
  const tab = page.getByRole('tab', { name: '提案' });
  await tab.click();
  // 本文へ puts the caret on the suggestion's first word, in the essay.
  await row(page, 'とはいえ、これらすべて').getByRole('button', { name: '本文へ' }).click();
  await expect(page.locator('.essay')).toBeFocused();
  const status = page.getByTestId('suggestion-at-caret');
  await expect(status).toContainText('Y で採用');
  await page.keyboard.press('n');
  await expect(status).toHaveCount(0);
  await expect(row(page, 'とはいえ、これらすべて')).toHaveCount(0);
  await page.reload();
  await tab.click();
  await expect(row(page, '例えば 2020年')).toHaveCount(1);
  await expect(row(page, 'とはいえ、これらすべて')).toHaveCount(0);

  await row(page, '例えば 2020年').getByRole('button', { name: '本文へ' }).click();
  await expect(status).toContainText('根拠');
  await page.keyboard.press('y');
  await expect(status).toHaveCount(0);
  await expectSaved(page);
  expect((await mapState(request)).map.units.map((u) => u.label)).toEqual(['evidence']);
});

test('the signposts can be marked in the text', async ({ page }) => {
  await page.goto(essayPath);
  await page.getByRole('tab', { name: '提案' }).click();
  const marked = () => page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('ronten-signpost')?.size ?? 0);
  expect(await marked()).toBe(0);
  await page.getByLabel('本文のつなぎ言葉').check();
  await expect.poll(marked).toBeGreaterThan(20);
  await page.getByLabel('本文のつなぎ言葉').uncheck();
  await expect.poll(marked).toBe(0);
});
