import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test tiers: core (pure), db (PGlite and the PostgreSQL server), api (app.inject), web (pure UI helpers), cli.
// e2e runs in Playwright (playwright.config.ts). `npm test` runs the five in one `vitest run`.
export default defineConfig({
  test: {
    // One test file per core, and at least two at once. Vitest's default leaves a core to its own
    // process (cores - 1), which on a 2-core CI runner is one file at a time, though that process
    // is nearly idle while PGlite (WASM, one thread per worker) keeps its worker's core busy.
    // Test files never share a database: each opens its own PGlite, and on the shared PostgreSQL
    // server every test makes its own rows.
    maxWorkers: Math.max(2, availableParallelism()),
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
