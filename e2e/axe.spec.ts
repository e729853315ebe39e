// axe reports no violations on any page of the app, in Japanese and in English (issue 14): the
// texts, the import form, the essay with units of all four labels, a main claim and relations
// (its list, its map, its toolbar at a selection, the link prompt and a notice), the example
// map, the comparison with it. The classroom pages (sign-in, courses, assignments, dashboard,
// heat map, review, admin) are in ./signed-in-axe.spec.ts, which must run after
// ./classroom.spec.ts (the first account on that server becomes its admin).
import { expect, test } from './csp';
import type { Page } from '@playwright/test';
import { addUnits, drag, essayPath, expectSaved, mapState, resetMap } from './support';
import { expectNoAxeViolations } from './axe';

const units = [
  { quote: 'ロシアの影響力が拡大した側面は少なからずあったはずである。', label: 'claim' },
  { quote: 'ロシアの友好国が次第に、ロシアのワクチンを採用するようになり', label: 'evidence' },
  { quote: 'それがロシアの求心力低下によるものかどうかは、単純には結論づけられないと思われる。', label: 'counterargument' },
  { quote: 'このような流れを見ると', label: 'rebuttal' },
];

const locales = [
  { locale: 'ja', list: '単位一覧', map: '議論マップ', example: '例のマップを見る' },
  { locale: 'en', list: 'Units', map: 'Argument map', example: 'Open example map' },
] as const;

async function useLocale(page: Page, baseURL: string, locale: string) {
  await page.context().addCookies([{ name: 'ronten-locale', value: locale, url: baseURL }]);
}

test.beforeAll(async ({ request }) => {
  await resetMap(request);
  const [claim, evidence, counter, rebuttal] = await addUnits(request, units);
  const { mapId, version } = await mapState(request);
  const res = await request.post(`/api/maps/${mapId}/operations`, {
    data: {
      batchId: `axe-${Date.now()}`,
      baseVersion: version,
      operations: [
        { op: 'setMainClaim', before: null, after: claim.id },
        { op: 'addRelation', relation: { id: 'r1', type: 'support', from: [evidence.id], to: claim.id, note: '' } },
        { op: 'addRelation', relation: { id: 'r2', type: 'attack', from: [counter.id], to: claim.id, note: '' } },
        { op: 'addRelation', relation: { id: 'r3', type: 'attack', from: [rebuttal.id], to: counter.id, note: '' } },
      ],
    },
  });
  expect(res.status()).toBe(200);
});

test.afterAll(async ({ request }) => {
  await resetMap(request);
});

for (const names of locales) {
  test(`no axe violations on the texts, the import form and the example pages (${names.locale})`, async ({ page, baseURL }) => {
    await useLocale(page, baseURL!, names.locale);
    await page.goto('/');
    await expectNoAxeViolations(page, `/ (${names.locale})`);
    await page.goto('/texts/new');
    await expectNoAxeViolations(page, `/texts/new (${names.locale})`);
    await page.goto(`${essayPath}/example`);
    await expect(page.locator('.essay')).toBeVisible();
    await expectNoAxeViolations(page, `example (${names.locale})`);
    await page.goto(`${essayPath}/compare`);
    await expectNoAxeViolations(page, `compare (${names.locale})`);
  });

  test(`no axe violations on the essay: list, map, toolbar, link prompt, notice (${names.locale})`, async ({ page, baseURL }) => {
    await useLocale(page, baseURL!, names.locale);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(essayPath);
    await expect(page.locator('[data-unit-row]')).toHaveCount(4);
    await expectNoAxeViolations(page, `essay, unit list (${names.locale})`);

    // A selection with its label toolbar.
    await drag(page, '影響力', '拡大');
    await expect(page.getByRole('toolbar')).toBeVisible();
    await expectNoAxeViolations(page, `essay, selection toolbar (${names.locale})`);
    await page.keyboard.press('Escape');

    // A unit selected, relating: the link prompt; then a refusal's notice (self-relation).
    await page.locator('[data-unit-row] button').first().click();
    await page.locator('.essay').focus();
    await page.keyboard.press('s');
    await expect(page.getByTestId('link-prompt')).toBeVisible();
    await expectNoAxeViolations(page, `essay, link prompt (${names.locale})`);
    await page.locator('[data-unit-row] button').first().click();
    await expect(page.getByTestId('notices').locator('[data-tone="error"]')).toBeVisible();
    await expectNoAxeViolations(page, `essay, refusal notice (${names.locale})`);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: names.map }).click();
    await expect(page.locator('[data-unit-id]')).toHaveCount(4);
    await expectNoAxeViolations(page, `essay, map (${names.locale})`);
    await expectSaved(page);
  });
}

test('on a touch screen every control of the essay page is at least 44 × 44 px', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${baseURL}${essayPath}`);
  await expect(page.locator('[data-unit-row]')).toHaveCount(4);
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  const small = async () =>
    page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement | SVGElement>('button, a[href], select, input, textarea, summary, [role="tab"], [role="button"], [role="separator"][tabindex]');
      const found: string[] = [];
      for (const el of controls) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not shown
        // The essay is one text, not a control of words; an edge's target is its stroke, which
        // a box does not measure (it is 44 px wide on touch: app/globals.css).
        if (el.closest('.essay') || el.classList.contains('sr-only') || el.hasAttribute('data-relation-id')) continue;
        // A control inside a label counts the label's box (the label is the target).
        const target = el.tagName === 'INPUT' && el.closest('label') ? el.closest('label')!.getBoundingClientRect() : box;
        if (target.width < 43.5 || target.height < 43.5) found.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(target.width)}×${Math.round(target.height)}`);
      }
      return found;
    });
  expect.soft(await small(), 'unit list').toEqual([]);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  await expect(page.locator('[data-unit-id]')).toHaveCount(4);
  expect.soft(await small(), 'map').toEqual([]);
  await context.close();
});
