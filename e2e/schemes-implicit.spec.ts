// Issue 17's relation details on the corpus essay, as a student uses them: a support's details
// opened beside it in the unit list, an argumentation scheme picked, a critical question
// answered, an unstated premise added (an implicit unit, never drawn in the essay) — once by
// keyboard, once by mouse — and all of it still there after a reload; the mouse path also undoes
// the unstated premise in one step and finds the details under the map when its edge is chosen.
// The open details pass axe in both languages, and their controls are 44 px on a touch screen.
import { expect, test } from './csp';
import { expectNoAxeViolations } from './axe';
import { addUnits, essayPath, expectSaved, mapState, resetMap } from './support';
import type { Page } from '@playwright/test';

const claim = { quote: 'ロシアの影響力が拡大した側面は少なからずあったはずである。', label: 'claim' };
const evidence = { quote: 'ロシアの友好国が次第に、ロシアのワクチンを採用するようになり', label: 'evidence' };
const question = 'その因果関係はどれほど強いか（そもそも成り立つか）。';
const premiseText = 'ワクチンの採用は、その国への影響力の表れである';

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

const row = (page: Page, id: string) => page.locator(`[data-unit-row="${id}"]`);
const detailsButton = (page: Page, id: string) => row(page, id).getByRole('button', { name: /^支持の関係（.*）の詳細$/ });

/// After a reload: the scheme, the answer and the implicit premise are shown, and the implicit
/// unit is in the list (dashed, marked) but never drawn over the essay.
async function expectKept(page: Page, evidenceId: string, answer: string) {
  const { map } = await mapState(page.request);
  const implicit = map.units.find((u) => (u as { implicit?: boolean }).implicit)!;
  expect(implicit).toMatchObject({ label: 'evidence', text: premiseText });
  expect(map.relations).toEqual([expect.objectContaining({ type: 'support', from: [evidenceId, implicit.id], scheme: 'causeToEffect', criticalQuestions: [{ id: 'strength', answer }] })]);

  await page.reload();
  await expect(row(page, implicit.id)).toContainText('本文にない');
  await expect(row(page, implicit.id)).toHaveClass(/border-dashed/);
  await expect(page.locator('.unit-marks')).toHaveAttribute('data-units', '2');
  await expect(page.locator(`.unit-marks [data-unit="${implicit.id}"]`)).toHaveCount(0);

  await row(page, evidenceId).locator('> button').first().click();
  await detailsButton(page, evidenceId).click();
  const panel = row(page, evidenceId).getByRole('region', { name: '関係の詳細' });
  await expect(panel.getByRole('combobox', { name: '論証スキーム' })).toHaveValue('causeToEffect');
  await expect(panel.getByRole('textbox', { name: question })).toHaveValue(answer);
  await expect(panel.getByTestId('questions-status')).toHaveText('まだ答えていない問いが2件あります（全3件）');
  await expect(panel.locator(`[data-premise-id="${implicit.id}"]`)).toContainText(`本文にない「${premiseText}」`);
  return implicit.id;
}

test('keyboard: open a support’s details, pick a scheme, answer a question, add an unstated premise (U)', async ({ page, request }) => {
  const [c, e] = await addUnits(request, [claim, evidence]);
  const { mapId, version } = await mapState(request);
  const res = await request.post(`/api/maps/${mapId}/operations`, {
    data: { batchId: `rel-${Date.now()}`, baseVersion: version, operations: [{ op: 'addRelation', relation: { id: 'r1', type: 'support', from: [e.id], to: c.id, note: '' } }] },
  });
  expect(res.status()).toBe(200);
  await page.goto(essayPath);

  // The evidence's row, opened with Enter; its relation's details with Enter.
  await row(page, e.id).locator('> button').first().focus();
  await page.keyboard.press('Enter');
  await detailsButton(page, e.id).focus();
  await page.keyboard.press('Enter');
  await expect(detailsButton(page, e.id)).toHaveAttribute('aria-expanded', 'true');
  const panel = row(page, e.id).getByRole('region', { name: '関係の詳細' });
  await expect(panel.getByTestId('relation-target')).toContainText(claim.quote);

  // Tab past the relation's note to the scheme picker; arrows choose 原因から結果への議論 (the third).
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('textbox', { name: '関係のメモ' })).toBeFocused();
  await page.keyboard.press('Tab');
  const scheme = panel.getByRole('combobox', { name: '論証スキーム' });
  await expect(scheme).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(scheme).toHaveValue('causeToEffect');
  await expect(page.getByTestId('announcer')).toHaveText('論証スキームを「原因から結果への議論」にしました');
  await expect(panel.getByTestId('questions-status')).toHaveText('まだ答えていない問いが3件あります（全3件）');

  // The first question's field comes next; leaving it saves the answer.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('textbox', { name: question })).toBeFocused();
  await page.keyboard.type('一例だけでは強いとは言えない');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('announcer')).toHaveText('答えを保存しました');
  await expect(panel.getByTestId('questions-status')).toHaveText('まだ答えていない問いが2件あります（全3件）');

  // Past the other two questions to "add unstated premise"; U opens its field there.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const add = panel.getByRole('button', { name: '空所の前提を補う' });
  await expect(add).toBeFocused();
  await page.keyboard.press('u');
  const field = panel.getByRole('textbox', { name: '補う前提の文' });
  await expect(field).toBeFocused();
  // Empty: refused in words, nothing added; then the text, and Enter.
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('前提の文を入力してください（空にはできません）');
  await page.keyboard.type(premiseText);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('announcer')).toHaveText('本文にない前提（根拠）を補いました');
  await expect(add).toBeFocused();
  await expectSaved(page);

  await expectKept(page, e.id, '一例だけでは強いとは言えない');
});

test('mouse: relate with 支持する…, then scheme, answer and unstated premise; undo takes the premise away in one step', async ({ page, request }) => {
  const [c, e] = await addUnits(request, [claim, evidence]);
  await page.goto(essayPath);
  await row(page, e.id).locator('> button').first().click();
  await page.getByRole('button', { name: '支持する…' }).click();
  await row(page, c.id).locator('> button').first().click();
  await expect(page.getByTestId('announcer')).toHaveText('支持の関係を作りました');

  await row(page, e.id).locator('> button').first().click();
  await detailsButton(page, e.id).click();
  const panel = row(page, e.id).getByRole('region', { name: '関係の詳細' });
  await panel.getByRole('combobox', { name: '論証スキーム' }).selectOption('causeToEffect');
  const answer = panel.getByRole('textbox', { name: question });
  await answer.click();
  await answer.fill('ワクチンの例だけでは弱い');
  await panel.getByRole('heading', { name: '関係の詳細' }).click();
  await expect(page.getByTestId('announcer')).toHaveText('答えを保存しました');

  await panel.getByRole('button', { name: '空所の前提を補う' }).click();
  await panel.getByRole('textbox', { name: '補う前提の文' }).fill(premiseText);
  await expect(panel.getByRole('combobox', { name: 'ラベル' })).toHaveValue('evidence');
  await panel.getByRole('button', { name: '追加', exact: true }).click();
  await expect(panel.locator('[data-testid="relation-premises"] li')).toHaveCount(2);
  await expect(page.locator('[data-unit-row]')).toHaveCount(3);

  // One undo takes the implicit unit and its place among the premises away; redo brings both.
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-unit-row]')).toHaveCount(2);
  await expect(panel.locator('[data-testid="relation-premises"] li')).toHaveCount(1);
  await expect(panel.getByRole('combobox', { name: '論証スキーム' })).toHaveValue('causeToEffect');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('[data-unit-row]')).toHaveCount(3);
  await expectSaved(page);

  await expectKept(page, e.id, 'ワクチンの例だけでは弱い');

  // The map: choosing an edge of the relation shows the same details under it.
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  const relationId = (await mapState(request)).map.relations[0].id;
  await map.locator(`[data-relation-id="${relationId}"]`).first().focus();
  await page.keyboard.press('Enter');
  const docked = page.getByTestId('map-relation-details');
  await expect(docked.getByRole('combobox', { name: '論証スキーム' })).toHaveValue('causeToEffect');
  await expect(docked.getByTestId('relation-premises')).toContainText('本文にない');
});

/// A support with a scheme, one answer and an implicit premise, made through the API.
async function detailedMap(request: Parameters<typeof mapState>[0]) {
  const [c, e] = await addUnits(request, [claim, evidence]);
  const { mapId, version } = await mapState(request);
  const operations = [
    { op: 'addRelation', relation: { id: 'r1', type: 'support', from: [e.id], to: c.id, note: '' } },
    { op: 'setScheme', id: 'r1', before: { scheme: null, answers: [] }, after: { scheme: 'causeToEffect', answers: [] } },
    { op: 'answerCriticalQuestion', id: 'r1', question: 'strength', before: null, after: '弱い' },
    { op: 'addUnit', unit: { id: 'i1', label: 'evidence', implicit: true, text: premiseText, note: '' }, relations: [], mainClaim: false },
    { op: 'addPremise', id: 'r1', unit: 'i1', position: 1 },
  ];
  const res = await request.post(`/api/maps/${mapId}/operations`, { data: { batchId: `details-${Date.now()}`, baseVersion: version, operations } });
  expect(res.status()).toBe(200);
  return e;
}

async function openDetails(page: Page, evidenceId: string) {
  await row(page, evidenceId).locator('> button').first().click();
  await row(page, evidenceId).locator('[data-relation-id="r1"] button[aria-expanded]').click();
  // The panel is open before its U button is looked for: a failure then says which step failed.
  await expect(row(page, evidenceId).locator('[data-relation-details="r1"]')).toBeVisible();
  await row(page, evidenceId).locator('[data-relation-details="r1"] button[aria-keyshortcuts="U"]').click();
  await expect(row(page, evidenceId).locator('[data-relation-details="r1"] form')).toBeVisible();
}

test('the open details and the unstated premise field pass axe in Japanese and English', async ({ page, request, baseURL }) => {
  const e = await detailedMap(request);
  for (const locale of ['ja', 'en']) {
    await page.context().addCookies([{ name: 'ronten-locale', value: locale, url: baseURL! }]);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(essayPath);
    await openDetails(page, e.id);
    await expect(row(page, e.id).getByRole('textbox', { name: locale === 'ja' ? question : 'How strong is the causal generalization, if it is true at all?' })).toHaveValue('弱い');
    await expectNoAxeViolations(page, `relation details (${locale})`);
    await row(page, 'i1').locator('> button').first().click();
    await expect(row(page, 'i1').getByRole('textbox', { name: locale === 'ja' ? '本文にない単位の文' : 'Text of the unit (not in the text)' })).toHaveValue(premiseText);
    await expectNoAxeViolations(page, `implicit unit row (${locale})`);
  }
});

test('on a touch screen the details’ controls are at least 44 × 44 px', async ({ browser, request, baseURL }) => {
  const e = await detailedMap(request);
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${baseURL}${essayPath}`);
  await openDetails(page, e.id);
  const small = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-relation-details] :is(button, select, textarea), [data-relation-id="r1"] button[aria-expanded]')) {
      const box = el.getBoundingClientRect();
      if (box.width < 43.5 || box.height < 43.5) found.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return found;
  });
  expect(small).toEqual([]);
  await context.close();
});
