import { defineConfig } from 'vitest/config';

// Test tiers: core (pure), db (PGlite and the PostgreSQL server), api (app.inject), web (pure UI helpers), cli.
// e2e runs in Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['src/core/**/*.test.ts'] } },
      {
        test: {
          name: 'db',
          include: ['src/db/**/*.test.ts'],
          globalSetup: ['src/db/test/pg-global-setup.ts', 'src/db/test/template-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/server/**/*.test.ts'],
          globalSetup: ['src/db/test/pg-global-setup.ts', 'src/db/test/template-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'web', include: ['web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'cli',
          include: ['src/cli/**/*.test.ts'],
          globalSetup: ['src/db/test/template-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
