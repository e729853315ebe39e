// A map of a few hundred units is laid out off the main thread (components/map/useMapLayout,
// lib/argument/layout.worker): while its layout is computed the map says so, and the editor
// answers the keyboard; after an edit the last layout stays drawn until the next one arrives.
// Asserted on the order of what the page showed (a log kept by a MutationObserver), never on
// time. The map is seeded through the API: the layout bench's synthetic map (bench/layout.ts,
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

/// Starts a log, in the page, of every change of what the test watches: the live region's text,
/// the number of map nodes drawn, the map's layout state and whether it says it is laying out.
async function startLog(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __mapLog: string[] };
    w.__mapLog = [];
    let last = '';
    const note = () => {
      const state = {
        announcer: document.querySelector('[data-testid="announcer"]')?.textContent ?? '',
        nodes: document.querySelectorAll('[data-layout] [data-unit-id]').length,
        layout: document.querySelector('[data-layout]')?.getAttribute('data-layout') ?? 'none',
        layingOut: document.querySelector('[data-layout] [role="status"]') !== null,
      };
      const line = JSON.stringify(state);
      if (line !== last) w.__mapLog.push((last = line));
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-layout'] });
  });
}

type Entry = { announcer: string; nodes: number; layout: string; layingOut: boolean };
const log = async (page: Page): Promise<Entry[]> => (await page.evaluate(() => (window as unknown as { __mapLog: string[] }).__mapLog)).map((l) => JSON.parse(l));

test.beforeEach(async ({ request }) => {
  await resetMap(request);
});

test('a map of hundreds of units is laid out off the main thread: the editor answers meanwhile, and the last layout stays drawn', async ({ page }) => {
  test.setTimeout(120_000);
  await seedBigMap(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(essayPath);
  const essay = page.locator('.essay');
  const announcer = page.getByTestId('announcer');
  await essay.focus();
  await page.keyboard.press('ArrowRight');
  await expect(announcer).not.toHaveText('');
  await startLog(page);

  // Opening the map: it says it is laying out; meanwhile the caret moves and is announced.
  await page.getByRole('tab', { name: '議論マップ' }).click();
  const map = page.getByRole('region', { name: '議論マップ' });
  // (Inside the frame: the view's notes are statuses too, above it.)
  const layingOut = map.locator('[data-layout] [role="status"]');
  await expect(layingOut).toHaveText('議論マップを配置しています…');
  const before = await announcer.textContent();
  await essay.focus();
  await page.keyboard.press('ArrowRight');
  await expect(announcer).not.toHaveText(before!);
  await expect(map.locator('[data-unit-id]')).toHaveCount(unitCount, { timeout: 60_000 });
  await expect(layingOut).toHaveCount(0);
  let entries = await log(page);
  const answered = entries.findIndex((e) => e.announcer !== entries[0].announcer && e.layingOut);
  const drawn = entries.findIndex((e) => e.nodes > 0);
  expect(answered, JSON.stringify(entries)).toBeGreaterThan(0); // the editor answered while the map was laying out
  expect(drawn).toBeGreaterThan(answered);
  expect(entries[drawn].nodes).toBe(unitCount); // the whole layout at once, never part of one

  // An edit: a new unit made from the keyboard (the sentence under the caret, labelled 根拠).
  await startLog(page);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await expect(announcer).toHaveText(/^選択範囲: /);
  await page.keyboard.press('2');
  await expect(map.locator('[data-unit-id]')).toHaveCount(unitCount + 1, { timeout: 60_000 });
  await expect(map.locator('[data-layout]')).toHaveAttribute('data-layout', 'current');
  entries = await log(page);
  const pending = entries.findIndex((e) => e.layout === 'pending');
  expect(pending, JSON.stringify(entries)).toBeGreaterThanOrEqual(0);
  // While the new layout was computed the last one stayed drawn (the new node not yet), and the
  // map never went back to saying it was laying out.
  for (const e of entries.slice(pending)) {
    expect(e.nodes).toBeGreaterThanOrEqual(unitCount);
    expect(e.layingOut).toBe(false);
    if (e.layout === 'pending') expect(e.nodes).toBe(unitCount);
  }
  await expectSaved(page);
  expect((await mapState(page.request)).map.units).toHaveLength(unitCount + 1);
});
