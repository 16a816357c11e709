import { defineConfig } from '@playwright/test';

/**
 * E2E tests drive the built extension (.output/chrome-mv3) in Debian's
 * Chromium; tests/e2e/fixtures.ts launches it and starts the demo site, so
 * there is no webServer and no browser download (`npx playwright install`
 * cannot reach its host here). One worker: the machines have 2 cores.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
