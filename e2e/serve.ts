/**
 * The server Playwright drives: a PGlite database in a fresh temporary folder, the cairo-2026 demo
 * with its demo accounts, and the built web UI, on 127.0.0.1:PORT (default 8181). Each run starts
 * from the same state. The accounts and their generated passwords go to E2E_ACCOUNTS_FILE.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/db/index.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemo } from '../src/server/demo/demo.service.ts';
import { ACCOUNTS_FILE } from './support/env.ts';

// The specs log in far more than 10 times a minute from one address; the login page's 429 message
// is tested with a mocked answer instead.
const port = Number(process.env.PORT ?? 8181);
const loginRateLimit = Number(process.env.E2E_LOGIN_RATE_LIMIT ?? 1_000);
const dataDir = mkdtempSync(join(tmpdir(), 'phaseline-e2e-'));

/** Opens the database with the demo and listens; on failure (e.g. the port is taken) removes the data directory. */
async function start() {
  let database: Database | null = null;
  try {
    database = await openDatabase({ dataDir });
    const { accounts } = await loadDemo(database, { accounts: true, riskHistory: true });
    // Prints PDFs as `serve` does (Debian's Chromium, as the specs' browser): the brief's download is tested.
    const app = await buildApp({ database, logger: false, loginRateLimit, pdf: {} });
    await app.listen({ host: '127.0.0.1', port });
    // Only once this server answers: a second server that failed to start must not overwrite the file.
    writeFileSync(ACCOUNTS_FILE, JSON.stringify(accounts, null, 2), { mode: 0o600 });
    return { database, app, accounts };
  } catch (error) {
    await database?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

const { database, app, accounts } = await start();
console.log(`phaseline e2e server on http://127.0.0.1:${port} (data in ${dataDir}, ${accounts.length} demo accounts in ${ACCOUNTS_FILE})`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  // Playwright kills the server 5 s after SIGTERM: never wait that long for a clean close.
  const giveUp = new Promise((resolve) => setTimeout(resolve, 3_000));
  try {
    await Promise.race([Promise.all([app.close(), database.close()]), giveUp]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(ACCOUNTS_FILE, { force: true });
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
