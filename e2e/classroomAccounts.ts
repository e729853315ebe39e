// Accounts on the e2e classroom server (port+1), shared by its specs. The first account made on
// that server is its admin; the specs run in one order on one server, so each asks for `sensei`
// (the admin, whichever spec made it) and signs in when the name is taken.
import { expect, type Browser, type Page } from '@playwright/test';
import { classroomPort } from '../playwright.config';

export const classroomOrigin = `http://127.0.0.1:${classroomPort}`;
export const password = 'correct horse battery';

/// A signed-in browser page for `name` (Japanese UI): signed up, or signed in when the name is
/// taken; with `joinCode`, also a member of that course.
export async function account(browser: Browser, name: string, joinCode?: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  const headers = { origin: classroomOrigin };
  const up = await page.request.post('/api/auth/signup', { data: { name, password }, headers });
  if (up.status() === 409) expect((await page.request.post('/api/auth/signin', { data: { name, password }, headers })).status()).toBe(200);
  else expect(up.status()).toBe(201);
  if (joinCode) expect((await page.request.post('/api/courses/join', { data: { code: joinCode }, headers })).status()).toBe(200);
  return page;
}

/// A signed-in page for a fresh instructor of its own (a map no other spec has written to): the
/// account is made as a student and promoted by the server's admin, `sensei`.
export async function freshInstructor(browser: Browser, name: string): Promise<Page> {
  const admin = await account(browser, 'sensei');
  const page = await account(browser, `${name}-${Date.now().toString(36)}`);
  const { user } = await (await page.request.get('/api/auth/me')).json();
  const promoted = await admin.request.post(`/api/users/${encodeURIComponent(user.id)}/role`, { data: { role: 'instructor' }, headers: { origin: classroomOrigin } });
  expect(promoted.status()).toBe(200);
  await admin.context().close();
  return page;
}
