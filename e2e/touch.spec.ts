// Touch annotation on an emulated phone and tablets (Playwright's hasTouch + isMobile): a tap
// selects a word, a double tap its phrase, the handles extend the selection snapped to words, the label bar at the bottom
// labels it; a long press on a unit opens its actions (relabel, relate, delete); relating by
// tapping the target; the list and the map reached from any place in the essay; pinch in the
// map; touch targets of at least 44 px.
import { expect, test } from './csp';
import type { Page } from '@playwright/test';
import { addUnits, center, essayPath, essayText, expectSaved, longPressWord, mapState, resetMap, tapWord, touchPath, wordBox } from './support';

const devices = [
  { name: 'phone', viewport: { width: 390, height: 844 }, narrow: true },
  { name: 'tablet portrait', viewport: { width: 768, height: 1024 }, narrow: true },
  { name: 'tablet landscape', viewport: { width: 1024, height: 768 }, narrow: false },
];

/// Drags a selection handle onto a word, a few steps as a finger moves. The handle hangs below
/// its line, and what it picks is the point lifted by as much as the finger started below the
/// line: the finger ends that far below the word.
async function dragHandle(page: Page, which: 'start' | 'end', surface: string, nth = 0) {
  const word = await wordBox(page, surface, nth);
  const handle = (await page.locator(`[data-handle="${which}"]`).boundingBox())!;
  const from = center(handle);
  const lift = from.y - (handle.y - word.height / 2);
  const to = { x: word.x + word.width / 2, y: word.y + word.height / 2 + lift };
  const steps = Array.from({ length: 6 }, (_, i) => ({ x: from.x + ((to.x - from.x) * (i + 1)) / 6, y: from.y + ((to.y - from.y) * (i + 1)) / 6 }));
  await touchPath(page, [from, ...steps]);
}

/// The viewport box of the nth `surface` of the essay, as it is now (not scrolled to).
async function boxNow(page: Page, surface: string, nth = 0) {
  const b = await wordBox(page, surface, nth, { scroll: false });
  return { top: b.y, bottom: b.y + b.height };
}

async function expectTouchSized(page: Page, scope: ReturnType<Page['locator']>) {
  for (const button of await scope.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.width, await button.textContent() ?? '').toBeGreaterThanOrEqual(44);
    expect(box.height, await button.textContent() ?? '').toBeGreaterThanOrEqual(44);
  }
}

for (const device of devices) {
  test.describe(device.name, () => {
    test.use({ viewport: device.viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

    test.beforeEach(async ({ request }) => {
      await resetMap(request);
    });

    test('creates, relabels, relates and deletes units by touch', async ({ page, request }) => {
      const text = await essayText(request);
      await page.goto(essayPath);
      await page.waitForLoadState('networkidle');
      const bar = page.getByRole('toolbar', { name: '選択への操作' });

      // A tap selects the word; the end handle extends the selection, snapped to whole words.
      await tapWord(page, 'それ');
      await expect(bar).toContainText('選択範囲: それ');
      await expect(page.locator('[data-handle]')).toHaveCount(2);
      await dragHandle(page, 'end', '単純');
      await expect(bar).toContainText('選択範囲: それがロシアの求心力低下によるものかどうかは、単純');
      // The start handle moves the other end, both ways.
      await dragHandle(page, 'start', '求心力');
      await expect(bar).toContainText('選択範囲: 求心力低下によるものかどうかは、単純');
      await dragHandle(page, 'start', 'それ');
      await expect(bar).toContainText('選択範囲: それがロシアの求心力低下によるものかどうかは、単純');
      // The bar is at the bottom of the screen and does not cover the selection.
      const barBox = (await bar.boundingBox())!;
      expect(barBox.y + barBox.height).toBeGreaterThan(device.viewport.height - 80);
      expect((await boxNow(page, '単純')).bottom).toBeLessThanOrEqual(barBox.y);
      expect((await boxNow(page, 'それ')).top).toBeGreaterThanOrEqual(0);
      await expectTouchSized(page, bar);
      await bar.getByRole('button', { name: /^主張/ }).tap();
      // The new unit is selected: the bar offers its actions.
      await expect(bar).toContainText('主張「それが');
      await expect.poll(async () => (await mapState(request)).map.units.length).toBe(1);
      let { map } = await mapState(request);
      expect(map.units.map((u) => text.slice(u.start, u.end))).toEqual(['それがロシアの求心力低下によるものかどうかは、単純']);
      const claim = map.units[0];
      expect(claim.label).toBe('claim');

      // A second unit from one tapped word.
      await tapWord(page, '限定');
      await expect(bar).toContainText('選択範囲: 限定');
      await bar.getByRole('button', { name: /^根拠/ }).tap();
      await expect(bar).toContainText('根拠「限定');
      await expect.poll(async () => (await mapState(request)).map.units.length).toBe(2);
      ({ map } = await mapState(request));
      const evidence = map.units.find((u) => u.id !== claim.id)!;
      expect(text.slice(evidence.start, evidence.end)).toMatch(/^限定/);

      // A long press on the unit opens its actions: relabel it.
      await tapWord(page, '検討'); // elsewhere first: nothing selected
      await longPressWord(page, '限定');
      await expect(bar).toContainText('根拠「限定');
      await expectTouchSized(page, bar);
      await bar.getByRole('button', { name: /^反論/ }).tap();
      await expect(bar).toContainText('反論「限定');
      await expect.poll(async () => (await mapState(request)).map.units.find((u) => u.id === evidence.id)!.label).toBe('counterargument');

      // Relate: "attacks…", then tap the target unit.
      await bar.getByRole('button', { name: '攻撃する…' }).tap();
      await expect(bar).toContainText('攻撃する相手の単位をタップしてください');
      await tapWord(page, '求心力');
      await expect.poll(async () => (await mapState(request)).map.relations).toEqual([expect.objectContaining({ type: 'attack', from: [evidence.id], to: claim.id })]);

      // Delete the claim from its long-press actions.
      await longPressWord(page, '低下');
      await expect(bar).toContainText('主張「');
      await bar.getByRole('button', { name: '削除' }).tap();
      await expect(bar).toHaveCount(0);
      await expect.poll(async () => (await mapState(request)).map.units.map((u) => u.id)).toEqual([evidence.id]);
      await expectSaved(page);
      ({ map } = await mapState(request));
      expect(map.relations).toEqual([]);
    });

    test('a double tap selects the phrase, a tap the word, as double click and click do', async ({ page }) => {
      await page.goto(essayPath);
      await page.waitForLoadState('networkidle');
      const bar = page.getByRole('toolbar', { name: '選択への操作' });
      const at = center(await wordBox(page, '停戦'));
      await page.touchscreen.tap(at.x, at.y);
      await page.touchscreen.tap(at.x, at.y);
      await expect(bar).toContainText('選択範囲: 停戦が');
      await expect(page.locator('[data-handle]')).toHaveCount(2);
      // Later, one tap: the word alone (the finger lifted long enough for no double tap).
      await page.waitForTimeout(600);
      await page.touchscreen.tap(at.x, at.y);
      await expect(bar).toContainText('選択範囲: 停戦');
      await expect(bar).not.toContainText('停戦が');
    });

    test('the list and the map are reached from the middle of the essay, and the reading place is kept', async ({ page }) => {
      await page.goto(essayPath);
      await page.waitForLoadState('networkidle');
      await wordBox(page, '第四に'); // scrolls to the middle of the essay
      const scrolled = await page.evaluate(() => window.scrollY);
      expect(scrolled).toBeGreaterThan(device.narrow ? 1500 : 800);
      const inView = async (name: string) => {
        const box = (await page.getByRole('tab', { name }).boundingBox())!;
        return box.y >= 0 && box.y + box.height <= device.viewport.height;
      };
      expect(await inView('単位一覧')).toBe(true);
      expect(await inView('議論マップ')).toBe(true);
      await expectTouchSized(page, page.getByRole('tablist'));

      await page.getByRole('tab', { name: '単位一覧' }).tap();
      const heading = page.getByRole('heading', { name: /論証単位/ });
      await expect(heading).toBeInViewport();
      await expectTouchSized(page, page.getByRole('group', { name: 'ラベルで絞り込む' }));
      await page.getByRole('tab', { name: '議論マップ' }).tap();
      const map = page.getByRole('region', { name: '議論マップ' });
      await expect(map).toBeInViewport();

      if (device.narrow) {
        await page.getByRole('tab', { name: '本文' }).tap();
        await expect(map).toHaveCount(0);
      }
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(2);

      // Turned the other way, the layout changes and the text at the reading line stays there.
      // The sticky toolbar may reach below that line (it wraps on a tablet): let it through.
      await page.evaluate(() => (document.querySelector<HTMLElement>('.sticky.top-0')!.style.pointerEvents = 'none'));
      const readingLine = () =>
        page.evaluate(() => {
          const { left, right } = document.querySelector('.essay')!.getBoundingClientRect();
          const y = 81; // just below the sticky toolbar (components/editor/reveal TOP)
          const at = (x: number) => document.caretPositionFromPoint(x, y)!;
          const [start, middle, end] = [at(left + 2), at((left + right) / 2), at(right - 2)];
          const text = middle.offsetNode.textContent!;
          return { word: text.slice(middle.offset, middle.offset + 3), line: start.offsetNode === end.offsetNode ? text.slice(start.offset, end.offset + 3) : '' };
        });
      await page.evaluate(() => window.scrollBy(0, 1));
      await page.waitForTimeout(400); // the place is noted once scrolling stops
      const { word } = await readingLine();
      await page.setViewportSize({ width: device.viewport.height, height: device.viewport.width });
      await expect.poll(async () => (await readingLine()).line).toContain(word);
    });
  });
}

test.describe('map pinch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('two fingers zoom the map', async ({ page, request }) => {
    await resetMap(request);
    await addUnits(request, [{ quote: 'それがロシアの求心力低下によるものかどうかは、単純', label: 'claim' }]);
    await page.goto(essayPath);
    await page.getByRole('tab', { name: '議論マップ' }).tap();
    const map = page.getByRole('region', { name: '議論マップ' });
    const frame = map.locator('div:has(> svg > g[data-viewport])');
    await expect(frame).toBeVisible();
    const scale = () => frame.locator('> svg').first().evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as SVGSVGElement).style.transform)?.[1] ?? 'NaN'));
    await expect.poll(scale).not.toBeNaN();
    const before = await scale();
    const box = (await frame.boundingBox())!;
    const c = { x: box.x + box.width / 2, y: box.y + Math.min(box.height, 400) / 2 };
    const cdp = await page.context().newCDPSession(page);
    const points = (d: number) => [
      { x: c.x - d, y: c.y, id: 1 },
      { x: c.x + d, y: c.y, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(30) });
    for (const d of [40, 55, 70, 90]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    // Three times the fingers' distance: three times the scale (within the zoom limits).
    await expect.poll(scale).toBeGreaterThan(Math.min(before * 2.5, 2));
  });
});
