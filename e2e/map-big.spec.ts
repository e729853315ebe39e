// A map of a few hundred units is laid out off the main thread (components/map/useMapLayout,
// lib/argument/layout.worker): while its layout is computed the map says so, and the editor
// answers the keyboard; after an edit the last layout stays drawn until the next one arrives.
// The test holds the worker's answers (a wrapped Worker), so "while the layout is computed" is
// a state the page is in, not a race against the clock. The map is seeded through the API: the layout bench's synthetic map (bench/layout.ts,
// 300 units, 400 relations with linked arguments and undercutters) on spans of the essay.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { syntheticLayoutInput } from '../bench/layout';
import { expect, test } from './csp';
import { essayPath, essayText, expectSaved, mapState, resetMap } from './support';

const unitCount = 300;
const example = JSON.parse(fs.readFileSync('corpus/russia-diplomacy-2020.example.argmap.json', 'utf8')) as {
  units: Array<{ start?: number; end?: number }>;
};

/// Seeds the essay's map with `unitCount` units on distinct spans (pairs of the example map's
/// span starts and ends, all on token boundaries) and the synthetic map's relations.
async function seedBigMap(page: Page) {
  const request = page.request;
  const text = await essayText(request);
  const utf16 = (codePoints: number) => Array.from(text).slice(0, codePoints).join('').length;
  const starts = [...new Set(example.units.flatMap((u) => (u.start === undefined ? [] : [utf16(u.start)])))].sort((a, b) => a - b);
  const ends = [...new Set(example.units.flatMap((u) => (u.end === undefined ? [] : [utf16(u.end)])))].sort((a, b) => a - b);
  // Shortest spans first, so node texts are a line or a few.
  const spans = starts.flatMap((s) => ends.filter((e) => e > s).map((e) => ({ start: s, end: e }))).sort((a, b) => a.end - a.start - (b.end - b.start));
  expect(spans.length).toBeGreaterThanOrEqual(unitCount);
  const input = syntheticLayoutInput(unitCount, 400, 1, { deep: true });
  const relationIds = new Set(input.edges.map((e) => e.id));
  const units = input.nodes.map((n, i) => ({ id: n.id, label: i % 3 === 0 ? 'claim' : 'evidence', ...spans[i], note: '' }));
  const batches = [
    units.map((unit) => ({ op: 'addUnit', unit, relations: [], mainClaim: false })),
    [
      ...input.edges.map((e) => ({ op: 'addRelation', relation: { id: e.id, type: relationIds.has(e.to) ? 'attack' : 'support', from: e.from, to: e.to, note: '' } })),
      { op: 'setMainClaim', before: null, after: input.mainClaimId },
    ],
  ];
  for (const operations of batches) {
    const { mapId, version } = await mapState(request);
    const res = await request.post(`/api/maps/${mapId}/operations`, { data: { batchId: `big-${Date.now()}-${Math.random()}`, baseVersion: version, operations } });
    expect(res.status(), await res.text()).toBe(200);
  }
  return units;
}

/// Wraps the page's Worker so the test can hold the layout worker's answers (`hold`/`release`)
/// and count its jobs and answers: while an answer is held the layout is, for the page, still
/// being computed — deterministically, however fast the machine.
async function holdableWorkers(page: Page) {
  await page.addInitScript(() => {
    const Real = window.Worker;
    const held: Array<() => void> = [];
    const state = { holding: false, posted: 0, answered: 0 };
    Object.assign(window, {
      __layoutWorker: {
        state,
        hold: () => void (state.holding = true),
        release: () => {
          state.holding = false;
          for (const answer of held.splice(0)) answer();
        },
      },
    });
    window.Worker = class extends Real {
      set onmessage(handler: ((e: MessageEvent) => void) | null) {
        super.onmessage = handler && ((e: MessageEvent) => {
          const answer = () => {
            state.answered++;
            handler.call(this, e);
          };
          if (state.holding) held.push(answer);
          else answer();
        });
      }
      get onmessage() {
        return super.onmessage;
      }
      postMessage(message: unknown) {
        state.posted++;
        super.postMessage(message);
      }
    };
  });
}

type WorkerState = { holding: boolean; posted: number; answered: number };
const workerState = (page: Page) => page.evaluate(() => (window as unknown as { __layoutWorker: { state: WorkerState } }).__layoutWorker.state);
const hold = (page: Page) => page.evaluate(() => (window as unknown as { __layoutWorker: { hold(): void } }).__layoutWorker.hold());
const release = (page: Page) => page.evaluate(() => (window as unknown as { __layoutWorker: { release(): void } }).__layoutWorker.release());

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

test('a map of hundreds of units is laid out in a worker: the map says so, the editor answers meanwhile, and the last layout stays drawn', async ({ page }) => {
  test.setTimeout(120_000);
  await seedBigMap(page);
  await holdableWorkers(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(essayPath);
  const essay = page.locator('.essay');
  const announcer = page.getByTestId('announcer');
  await essay.focus();
  await page.keyboard.press('ArrowRight');
  await expect(announcer).not.toHaveText('');

  // Opening the map: its layout goes to the worker, and until the answer the map says it is
  // laying out while the caret moves and is announced.
  await hold(page);
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  const frame = map.locator('[data-layout]');
  // (Inside the frame: the view's notes above it are statuses too.)
  const layingOut = frame.locator('[role="status"]');
  await expect(layingOut).toHaveText('議論マップを配置しています…');
  await expect.poll(async () => (await workerState(page)).posted).toBe(1);
  const before = await announcer.textContent();
  await essay.focus();
  await page.keyboard.press('ArrowRight');
  await expect(announcer).not.toHaveText(before!);
  await expect(layingOut).toBeVisible();
  await expect(frame.locator('[data-unit-id]')).toHaveCount(0);
  await expect(frame).toHaveAttribute('data-layout', 'pending');
  await release(page);
  await expect(frame.locator('[data-unit-id]')).toHaveCount(unitCount, { timeout: 60_000 });
  await expect(layingOut).toHaveCount(0);
  await expect(frame).toHaveAttribute('data-layout', 'current');
  expect(await workerState(page)).toEqual({ holding: false, posted: 1, answered: 1 });

  // An edit: a new unit made from the keyboard (the words under the caret, labelled 根拠). The
  // last layout stays drawn (the new node not yet) while the next one is computed, and the
  // editor goes on answering.
  await hold(page);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await expect(announcer).toHaveText(/^選択範囲: /);
  await page.keyboard.press('2');
  await expect(announcer).toHaveText('根拠を追加しました');
  await expect(frame).toHaveAttribute('data-layout', 'pending');
  await expect.poll(async () => (await workerState(page)).posted).toBe(2);
  await page.keyboard.press('ArrowRight');
  await expect(announcer).not.toHaveText('根拠を追加しました');
  await expect(frame.locator('[data-unit-id]')).toHaveCount(unitCount);
  await expect(layingOut).toHaveCount(0);
  await expect(frame).toHaveAttribute('data-layout', 'pending');
  await release(page);
  await expect(frame.locator('[data-unit-id]')).toHaveCount(unitCount + 1, { timeout: 60_000 });
  await expect(frame).toHaveAttribute('data-layout', 'current');
  await expectSaved(page);
  expect((await mapState(page.request)).map.units).toHaveLength(unitCount + 1);
});
