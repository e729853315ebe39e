import { expect, test } from '@playwright/test';
import { classroomPort } from '../playwright.config';

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
  await expect(student.getByRole('alert').filter({ hasText: 'サインインできませんでした' })).toContainText('wrong user name or password');
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
  await expect(student.getByTestId('submitted')).toBeVisible();

  // The instructor sees the submission and the map, read-only.
  await sensei.getByRole('link', { name: 'ロシア外交の論証' }).click();
  const row = sensei.getByTestId('dashboard').getByRole('row', { name: /hanako/ });
  await expect(row).toContainText('1'); // one evidence unit
  await row.getByRole('link', { name: '見る' }).click();
  await expect(sensei.getByText('読み取り専用').first()).toBeVisible();
  await expect(sensei.locator('#units-heading')).toContainText('1');

  // The submitted map is locked: an edit is refused by the server and rolled back.
  await student.goto('/documents/russia-diplomacy-2020');
  await student.getByRole('document', { name: '本文' }).focus();
  for (let i = 0; i < 8; i++) await student.keyboard.press('ArrowRight');
  await student.keyboard.press('1');
  await expect(student.getByTestId('announcer')).toContainText('受け付けませんでした');
  await expect(student.locator('[data-unit-row]')).toHaveCount(1);
});
