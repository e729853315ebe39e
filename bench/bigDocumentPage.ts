// The 1 MiB text's page in headless Chromium (issue 12, item 3, the browser's side): time to
// first paint, to the essay shown, and to interactive (the end of the last long task once the
// essay is shown, after a quiet second), with the longest task — as the app renders it (lazy
// paragraphs, components/editor/extensions/lazyParagraphs.ts), and with lazy rendering turned
// off (a stylesheet injected here), so the figure says what lazy rendering buys. Figures only:
// nothing here asserts.
import { chromium, type Page } from '@playwright/test';

export interface PageFigures {
  firstPaint: number;
  essayShown: number;
  interactive: number;
  longestTask: number;
}

/// In the page: long tasks are recorded from the start (buffered), the essay is waited for, then
/// a second with no long task.
const measureInPage = `new Promise((resolve) => {
  const tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e); }).observe({ type: 'longtask', buffered: true });
  const shown = () => document.querySelectorAll('.essay .essay-paragraph').length > 0;
  const waitShown = () => new Promise((ok) => { const tick = () => (shown() ? requestAnimationFrame(() => ok(performance.now())) : setTimeout(tick, 5)); tick(); });
  waitShown().then((essayShown) => {
    const quiet = () => {
      const last = tasks.reduce((end, t) => Math.max(end, t.startTime + t.duration), essayShown);
      if (performance.now() - last < 1000) return setTimeout(quiet, 100);
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      resolve({ firstPaint: paint ? paint.startTime : NaN, essayShown, interactive: last, longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0) });
    };
    quiet();
  });
})`;

async function measure(page: Page, url: string): Promise<PageFigures> {
  await page.goto(url, { waitUntil: 'commit' });
  return (await page.evaluate(measureInPage)) as PageFigures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/// Opens `url` (the 1 MiB text's page) `runs` times each way and reports the medians.
export async function bigDocumentPageFigures(url: string, report: (name: string, value: string, target?: string) => void, runs = 3) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    for (const lazy of [true, false]) {
      const samples: PageFigures[] = [];
      for (let i = 0; i <= runs; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        // Without lazy paragraphs: a stylesheet added before the page renders.
        if (!lazy) await page.addInitScript(() => {
          document.addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent = '.essay.essay-lazy .essay-paragraph { content-visibility: visible; }';
            document.head.append(style);
          });
        });
        const f = await measure(page, url);
        await page.close();
        if (i > 0) samples.push(f); // the first run warms the caches
      }
      const m = (k: keyof PageFigures) => `${median(samples.map((s) => s[k])).toFixed(0)} ms`;
      const how = lazy ? 'as rendered, lazy paragraphs' : 'lazy paragraphs turned off';
      report(`1 MiB page (${how}): first paint / essay shown`, `${m('firstPaint')} / ${m('essayShown')}`, `median of ${runs}`);
      report(`1 MiB page (${how}): interactive, longest task`, `${m('interactive')}, ${m('longestTask')}`, 'interactive: end of the last long task');
    }
  } finally {
    await browser.close();
  }
}
