// See https://playwright.dev/docs/test-configuration. The browser (Debian Chromium with the extension) is launched
// by test/e2e/fixtures.ts, not by a project's `use`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/support/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1, // shared machine with 2 cores; each test starts its own Chromium
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 45_000, // a fresh browser's first guarded send can take several seconds on a loaded machine
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
