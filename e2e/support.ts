// Helpers shared by the end-to-end tests: the essay's map through the real HTTP API, a mouse
// drag between two words of the essay, and the word caret's box.
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { LIMITS } from '../lib/argument/limits';

export const essayId = 'russia-diplomacy-2020';
export const essayPath = `/documents/${essayId}`;

interface Unit {
  id: string;
  label: string;
  start: number;
  end: number;
  note: string;
}
interface Relation {
  id: string;
  type: string;
  from: string;
  to: string;
  note: string;
}
export interface MapState {
  mapId: string;
  version: number;
  map: { units: Unit[]; relations: Relation[]; mainClaimId: string | null };
}

export async function mapState(request: APIRequestContext): Promise<MapState> {
  const res = await request.get(`/api/documents/${essayId}/map`);
  expect(res.ok()).toBe(true);
  return res.json();
}

/// Empties the essay's map through the operations API, so each test starts from nothing.
function attackersFirst<R extends { id: string; to: string }>(relations: readonly R[]): R[] {
  const left = [...relations];
  const order: R[] = [];
  while (left.length) {
    const free = left.filter((r) => !left.some((x) => x.to === r.id));
    order.push(...free);
    for (const r of free) left.splice(left.indexOf(r), 1);
  }
  return order;
}

export async function resetMap(request: APIRequestContext) {
  const { mapId, version, map } = await mapState(request);
  if (map.units.length === 0 && map.mainClaimId === null) return;
  const operations = [
    ...(map.mainClaimId ? [{ op: 'setMainClaim', before: map.mainClaimId, after: null }] : []),
    // Undercutters before the relations they attack (a relation goes only when nothing aims at it).
    ...attackersFirst(map.relations).map((relation) => ({ op: 'removeRelation', relation })),
    ...map.units.map((unit) => ({ op: 'removeUnit', unit, relations: [], mainClaim: false })),
  ];
  // As many batches as the limit asks (a big map's spec leaves hundreds of units behind).
  for (let i = 0, at = version; i < operations.length; i += LIMITS.operationsPerBatch, at++) {
    const batch = operations.slice(i, i + LIMITS.operationsPerBatch);
    const res = await request.post(`/api/maps/${mapId}/operations`, { data: { batchId: `reset-${Date.now()}-${Math.random()}`, baseVersion: at, operations: batch } });
    expect(res.status()).toBe(200);
  }
}

/// The box of the nth occurrence of `surface` in the essay (words have no elements of their own:
/// the token layers are CSS highlights, so measure a DOM Range instead), scrolled into view
/// first unless `scroll` is false. In a long essay (lazy paragraphs) the box is measured again
/// after each frame until it stays put: paragraphs coming into view are laid out a frame or two
/// after the scroll, and may move the word.
export async function wordBox(page: Page, surface: string, nth = 0, { scroll = true } = {}) {
  await page.locator('.essay').waitFor();
  const box = await page.evaluate(
    async ([surface, nth, scroll]) => {
      const essay = document.querySelector('.essay')!;
      const walker = document.createTreeWalker(essay, NodeFilter.SHOW_TEXT);
      let count = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = node.data.indexOf(surface); i >= 0; i = node.data.indexOf(surface, i + 1)) {
          if (count++ !== nth) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + surface.length);
          if (scroll) range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const measure = () => {
            const r = range.getClientRects()[0];
            return { x: r.left, y: r.top, width: r.width, height: r.height };
          };
          let r = measure();
          if (!essay.classList.contains('essay-lazy')) return r;
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          // Paragraphs found in view are laid out a frame or more later (more under load): six
          // quiet frames in a row.
          for (let still = 0, frames = 0; still < 6 && frames < 60; frames++) {
            await frame();
            const next = measure();
            still = next.x === r.x && next.y === r.y ? still + 1 : 0;
            r = next;
          }
          return r;
        }
      }
      return null;
    },
    [surface, nth, scroll] as const,
  );
  if (!box) throw new Error(`"${surface}" (#${nth}) is not in the essay`);
  return box;
}

// Touch (specs run with hasTouch): a tap on a word, one finger along a path, a long press.
export const center = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/// The touch gestures are a chunk of their own, mounted after the editor: a tap before then is
/// taken as a mouse's press.
async function gesturesReady(page: Page) {
  await page.locator('[data-gestures="touch"]').waitFor({ state: 'attached' });
}

export async function tapWord(page: Page, surface: string, nth = 0) {
  await gesturesReady(page);
  const { x, y } = center(await wordBox(page, surface, nth));
  await page.touchscreen.tap(x, y);
}

/// One finger through the given points (CDP touch events: Playwright has tap only).
export async function touchPath(page: Page, points: Array<{ x: number; y: number }>, holdMs = 0) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]] });
  if (holdMs) await page.waitForTimeout(holdMs);
  for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  // The finger lifts before the next touch (a tap straight after a drag's end was not taken as
  // a tap by Chromium's gesture detection).
  await page.waitForTimeout(400);
}

export async function longPressWord(page: Page, surface: string, nth = 0) {
  await gesturesReady(page);
  const p = center(await wordBox(page, surface, nth));
  await touchPath(page, [p], 700);
}

export async function hoverWord(page: Page, surface: string, nth = 0) {
  const b = await wordBox(page, surface, nth);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
}

export async function clickWord(page: Page, surface: string, nth = 0) {
  const b = await wordBox(page, surface, nth);
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

/// Drags from inside one word to inside another (never exactly on a boundary).
export async function drag(page: Page, from: string, to: string, nthFrom = 0, nthTo = 0) {
  const a = await wordBox(page, from, nthFrom);
  await page.mouse.move(a.x + a.width * 0.3, a.y + a.height / 2);
  await page.mouse.down();
  const b = await wordBox(page, to, nthTo);
  await page.mouse.move(b.x + b.width * 0.7, b.y + b.height / 2, { steps: 6 });
  await page.mouse.up();
}

export async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 10_000 });
}

/// The text the essay page shows, from the document's stored canonical text.
export async function essayText(request: APIRequestContext): Promise<string> {
  const { mapId } = await mapState(request);
  const res = await request.get(`/api/maps/${mapId}/export?format=json`);
  return (await res.json()).document.text;
}

/// Adds units for the given quotes (each must occur once in the essay; they are on word
/// boundaries) through the API; returns their ids in order.
export async function addUnits(request: APIRequestContext, units: Array<{ quote: string; label: string }>) {
  const text = await essayText(request);
  const { mapId, version } = await mapState(request);
  const made = units.map((u, i) => {
    const start = text.indexOf(u.quote);
    expect(start, u.quote).toBeGreaterThanOrEqual(0);
    return { id: `m${i}`, label: u.label, start, end: start + u.quote.length, note: '' };
  });
  const res = await request.post(`/api/maps/${mapId}/operations`, {
    data: { batchId: `map-${Date.now()}-${Math.random()}`, baseVersion: version, operations: made.map((unit) => ({ op: 'addUnit', unit, relations: [], mainClaim: false })) },
  });
  expect(res.status()).toBe(200);
  return made;
}

/// Morpheme precision (selections and the caret by morpheme, not phrase), as the reader's
/// setting (components/annotate/readingOptions.ts) sets it, for specs that count words; the
/// default, phrases, is e2e/phrases.spec.ts's.
export async function preferMorphemes(target: Page | BrowserContext) {
  await target.addInitScript(() => localStorage.setItem('ronten:reading-options', JSON.stringify({ precision: 'morpheme' })));
}

/// The caret's box (viewport coordinates) and the page's scroll, read from its CSS highlight.
export async function caretBox(page: Page) {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<StaticRange>> }).highlights;
    const [r] = [...(registry.get('ronten-caret') ?? [])];
    if (!r) return null;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, scrollY: window.scrollY, innerHeight: window.innerHeight };
  });
}
