/**
 * `phaseline serve`: the HTTP API and web UI on the configured database, with the demo loaded on first
 * start; stops cleanly on SIGINT or SIGTERM, closing the server, then the database and its lock.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { z } from 'zod';
import { openDatabase } from '../../db/index.ts';
import { buildApp, services } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { loadDemo } from '../../server/demo/demo.service.ts';
import { describeDatabase, type CliIo } from '../context.ts';
import { parseOptions } from '../options.ts';

const ServeOptions = z.object({
  port: z.coerce.number().int().min(0).max(65_535).optional(),
  host: z.string().min(1).optional(),
  demo: z.boolean(),
});

const LOCAL_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/**
 * The addresses a browser can open the server at, first the one to show first: `localhost` for a
 * loopback host; for every interface (`0.0.0.0`, `::`), `localhost` and then each non-internal IPv4
 * address of the machine, the ones another machine on the network can use; otherwise the host itself.
 */
export function reachableUrls(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (LOCAL_HOSTS.has(host)) return [`http://localhost:${port}`];
  if (!EVERY_INTERFACE.has(host)) return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const external = Object.values(interfaces)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => `http://${info.address}:${port}`);
  return [`http://localhost:${port}`, ...new Set(external)];
}

/** The first-start lines: the setup link at every address the server can be opened at. */
function setupMessage(urls: readonly string[], token: string): string {
  const [first, ...others] = urls.map((url) => `${url}/setup?token=${token}`);
  return (
    '\n' +
    `No administrator exists yet. Create the first administrator at ${first}\n` +
    others.map((link) => `  or, from another machine, at ${link}\n`).join('') +
    '(or stop the server and run: phaseline users add --admin --email you@example.org --name "Your Name").\n' +
    'This link is printed at every start until an administrator exists; it works until the server stops.\n\n'
  );
}

/**
 * Listens for SIGINT, SIGTERM or an abort from the start, so that a signal during start-up still
 * ends in a clean stop; `stopped` resolves with its name, `dispose` removes the listeners.
 */
function stopSignal(signal: AbortSignal | undefined): { stopped: Promise<string>; dispose(): void } {
  let resolveStop: (name: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (resolveStop = resolve));
  const onInt = () => resolveStop('SIGINT');
  const onTerm = () => resolveStop('SIGTERM');
  const onAbort = () => resolveStop('abort');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    stopped,
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('Run the server (API and web UI); loads the demo scenario on first start')
    .option('--port <n>', 'HTTP port (default: PORT or 8080; 0 picks a free one)')
    .option('--host <host>', 'interface to listen on (default: HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo scenario')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(ServeOptions, raw);
      const config = loadConfig(io.env);
      const stop = stopSignal(io.signal);
      let app: FastifyInstance | undefined;
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
        (err: unknown) => {
          stop.dispose();
          throw err;
        },
      );
      try {
        if (options.demo) {
          const demo = await loadDemo(database, { riskHistory: true });
          if (demo.created) io.stdout(`Loaded the demo scenario ${demo.agreement.slug}.\n`);
        }
        // While no administrator exists: a token of this run, printed here only, lets the first one be created.
        const setupToken = (await services(database).auth.setupRequired()) ? randomBytes(24).toString('base64url') : null;
        const logger = pino({ level: config.logLevel }, { write: (line: string) => io.stdout(line) });
        app = await buildApp({
          database,
          clock: io.clock,
          logger,
          setupToken,
          sessionTtlMs: config.sessionTtlMs,
          loginRateLimit: config.loginRateLimit,
          https: config.https,
          pdf: { chromiumPath: config.chromiumPath },
        });
        const host = options.host ?? config.host;
        await app.listen({ port: options.port ?? config.port, host });
        const { port } = app.server.address() as AddressInfo;
        const [url, ...elsewhere] = reachableUrls(host, port);
        io.stdout(`Phaseline at ${url} (database: ${describeDatabase(config)})\n`);
        if (elsewhere.length > 0) io.stdout(`From other machines: ${elsewhere.join(', ')}\n`);
        if (setupToken) io.stdout(setupMessage([url!, ...elsewhere], setupToken));
        const reason = await stop.stopped;
        io.stdout(`Stopping (${reason}).\n`);
      } finally {
        stop.dispose();
        try {
          await app?.close();
        } finally {
          await database.close();
        }
      }
    });
}
