/** Settings shared by playwright.config.ts, the e2e server and the specs. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The port of the e2e server (playwright.config.ts passes it to e2e/serve.ts as PORT): 8181, or
 * E2E_PORT, so that two checkouts can run their end-to-end tests side by side.
 */
export const PORT = Number(process.env.E2E_PORT ?? 8181);

/**
 * Where e2e/serve.ts writes the demo accounts with their generated passwords (mode 600, removed
 * when the server stops), for the specs to log in with.
 */
export const ACCOUNTS_FILE = process.env.E2E_ACCOUNTS_FILE ?? join(tmpdir(), `phaseline-e2e-${PORT}-accounts.json`);

/** The port of the e2e server's clock control (e2e/serve.ts), beside the server's own. */
export const CLOCK_PORT = PORT + 1000;
