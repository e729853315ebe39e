import fs from 'node:fs';
import { expect, test } from './csp';
import { addUnits, essayPath, expectSaved, mapState, resetMap } from './support';

const claim = { quote: 'ロシアの影響力が拡大した側面は少なからずあったはずである。', label: 'claim' };
const evidence = { quote: 'ロシアの友好国が次第に、ロシアのワクチンを採用するようになり', label: 'evidence' };
const late = { quote: 'このような流れを見ると', label: 'claim' };

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

test('drag one node onto another to relate them, then undo', async ({ page, request }) => {
  const [c, e] = await addUnits(request, [claim, evidence]);
  await page.goto(essayPath);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  const from = map.locator(`[data-unit-id="${e.id}"]`);
  const to = map.locator(`[data-unit-id="${c.id}"]`);
  await expect(from).toBeVisible();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('dialog', { name: '関係の種類を選ぶ' }).getByRole('button', { name: '支持する' }).click();
  await expect(map.locator('[data-relation-id]')).toHaveCount(1);
  await expectSaved(page);
  expect((await mapState(request)).map.relations).toEqual([expect.objectContaining({ type: 'support', from: [e.id], to: c.id })]);
  // The claim now sits above its evidence.
  const ca = (await to.boundingBox())!;
  const ea = (await from.boundingBox())!;
  expect(ca.y + ca.height).toBeLessThanOrEqual(ea.y + 1);

  await page.keyboard.press('Control+z');
  await expect(map.locator('[data-relation-id]')).toHaveCount(0);
  await expectSaved(page);
  expect((await mapState(request)).map.relations).toEqual([]);
});

test('clicking a node scrolls the text to its unit; a selected relation is deleted with Delete', async ({ page, request }) => {
  const [c, , l] = await addUnits(request, [claim, evidence, late]);
  const { mapId, version } = await mapState(request);
  await request.post(`/api/maps/${mapId}/operations`, {
    data: { batchId: `rel-${Date.now()}`, baseVersion: version, operations: [{ op: 'addRelation', relation: { id: 'r1', type: 'attack', from: [l.id], to: c.id, note: '' } }] },
  });
  await page.goto(essayPath);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  await map.locator(`[data-unit-id="${l.id}"]`).click();
  // The last paragraph's unit is brought into the viewport.
  await expect
    .poll(
      async () =>
      page.evaluate((quote) => {
        const essay = document.querySelector('.essay')!;
        const walker = document.createTreeWalker(essay, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const i = n.data.indexOf(quote);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + quote.length);
          const rect = r.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= window.innerHeight;
        }
        return false;
      }, late.quote),
      { timeout: 5000 })
    .toBe(true);
  await expect(map.locator(`[data-unit-id="${l.id}"]`)).toHaveAttribute('aria-pressed', 'true');

  // A vertical edge has a zero-width box, which Playwright calls invisible; click its line.
  await map.locator('[data-relation-id="r1"]').click({ force: true });
  await expect(map.locator('[data-relation-id="r1"]')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Delete');
  await expect(map.locator('[data-relation-id]')).toHaveCount(0);
  await expectSaved(page);
  expect((await mapState(request)).map.relations).toEqual([]);
});

test('structure hints point at a claim with no support, and can be dismissed', async ({ page, request }) => {
  await addUnits(request, [claim]);
  await page.goto(essayPath);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const hints = page.getByTestId('structure-hints');
  await expect(hints).toContainText('支持されていない主張');
  await expect(page.locator('[data-hint-badge]')).toHaveCount(1);
  await hints.getByRole('button', { name: '閉じる' }).click();
  await expect(hints).not.toContainText('支持されていない主張');
});

test('the SVG export contains every node’s text; PNG export is an image', async ({ page, request }) => {
  const units = await addUnits(request, [claim, evidence, late]);
  await page.goto(essayPath);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  // A selected node is drawn as selected on screen, not in the picture.
  const selected = page.getByRole('region', { name: '議論マップ' }).locator(`[data-unit-id="${units[0].id}"]`);
  await selected.click();
  await expect(selected).toHaveAttribute('aria-pressed', 'true');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVGで保存' }).click()]);
  const svg = fs.readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg/);
  expect(svg).not.toContain('#e0f2fe');
  expect(svg).not.toContain('data-export-');
  for (const u of units) {
    const quote = [claim, evidence, late][units.indexOf(u)].quote;
    expect(svg).toContain(`data-unit-id="${u.id}"`);
    expect(svg).toContain(quote); // the whole quote, in the node's <title>
  }
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNGで保存' }).click()]);
  const png = fs.readFileSync((await pngDownload.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(2000);
});

test('the example map reads as a graph and links to the text', async ({ page }) => {
  await page.goto(`${essayPath}/example`);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  await expect(map.locator('[data-unit-id]')).toHaveCount(41); // the map loads with its tab (40 spans, one implicit premise)
  expect(await map.locator('[data-relation-id]').count()).toBeGreaterThan(30);
  await expect(page.getByRole('img', { name: '縮小図' })).toBeVisible();
  await map.getByRole('button', { name: /★/ }).first().click();
  await expect(map.getByRole('button', { name: /★/ }).first()).toHaveAttribute('aria-pressed', 'true');
});

test('compare with the example: figures, and matched / missed / extra units on both sides', async ({ page, request }) => {
  // One unit exactly as in the example (u-covid-claim), one the example does not have.
  await addUnits(request, [claim, late]);
  await page.goto(essayPath);
  await page.getByRole('link', { name: '例のマップと比べる' }).click();
  const table = page.getByTestId('compare-scores');
  const row = (name: string) => table.getByRole('row', { name: new RegExp(name) });
  // 1 of my 2 units matches; the example has 40.
  await expect(row('単位（範囲が完全一致）')).toContainText('0.500');
  await expect(row('単位（範囲が完全一致）')).toContainText('0.025');
  await expect(page.getByText('一致した単位のラベル正解率: 1.000（1/1）')).toBeVisible();
  // 39 of the example's 40 spans, and its unstated premise (paired with none of mine).
  await expect(page.getByTestId('missing-summary')).toHaveText('見落とした単位 (40)');
  await expect(page.getByTestId('extra-summary')).toHaveText('基準にない単位 (1)');
  await expect(page.getByRole('region', { name: /自分のマップ/ })).toContainText('このような流れを見ると');
  const names = await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.entries()].filter(([, h]) => h.size > 0).map(([n]) => n).sort());
  expect(names).toEqual(expect.arrayContaining(['ronten-cmp-extra', 'ronten-cmp-matched', 'ronten-cmp-missing']));
});

test('the map opens readable on the main claim, with a minimap and a note when fit cannot show everything', async ({ page }) => {
  await page.goto(`${essayPath}/example`);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  await expect(map.locator('[data-unit-id]')).toHaveCount(41);
  const frame = map.locator('div:has(> svg > g[data-viewport])');
  /// The smallest node text on screen: its font size times the view's scale.
  const textPx = () =>
    page.evaluate(() => {
      const svg = document.querySelector<SVGGElement>('g[data-viewport]')!.ownerSVGElement!;
      const k = new DOMMatrix(getComputedStyle(svg).transform).a;
      const sizes = [...svg.querySelectorAll('[data-unit-id] text')].map((t) => Number(t.getAttribute('font-size')));
      return Math.min(...sizes) * k;
    });
  const inFrame = async (locator: ReturnType<typeof map.locator>) => {
    const f = (await frame.boundingBox())!;
    const b = (await locator.boundingBox())!;
    return b.x >= f.x - 1 && b.y >= f.y - 1 && b.x + b.width <= f.x + f.width + 1 && b.y + b.height <= f.y + f.height + 1;
  };
  expect(await textPx()).toBeGreaterThanOrEqual(11);
  expect(await inFrame(map.locator('[data-main-claim]'))).toBe(true);
  await expect(page.getByRole('img', { name: '縮小図' })).toBeVisible();

  // Fit stays readable and says it cannot show everything.
  await map.getByRole('button', { name: '全体を表示' }).click();
  expect(await textPx()).toBeGreaterThanOrEqual(11);
  await expect(map.getByRole('status')).toContainText('読める大きさに収まりません');

  // Every edge has a name of its own, with the quotes of its ends.
  const names = await map.locator('[data-relation-id]').evaluateAll((edges) => edges.map((e) => e.getAttribute('aria-label')));
  expect(names[0]).toMatch(/^.+「.+」が.+「.+」を(支持|攻撃)$/);
  expect(new Set(names).size).toBe(names.length);

  // A node reached with the keyboard is brought into view.
  const far = map.locator('[data-unit-id]').last();
  await far.focus();
  await expect.poll(() => inFrame(far)).toBe(true);
});

test('a small map fits whole, readable, without a minimap; node text breaks between words', async ({ page, request }) => {
  // Related, so the two nodes stack (a premise under its conclusion) and fit a narrow pane.
  const [c, e] = await addUnits(request, [claim, { quote: 'それがロシアの求心力低下によるものかどうかは、単純には結論づけられないと思われる。', label: 'evidence' }]);
  const { mapId, version } = await mapState(request);
  await request.post(`/api/maps/${mapId}/operations`, {
    data: { batchId: `rel-${Date.now()}`, baseVersion: version, operations: [{ op: 'addRelation', relation: { id: 'r1', type: 'support', from: [e.id], to: c.id, note: '' } }] },
  });
  await page.goto(essayPath);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  await expect(map.locator('[data-unit-id]')).toHaveCount(2);
  await expect(page.getByRole('img', { name: '縮小図' })).toHaveCount(0);
  const lines = await map.locator('[data-unit-id] tspan').allTextContents();
  expect(lines.join('|')).not.toMatch(/結論づ\|け/);
  expect(lines.some((l) => l.endsWith('結論づ'))).toBe(false);
});

test('nodes are named by label and quote (and main claim); J on a node, or In text, takes the essay caret to its unit', async ({ page, request }) => {
  const [c] = await addUnits(request, [claim, evidence]);
  const { mapId, version } = await mapState(request);
  const res = await request.post(`/api/maps/${mapId}/operations`, { data: { batchId: `main-${Date.now()}`, baseVersion: version, operations: [{ op: 'setMainClaim', before: null, after: c.id }] } });
  expect(res.status()).toBe(200);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(essayPath);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  await expect(map.getByRole('button', { name: `主張 ★ 論旨: ${claim.quote}`, exact: true })).toBeVisible();
  const node = map.getByRole('button', { name: `根拠: ${evidence.quote}`, exact: true });
  await expect(node).toHaveAttribute('aria-keyshortcuts', 'J');

  await node.focus();
  await page.keyboard.press('j');
  await expect(page.locator('.essay')).toBeFocused();
  await expect(page.getByTestId('announcer')).toHaveText(/^ロシアの（ろしあの）、根拠の中$/);
  await expect(node).toHaveAttribute('aria-pressed', 'true');

  // The map's toolbar offers the same for the selected node.
  await map.getByRole('button', { name: /^主張 ★ 論旨/ }).click();
  await map.getByRole('button', { name: /^本文へ: 主張「ロシアの影響力/ }).click();
  await expect(page.locator('.essay')).toBeFocused();
  await expect(page.getByTestId('announcer')).toHaveText(/^ロシアの（ろしあの）、主張（論旨）の中$/);
});
