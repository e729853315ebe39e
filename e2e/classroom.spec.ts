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
