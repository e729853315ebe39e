// Japanese as a reader meets it (issue 16, items 1 and 2): selections snap to phrases (文節) — a
// drag into the middle of 多かった takes the whole 多かった — with morpheme precision by Alt-drag
// or a remembered setting; double click a phrase, triple click a sentence; the caret steps by
// phrase, and the live region names the caret's phrase. Furigana show readings over kanji words
// without ever becoming text: a unit's quote is byte-identical with furigana on and off, and the
// unit boxes stay on their words.
import { expect, test } from './csp';
import type { Page } from '@playwright/test';
import { drag, essayPath, essayText, expectSaved, mapState, resetMap, wordBox } from './support';

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

const selectionQuote = (page: Page) => page.getByRole('toolbar', { name: 'ラベルを付ける' });

/// The text a CSS highlight covers (the caret, the selection).
async function highlighted(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const [r] = [...(registry.get(name) ?? [])];
    if (!r) return '';
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  }, name);
}

/// Labels the current selection a claim and returns the saved unit's quote.
async function labelAndQuote(page: Page, request: Parameters<typeof mapState>[0]): Promise<string> {
  await page.keyboard.press('1');
  await expectSaved(page);
  const text = await essayText(request);
  const { map } = await mapState(request);
  const unit = map.units[map.units.length - 1];
  return text.slice(unit.start, unit.end);
}

test('a drag into the middle of 多かった selects through た; Alt-drag and the setting give morphemes', async ({ page, request }) => {
  await page.goto(essayPath);
  // 「…見る向きも多かった。」: from inside 向き to inside 多かっ (at its か).
  await drag(page, '向き', '多か');
  await expect(selectionQuote(page)).toContainText('選択範囲: 向きも多かった。');
  expect(await labelAndQuote(page, request)).toBe('向きも多かった。');

  // Alt held: morpheme precision for this drag.
  await page.keyboard.down('Alt');
  await drag(page, '向き', '多か');
  await page.keyboard.up('Alt');
  await expect(selectionQuote(page)).toContainText('選択範囲: 向きも多かっ');
  await expect(selectionQuote(page)).not.toContainText('多かった');

  // The setting, remembered across a reload.
  await page.keyboard.press('Escape');
  await page.getByTestId('morpheme-precision').check();
  await page.reload();
  await expect(page.getByTestId('morpheme-precision')).toBeChecked();
  await drag(page, '向き', '多か');
  await expect(selectionQuote(page)).toContainText('選択範囲: 向きも多かっ');
  await expect(selectionQuote(page)).not.toContainText('多かった');
  await page.getByTestId('morpheme-precision').uncheck();
});

test('double click selects a phrase, triple click a sentence', async ({ page }) => {
  await page.goto(essayPath);
  const b = await wordBox(page, '停戦');
  await page.mouse.dblclick(b.x + b.width / 2, b.y + b.height / 2);
  await expect(selectionQuote(page)).toContainText('選択範囲: 停戦が');
  expect(await highlighted(page, 'ronten-selection')).toBe('停戦が');

  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2, { clickCount: 3 });
  await expect.poll(() => highlighted(page, 'ronten-selection')).toMatch(/^[^。]*停戦が[^。]*。$/);
});

test('the caret steps by phrase; Alt+→ by morpheme; Space and a label key take the caret’s phrase', async ({ page, request }) => {
  await page.goto(essayPath);
  await page.locator('.essay').focus();
  await page.keyboard.press('ArrowRight'); // 1．
  await page.keyboard.press('ArrowRight'); // はじめに
  await expect.poll(() => highlighted(page, 'ronten-caret')).toBe('はじめに');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => highlighted(page, 'ronten-caret')).toBe('ロシアの');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => highlighted(page, 'ronten-caret')).toBe('2020年の');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => highlighted(page, 'ronten-caret')).toBe('ロシアの');
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => highlighted(page, 'ronten-caret')).toBe('の');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => highlighted(page, 'ronten-selection')).toBe('ロシアの 2020年の');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight'); // the first word again
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect.poll(() => highlighted(page, 'ronten-selection')).toBe('ロシアの');
  expect(await labelAndQuote(page, request)).toBe('ロシアの');
});

test('the live region names the caret’s phrase with its reading once, furigana on or off; its morpheme after Alt+→ or with the setting', async ({ page }) => {
  const announcer = page.getByTestId('announcer');
  await page.goto(essayPath);
  await page.locator('.essay').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 1．, はじめに, ロシアの
  await expect(announcer).toHaveText('ロシアの（ろしあの）');
  await page.keyboard.press('ArrowRight');
  await expect(announcer).toHaveText('2020年の（2020ねんの）');
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => highlighted(page, 'ronten-caret')).toBe('年');
  await expect(announcer).toHaveText('年（ねん）');

  // Furigana on: the same words, the reading said once.
  await page.getByTestId('furigana-toggle').click();
  await page.locator('.essay').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => highlighted(page, 'ronten-caret')).toBe('2020年の');
  await expect(announcer).toHaveText('2020年の（2020ねんの）');
  await page.getByTestId('furigana-toggle').click();

  // Morpheme precision: the morpheme.
  await page.getByTestId('morpheme-precision').check();
  await page.locator('.essay').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(announcer).toHaveText('の');
  await page.keyboard.press('ArrowLeft');
  await expect(announcer).toHaveText('ロシア（ろしあ）');
  await page.getByTestId('morpheme-precision').uncheck();
});

test('furigana on: readings over kanji words, never text; the quote is byte-identical; boxes stay on their words', async ({ page, request }) => {
  await page.goto(essayPath);
  const essayTextContent = () => page.locator('.essay').evaluate((el) => el.textContent);
  const before = await essayTextContent();

  // Off: a drag makes a unit; note its quote.
  await drag(page, '完全', '成立');
  const off = await labelAndQuote(page, request);
  expect(off).toBe('完全な停戦が成立した。');
  await resetMap(request);
  await page.reload();

  await page.getByTestId('furigana-toggle').click();
  await expect(page.getByTestId('furigana-toggle')).toHaveAttribute('aria-pressed', 'true');
  const ruby = page.locator('.essay .ronten-ruby', { hasText: '成立' }).first();
  await expect(ruby).toHaveAttribute('data-ruby', 'せいりつ');
  // Drawn as generated content, with empty alternative text, and no text added to the essay.
  expect(await ruby.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('せいりつ');
  expect(await essayTextContent()).toBe(before);

  // The same drag with furigana on: the same quote, byte for byte, in the map and the export.
  await drag(page, '完全', '成立');
  expect(await highlighted(page, 'ronten-selection')).toBe('完全な停戦が成立した。');
  const on = await labelAndQuote(page, request);
  expect(Buffer.from(on)).toEqual(Buffer.from(off));
  const { mapId, map } = await mapState(request);
  const unit = map.units[0];
  const exported = await (await request.get(`/api/maps/${mapId}/export?format=json`)).json();
  expect(exported.units.map((u: { quote: string }) => u.quote)).toContain(off);

  // Copying a selection of the essay copies the text, not the readings.
  const copied = await page.locator('.essay').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const text = selection.toString();
    selection.removeAllRanges();
    return text;
  });
  expect(copied).not.toContain('せいりつ');

  // The unit's box is on its words with the taller lines.
  const box = await page.locator(`.unit-marks [data-unit="${unit.id}"]`).first().boundingBox();
  const word = await wordBox(page, '完全');
  expect(box).not.toBeNull();
  expect(Math.abs(box!.y + box!.height / 2 - (word.y + word.height / 2))).toBeLessThan(word.height / 2);
  expect(box!.x).toBeLessThanOrEqual(word.x + 1);

  // Only words beyond a grade: 成立 (grades 4 and 3) goes when readings start above grade 4.
  await page.getByTestId('furigana-scope').selectOption('4');
  await expect(page.locator('.essay .ronten-ruby', { hasText: '成立' })).toHaveCount(0);
  await expect(page.locator('.essay .ronten-ruby').first()).toBeAttached();

  // Off again: no ruby left.
  await page.getByTestId('furigana-toggle').click();
  await expect(page.locator('.essay .ronten-ruby')).toHaveCount(0);
});
