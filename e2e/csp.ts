// Every e2e test runs with the server's Content-Security-Policy on and fails on any violation:
// specs import `test` and `expect` from here instead of '@playwright/test'. The fixture listens,
// in every page of every context the test uses (its own, and those it opens with
// browser.newContext), for `securitypolicyviolation` events and for Chromium's console reports
// of refused scripts, styles, images or frames.
import { test as base, expect, type BrowserContext } from '@playwright/test';

const CSP_MESSAGE = /Content Security Policy|CSP violation/i;

async function watch(context: BrowserContext, sink: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  context.on('console', (message) => {
    if (CSP_MESSAGE.test(message.text())) sink.push(message.text());
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const sink: string[] = [];
      await watch(context, sink);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const created = await newContext(...args);
        await watch(created, sink);
        return created;
      };
      try {
        await use(sink);
      } finally {
        browser.newContext = newContext;
      }
      expect(sink, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
