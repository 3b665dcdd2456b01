import { defineConfig } from '@playwright/test';

/** End-to-end tests in Debian's Chromium, against the app served by the development host. */
export default defineConfig({
  testDir: 'tests/e2e',
  // The dev hosts' log files of the whole run are scanned for personal data and secrets at its end.
  globalSetup: './tests/e2e/logScan/globalSetup.ts',
  globalTeardown: './tests/e2e/logScan/globalTeardown.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
    trace: 'off',
  },
});
