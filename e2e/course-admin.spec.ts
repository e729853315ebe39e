import { expect, test } from './csp';
import { classroomPort } from '../playwright.config';
import { account } from './classroomAccounts';

// Running a course without an admin at hand, on the classroom server: a roster becomes accounts
// with printable sign-in slips; a student signs in with a slip and must choose a password first;
// the student's home lists the course; a comment is announced by the bell; a lost slip is
// reissued; archiving freezes the course — the student's map too, shown read-only with the reason
// — but keeps it readable and exportable.
test.use({ baseURL: `http://127.0.0.1:${classroomPort}` });

const origin = `http://127.0.0.1:${classroomPort}`;

test('roster → slips → first sign-in sets a password → home, notifications, archive', async ({ browser }) => {
  test.setTimeout(120_000);
  // The server's admin (whichever spec made it first), who may run courses too.
  const teacher = await account(browser, 'sensei');
  await teacher.goto('/courses');
  await teacher.getByLabel('コース名').fill('名簿の授業');
  await teacher.getByRole('button', { name: '作成' }).click();
  await teacher.getByRole('link', { name: '名簿の授業' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: '名簿の授業' })).toBeVisible();
  await teacher.getByLabel('課題名').fill('ロシア外交の論証');
  await teacher.getByLabel('文書').selectOption('russia-diplomacy-2020');
  await teacher.getByRole('button', { name: '作成' }).click();
  await expect(teacher.getByRole('link', { name: 'ロシア外交の論証' })).toBeVisible();

  // A roster with a duplicate: every problem by line, nothing imported.
  const roster = teacher.getByTestId('roster-import');
  await roster.getByLabel('名簿ファイル（CSV）').setInputFiles({ name: 'meibo.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff氏名\n山田 太郎\n山田 太郎\n') });
  await roster.getByRole('button', { name: '取り込む' }).click();
  await expect(roster.getByRole('alert')).toContainText('3行目: 「山田 太郎」は2行目と重複しています');
  await expect(teacher.getByTestId('members').getByRole('listitem')).toHaveCount(1);

  // The fixed roster: two accounts, their slips, printable.
  await roster.getByLabel('名簿ファイル（CSV）').setInputFiles({ name: 'meibo.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff氏名\n山田 太郎\n佐藤 花子\n') });
  await roster.getByRole('button', { name: '取り込む' }).click();
  await expect(roster.getByTestId('roster-done')).toContainText('2人のアカウントを作り');
  await expect(roster.getByTestId('slip')).toHaveCount(2);
  await expect(teacher.getByTestId('members').getByRole('listitem')).toHaveCount(3);
  const user = (await roster.getByTestId('slip-user').first().textContent())!.trim();
  const oneTime = (await roster.getByTestId('slip-password').first().textContent())!.trim();
  expect(oneTime).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await teacher.emulateMedia({ media: 'print' });
  await expect(teacher.locator('header').first()).toBeHidden();
  await expect(roster.getByTestId('slip').first()).toBeVisible();
  await expect(roster.getByRole('button', { name: '用紙を印刷' })).toBeHidden();
  await teacher.emulateMedia({ media: 'screen' });

  // The student signs in with the slip and is made to choose a password before anything else.
  const student = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await student.goto('/signin');
  await student.getByLabel('ユーザー名').fill(user);
  await student.getByLabel('パスワード').fill(oneTime);
  await student.getByRole('button', { name: 'サインイン' }).click();
  await expect(student.getByRole('heading', { name: 'パスワードを設定する' })).toBeVisible();
  expect((await student.request.get('/api/courses')).status()).toBe(403);
  await student.goto('/courses');
  await expect(student).toHaveURL(/\/account\/password\?next=%2Fcourses/);
  await student.getByLabel('現在のパスワード（または仮パスワード）').fill(oneTime);
  await student.getByLabel('新しいパスワード（8文字以上）').fill('my own password');
  await student.getByLabel('新しいパスワード（確認）').fill('my own password');
  await student.getByRole('button', { name: 'パスワードを設定' }).click();
  await expect(student).toHaveURL(/\/courses$/);
  await expect(student.getByTestId('signed-in-as')).toHaveText('山田 太郎（学生）');

  // Home: the course and its assignment, not started; no notifications yet.
  await student.goto('/');
  const row = student.getByTestId('home-assignment').filter({ hasText: 'ロシア外交の論証' });
  await expect(row.getByTestId('home-status')).toHaveText('未着手');
  await expect(student.getByRole('link', { name: 'お知らせ（未読なし）' })).toBeVisible();

  // The teacher comments on the student's map: the bell says so, the home lists it, reading clears it.
  const { mapId } = await (await student.request.get('/api/documents/russia-diplomacy-2020/map')).json();
  const commented = await teacher.request.post(`/api/maps/${mapId}/comments`, { headers: { origin }, data: { targetKind: 'map', body: '論旨はどこですか？' } });
  expect(commented.status()).toBe(201);
  await student.reload();
  await expect(row.getByTestId('home-feedback')).toHaveText('未読のフィードバック 1件');
  await student.getByRole('link', { name: 'お知らせ（未読1件）' }).click();
  await expect(student.getByRole('heading', { name: 'お知らせ' })).toBeVisible();
  const item = student.getByTestId('notifications').getByRole('listitem').first();
  await expect(item).toContainText('senseiさんが「ロシア外交の論証」のあなたのマップにコメントしました');
  await expect(item).toContainText('論旨はどこですか？');
  await item.getByRole('link').click();
  await expect(student).toHaveURL(/\/documents\/russia-diplomacy-2020$/);
  await expect(student.getByRole('link', { name: 'お知らせ（未読なし）' })).toBeVisible();

  // A lost slip: the teacher gives the student a new one-time password from the member list and
  // prints it; the student's session ends, and the new slip again signs in only to choose a password.
  await teacher.reload();
  await teacher.getByRole('button', { name: '山田 太郎の仮パスワードを再発行' }).click();
  await teacher.getByRole('button', { name: 'はい' }).click();
  await expect(teacher.getByTestId('course-admin-status')).toHaveText('山田 太郎の新しいサインイン用紙を作りました。印刷して渡してください。');
  const reissued = teacher.getByTestId('reissued-slip');
  await expect(reissued.getByTestId('slip-user')).toHaveText(user);
  const newOneTime = (await reissued.getByTestId('slip-password').textContent())!.trim();
  expect(newOneTime).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await expect(reissued.getByRole('button', { name: '用紙を印刷' })).toBeVisible();
  await student.goto('/');
  await expect(student).toHaveURL(/\/signin/);
  await student.getByLabel('ユーザー名').fill(user);
  await student.getByLabel('パスワード').fill(newOneTime);
  await student.getByRole('button', { name: 'サインイン' }).click();
  await expect(student.getByRole('heading', { name: 'パスワードを設定する' })).toBeVisible();
  await student.getByLabel('現在のパスワード（または仮パスワード）').fill(newOneTime);
  await student.getByLabel('新しいパスワード（8文字以上）').fill('my second password');
  await student.getByLabel('新しいパスワード（確認）').fill('my second password');
  await student.getByRole('button', { name: 'パスワードを設定' }).click();
  await expect(student.getByTestId('signed-in-as')).toHaveText('山田 太郎（学生）');

  // Archive: asked in place, then the course is read-only (still exportable), and says why.
  await teacher.reload();
  await teacher.getByRole('button', { name: 'コースをアーカイブする' }).click();
  await teacher.getByRole('button', { name: 'はい' }).click();
  await expect(teacher.getByTestId('course-admin-status')).toHaveText('コースをアーカイブしました。');
  await expect(teacher.getByTestId('archived-banner')).toBeVisible();
  await expect(teacher.getByLabel('課題名')).toHaveCount(0);
  const assignmentPath = (await teacher.getByRole('link', { name: 'ロシア外交の論証' }).getAttribute('href'))!;
  const submit = await student.request.post(`/api${assignmentPath}/submit`, { headers: { origin } });
  expect(submit.status()).toBe(423);
  expect((await submit.json()).code).toBe('course.archived');
  expect((await teacher.request.get(`/api${assignmentPath}/export?format=json`)).status()).toBe(200);
  await student.goto('/');
  await expect(student.getByTestId('home-course')).toContainText('アーカイブ済み');

  // The student's map of the archived course's text: shown read-only with the reason, refused by
  // the server with the same reason, still exportable.
  await student.goto('/documents/russia-diplomacy-2020');
  await expect(student.getByTestId('course-archived-note')).toHaveText('コース「名簿の授業」はアーカイブされているため、このマップは閲覧のみです（書き出しはできます）。');
  await expect(student.getByText('読み取り専用', { exact: true }).first()).toBeVisible();
  await expect(student.getByRole('button', { name: '提出する' })).toHaveCount(0);
  const state = await (await student.request.get('/api/documents/russia-diplomacy-2020/map')).json();
  const save = await student.request.post(`/api/maps/${state.mapId}/operations`, {
    headers: { origin },
    data: { batchId: `archived-${Date.now()}`, baseVersion: state.version, operations: [{ op: 'addUnit', unit: { id: 'late-unit', label: 'claim', start: 0, end: 4, note: '' }, relations: [], mainClaim: false }] },
  });
  expect(save.status()).toBe(423);
  expect(await save.json()).toMatchObject({ code: 'course.archived', params: { title: '名簿の授業' } });
  expect((await student.request.get(`/api/maps/${state.mapId}/export?format=json`)).status()).toBe(200);
  expect((await teacher.request.get(`/api/maps/${state.mapId}/export?format=json`)).status()).toBe(200);
});
