// The map draws the deeper model's shapes (issue 17): a linked argument as its premises joined
// at one junction with one arrow on; an undercutter ending halfway along the arrow it attacks;
// an implicit premise dashed and marked as not in the text; a scheme's name beside its arrow.
// The map is seeded through the API; the geometry is read from the drawn SVG.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './csp';
import { addUnits, essayPath, expectSaved, mapState, resetMap } from './support';
import { expectNoAxeViolations } from './axe';

const claim = { quote: 'ロシアの影響力が拡大した側面は少なからずあったはずである。', label: 'claim' };
const adoption = { quote: 'ロシアの友好国が次第に、ロシアのワクチンを採用するようになり', label: 'evidence' };
const zeal = { quote: 'ロシアのワクチン開発への熱意は極めて高い。', label: 'evidence' };
const unpopular = { quote: 'ロシアのワクチンは、臨床試験（治験）の不十分さなどもあり、ロシア国内外であまり人気がなかった', label: 'counterargument' };
const flow = { quote: 'このような流れを見ると', label: 'rebuttal' };
const unstated = '友好国に採用されたワクチンは、その国への影響力の手段になる。';

/// The claim supported by a linked argument (adoption + an unstated premise, from consequences)
/// and by zeal alone; the linked argument undercut by unpopular; flow not related yet.
async function seed(page: Page, { touch = false } = {}) {
  const request = page.request;
  const [c, a, z, u, f] = await addUnits(request, [claim, adoption, zeal, unpopular, flow]);
  const { mapId, version } = await mapState(request);
  const operations = [
    { op: 'addUnit', unit: { id: 'i1', label: 'evidence', implicit: true, text: unstated, note: '' }, relations: [], mainClaim: false },
    { op: 'addRelation', relation: { id: 'r1', type: 'support', from: [a.id, 'i1'], to: c.id, scheme: 'consequences', note: '' } },
    { op: 'addRelation', relation: { id: 'r2', type: 'support', from: [z.id], to: c.id, note: '' } },
    { op: 'addRelation', relation: { id: 'r3', type: 'attack', from: [u.id], to: 'r1', note: '' } },
    { op: 'setMainClaim', before: null, after: c.id },
  ];
  const res = await request.post(`/api/maps/${mapId}/operations`, { data: { batchId: `shapes-${Date.now()}-${Math.random()}`, baseVersion: version, operations } });
  expect(res.status()).toBe(200);
  if (!touch) await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(essayPath);
  const tab = page.getByRole('tab', { name: '議論マップ' });
  await (touch ? tab.tap() : tab.click());
  const map = page.getByRole('region', { name: '議論マップ' });
  await expect(map.locator('[data-relation-id]')).toHaveCount(3);
  if (!touch) {
    // The pane as wide as it goes, and the whole map in it.
    const divider = page.getByRole('separator', { name: '単位一覧・マップの幅' });
    await divider.focus();
    for (let i = 0; i < 20; i++) await divider.press('ArrowLeft');
    await map.getByRole('button', { name: '全体を表示' }).click();
  }
  return { map, c, a, z, u, f };
}

/// A point of an edge part in page coordinates: `at` of the way along it (0 start, 1 end).
async function pointOn(page: Page, selector: string, at: number) {
  return page.evaluate(
    ([selector, at]) => {
      const path = document.querySelector<SVGPathElement>(selector)!;
      const p = path.getPointAtLength(path.getTotalLength() * at);
      const m = path.getScreenCTM()!;
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f, local: { x: p.x, y: p.y } };
    },
    [selector, at] as const,
  );
}

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

test('a linked argument, an undercutter, an implicit premise and a scheme are drawn as such', async ({ page }) => {
  const { map } = await seed(page);

  // One junction, on the linked argument: both premise lines end there and one arrow leaves it.
  await expect(map.locator('[data-junction]')).toHaveCount(1);
  const linked = map.locator('[data-relation-id="r1"]');
  await expect(linked.locator('[data-junction]')).toHaveCount(1);
  await expect(linked.locator('[data-edge-part="premise"]')).toHaveCount(2);
  await expect(linked.locator('[data-edge-part="arrow"]')).toHaveCount(1);
  await expect(map.locator('[data-relation-id="r2"] [data-edge-part="premise"]')).toHaveCount(0);

  // The undercutter ends halfway along the linked argument’s arrow.
  const middle = await pointOn(page, '[data-relation-id="r1"] [data-edge-part="arrow"]', 0.5);
  const end = await pointOn(page, '[data-relation-id="r3"] [data-edge-part="arrow"]', 1);
  expect(Math.hypot(middle.local.x - end.local.x, middle.local.y - end.local.y)).toBeLessThan(1.5);
  await expect(map.locator('[data-relation-id="r3"] [data-edge-part="arrow"]')).toHaveAttribute('stroke-dasharray', '7 4');

  // The implicit premise: dashed, marked, named as not in the text, and no way into the text.
  const implicit = map.locator('[data-unit-id="i1"]');
  await expect(implicit).toHaveAttribute('data-implicit', '');
  await expect(implicit.locator('path').first()).toHaveAttribute('stroke-dasharray', '6 4');
  await expect(implicit.locator('[data-implicit-marker]')).toHaveText('本文にない');
  await expect(map.getByRole('button', { name: `根拠・本文にない: ${unstated}`, exact: true })).toBeVisible();
  await expect(implicit).not.toHaveAttribute('aria-keyshortcuts', /J/);
  await implicit.click();
  await expect(implicit).toHaveAttribute('aria-pressed', 'true');
  await expect(map.getByRole('button', { name: /^本文へ/ })).toHaveCount(0);

  // The scheme's name beside the linked argument’s arrow, clear of every node.
  const label = linked.locator('[data-scheme-label]');
  await expect(label).toHaveText('帰結からの議論');
  const labelBox = (await label.boundingBox())!;
  const outlines = await map.locator('[data-unit-id] > path').evaluateAll((paths) => paths.map((p) => p.getBoundingClientRect().toJSON() as DOMRect));
  expect(outlines).toHaveLength(6);
  for (const box of outlines) {
    const apart = labelBox.x >= box.right || box.left >= labelBox.x + labelBox.width || labelBox.y >= box.bottom || box.top >= labelBox.y + labelBox.height;
    expect(apart).toBe(true);
  }

  // Names say the shapes.
  await expect(linked).toHaveAttribute('aria-label', /^結合した支持：根拠「.+」 \+ 根拠「.+」 → 主張「.+」、帰結からの議論$/);
  await expect(map.locator('[data-relation-id="r3"]')).toHaveAttribute('aria-label', /^反論「.+」が推論（根拠「.+」 \+ 根拠「.+」 → 主張「.+」）を攻撃$/);
  await expect(map.locator('[data-relation-id="r2"]')).toHaveAttribute('aria-label', /^根拠「.+」が主張「.+」を支持$/);

  // Nothing axe objects to in the drawing with every shape in it.
  await expectNoAxeViolations(page, 'map with the deeper shapes');

  // The picture keeps the shapes, without the on-screen hit areas.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVGで保存' }).click()]);
  const svg = fs.readFileSync((await download.path())!, 'utf8');
  expect(svg.match(/data-junction/g)).toHaveLength(1);
  expect(svg).toContain('帰結からの議論');
  expect(svg).toContain('本文にない');
  expect(svg).not.toContain('stroke="transparent"');
});

test('clicking a linked argument’s premise line selects the whole relation; so does Enter on it', async ({ page }) => {
  const { map } = await seed(page);
  const linked = map.locator('[data-relation-id="r1"]');
  const onLine = await pointOn(page, '[data-relation-id="r1"] [data-edge-part="premise"]', 0.5);
  await page.mouse.click(onLine.x, onLine.y);
  await expect(linked).toHaveAttribute('aria-pressed', 'true');
  // A click on the background deselects; the keyboard reaches the relation as one control.
  const frame = (await map.locator('div:has(> svg > g[data-viewport])').boundingBox())!;
  await page.mouse.click(frame.x + 4, frame.y + 4);
  await expect(linked).toHaveAttribute('aria-pressed', 'false');
  await linked.focus();
  await page.keyboard.press('Enter');
  await expect(linked).toHaveAttribute('aria-pressed', 'true');
});

test.describe('by touch', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

  test('a tap beside a linked argument’s junction, within a finger’s width, selects the relation', async ({ page }) => {
    const { map } = await seed(page, { touch: true });
    const linked = map.locator('[data-relation-id="r1"]');
    // Focus brings the relation into view (the first view shows the main claim and what is next to it).
    await linked.focus();
    const junction = (await linked.locator('[data-junction]').boundingBox())!;
    // Beside the dot, clear of every line: on the relation's hit area (44 px wide on touch), not its ink.
    const at = { x: junction.x + junction.width / 2 - 14, y: junction.y + junction.height / 2 };
    const under = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y)!;
      return { relation: el.closest('[data-relation-id]')?.getAttribute('data-relation-id'), stroke: el.getAttribute('stroke') };
    }, at);
    expect(under).toEqual({ relation: 'r1', stroke: 'transparent' });
    await page.touchscreen.tap(at.x, at.y);
    await expect(linked).toHaveAttribute('aria-pressed', 'true');
  });
});

test('dropping a node on an arrow attacks that inference', async ({ page }) => {
  const { map, f } = await seed(page);
  const target = await pointOn(page, '[data-relation-id="r2"] [data-edge-part="arrow"]', 0.5);
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-relation-id]')?.getAttribute('data-relation-id'), target)).toBe('r2');
  const from = (await map.locator(`[data-unit-id="${f.id}"]`).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.mouse.up();
  const chooser = page.getByRole('dialog', { name: '関係の種類を選ぶ' });
  await expect(chooser.getByRole('button')).toHaveText(['推論を攻撃する', '取り消す']);
  await chooser.getByRole('button', { name: '推論を攻撃する' }).click();
  await expect(map.locator('[data-relation-id]')).toHaveCount(4);
  await expectSaved(page);
  const relations = (await mapState(page.request)).map.relations as unknown as Array<{ type: string; from: string[]; to: string }>;
  expect(relations).toContainEqual(expect.objectContaining({ type: 'attack', from: [f.id], to: 'r2' }));
});
