/**
 * The server Playwright drives: a PGlite database in a fresh temporary folder, the cairo-2026 demo
 * with its demo accounts, and the built web UI, on 127.0.0.1:PORT (default 8181). Each run starts
 * from the same state. The accounts and their generated passwords go to E2E_ACCOUNTS_FILE.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/db/index.ts';
import { buildApp } from '../src/server/app.ts';
import { settableClock } from '../src/server/clock.ts';
import { loadDemo } from '../src/server/demo/demo.service.ts';
import { ACCOUNTS_FILE, CLOCK_PORT } from './support/env.ts';

// The specs log in far more than 10 times a minute from one address; the login page's 429 message
// is tested with a mocked answer instead.
const port = Number(process.env.PORT ?? 8181);
const loginRateLimit = Number(process.env.E2E_LOGIN_RATE_LIMIT ?? 1_000);
const dataDir = mkdtempSync(join(tmpdir(), 'phaseline-e2e-'));
// The server's clock: the wall clock unless a spec sets it (e2e/support/clock.ts), e.g. to the next morning.
const clock = settableClock();

/**
 * The clock's control, for the specs only and apart from the application: `PUT /clock` with
 * `{"at": "<instant>"}` runs the server's clock from that instant on, `{"at": null}` back to the wall clock.
 */
function clockControl(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      try {
        if (req.method !== 'PUT' || req.url !== '/clock') throw new Error('PUT /clock only');
        const { at } = JSON.parse(body) as { at: string | null };
        if (at !== null && Number.isNaN(new Date(at).getTime())) throw new Error(`not an instant: ${at}`);
        clock.set(at);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ now: clock.now().toISOString() }));
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(CLOCK_PORT, '127.0.0.1', () => resolve(server));
  });
}

let control: Server | null = null;

/** Opens the database with the demo and listens; on failure (e.g. the port is taken) removes the data directory. */
async function start() {
  let database: Database | null = null;
  try {
    database = await openDatabase({ dataDir });
    const { accounts } = await loadDemo(database, { accounts: true, riskHistory: true });
    // Prints PDFs as `serve` does (Debian's Chromium, as the specs' browser): the brief's download is tested.
    const app = await buildApp({ database, clock, logger: false, loginRateLimit, pdf: {} });
    await app.listen({ host: '127.0.0.1', port });
    control = await clockControl();
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
    control?.close();
    await Promise.race([Promise.all([app.close(), database.close()]), giveUp]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(ACCOUNTS_FILE, { force: true });
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
