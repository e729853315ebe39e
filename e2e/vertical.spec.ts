// 縦書き (issue 16, item 5): the essay in vertical-rl columns, read right to left, its pane
// scrolled sideways from the right edge. Drags snap to phrases as in horizontal text and give
// byte-identical quotes; a unit over two columns gets a box in each, on its words; ↓/↑ move the
// caret along the column and ←/→ to the next / previous column; linking from the text works;
// the reading place survives turning the text; axe finds nothing.
import { expect, test } from './csp';
import type { Page } from '@playwright/test';
import { drag, essayPath, essayText, expectSaved, mapState, resetMap } from './support';
import { expectNoAxeViolations } from './axe';

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

const toggle = (page: Page) => page.getByRole('button', { name: '縦書き' });

async function turn(page: Page, vertical: boolean) {
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', String(vertical));
  if (vertical) await expect(page.getByTestId('essay-scroll')).toHaveClass(/is-vertical/);
  else await expect(page.getByTestId('essay-scroll')).not.toHaveClass(/is-vertical/);
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// The rectangles (one per column) of the nth occurrence of each surface, brought into view
/// first unless `scroll` is false: the page scrolled so the columns are on screen, the columns
/// sideways so the words are.
async function wordRects(page: Page, words: ReadonlyArray<readonly [string, number]>, { scroll = true } = {}): Promise<Rect[][]> {
  await page.locator('.essay').waitFor();
  return page.evaluate(([words, scroll]) => {
    const essay = document.querySelector('.essay')!;
    const scroller = essay.closest<HTMLElement>('.essay-scroll')!;
    const find = (surface: string, nth: number): Range => {
      const walker = document.createTreeWalker(essay, NodeFilter.SHOW_TEXT);
      let count = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = node.data.indexOf(surface); i >= 0; i = node.data.indexOf(surface, i + 1)) {
          if (count++ !== nth) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + surface.length);
          return range;
        }
      }
      throw new Error(`"${surface}" (#${nth}) is not in the essay`);
    };
    const ranges = words.map(([s, n]) => find(s, n));
    const rects = () => ranges.map((r) => [...r.getClientRects()].filter((c) => c.height > 0).map((c) => ({ x: c.left, y: c.top, width: c.width, height: c.height })));
    if (!scroll) return rects();
    const frame = scroller.getBoundingClientRect();
    if (frame.bottom > innerHeight || frame.top < 80) window.scrollBy({ top: frame.bottom - innerHeight + 8, behavior: 'instant' });
    const boxes = ranges.map((r) => r.getBoundingClientRect());
    const middle = (Math.min(...boxes.map((b) => b.left)) + Math.max(...boxes.map((b) => b.right))) / 2;
    const shown = scroller.getBoundingClientRect();
    if (boxes.some((b) => b.left < shown.left + 30 || b.right > shown.right - 30)) scroller.scrollBy({ left: middle - (shown.left + shown.width / 2), behavior: 'instant' });
    // Touch: clear of the label bar at the foot of the screen.
    const bar = document.querySelector('[data-testid="touch-bar"]');
    const foot = bar ? bar.getBoundingClientRect().top : innerHeight;
    const lowest = Math.max(...ranges.map((r) => r.getBoundingClientRect().bottom));
    if (lowest > foot - 60) window.scrollBy({ top: lowest - foot + 60, behavior: 'instant' });
    return rects();
  }, [words, scroll] as const);
}

/// A mouse drag in the columns: pressed a third of the way down the first word, released two
/// thirds of the way down the last (never on a boundary).
async function dragDown(page: Page, from: string, to: string) {
  const [[a], b] = await wordRects(page, [
    [from, 0],
    [to, 0],
  ]);
  const last = b[b.length - 1];
  await page.mouse.move(a.x + a.width / 2, a.y + a.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height * 0.7, { steps: 6 });
  await page.mouse.up();
}

/// Labels the selection a claim (key 1) and returns the new unit's id and quote, from the server.
async function labelAndQuote(page: Page, request: Parameters<typeof mapState>[0], key = '1'): Promise<{ id: string; quote: string }> {
  const before = new Set((await mapState(request)).map.units.map((u) => u.id));
  await page.keyboard.press(key);
  await expectSaved(page);
  await expect.poll(async () => (await mapState(request)).map.units.length).toBe(before.size + 1);
  const text = await essayText(request);
  const unit = (await mapState(request)).map.units.find((u) => !before.has(u.id))!;
  return { id: unit.id, quote: text.slice(unit.start, unit.end) };
}

/// The text a CSS highlight covers and its rectangles.
async function highlight(page: Page, name: string): Promise<{ text: string; rects: Rect[] }> {
  return page.evaluate((name) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const [r] = [...(registry.get(name) ?? [])];
    if (!r) return { text: '', rects: [] };
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return { text: range.toString(), rects: [...range.getClientRects()].filter((c) => c.height > 0).map((c) => ({ x: c.left, y: c.top, width: c.width, height: c.height })) };
  }, name);
}

/// Rectangles grouped by column (the same left edge, give or take a pixel), right to left.
function columns(rects: readonly Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const r of rects) {
    const col = out.find((c) => Math.abs(c.x - r.x) < 2);
    if (!col) {
      out.push({ ...r });
      continue;
    }
    const bottom = Math.max(col.y + col.height, r.y + r.height);
    col.y = Math.min(col.y, r.y);
    col.height = bottom - col.y;
  }
  return out.sort((a, b) => b.x - a.x);
}

test('縦書き turns the essay into columns that scroll sideways from the right edge, is remembered, and keeps the reading place', async ({ page }) => {
  await page.goto(essayPath);
  await turn(page, true);
  await expect(page.locator('.essay')).toHaveCSS('writing-mode', 'vertical-rl');
  const start = await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.essay-scroll')!;
    const frame = scroller.getBoundingClientRect();
    const first = document.querySelector('.essay')!.firstElementChild!.getBoundingClientRect();
    return { scrollLeft: scroller.scrollLeft, scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, clientHeight: scroller.clientHeight, right: frame.right, firstRight: first.right };
  });
  expect(start.scrollWidth).toBeGreaterThan(start.clientWidth * 2);
  expect(start.scrollLeft).toBe(0);
  // The beginning of the text (the heading) is the rightmost column, at the pane's right edge.
  expect(start.right - start.firstRight).toBeLessThan(40);

  await page.reload();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.essay')).toHaveCSS('writing-mode', 'vertical-rl');

  // Read on to 向きも多かった (two fifths into the text): its column at the pane's right edge.
  const [[far]] = await wordRects(page, [['向きも多かった', 0]], { scroll: false });
  await page.evaluate((right) => {
    const scroller = document.querySelector<HTMLElement>('.essay-scroll')!;
    scroller.scrollBy({ left: right - (scroller.getBoundingClientRect().right - 4), behavior: 'instant' });
  }, far.x + far.width);
  await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('.essay-scroll')!.scrollLeft)).toBeLessThan(-1000);
  // The place is noted once scrolling settles (readingPlace.ts, 150 ms after the last scroll).
  await page.waitForTimeout(500);
  // Turned horizontal, the words are near the top of the view, not pages away.
  await turn(page, false);
  const [[flat]] = await wordRects(page, [['向きも多かった', 0]], { scroll: false });
  expect(flat.y).toBeGreaterThan(0);
  expect(flat.y).toBeLessThan((await page.evaluate(() => innerHeight)) / 2);
  // Back: the toggle sits above the essay, and scrolling the page up to it would move the place
  // itself (to the essay's top); pressed where it is, the place is kept.
  await toggle(page).dispatchEvent('click');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  // And back in columns, the column is again at the pane's right edge.
  const [back] = await wordRects(page, [['向きも多かった', 0]], { scroll: false });
  const pane = await page.getByTestId('essay-scroll').boundingBox();
  expect(back[0].x + back[0].width).toBeGreaterThan(pane!.x + pane!.width - 120);
  expect(back[0].x).toBeLessThan(pane!.x + pane!.width);
});

test('drags in a column and over two columns snap to phrases, quote exactly as in horizontal text, and get a box per column', async ({ page, request }) => {
  await page.goto(essayPath);
  // Horizontal first: the quotes to match.
  await drag(page, '向き', '多か');
  const inLine = await labelAndQuote(page, request);
  await page.keyboard.press('Escape');
  await drag(page, '混乱', '単純');
  const overLines = await labelAndQuote(page, request);
  await page.keyboard.press('Escape');
  expect(inLine.quote).toBe('向きも多かった。');

  await turn(page, true);
  // In one column: 向き and 多か share it.
  const [[a], [b]] = await wordRects(page, [
    ['向き', 0],
    ['多か', 0],
  ]);
  expect(Math.abs(a.x - b.x)).toBeLessThan(2);
  await dragDown(page, '向き', '多か');
  await expect(page.getByRole('toolbar', { name: 'ラベルを付ける' })).toContainText('選択範囲: 向きも多かった。');
  const vInLine = await labelAndQuote(page, request);
  expect(vInLine.quote).toBe(inLine.quote);
  await page.keyboard.press('Escape');

  // Over two columns: 混乱 … 単純には.
  const [from, to] = await wordRects(page, [
    ['混乱', 0],
    ['単純', 0],
  ]);
  expect(from[0].x).toBeGreaterThan(to[0].x + to[0].width);
  await dragDown(page, '混乱', '単純');
  const vOverLines = await labelAndQuote(page, request);
  expect(vOverLines.quote).toBe(overLines.quote);
  expect(vOverLines.quote).toContain('混乱は');
  expect(vOverLines.quote.endsWith('単純には')).toBe(true);

  // Its boxes: one per column the quote runs over, each on its words there.
  await expect
    .poll(() => page.evaluate((id) => document.querySelector('.unit-marks')!.shadowRoot!.querySelectorAll(`[data-unit="${id}"]`).length, vOverLines.id))
    .toBeGreaterThanOrEqual(2);
  const [quoteRects] = await wordRects(page, [[vOverLines.quote, 0]], { scroll: false });
  const unitBoxes = await page.evaluate((id) => {
    return [...document.querySelector('.unit-marks')!.shadowRoot!.querySelectorAll<HTMLElement>(`[data-unit="${id}"]`)].map((el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const px = (v: string) => parseFloat(v);
      // The content box: the tint over the words (the line and its padding sit left of it).
      return {
        x: r.left + px(style.borderLeftWidth) + px(style.paddingLeft),
        y: r.top + px(style.borderTopWidth) + px(style.paddingTop),
        width: el.clientWidth - px(style.paddingLeft) - px(style.paddingRight),
        height: el.clientHeight - px(style.paddingTop) - px(style.paddingBottom),
      };
    });
  }, vOverLines.id);
  const cols = columns(quoteRects);
  expect(cols.length).toBeGreaterThanOrEqual(2);
  const boxes = [...unitBoxes].sort((p, q) => q.x - p.x);
  expect(boxes).toHaveLength(cols.length);
  boxes.forEach((box, k) => {
    const col = cols[k];
    expect(Math.abs(box.x - col.x), `box ${k} left`).toBeLessThan(2);
    expect(Math.abs(box.width - col.width), `box ${k} width`).toBeLessThan(2);
    expect(Math.abs(box.y - col.y), `box ${k} top`).toBeLessThan(2);
    expect(Math.abs(box.height - col.height), `box ${k} height`).toBeLessThan(2);
  });
});

test('↓/↑ move the caret along the column, ← to the next column and → back; Shift+← extends by phrase', async ({ page }) => {
  await page.goto(essayPath);
  await turn(page, true);
  await page.locator('.essay').focus();
  await page.keyboard.press('ArrowDown'); // 1．
  await page.keyboard.press('ArrowDown'); // はじめに
  await expect.poll(async () => (await highlight(page, 'ronten-caret')).text).toBe('はじめに');
  const heading = (await highlight(page, 'ronten-caret')).rects[0];
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await highlight(page, 'ronten-caret')).text).toBe('1．');
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await highlight(page, 'ronten-caret')).text).toBe('はじめに');

  // ← : the next column, to its left — the first paragraph's, beside はじめに.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await highlight(page, 'ronten-caret')).text).not.toBe('はじめに');
  const next = await highlight(page, 'ronten-caret');
  expect(next.rects[0].x + next.rects[0].width).toBeLessThanOrEqual(heading.x);
  expect(next.rects[0].x).toBeGreaterThan(heading.x - 5 * heading.width);
  expect('ロシアの 2020年の外交を振り返ってみると、').toContain(next.text);
  // ↓ from there: the next phrase down the same column.
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await highlight(page, 'ronten-caret')).text).not.toBe(next.text);
  const down = await highlight(page, 'ronten-caret');
  expect(Math.abs(down.rects[0].x - next.rects[0].x)).toBeLessThan(2);
  expect(down.rects[0].y).toBeGreaterThan(next.rects[0].y);
  // → : back to the heading's column.
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.abs((await highlight(page, 'ronten-caret')).rects[0]?.x - heading.x)).toBeLessThan(2);

  // Shift+← from the heading: whole phrases from its phrase into the next column.
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => columns((await highlight(page, 'ronten-selection')).rects).length).toBe(2);
  const selected = (await highlight(page, 'ronten-selection')).text;
  expect(selected).toMatch(/^(1．)?はじめにロシア/);
});

test('S then a pick in the columns relates two units; axe finds nothing in vertical mode', async ({ page, request }) => {
  await page.goto(essayPath);
  await turn(page, true);
  await dragDown(page, '向き', '多か');
  const evidence = await labelAndQuote(page, request, '2');
  await page.keyboard.press('Escape');
  await dragDown(page, '混乱', '単純');
  const claim = await labelAndQuote(page, request, '1');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Pick the evidence in the text, S, then the claim in the text.
  const [[e]] = await wordRects(page, [['向き', 0]]);
  await page.mouse.click(e.x + e.width / 2, e.y + e.height / 2);
  await expect(page.locator('[data-unit-row] button[aria-current="true"]')).toContainText('根拠');
  await page.keyboard.press('s');
  await expect(page.getByTestId('link-prompt')).toBeVisible();
  const [[c]] = await wordRects(page, [['頭痛', 0]]);
  await page.mouse.click(c.x + c.width / 2, c.y + c.height / 2);
  await expect(page.getByTestId('announcer')).toHaveText('支持の関係を作りました');
  await expectSaved(page);
  const { map } = await mapState(request);
  expect(map.relations).toEqual([expect.objectContaining({ type: 'support', from: [evidence.id], to: claim.id })]);

  await expectNoAxeViolations(page, 'the essay in 縦書き with units and a relation');
});

test.describe('touch', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

  test('in the columns a tap selects a word and the end handle, dragged down the column, extends the selection', async ({ page, request }) => {
    await page.goto(essayPath);
    await page.waitForLoadState('networkidle');
    await turn(page, true);
    const [[word]] = await wordRects(page, [['向き', 0]]);
    await page.touchscreen.tap(word.x + word.width / 2, word.y + word.height / 2);
    const bar = page.getByRole('toolbar', { name: '選択への操作' });
    await expect(bar).toContainText('選択範囲: 向き');

    // The end handle hangs below the selection's last word in its column; what it picks is the
    // point lifted by as much as the finger started from that word's middle.
    const [[selected], [target]] = await wordRects(page, [
      ['向き', 0],
      ['多か', 0],
    ]);
    // The handles follow the columns' scrolling on its scroll event, a frame on.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const handle = (await page.locator('[data-handle="end"]').boundingBox())!;
    const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
    const lift = { x: from.x - (selected.x + selected.width / 2), y: from.y - (selected.y + selected.height / 2) };
    const to = { x: target.x + target.width / 2 + lift.x, y: target.y + target.height / 2 + lift.y };
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
    for (let i = 1; i <= 6; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + ((to.x - from.x) * i) / 6, y: from.y + ((to.y - from.y) * i) / 6 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    await expect(bar).toContainText('選択範囲: 向きも多か');
    await bar.getByRole('button', { name: /主張/ }).click();
    await expectSaved(page);
    const text = await essayText(request);
    const unit = (await mapState(request)).map.units.at(-1)!;
    expect(text.slice(unit.start, unit.end)).toMatch(/^向きも多か/);
  });
});
