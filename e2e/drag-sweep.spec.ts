// A drag selects, wherever in a character it starts and ends: start and end points swept across
// every character of several words on several lines, at every 10% of the character's width, at
// device pixel ratios 1 and 2. Each drag must leave a selection snapped to whole words that
// covers what was dragged over. (A drag pressed at the centre of a character — and at many other
// points — once selected nothing: the browser's selection, which the editor read, stayed collapsed
// on the pointer through the drag; see components/editor/extensions/token-layer/plugin.ts.)
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { essayId, essayPath, preferMorphemes, resetMap } from './support';

interface Token {
  start: number;
  end: number;
}

/// The stored tokens of the essay, from the e2e server's database (scripts/e2e-server.sh).
function storedTokens(): Token[] {
  const out = execFileSync('node', ['--import', 'tsx', 'scripts/cli.ts', 'tokens', essayId], {
    env: { ...process.env, DATABASE_URL: 'file:data/e2e.sqlite' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out.toString()) as { tokens: Token[] }).tokens;
}

/// [from word, to word, occurrence of each]: same line, across lines, other paragraphs.
const pairs: Array<[string, string, number, number]> = [
  ['単純', '結論づけ', 0, 0],
  ['混乱', '頭痛', 0, 0],
  ['ベラルーシ', '暗殺', 0, 0],
  ['援助', '苦境', 0, 0],
];
const fractions = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// Canonical offset and viewport box of each character of the nth `surface` (blocks are joined
/// with one '\n' in the canonical text, as components/editor/positions.ts says).
async function characters(page: Page, surface: string, nth: number) {
  return page.evaluate(
    ([surface, nth]) => {
      const blocks = [...document.querySelectorAll('.essay > *')];
      let base = 0;
      let count = 0;
      for (const block of blocks) {
        const text = block.textContent ?? '';
        for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
          if (count++ !== nth) continue;
          block.scrollIntoView({ block: 'center' });
          const node = block.firstChild as Text;
          const range = document.createRange();
          return [...surface].map((_, k) => {
            range.setStart(node, i + k);
            range.setEnd(node, i + k + 1);
            const r = range.getBoundingClientRect();
            return { offset: base + i + k, x: r.left, y: r.top, width: r.width, height: r.height };
          });
        }
        base += text.length + 1;
      }
      return null;
    },
    [surface, nth] as const,
  );
}

/// The selection the token layer painted, in canonical offsets (null: none); then Escape drops
/// it (in the same round trip), so that its toolbar cannot cover the next drag's start.
function selectionSpan(page: Page) {
  return page.evaluate(() => {
    const escape = () => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    const h = (CSS as unknown as { highlights: Map<string, Iterable<StaticRange>> }).highlights.get('ronten-selection');
    const ranges = h ? [...h] : [];
    if (ranges.length === 0) {
      escape();
      return null;
    }
    const blocks = [...document.querySelectorAll('.essay > *')];
    const offsetOf = (node: Node, offset: number) => {
      let base = 0;
      for (const block of blocks) {
        if (block.contains(node)) return base + offset;
        base += (block.textContent ?? '').length + 1;
      }
      return -1;
    };
    const r = ranges[0];
    const span = { start: offsetOf(r.startContainer, r.startOffset), end: offsetOf(r.endContainer, r.endOffset) };
    escape();
    return span;
  });
}

for (const scale of [1, 2]) {
  test.describe(`at devicePixelRatio ${scale}`, () => {
    test.use({ deviceScaleFactor: scale, viewport: { width: 1400, height: 900 } });

    test('every drag across words selects whole words', async ({ page, request }) => {
      test.setTimeout(120_000);
      await resetMap(request);
      const tokens = storedTokens();
      const starts = new Set(tokens.map((t) => t.start));
      starts.add(tokens[tokens.length - 1].end);
      const tokenOf = (offset: number) => tokens.find((t) => t.start <= offset && offset < t.end)!;
      // The drag's own ends, exactly: by morpheme (phrases widen them; e2e/phrases.spec.ts).
      await preferMorphemes(page);
      await page.goto(essayPath);
      await page.locator('.essay').waitFor();

      const failures: string[] = [];
      let drags = 0;
      for (const [from, to, nthFrom, nthTo] of pairs) {
        const a = (await characters(page, from, nthFrom))!;
        const b = (await characters(page, to, nthTo))!;
        expect(a, from).not.toBeNull();
        expect(b, to).not.toBeNull();
        const point = (c: (typeof a)[number], f: number) => ({ x: c.x + c.width * f, y: c.y + c.height / 2 });
        // Every start point against the middle of the last character, every end point from the
        // middle of the first.
        const cases = [
          ...a.flatMap((c) => fractions.map((f) => ({ from: c, fs: f, to: b[b.length - 1], ft: 0.5 }))),
          ...b.flatMap((c) => fractions.map((f) => ({ from: a[0], fs: 0.5, to: c, ft: f }))),
        ];
        for (const { from: cs, fs, to: ce, ft } of cases) {
          const p = point(cs, fs);
          const q = point(ce, ft);
          await page.mouse.move(p.x, p.y);
          await page.mouse.down();
          await page.mouse.move(q.x, q.y);
          await page.mouse.up();
          drags++;
          const span = await selectionSpan(page);
          const what = `${from}[${cs.offset}]@${fs} (x=${p.x.toFixed(2)}) → ${to}[${ce.offset}]@${ft} (x=${q.x.toFixed(2)})`;
          if (!span) {
            failures.push(`${what}: no selection`);
          } else if (!starts.has(span.start) || !starts.has(span.end)) {
            failures.push(`${what}: ${span.start}–${span.end} is not on word boundaries`);
          } else if (span.start < tokenOf(cs.offset).start || span.start > cs.offset + 1 || span.end < ce.offset || span.end > tokenOf(ce.offset).end) {
            failures.push(`${what}: ${span.start}–${span.end} does not cover the drag`);
          }
        }
      }
      expect(drags).toBeGreaterThan(150);
      expect(failures).toEqual([]);
    });
  });
}

// A press inside the browser's own selection (ProseMirror puts its selection back into the DOM
// on some transactions) made Chromium begin a drag-and-drop of that text: the mouseup never came,
// so the drag selected nothing, and the press after it was ended twice — its selection wiped.
// Seen in the sweep above about once in 400 drags; made certain here.
test('a drag pressed inside a browser selection selects, and so does the next one', async ({ page, request }) => {
  await resetMap(request);
  await preferMorphemes(page);
  await page.goto(essayPath);
  await page.locator('.essay').waitFor();
  const a = (await characters(page, '混乱', 0))!;
  const b = (await characters(page, '頭痛', 0))!;
  const mid = (c: (typeof a)[number]) => ({ x: c.x + c.width / 2, y: c.y + c.height / 2 });
  for (let round = 0; round < 2; round++) {
    // The browser's selection over 混乱…頭痛, as ProseMirror leaves it.
    await page.evaluate(([from, to]) => {
      const range = document.createRange();
      const at = (x: number, y: number) => document.caretRangeFromPoint(x, y)!;
      const s = at(from.x, from.y);
      const e = at(to.x, to.y);
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(e.startContainer, e.startOffset);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, [{ x: a[0].x + 1, y: a[0].y + a[0].height / 2 }, { x: b[1].x + b[1].width - 1, y: b[1].y + b[1].height / 2 }] as const);
    const p = mid(a[1]);
    const q = mid(b[1]);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move((p.x + q.x) / 2, (p.y + q.y) / 2);
    await page.mouse.move(q.x, q.y);
    await page.mouse.up();
    const span = await selectionSpan(page);
    expect(span, `round ${round}`).toEqual({ start: a[0].offset, end: b[1].offset + 1 });
  }
});

