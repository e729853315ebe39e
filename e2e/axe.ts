// axe-core in the test's Chromium: every page the app shows, checked against WCAG 2.x A/AA and
// axe's best practices. The script goes in through the DevTools protocol (page.evaluate), not a
// <script> tag: the server's Content-Security-Policy refuses inline scripts, and the CSP fixture
// (./csp) fails any test that provokes a refusal.
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string; html: string }>;
}

/// Runs axe on the page as it is now and returns its violations, one line each with the
/// offending elements (so a failure says what to fix).
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource}\n;0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeResult[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`).join('\n')}`,
  );
}

/// Asserts that axe finds nothing on the page; `where` names the page and state in the message.
/// Soft: the test goes on, so one run lists every page and state that fails.
export async function expectNoAxeViolations(page: Page, where: string) {
  expect.soft(await axeViolations(page), `axe on ${where}`).toEqual([]);
}
