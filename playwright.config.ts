import { defineConfig } from '@playwright/test';

// End-to-end tests run against the production build, on a database of their own, in the
// system's Chromium (Playwright cannot download its own browser here).
const port = Number(process.env.E2E_PORT ?? 3100);
/// A second server in classroom mode (accounts), on its own database, for the classroom specs
/// (classroom, grading, course-admin, curation, …): on PostgreSQL when RONTEN_TEST_PG_URL names a
/// server (scripts/test-all.sh, .ci/run), else on SQLite (scripts/e2e-server.sh says which).
export const classroomPort = port + 1;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  // One retry, so a browser test that fails once in many runs on a loaded 2-core machine does not
  // sink a whole CI run; the list reporter still names it "flaky", and a test that fails twice
  // fails the run.
  retries: 1,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ja-JP',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `bash scripts/e2e-server.sh ${port}`,
      url: `http://127.0.0.1:${port}/`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      command: `bash scripts/e2e-server.sh ${classroomPort}`,
      url: `http://127.0.0.1:${classroomPort}/api/health`,
      env: { RONTEN_MODE: 'classroom', E2E_DB: 'e2e-classroom', E2E_PG: '1' },
      timeout: 120_000,
      reuseExistingServer: false,
    },
  ],
});
