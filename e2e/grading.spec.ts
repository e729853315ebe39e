import type { Page } from '@playwright/test';
import { expect, test } from './csp';
import { classroomPort } from '../playwright.config';
import { account, freshInstructor } from './classroomAccounts';

// The grading loop on a classroom server: the instructor makes an assignment with a due date
// (already past) and a reference map, writes a rubric and gives one student an extension; two
// students annotate and submit from the editor after its confirmation (one on time thanks to
// the extension, one late); the instructor triages the dashboard, walks "next to review",
// scores with the suggestions and returns; the students see their score, rubric and comment;
// the gradebook CSV has the late flag and the scores.
test.use({ baseURL: `http://127.0.0.1:${classroomPort}` });

const origin = `http://127.0.0.1:${classroomPort}`;

/// Labels the `words`-th word of the essay with the label key `key` (from a fresh page).
async function labelWord(page: Page, words: number, key: string) {
  await page.getByRole('document', { name: '本文' }).focus();
  for (let i = 0; i < words; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.keyboard.press(key);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

test('grading: rubric, deadline and extension, submit with confirmation, triage, score with suggestions, return; students see their grade', async ({ browser }) => {
  test.setTimeout(180_000);
  // An instructor of their own: their map (the reference) holds only what this spec puts there,
  // whatever other specs left in the admin's map.
  const sensei = await freshInstructor(browser, 'saiten');

  // The reference: the instructor's own map of the essay, with the claim the students will find.
  await sensei.goto('/documents/russia-diplomacy-2020');
  await labelWord(sensei, 6, '1');

  // A course and an assignment due in the past, with the reference.
  await sensei.goto('/courses');
  await sensei.getByLabel('コース名').fill('採点の授業');
  await sensei.getByRole('button', { name: '作成' }).click();
  await sensei.getByRole('link', { name: '採点の授業' }).first().click();
  await sensei.waitForURL(/\/courses\/[^/]+$/);
  const code = (await sensei.getByTestId('join-code').textContent())!.trim();
  await sensei.getByLabel('課題名').fill('採点する課題');
  await sensei.getByLabel('文書').selectOption('russia-diplomacy-2020');
  await sensei.getByLabel('締め切り（任意）').fill('2020-04-01T09:00');
  await sensei.getByLabel('基準マップ（任意）').selectOption({ index: 1 });
  await sensei.getByRole('button', { name: '作成' }).click();
  await sensei.getByRole('link', { name: '採点する課題' }).click();
  await sensei.waitForURL(/\/assignments\//);
  const assignmentPath = new URL(sensei.url()).pathname;

  // The rubric: two criteria, each with levels and a basis for suggestions.
  const editor = sensei.getByTestId('rubric-editor');
  await editor.getByLabel('観点名').fill('論旨を見つけた');
  await editor.getByLabel(/段階/).fill('いいえ=0\nはい=2');
  await editor.getByLabel('自動提案の根拠').selectOption('thesis');
  await editor.getByRole('button', { name: '観点を追加' }).click();
  await editor.getByLabel('観点名').nth(1).fill('関係');
  await editor.getByLabel(/段階/).nth(1).fill('なし=0\n一部=1\nすべて=3');
  await editor.getByLabel('自動提案の根拠').nth(1).selectOption('relations');
  await editor.getByRole('button', { name: '評価基準を保存' }).click();
  await expect(editor.getByRole('status')).toContainText('バージョン 1');

  // Two students join and open the assignment's text.
  const students: Record<string, Page> = {};
  for (const name of ['aoi', 'ken']) {
    const page = (students[name] = await account(browser, name));
    expect((await page.request.post('/api/courses/join', { data: { code }, headers: { origin } })).status()).toBe(200);
  }
  // aoi gets an extension into the future; ken does not.
  await sensei.reload();
  await sensei.getByTestId('extension-student').selectOption({ label: 'aoi' });
  await sensei.getByTestId('extension-due').fill('2099-01-01T09:00');
  await sensei.getByRole('button', { name: '延長する' }).click();
  await expect(sensei.getByText(/aoi: .*まで/)).toBeVisible();

  for (const [name, page] of Object.entries(students)) {
    await page.goto(assignmentPath);
    await page.getByRole('link', { name: 'マップを作る' }).click();
    await labelWord(page, 6, '1');
    await expect(page.getByRole('link', { name: '課題「採点する課題」へ戻る' })).toBeVisible();
    // Submit from the editor: the confirmation says what happens and what the map holds.
    await page.getByTestId('submit-map').click();
    const dialog = page.getByTestId('submit-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('submit-summary')).toContainText('論証単位 1 件、関係 0 件、どの単位ともつながっていない単位 1 件');
    if (name === 'ken') await expect(dialog).toContainText('遅れとして記録');
    else await expect(dialog).not.toContainText('遅れとして記録');
    await dialog.getByTestId('confirm-submit').click();
    await expect(page.getByTestId('map-locked')).toBeVisible();
  }
  await students.ken.goto(assignmentPath);
  await expect(students.ken.getByTestId('submitted-late')).toContainText('遅れ');
  await students.aoi.goto(assignmentPath);
  await expect(students.aoi.getByTestId('submitted-late')).toHaveCount(0);
  await expect(students.aoi.getByTestId('my-due')).toContainText('延長');

  // Triage: statuses on the dashboard, a filter for the late ones.
  await sensei.goto(assignmentPath);
  await expect(sensei.getByTestId('row-ken').getByTestId('status')).toContainText('遅れて提出');
  await expect(sensei.getByTestId('row-aoi').getByTestId('status')).toHaveText('提出済み');
  await sensei.getByTestId('triage').getByLabel('遅れて提出').check();
  await sensei.getByTestId('triage').getByRole('button', { name: '表示' }).click();
  await expect(sensei.getByTestId('dashboard').locator('tbody tr')).toHaveCount(1);
  await expect(sensei.getByTestId('row-ken')).toBeVisible();

  // Next to review: aoi submitted first. Accept the suggestions, comment, return.
  await sensei.getByTestId('next-to-review').click();
  await expect(sensei).toHaveURL(/\/maps\//);
  await expect(sensei.getByText(/aoi/).first()).toBeVisible();
  const panel = sensei.getByTestId('grading-panel');
  await expect(panel.getByTestId('suggestion-c1')).toContainText('はい（2点）');
  await panel.getByTestId('accept-all').click();
  await expect(panel.getByTestId('points-c1')).toHaveValue('2');
  // The reference has no relations: nothing to miss, so the suggestion is the top level.
  await expect(panel.getByTestId('points-c2')).toHaveValue('3');
  await panel.getByLabel(/全体へのコメント/).fill('論旨をよく見つけました');
  await panel.getByTestId('return-grade').click();
  await expect(panel.getByRole('status')).toContainText('返却しました');
  await expect(panel.getByTestId('grade-state')).toContainText('返却済み');

  // Then ken's map: scored from the keyboard (arrow keys move between a criterion's levels).
  await sensei.getByTestId('next-to-review').click();
  await expect(sensei.getByText(/ken/).first()).toBeVisible();
  const panel2 = sensei.getByTestId('grading-panel');
  await panel2.getByTestId('criterion-c1').getByRole('radio').first().focus();
  await sensei.keyboard.press('ArrowRight');
  await expect(panel2.getByTestId('points-c1')).toHaveValue('2');
  await panel2.getByTestId('criterion-c2').getByRole('radio').first().check();
  await panel2.getByTestId('return-grade').click();
  await expect(panel2.getByRole('status')).toContainText('返却しました');
  await expect(panel2.getByTestId('grade-total')).toContainText('合計 2 / 5');
  await sensei.getByTestId('next-to-review').click();
  await expect(sensei.getByTestId('none-waiting')).toBeVisible();

  // The students see score, rubric and comment, on the assignment page and in the editor.
  await students.aoi.goto(assignmentPath);
  const grade = students.aoi.getByTestId('returned-grade');
  await expect(grade.getByTestId('returned-score')).toHaveText('得点: 5 / 5');
  await expect(grade).toContainText('論旨を見つけた');
  await expect(grade).toContainText('論旨をよく見つけました');
  await students.ken.goto('/documents/russia-diplomacy-2020');
  await expect(students.ken.getByTestId('returned-score')).toHaveText('得点: 2 / 5');

  // The gradebook: a row per student with the late flag, the points and the total.
  const csv = await (await sensei.request.get(`/api${assignmentPath}/grades?format=csv`)).text();
  expect(csv).toMatch(/\r\naoi,aoi,returned,2099-01-01T[^,]+,[^,]+,false,,returned,1,2,3,5,5,[\d.]+,[\d.]+\r\n/);
  expect(csv).toMatch(/\r\nken,ken,returned,2020-04-01T[^,]+,[^,]+,true,\d+(\.\d\d?)?,returned,1,2,0,2,5,[\d.]+,[\d.]+\r\n/);
});
