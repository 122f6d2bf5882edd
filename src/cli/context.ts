/**
 * What a command runs with: its environment, output writers and clock, injected so that tests run
 * the CLI in-process; and the one way commands open the configured database and always close it.
 */
import { userInfo } from 'node:os';
import type { Principal } from '../core/index.ts';
import { openDatabase, redact, type Database } from '../db/index.ts';
import type { Clock } from '../server/clock.ts';
import type { Actor } from '../server/write.ts';
import { loadConfig, type Config } from '../server/config.ts';

export interface CliIo {
  /** The environment the configuration is read from (PORT, DATABASE_URL, PHASELINE_DATA_DIR...). */
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  clock: Clock;
  /** Terminal width when stdout is one; tables wrap to it. Undefined when piped: nothing wraps. */
  columns?: number | undefined;
  /** Aborting it stops a running `serve`, as SIGINT and SIGTERM do. */
  signal?: AbortSignal | undefined;
  /** Reads all of standard input (for --password-stdin). */
  stdin?: (() => Promise<string>) | undefined;
  /** Show progress bars on stderr (a person at a terminal). */
  progress?: boolean | undefined;
  /** Standard output as a stream, for output too large to hold (exports), written with backpressure; when absent, such output goes through stdout(). */
  stdoutStream?: NodeJS.WritableStream | undefined;
  /** Where progress bars draw (standard error unless a test gives its own terminal). */
  progressStream?: NodeJS.WritableStream | undefined;
}

/** Where the configured database lives, for messages: never a password. */
export function describeDatabase(config: Config): string {
  return config.databaseUrl ? `postgres at ${redact(config.databaseUrl)}` : `pglite at ${config.dataDir}`;
}

/**
 * Loads the configuration, opens the database it names (migrating it unless told not to), runs `fn`
 * and closes the database whatever happens, which releases the PGlite data-dir lock.
 */
export async function withDatabase<T>(
  io: CliIo,
  fn: (database: Database, config: Config) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig(io.env);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrate: options.migrate ?? true,
  });
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/**
 * The CLI reads with the rights of whoever may open the database: someone with shell access to the
 * data directory or the server's connection string can read it all anyway.
 */
export const CLI_PRINCIPAL: Principal = { kind: 'user', userId: 'cli', name: 'cli', admin: true, memberships: [] };

/** How the audit log names a change made from the shell. */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { id: null, name: `cli:${name}` };
}
