import { expect, test } from './csp';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { classroomPort } from '../playwright.config';
import { unzipText } from '../lib/formats/unzip';

// A classroom server: accounts instead of the one local user.
test.use({ baseURL: `http://127.0.0.1:${classroomPort}` });

const password = 'correct horse battery';

test('pages ask for a sign-in; the first account is the admin; maps belong to their student', async ({ browser, request }) => {
  const admin = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await admin.goto('/documents/russia-diplomacy-2020');
  await expect(admin).toHaveURL(/\/signin\?next=/);
  await admin.getByRole('button', { name: 'アカウントがない方は作成' }).click();
  await admin.getByLabel('ユーザー名').fill('sensei');
  await admin.getByLabel('パスワード').fill(password);
  await admin.getByRole('button', { name: 'アカウントを作る' }).click();
  await expect(admin).toHaveURL(/\/documents\/russia-diplomacy-2020$/);
  await expect(admin.getByTestId('signed-in-as')).toHaveText('sensei（管理者）');
  // Students see only their courses' texts and public ones: the admin makes the essay public.
  const made = await admin.request.post('/api/documents/russia-diplomacy-2020/public', { data: { public: true }, headers: { origin: `http://127.0.0.1:${classroomPort}` } });
  expect(made.status()).toBe(200);

  const student = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await student.goto('/signin');
  await student.getByRole('button', { name: 'アカウントがない方は作成' }).click();
  await student.getByLabel('ユーザー名').fill('gakusei');
  await student.getByLabel('パスワード').fill(password);
  await student.getByRole('button', { name: 'アカウントを作る' }).click();
  await expect(student.getByTestId('signed-in-as')).toHaveText('gakusei（学生）');

  // Annotating works under a session: the change is saved (same-origin POST with the cookie).
  await student.goto('/documents/russia-diplomacy-2020');
  await student.getByRole('document', { name: '本文' }).focus();
  for (let i = 0; i < 5; i++) await student.keyboard.press('ArrowRight');
  await student.keyboard.press('2');
  await expect(student.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(student.locator('[data-unit-row]')).toHaveCount(1);

  // Each has their own map of the essay; one student's map is not reachable with another's session.
  const adminMap = await (await admin.request.get('/api/documents/russia-diplomacy-2020/map')).json();
  const studentMap = await (await student.request.get('/api/documents/russia-diplomacy-2020/map')).json();
  expect(adminMap.mapId).not.toBe(studentMap.mapId);
  expect(studentMap.map.units).toHaveLength(1);
  expect(adminMap.map.units).toHaveLength(0);
  expect((await student.request.get(`/api/maps/${adminMap.mapId}`)).status()).toBe(404);
  // Without a session the API answers 401.
  expect((await request.get(`/api/maps/${studentMap.mapId}`)).status()).toBe(401);

  // Wrong password: a message, no session.
  await student.getByRole('button', { name: 'サインアウト' }).click();
  await expect(student).toHaveURL(/\/signin/);
  await student.getByLabel('ユーザー名').fill('gakusei');
  await student.getByLabel('パスワード').fill('wrong password!');
  await student.getByRole('button', { name: 'サインイン' }).click();
  await expect(student.getByRole('alert').filter({ hasText: 'サインインできませんでした' })).toContainText('ユーザー名かパスワードが違います');
});

test('a course: instructor creates it and an assignment, a student joins, annotates and submits, the instructor reviews', async ({ browser }) => {
  const sensei = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await sensei.goto('/signin');
  await sensei.getByLabel('ユーザー名').fill('sensei');
  await sensei.getByLabel('パスワード').fill(password);
  await sensei.getByRole('button', { name: 'サインイン' }).click();
  await expect(sensei.getByTestId('signed-in-as')).toBeVisible();
  await sensei.goto('/courses');
  await sensei.getByLabel('コース名').fill('論証入門');
  await sensei.getByRole('button', { name: '作成' }).click();
  await sensei.getByRole('link', { name: '論証入門' }).click();
  const code = (await sensei.getByTestId('join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await sensei.getByLabel('課題名').fill('ロシア外交の論証');
  await sensei.getByLabel('文書').selectOption('russia-diplomacy-2020');
  await sensei.getByRole('button', { name: '作成' }).click();
  await expect(sensei.getByRole('link', { name: 'ロシア外交の論証' })).toBeVisible();

  const student = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await student.goto('/signin');
  await student.getByRole('button', { name: 'アカウントがない方は作成' }).click();
  await student.getByLabel('ユーザー名').fill('hanako');
  await student.getByLabel('パスワード').fill(password);
  await student.getByRole('button', { name: 'アカウントを作る' }).click();
  await expect(student.getByTestId('signed-in-as')).toBeVisible();
  await student.goto('/courses');
  await student.getByLabel('参加コード').fill(code);
  await student.getByRole('button', { name: '参加する' }).click();
  await student.getByRole('link', { name: '論証入門' }).click();
  await student.getByRole('link', { name: 'ロシア外交の論証' }).click();
  await student.getByRole('link', { name: 'マップを作る' }).click();
  await student.getByRole('document', { name: '本文' }).focus();
  for (let i = 0; i < 5; i++) await student.keyboard.press('ArrowRight');
  await student.keyboard.press('2');
  await expect(student.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await student.goBack();
  await student.getByRole('button', { name: '提出する' }).click();
  // A confirmation says what submitting does and what the map holds; only its button submits.
  await expect(student.getByTestId('submit-summary')).toContainText('論証単位 1 件');
  await student.getByTestId('confirm-submit').click();
  await expect(student.getByTestId('submitted')).toBeVisible();

  // The instructor sees the submission and the map, read-only.
  await sensei.getByRole('link', { name: 'ロシア外交の論証' }).click();
  const row = sensei.getByTestId('dashboard').getByRole('row', { name: /hanako/ });
  await expect(row).toContainText('1'); // one evidence unit
  await row.getByRole('link', { name: '見る' }).click();
  await expect(sensei.getByText('読み取り専用').first()).toBeVisible();
  await expect(sensei.locator('#units-heading')).toContainText('1');

  // The submitted map is locked: the page says so and offers no edits, and the server refuses
  // one sent anyway (423) without writing it.
  await student.goto('/documents/russia-diplomacy-2020');
  await expect(student.getByTestId('map-locked')).toBeVisible();
  await expect(student.getByRole('button', { name: '元に戻す' })).toHaveCount(0);
  await student.getByRole('document', { name: '本文' }).focus();
  for (let i = 0; i < 8; i++) await student.keyboard.press('ArrowRight');
  await student.keyboard.press('1');
  await expect(student.locator('[data-unit-row]')).toHaveCount(1);
  const state = await (await student.request.get('/api/documents/russia-diplomacy-2020/map')).json();
  const refused = await student.request.post(`/api/maps/${state.mapId}/operations`, {
    headers: { origin: `http://127.0.0.1:${classroomPort}` },
    data: { batchId: 'locked-map-edit', baseVersion: state.version, operations: [{ op: 'removeUnit', unit: state.map.units[0], relations: [], mainClaim: false }] },
  });
  expect(refused.status()).toBe(423);
  expect((await (await student.request.get(`/api/maps/${state.mapId}`)).json()).map.units).toHaveLength(1);
});

/// Signs up a new account (or signs in to it) in a fresh browser context.
async function newUser(browser: import('@playwright/test').Browser, name: string) {
  const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await page.goto('/signin');
  await page.getByRole('button', { name: 'アカウントがない方は作成' }).click();
  await page.getByLabel('ユーザー名').fill(name);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'アカウントを作る' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  return page;
}

async function signIn(browser: import('@playwright/test').Browser, name: string, secret = password) {
  const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await page.goto('/signin');
  await page.getByLabel('ユーザー名').fill(name);
  await page.getByLabel('パスワード').fill(secret);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  return page;
}

/// Moves the word caret `words` words on (from the start on a fresh page), picks that word
/// (Space) and labels it with the label key `key`.
async function labelWord(page: import('@playwright/test').Page, words: number, key: string) {
  await page.getByRole('document', { name: '本文' }).focus();
  for (let i = 0; i < words; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.keyboard.press(key);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

test('review: two students annotate, the instructor comments, the student sees it, the comparison shows their difference', async ({ browser }) => {
  // Three people, a course, an assignment, two maps, comments and the comparison: a long walk.
  test.setTimeout(120_000);
  const sensei = await signIn(browser, 'sensei');
  await sensei.goto('/courses');
  await sensei.getByLabel('コース名').fill('比較演習');
  await sensei.getByRole('button', { name: '作成' }).click();
  await sensei.getByRole('link', { name: '比較演習' }).click();
  await expect(sensei.getByRole('heading', { level: 1, name: '比較演習' })).toBeVisible();
  const code = (await sensei.getByTestId('join-code').textContent())!.trim();
  await sensei.getByLabel('課題名').fill('論証の比較');
  await sensei.getByLabel('文書').selectOption('russia-diplomacy-2020');
  await sensei.getByRole('button', { name: '作成' }).click();
  await sensei.getByRole('link', { name: '論証の比較' }).click();
  await expect(sensei.getByRole('heading', { name: '論証の比較' })).toBeVisible();
  const assignmentUrl = sensei.url();

  // Two students join and label the same word differently; jiro marks one more.
  const taro = await newUser(browser, 'taro');
  const jiro = await newUser(browser, 'jiro');
  for (const student of [taro, jiro]) {
    await student.goto('/courses');
    await student.getByLabel('参加コード').fill(code);
    await student.getByRole('button', { name: '参加する' }).click();
    await student.getByRole('link', { name: '比較演習' }).click();
    await student.getByRole('link', { name: '論証の比較' }).click();
    await student.getByRole('link', { name: 'マップを作る' }).click();
    await expect(student.getByRole('document', { name: '本文' })).toBeVisible();
  }
  await labelWord(taro, 6, '1');
  await labelWord(jiro, 6, '2');
  await labelWord(jiro, 6, '1');
  await expect(jiro.locator('[data-unit-row]')).toHaveCount(2);

  // The instructor sees both on the dashboard and comments on taro's unit.
  await sensei.goto(assignmentUrl);
  const dashboard = sensei.getByTestId('dashboard');
  await expect(dashboard.getByRole('row', { name: /taro/ })).toBeVisible();
  await expect(dashboard.getByRole('row', { name: /jiro/ })).toBeVisible();
  await dashboard.getByRole('row', { name: /taro/ }).getByRole('link', { name: '見る' }).click();
  await expect(sensei.getByText('読み取り専用').first()).toBeVisible();
  const taroMapId = sensei.url().split('/maps/')[1];
  await sensei.locator('li[data-unit-row]').first().getByRole('button').first().click();
  const openRow = sensei.locator('li[data-unit-row]:has(button[aria-current="true"])');
  await openRow.getByRole('textbox', { name: 'コメントを書く' }).fill('この主張の根拠はどこにありますか？<b>太字</b>');
  await openRow.getByRole('button', { name: 'コメントする' }).click();
  await expect(openRow.getByRole('list', { name: 'コメント' })).toContainText('この主張の根拠はどこにありますか？<b>太字</b>');

  // taro sees the comment beside the unit, as text.
  await taro.reload();
  const taroRow = taro.locator('li[data-unit-row]').first();
  await expect(taroRow.getByTestId('comment-count')).toContainText('1');
  await taroRow.getByRole('button').first().click();
  const thread = taro.locator('li[data-unit-row]:has(button[aria-current="true"])').getByRole('list', { name: 'コメント' });
  await expect(thread).toContainText('この主張の根拠はどこにありますか？<b>太字</b>');
  await expect(thread.locator('b')).toHaveCount(0);

  // On a classroom server the worked example is an answer key: students are not offered it.
  await taro.goto('/documents/russia-diplomacy-2020');
  await expect(taro.getByRole('link', { name: '例のマップと比べる' })).toHaveCount(0);
  expect((await taro.goto('/documents/russia-diplomacy-2020/example'))!.status()).toBe(404);
  expect((await taro.goto('/documents/russia-diplomacy-2020/compare'))!.status()).toBe(404);

  // jiro can reach neither taro's map nor its comments, by page or by API.
  expect((await jiro.goto(`/maps/${taroMapId}`))!.status()).toBe(404);
  expect((await jiro.request.get(`/api/maps/${taroMapId}/comments`)).status()).toBe(404);
  expect((await jiro.request.get(`/api/maps/${taroMapId}`)).status()).toBe(404);

  // The comparison of the two students: the shared word is matched under another label,
  // jiro's second unit is only in B.
  await sensei.goto(assignmentUrl);
  const picker = sensei.getByTestId('compare-picker');
  await picker.getByLabel('マップ A').selectOption({ label: 'taro' });
  await picker.getByLabel('マップ B').selectOption({ label: 'jiro' });
  await picker.getByRole('button', { name: '比べる' }).click();
  await expect(sensei.getByTestId('missing-summary')).toContainText('(0)');
  await expect(sensei.getByTestId('extra-summary')).toContainText('(1)');
  await expect(sensei.locator('.cmp-relabelled').first()).toBeVisible();
  const scores = sensei.getByTestId('compare-scores');
  await expect(scores.getByRole('row').nth(2)).toContainText('1.000'); // overlap recall: taro's unit was found
  expect((await jiro.goto(new URL(sensei.url()).pathname + new URL(sensei.url()).search))!.status()).toBe(404);

  // The heat map: one student each marked the shared word as claim and as evidence.
  await sensei.goto(`${assignmentUrl}/heatmap`);
  await expect(sensei.getByTestId('heatmap')).toHaveAttribute('data-label', 'claim');
  await expect(sensei.locator('[data-testid=heatmap] [data-count="1"]')).toHaveCount(2);
  // One tab stop for all the passages; the arrow keys move between them and say the count.
  const tinted = sensei.locator('[data-testid=heatmap] [data-count]');
  await expect(sensei.locator('[data-testid=heatmap] [tabindex="0"]')).toHaveCount(1);
  await tinted.first().focus();
  await sensei.keyboard.press('ArrowRight');
  await expect(tinted.nth(1)).toBeFocused();
  await expect(sensei.getByTestId('heat-status')).toContainText('2人中1人');
  await sensei.getByRole('radio', { name: '根拠' }).check();
  await expect(sensei.getByTestId('heatmap')).toHaveAttribute('data-label', 'evidence');
  await expect(sensei.locator('[data-testid=heatmap] [data-count="1"]')).toHaveCount(1);

  // The class export: one archive with both students' maps.
  await sensei.goto(assignmentUrl);
  const [download] = await Promise.all([sensei.waitForEvent('download'), sensei.getByTestId('class-export').getByRole('button').click()]);
  const files = unzipText(new Uint8Array(fs.readFileSync((await download.path())!)));
  const manifest = JSON.parse(files.get('manifest.json')!);
  expect(manifest.students.map((s: { name: string }) => s.name).sort()).toEqual(['jiro', 'taro']);
  expect([...files.keys()].filter((f) => f.startsWith('students/')).length).toBe(2);
});

test('a class of thirty: the class demo fills a course over the API; the instructor reviews it; no student reaches another’s map', async ({ browser }) => {
  test.setTimeout(180_000);
  const base = `http://127.0.0.1:${classroomPort}`;
  const demoPassword = 'class demo password';
  const output = execFileSync('npx', ['tsx', 'scripts/class-demo/run.ts', '--url', base, '--admin', 'sensei', '--admin-password', password, '--students', '30', '--password', demoPassword], {
    encoding: 'utf8',
    timeout: 150_000,
  });
  const assignmentPath = new URL(/open (\S+)/.exec(output)![1]).pathname;

  const teacher = await signIn(browser, 'teacher', demoPassword);
  await teacher.goto(assignmentPath);
  await expect(teacher.getByTestId('dashboard').locator('tbody tr')).toHaveCount(30);
  await expect(teacher.getByTestId('assignment-facts')).toContainText('基準マップ');
  await expect(teacher.getByTestId('agreement-table').locator('tbody tr')).toHaveCount(30);
  await expect(teacher.getByTestId('agreement-mean')).toContainText('30');
  await expect(teacher.getByTestId('alpha-table')).toContainText('主張');

  // A student against the reference: relations too are marked matched or on one side only.
  await teacher.getByTestId('compare-with-reference').first().click();
  const relations = teacher.getByTestId('compared-relations');
  await expect(relations).toHaveCount(2);
  await expect(relations.first().locator('[data-relation-status=matched]').first()).toBeAttached();
  await expect(relations.first().locator('[data-relation-status=only]').first()).toBeAttached(); // the reference's relations the student missed
  await teacher.goto(assignmentPath);

  // Every student's map, plus the reference, in one archive.
  const archive = await teacher.request.get(`/api${assignmentPath}/export?format=json`);
  expect(archive.status()).toBe(200);
  const files = unzipText(new Uint8Array(await archive.body()));
  const manifest = JSON.parse(files.get('manifest.json')!) as { students: Array<{ name: string; mapId: string }> };
  expect(manifest.students).toHaveLength(30);
  expect([...files.keys()].filter((f) => f.startsWith('reference/'))).toHaveLength(1);

  // A student of the class can open their own map and no one else's, by page or API.
  const student = await signIn(browser, 'student01', demoPassword);
  const own = manifest.students.find((s) => s.name === 'student01')!.mapId;
  const other = manifest.students.find((s) => s.name === 'student02')!.mapId;
  expect((await student.request.get(`/api/maps/${own}`)).status()).toBe(200);
  for (const path of [`/api/maps/${other}`, `/api/maps/${other}/export?format=json`, `/api/maps/${other}/comments`]) {
    expect((await student.request.get(path)).status(), path).toBe(404);
  }
  expect((await student.goto(`/maps/${other}`))!.status()).toBe(404);
  expect((await student.request.get(`/api${assignmentPath}/agreement`)).status()).toBe(403);
  expect((await student.goto(`${assignmentPath}/heatmap`))!.status()).toBe(404);
});
