// Linked arguments and undercutters, as a student makes them on the corpus essay (issue 17,
// item 4): by keyboard, then separately by mouse, two premises are gathered (Shift+Enter,
// Shift+click in the text, the map and the list), S / "Supports…" and the thesis make ONE
// relation with both premises; that relation is then selected and attacked by the
// counterargument (an undercutter). After a reload both are still there, in the saved map and in
// the unit list. On a tablet the touch bar's "select several" gathers the premises.
import { expect, test } from './csp';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { addUnits, clickWord, essayPath, expectSaved, longPressWord, mapState, resetMap, tapWord } from './support';

const thesis = { quote: 'そして、2020年後半に旧ソ連諸国での相次いだ混乱はロシアの頭痛の種になったが、それがロシアの求心力低下によるものかどうかは、単純には結論づけられないと思われる。', label: 'claim' };
const conclusion = { quote: '以上、論じてきたように、2020年のロシア外交は多様な評価ができると考える。', label: 'claim' };
const cases = {
  quote: '最後に、旧ソ連で相次いだ混乱については、ロシアの影響力の低下が背景にある事例も間違いなくある一方、ロシアがあえて突き放した事例もあれば、最終的にロシアの影響力を見せつけた事例もあったといえ、様々な事例を用いた今後のさらなる分析が必要であると考えている。',
  label: 'evidence',
};
const decline = { quote: 'それらの発生の理由を「ロシアの影響力の低下」に見る向きも多かった。', label: 'counterargument' };

/// The four units, the thesis the main claim.
async function setUp(request: Parameters<typeof mapState>[0]) {
  await resetMap(request);
  const [t, c, f, d] = await addUnits(request, [thesis, conclusion, cases, decline]);
  const { mapId, version } = await mapState(request);
  const res = await request.post(`/api/maps/${mapId}/operations`, {
    data: { batchId: `main-${Date.now()}-${Math.random()}`, baseVersion: version, operations: [{ op: 'setMainClaim', before: null, after: t.id }] },
  });
  expect(res.status()).toBe(200);
  return { t, c, f, d };
}

const row = (page: Page, id: string) => page.locator(`[data-unit-pick="${id}"]`);
const announcer = (page: Page) => page.getByTestId('announcer');
const prompt = (page: Page) => page.getByTestId('link-prompt');

/// The saved map's relations: the linked argument for the thesis, and the attack aimed at it.
async function expectSavedArguments(request: Parameters<typeof mapState>[0], ids: { t: { id: string }; c: { id: string }; f: { id: string }; d: { id: string } }) {
  const { map } = await mapState(request);
  expect(map.relations).toHaveLength(2);
  const linked = map.relations.find((r) => r.to === ids.t.id)!;
  expect(linked).toMatchObject({ type: 'support' });
  expect([...(linked.from as unknown as string[])].sort()).toEqual([ids.c.id, ids.f.id].sort());
  const undercutter = map.relations.find((r) => r.to === linked.id)!;
  expect(undercutter).toMatchObject({ type: 'attack', from: [ids.d.id] });
  return linked.id;
}

/// After a reload: the thesis's row lists the argument with its two premises and the attack on
/// it; selected, it offers its attack and add-premise buttons — all without axe violations.
async function expectListed(page: Page, thesisId: string, relationId: string) {
  await page.reload();
  await row(page, thesisId).click();
  const relation = page.locator(`[data-unit-row="${thesisId}"] [data-relation-id="${relationId}"]`);
  await expect(relation.locator('[data-premise-id]')).toHaveCount(2);
  await expect(relation).toContainText('⊣ 攻撃: それらの発生の理由を');
  await relation.locator('button[aria-pressed]').click();
  await expect(relation.getByRole('button', { name: '前提を追加…' })).toBeVisible();
  await expectNoAxeViolations(page, 'unit list with a linked argument and its undercutter');
}

test('by keyboard: Shift+Enter gathers two premises, S and Enter on the thesis make one argument; A on it makes an undercutter', async ({ page, request }) => {
  const ids = await setUp(request);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(essayPath);

  // The first premise: Enter on its row; the second: Shift+Enter on its row.
  await row(page, ids.c.id).focus();
  await page.keyboard.press('Enter');
  await expect(row(page, ids.c.id)).toHaveAttribute('aria-current', 'true');
  await row(page, ids.f.id).focus();
  await page.keyboard.press('Shift+Enter');
  await expect(announcer(page)).toHaveText('前提を2つ選択中');
  await expect(page.locator('[data-unit-row][data-picked]')).toHaveCount(2);

  // S: link mode with both premises; "In text" on the thesis puts the caret there, Enter picks it.
  await page.keyboard.press('s');
  await expect(prompt(page)).toContainText('前提2つが支持する相手');
  await page.getByRole('button', { name: /^本文へ: 主張「そして、2020年後半/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.essay')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prompt(page)).toHaveCount(0);
  await expect(announcer(page)).toHaveText('前提2つの支持の関係（結合論証）を作りました');
  await expectSaved(page);
  const { map } = await mapState(request);
  expect(map.relations).toEqual([expect.objectContaining({ type: 'support', from: [ids.c.id, ids.f.id], to: ids.t.id })]);
  const argument = map.relations[0].id;

  // The argument, selected in the thesis's row; A; the counterargument's row, Enter.
  await row(page, ids.t.id).focus();
  await page.keyboard.press('Enter');
  const relationButton = page.locator(`[data-unit-row="${ids.t.id}"] [data-relation-id="${argument}"] button[aria-pressed]`);
  await relationButton.focus();
  await page.keyboard.press('Enter');
  await expect(relationButton).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('a');
  await expect(prompt(page)).toContainText('この関係を攻撃する単位を選んでください');
  await row(page, ids.d.id).focus();
  await page.keyboard.press('Enter');
  await expect(prompt(page)).toHaveCount(0);
  await expectSaved(page);
  expect(await expectSavedArguments(request, ids)).toBe(argument);

  await expectListed(page, ids.t.id, argument);
});

test('by mouse: click, Shift+click in the map and the list, "Supports…", the thesis; the argument selected and attacked', async ({ page, request }) => {
  const ids = await setUp(request);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(essayPath);

  // One premise clicked in the text, the other Shift+clicked in the map.
  await clickWord(page, '多様な評価ができる');
  await expect(row(page, ids.c.id)).toHaveAttribute('aria-current', 'true');
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  await map.locator(`[data-unit-id="${ids.f.id}"]`).click({ modifiers: ['Shift'] });
  await expect(announcer(page)).toHaveText('前提を2つ選択中');
  await page.getByRole('tab', { name: '単位一覧' }).click();
  await expect(page.locator('[data-unit-row][data-picked]')).toHaveCount(2);
  // Shift+click in the list takes one out and puts it back.
  await row(page, ids.c.id).click({ modifiers: ['Shift'] });
  await expect(page.locator('[data-unit-row][data-picked]')).toHaveCount(0);
  await row(page, ids.c.id).click({ modifiers: ['Shift'] });
  await expect(page.locator('[data-unit-row][data-picked]')).toHaveCount(2);

  await page.locator(`[data-unit-row="${ids.c.id}"]`).getByRole('button', { name: '支持する…' }).click();
  await expect(prompt(page)).toContainText('前提2つが支持する相手');
  await clickWord(page, '単純には結論づけられない');
  await expect(prompt(page)).toHaveCount(0);
  await expectSaved(page);
  const { map: saved } = await mapState(request);
  expect(saved.relations).toHaveLength(1);
  const argument = saved.relations[0].id;

  // The argument selected in the thesis's row, "Attack this relation…", the counterargument clicked.
  await row(page, ids.t.id).click();
  await page.locator(`[data-unit-row="${ids.t.id}"] [data-relation-id="${argument}"] button[aria-pressed]`).click();
  await page.getByRole('button', { name: 'この関係を攻撃…' }).click();
  await expect(prompt(page)).toContainText('この関係を攻撃する単位を選んでください');
  await clickWord(page, '見る向きも多かった');
  await expect(prompt(page)).toHaveCount(0);
  await expectSaved(page);
  expect(await expectSavedArguments(request, ids)).toBe(argument);

  await expectListed(page, ids.t.id, argument);
});

test.describe('touch', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

  test('the touch bar\'s "select several" gathers two premises; "Supports…" and a tap on the thesis make one argument', async ({ page, request }) => {
    const ids = await setUp(request);
    await page.goto(essayPath);
    await page.waitForLoadState('networkidle');
    const bar = page.getByRole('toolbar', { name: '選択への操作' });

    await longPressWord(page, '多様な評価ができる');
    await expect(bar).toContainText('主張「以上、');
    const several = bar.getByRole('button', { name: '複数選択' });
    await several.tap();
    await expect(several).toHaveAttribute('aria-pressed', 'true');
    await longPressWord(page, '今後のさらなる分析');
    await expect(bar).toContainText('前提を2つ選択中');

    // Relating ends the gathering: the next tap is the target.
    await bar.getByRole('button', { name: '支持する…' }).tap();
    await expect(bar).toContainText('前提2つが支持する相手');
    await tapWord(page, '単純には結論づけられない');
    await expect.poll(async () => (await mapState(request)).map.relations).toEqual([expect.objectContaining({ type: 'support', from: [ids.c.id, ids.f.id], to: ids.t.id })]);
  });
});
