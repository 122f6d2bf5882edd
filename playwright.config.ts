/**
 * End-to-end tests: Debian's Chromium (headless) against a server on a fresh PGlite data directory
 * with the cairo-2026 demo and its demo accounts (e2e/serve.ts), whose generated passwords the
 * server writes to ACCOUNTS_FILE for the specs. Run with `npm run test:e2e`, which builds the web UI first.
 */
import { defineConfig } from '@playwright/test';
import { ACCOUNTS_FILE, PORT } from './e2e/support/env.ts';

const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1366, height: 900 },
    // Far from the demo's Asia/Gaza, so that a date shown in the browser's zone instead would show.
    timezoneId: 'America/New_York',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // What Debian's Chromium needs here: no sandbox, no GPU, no network of its own.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'npx tsx e2e/serve.ts',
    url: `${baseURL}/api/health`,
    env: { PORT: String(PORT), E2E_ACCOUNTS_FILE: ACCOUNTS_FILE },
    reuseExistingServer: false,
    // Migrating and loading the demo: seconds on a quiet machine, longer when other work shares the cores.
    timeout: 180_000,
    // SIGTERM lets e2e/serve.ts close the database and remove its temporary data directory.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
