// What the user is told, and sees, when saving meets another tab or a refusing server: undo
// after another tab's change merged never throws and the notice says what happened; a save
// answered 413 (an HTML page, as a proxy sends it) or 422 is shown in the UI's language, names
// the lost change and is not sent again; the "pick the target" prompt is in view wherever the
// unit is.
import { expect, test, type Page } from '@playwright/test';
import { addUnits, drag, essayPath, expectSaved, mapState, resetMap, wordBox } from './support';

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

/// Uncaught errors of a page (an exception in an event handler ends up here).
function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const row = (page: Page, label: string) => page.locator(`[data-unit-row]:has(> button [data-label="${label}"])`);

test('undo after another tab\'s change merged: refused steps leave the history, nothing throws, the notice says so', async ({ browser, request }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const errors = collectErrors(a);
  await a.goto(essayPath);
  await drag(a, 'そして', '種');
  await a.keyboard.press('2'); // evidence, made in tab a
  await expectSaved(a);

  // Tab b relates a claim to a's unit.
  await b.goto(essayPath);
  await drag(b, 'それ', 'れる');
  await b.keyboard.press('1');
  await row(b, 'evidence').locator('> button').first().click();
  await b.keyboard.press('s');
  await row(b, 'claim').locator('> button').first().click();
  await expectSaved(b);

  // Tab a, a version behind, adds another unit: its save meets b's change and merges it.
  await drag(a, '旧', '混乱');
  await a.keyboard.press('3');
  await expectSaved(a);
  const notices = a.getByTestId('notices');
  await expect(notices).toContainText('別のタブや端末での変更を取り込みました');
  // Undoing "add the evidence" would now delete b's relation: that step left the history.
  await expect(notices).toContainText('元に戻す履歴のうち 1件');
  await expect(notices).toBeVisible();
  await expect(a.locator('[data-unit-row]')).toHaveCount(3);

  await a.keyboard.press('Control+z');
  await expect(a.getByTestId('announcer')).toHaveText('元に戻しました');
  await expect(a.locator('[data-unit-row]')).toHaveCount(2);
  await a.keyboard.press('Control+z');
  await expect(a.getByTestId('announcer')).toHaveText('元に戻す操作はありません');
  await expectSaved(a);
  const { map } = await mapState(request);
  expect(map.units.map((u) => u.label).sort()).toEqual(['claim', 'evidence']);
  expect(map.relations).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('a save answered 413 with an HTML page is told, names the change, and is not sent again', async ({ page, request }) => {
  const errors = collectErrors(page);
  await page.goto(essayPath);
  let posts = 0;
  await page.route('**/api/maps/*/operations', (route) => {
    posts++;
    return route.fulfill({ status: 413, contentType: 'text/html', body: '<html><body><h1>413 Request Entity Too Large</h1><hr>nginx</body></html>' });
  });
  await drag(page, 'そして', '種');
  await page.keyboard.press('2');
  const notice = page.getByTestId('notices');
  await expect(notice).toContainText('サーバーが変更を受け付けませんでした（大きすぎます）。保存されなかった変更 1件: 単位「そして');
  await expect(notice.locator('[data-tone="error"]')).toBeInViewport();
  // The map shown is the server's again, and the queue moved on.
  await expect(page.locator('[data-unit-row]')).toHaveCount(0);
  await expectSaved(page);
  // Long enough for several retries had it been kept: it is not resent.
  await page.waitForTimeout(3000);
  expect(posts).toBe(1);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ronten:unsaved:')))).toEqual([]);

  // The next change is saved as usual.
  await page.unroute('**/api/maps/*/operations');
  await drag(page, 'それ', 'れる');
  await page.keyboard.press('1');
  await expectSaved(page);
  expect((await mapState(request)).map.units.map((u) => u.label)).toEqual(['claim']);
  expect(errors).toEqual([]);
});

test('a save answered 422 is told in the UI\'s language, without the server\'s English reason', async ({ page }) => {
  await page.goto(essayPath);
  let posts = 0;
  await page.route('**/api/maps/*/operations', (route) => {
    posts++;
    return route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: 'operation 0 was refused: unit x: start 3 is not on a token boundary', index: 0, reason: 'unit x: start 3 is not on a token boundary' }) });
  });
  await drag(page, 'そして', '種');
  await page.keyboard.press('2');
  const notice = page.getByTestId('notices');
  await expect(notice).toContainText('保存されなかった変更 1件: 単位「そして');
  await expect(notice).not.toContainText('token boundary');
  await expectSaved(page);
  await page.waitForTimeout(2000);
  expect(posts).toBe(1);
});

test('a refusal is shown where the user looks, and the target prompt stays in view', async ({ page, request }) => {
  await addUnits(request, [
    { quote: '全体として限定的になった。', label: 'claim' },
    { quote: '注意深く検討し続けるべきだろう。', label: 'evidence' },
  ]);
  await page.goto(essayPath);
  await row(page, 'evidence').locator('> button').first().click();
  await page.keyboard.press('s');
  await expect(page.getByTestId('link-prompt')).toBeInViewport();
  await expect(page.getByTestId('link-prompt')).toContainText('支持する相手の単位を選んでください');
  // Picking the unit itself is refused, visibly.
  await row(page, 'evidence').locator('> button').first().click();
  const refusal = page.getByTestId('notices').locator('[data-tone="error"]');
  await expect(refusal).toHaveText(/できません: 単位は自分自身を支持・攻撃できません/);
  await expect(refusal).toBeInViewport();
  await page.getByRole('button', { name: 'このお知らせを閉じる' }).click();
  await expect(refusal).toHaveCount(0);
});

test('the link prompt sits by the unit being related, and is pinned to the top while that unit is off screen', async ({ page, request }) => {
  await addUnits(request, [{ quote: 'ロシアの影響力が拡大した側面は少なからずあったはずである。', label: 'claim' }]);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(essayPath);
  await row(page, 'claim').locator('> button').first().click();
  await page.keyboard.press('s');
  const prompt = page.getByTestId('link-prompt');
  await expect(prompt).toContainText('支持する相手の単位を選んでください');
  // Beside the unit: just under (or over) its last line, both measured at the same moment (the
  // text may still be scrolling to the unit).
  await wordBox(page, 'はずである');
  await expect.poll(async () =>
    page.evaluate(() => {
      const prompt = document.querySelector('[data-testid="link-prompt"]')!.getBoundingClientRect();
      const walker = document.createTreeWalker(document.querySelector('.essay')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const i = node.data.indexOf('はずである');
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 5);
        const word = range.getBoundingClientRect();
        return Math.min(Math.abs(prompt.top - word.bottom), Math.abs(prompt.bottom - word.top));
      }
      return Infinity;
    }),
  ).toBeLessThan(20);
  await expect(prompt).not.toHaveAttribute('data-pinned');

  // The unit scrolled out of view: the prompt stays in view, pinned to the top.
  await page.evaluate(() => window.scrollBy(0, 4000));
  await expect(prompt).toHaveAttribute('data-pinned', '');
  await expect(prompt).toBeInViewport();
  expect((await prompt.boundingBox())!.y).toBeLessThan(20);
});
