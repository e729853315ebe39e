import { expect, test } from './csp';
import { TOP } from '../components/editor/reveal';
import { hoverWord, preferMorphemes } from './support';

// The caret here steps word by word: by morpheme (phrases: e2e/phrases.spec.ts).
test.beforeEach(async ({ page }) => {
  await preferMorphemes(page);
});

test('lists the corpus essay and opens it tokenized', async ({ page }) => {
  await page.goto('/');
  // Both corpus texts are seeded.
  await expect(page.getByRole('link', { name: '中学生のスマートフォン持ち込みについて' })).toBeVisible();
  const link = page.getByRole('link', { name: '2020年のロシア外交' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: '2020年のロシア外交' })).toBeVisible();
  // Headings of the essay are their own blocks.
  await expect(page.locator('.essay h2').first()).toHaveText('1．はじめに');
  await expect(page.locator('.essay')).toContainText('ロシアの 2020年の外交を振り返ってみると');
});

test('hovering a word shows its reading, part of speech and base form', async ({ page }) => {
  await page.goto('/documents/russia-diplomacy-2020');
  await hoverWord(page, '外交');
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.getByTestId('token-reading')).toHaveText('がいこう');
  await expect(tooltip).toContainText('名詞');
});

test('the keyboard token caret shows the focused word', async ({ page }) => {
  await page.goto('/documents/russia-diplomacy-2020');
  const essay = page.getByRole('document', { name: '本文' });
  await essay.focus();
  await page.keyboard.press('ArrowRight');
  // The first word of the essay is the section number "1".
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip.getByTestId('token-surface')).toHaveText('1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tooltip.getByTestId('token-surface')).toHaveText('はじめ');
  await expect(tooltip.getByTestId('token-reading')).toHaveText('はじめ');
  // Focus elsewhere: the caret's tooltip goes (the text may reflow under it), and comes back.
  await page.keyboard.press('Tab');
  await expect(tooltip).toHaveCount(0);
  await essay.focus();
  await expect(tooltip.getByTestId('token-surface')).toHaveText('はじめ');
});

test('the keyboard caret stays on screen, below the sticky toolbar', async ({ page }) => {
  await page.goto('/documents/russia-diplomacy-2020');
  await page.getByRole('document', { name: '本文' }).focus();
  const caretBox = () =>
    page.evaluate(() => {
      const [r] = (CSS as unknown as { highlights: Map<string, Set<StaticRange>> }).highlights.get('ronten-caret')!;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const box = live.getBoundingClientRect();
      const toolbar = document.querySelector('.sticky')!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, below: toolbar.bottom, height: window.innerHeight };
    });
  for (const key of ['ArrowRight', 'End', 'Home']) {
    await page.keyboard.press(key);
    const b = await caretBox();
    expect(b.top, key).toBeGreaterThanOrEqual(b.below);
    expect(b.bottom, key).toBeLessThanOrEqual(b.height);
  }
});

test('resizing the window keeps the reader’s place in the essay', async ({ page }) => {
  await page.goto('/documents/russia-diplomacy-2020');
  await expect(page.locator('.essay')).toContainText('ロシアの 2020年の外交');
  // Where the reading line (just below the sticky toolbar) meets the essay: the word in the
  // middle of it, and the whole line (with a few characters more, for a word broken at its end).
  const readingLine = () =>
    page.evaluate((y) => {
      const { left, right } = document.querySelector('.essay')!.getBoundingClientRect();
      const at = (x: number) => document.caretPositionFromPoint(x, y)!;
      const [start, middle, end] = [at(left + 2), at((left + right) / 2), at(right - 2)];
      const text = middle.offsetNode.textContent!;
      return { word: text.slice(middle.offset, middle.offset + 3), line: start.offsetNode === end.offsetNode ? text.slice(start.offset, end.offset + 3) : '' };
    }, TOP + 1);
  await page.evaluate(() => window.scrollTo(0, 3000));
  await page.waitForTimeout(400); // the place is noted once scrolling stops
  const { word } = await readingLine();
  for (const width of [900, 1500]) {
    await page.setViewportSize({ width, height: 720 });
    await expect.poll(async () => (await readingLine()).line, { message: `at ${width}px` }).toContain(word);
  }
});

test('the language can be switched to English and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '文書' })).toBeVisible();
});

test('page views never load the tokenizer dictionary', async ({ page, request }) => {
  await page.goto('/');
  await page.goto('/documents/russia-diplomacy-2020');
  await expect(page.locator('.essay')).toBeVisible();
  const health = await (await request.get('/api/health')).json();
  expect(health).toMatchObject({ ok: true, dictionaryLoaded: false });
});
