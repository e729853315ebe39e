// axe on the classroom server's pages (issue 14), in Japanese and English: sign-in and sign-up
// (with a refusal shown), courses, a course, an assignment's dashboard (with a student who has
// submitted), heat map and comparison, the student's map as its reviewer sees it, and the admin
// page. The solo server's pages are in ./axe.spec.ts.
//
// This file must sort after ./classroom.spec.ts: that spec needs the first account on the
// classroom server (which becomes its admin) to be its own 'sensei'. Here 'sensei' signs in when
// it exists and is created (as the admin) when this spec runs alone.
import { expect, test } from './csp';
import type { APIRequestContext, Page } from '@playwright/test';
import { classroomPort } from '../playwright.config';
import { expectNoAxeViolations } from './axe';

test.use({ baseURL: `http://127.0.0.1:${classroomPort}` });

const origin = `http://127.0.0.1:${classroomPort}`;
const password = 'correct horse battery';
const essay = 'russia-diplomacy-2020';

const names = {
  ja: { signUp: 'アカウントがない方は作成', signIn: 'サインイン', wrong: 'サインインできませんでした' },
  en: { signUp: 'No account yet? Create one', signIn: 'Sign in', wrong: 'Could not sign in' },
} as const;

/// Signs `request` (a page's, so the page shares the cookie) in as sensei, the admin.
async function signInAdmin(request: APIRequestContext) {
  const signedIn = await request.post('/api/auth/signin', { data: { name: 'sensei', password }, headers: { origin } });
  if (signedIn.ok()) return;
  const made = await request.post('/api/auth/signup', { data: { name: 'sensei', password }, headers: { origin } });
  expect(made.status()).toBe(201);
}

async function withLocale(page: Page, locale: 'ja' | 'en') {
  await page.context().addCookies([{ name: 'ronten-locale', value: locale, url: origin }]);
}

for (const locale of ['ja', 'en'] as const) {
  test(`no axe violations on sign-in and sign-up (${locale})`, async ({ page }) => {
    await withLocale(page, locale);
    await page.goto('/signin');
    await expect(page.getByRole('button', { name: names[locale].signIn, exact: true })).toBeVisible();
    await expectNoAxeViolations(page, `/signin (${locale})`);
    await page.getByRole('textbox').first().fill('nobody');
    await page.locator('input[type="password"]').fill('wrong password!');
    await page.getByRole('button', { name: names[locale].signIn, exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: names[locale].wrong })).toBeVisible();
    await expectNoAxeViolations(page, `/signin with a refusal (${locale})`);
    await page.getByRole('button', { name: names[locale].signUp }).click();
    await expectNoAxeViolations(page, `/signin, sign-up form (${locale})`);
  });
}

test('no axe violations on the courses, assignment, review and admin pages (ja, en)', async ({ page, browser }) => {
  test.setTimeout(120_000); // eighteen pages, each checked whole
  const request = page.request;
  await signInAdmin(request);
  const course = await request.post('/api/courses', { data: { title: 'アクセシビリティ確認' }, headers: { origin } });
  expect(course.status()).toBe(201);
  const courseId = (await course.json()).course.id as string;
  const assignment = await request.post(`/api/courses/${courseId}/assignments`, { data: { documentId: essay, title: '論証の確認' }, headers: { origin } });
  expect(assignment.status()).toBe(201);
  const assignmentId = (await assignment.json()).assignment.id as string;
  const joinCode = (await course.json()).course.joinCode as string;

  // A student joins, annotates and submits: the dashboard has a row with its links and buttons.
  const student = await (await browser.newContext()).request;
  const studentName = `axe${Date.now().toString(36)}`;
  expect((await student.post('/api/auth/signup', { data: { name: studentName, password }, headers: { origin } })).status()).toBe(201);
  expect((await student.post('/api/courses/join', { data: { code: joinCode }, headers: { origin } })).status()).toBe(200);
  const own = await (await student.get(`/api/documents/${essay}/map`)).json();
  const text = (await (await student.get(`/api/maps/${own.mapId}/export?format=json`)).json()).document.text as string;
  const quote = 'ロシアの 2020年の外交';
  const start = text.indexOf(quote);
  const saved = await student.post(`/api/maps/${own.mapId}/operations`, {
    headers: { origin },
    data: { batchId: `axe-${Date.now()}`, baseVersion: own.version, operations: [{ op: 'addUnit', unit: { id: 'u1', label: 'claim', start, end: start + quote.length, note: '' }, relations: [], mainClaim: false }] },
  });
  expect(saved.status()).toBe(200);
  expect((await student.post(`/api/assignments/${assignmentId}/submit`, { headers: { origin } })).status()).toBe(200);

  for (const locale of ['ja', 'en'] as const) {
    await withLocale(page, locale);
    const pages = ['/', '/courses', `/courses/${courseId}`, `/assignments/${assignmentId}`, `/assignments/${assignmentId}/heatmap`, `/assignments/${assignmentId}/compare?a=${own.mapId}&b=${own.mapId}`, `/maps/${own.mapId}`, '/admin', '/texts/new'];
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res!.status(), path).toBe(200);
      if (path.startsWith('/maps/')) await expect(page.locator('[data-unit-row]')).toHaveCount(1);
      await expectNoAxeViolations(page, `${path} (${locale})`);
    }
  }
});
