// A long text renders its paragraphs lazily (components/editor/extensions/lazyParagraphs.ts):
// most of its paragraphs are never laid out, at estimated heights. Going to a unit near its end
// from the unit list and from the map must still land on the unit (its box in view, the caret on
// it), and a drag in a far paragraph must make a unit of exactly the words dragged over.
// The text is the corpus essay six times over (~62,000 characters), imported through the API.
import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './csp';
import { caretBox, drag, expectSaved } from './support';

const COPIES = 6;
const essay = fs.readFileSync('corpus/russia-diplomacy-2020.source.txt', 'utf8').trim();
const quote = 'それがロシアの求心力低下によるものかどうかは、単純には';

let documentId: string | null = null;

/// The long text's id, imported on first use (the e2e server's database starts empty of it).
async function longDocument(request: APIRequestContext): Promise<string> {
  if (documentId) return documentId;
  const text = Array.from({ length: COPIES }, () => essay).join('\n\n');
  expect(text.length).toBeGreaterThan(50_000); // LAZY_TEXT_LENGTH
  const res = await request.post('/api/documents', { data: { title: '長い文章', text, reflow: 'auto' }, timeout: 90_000 });
  expect(res.status()).toBe(201);
  documentId = (await res.json()).id as string;
  return documentId;
}

async function mapOf(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/documents/${encodeURIComponent(id)}/map`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as { mapId: string; version: number; map: { units: Array<{ id: string; start: number; end: number }> } };
}

/// Whether the unit's boxes (in the unit layer's shadow root) are drawn and all in the viewport.
function unitInView(page: Page, unitId: string) {
  return page.evaluate((id) => {
    const boxes = [...(document.querySelector('.unit-marks')?.shadowRoot?.querySelectorAll(`[data-unit="${id}"]`) ?? [])];
    return boxes.length > 0 && boxes.every((b) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  }, unitId);
}

/// Whether the word caret is in the viewport.
async function caretInView(page: Page) {
  const box = await caretBox(page);
  return box !== null && box.bottom > box.top && box.top >= 0 && box.bottom <= box.innerHeight;
}

const toTop = (page: Page) => page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));

test('in a long text, a drag in a far paragraph makes its unit, and the list and the map go to it', async ({ page, request }) => {
  test.setTimeout(150_000);
  const id = await longDocument(request);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/documents/${encodeURIComponent(id)}`);
  await expect(page.locator('.essay.essay-lazy')).toBeVisible();

  // The quote's words in the last copy, counted in the canonical text (the source's line breaks
  // are gone from it, some of them inside words).
  const { mapId } = await mapOf(request, id);
  const text = (await (await request.get(`/api/maps/${mapId}/export?format=json`)).json()).document.text as string;
  const at = text.lastIndexOf(quote);
  expect(at).toBeGreaterThan(text.length * 0.8);
  const before = (surface: string) => text.slice(0, at).split(surface).length - 1;
  await drag(page, 'それ', '単純', before('それ'), before('単純'));
  await expect(page.getByRole('toolbar', { name: 'ラベルを付ける' })).toContainText(`選択範囲: ${quote}`);
  await page.getByRole('toolbar').getByRole('button', { name: '主張' }).click();
  await expect(page.locator('[data-unit-row]')).toHaveCount(1);
  await expectSaved(page);

  const { map } = await mapOf(request, id);
  expect(map.units).toHaveLength(1);
  const unit = map.units[0];
  expect(text.slice(unit.start, unit.end)).toBe(quote);
  expect(unit.start).toBe(at);

  // From the list: 本文へ on its row.
  await toTop(page);
  await page.getByRole('button', { name: /^本文へ: 主張「それがロシア/ }).click();
  await expect(page.locator('.essay')).toBeFocused();
  await expect(page.getByRole('tooltip').getByTestId('token-surface')).toHaveText(/^それ/);
  await expect.poll(() => unitInView(page, unit.id)).toBe(true);
  await expect.poll(() => caretInView(page)).toBe(true);

  // From the map: J on its node.
  await toTop(page);
  await expect.poll(() => unitInView(page, unit.id)).toBe(false);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const node = page.getByRole('region', { name: '議論マップ' }).getByRole('button', { name: /^主張: それがロシア/ });
  await node.focus();
  await page.keyboard.press('j');
  await expect(page.locator('.essay')).toBeFocused();
  await expect.poll(() => unitInView(page, unit.id)).toBe(true);
  await expect.poll(() => caretInView(page)).toBe(true);
  await expect(page.getByRole('tooltip').getByTestId('token-surface')).toHaveText(/^それ/);
});
