/**
 * The phaseline program: one register<Noun>Command per noun, and runCli, which runs it on an argument
 * list with injectable output and environment and returns the exit code instead of exiting.
 */
import { Command, CommanderError } from 'commander';
import { DomainError } from '../core/index.ts';
import { DataDirLockedError } from '../db/index.ts';
import { loggableMessage } from '../db/loggable-error.ts';
import { systemClock } from '../server/clock.ts';
import { ConfigError } from '../server/config.ts';
import { APP_VERSION } from '../server/system/system.routes.ts';
import { registerAgreementsCommand } from './commands/agreements.command.ts';
import { AuditBrokenError, registerAuditCommand } from './commands/audit.command.ts';
import { registerDemoCommand } from './commands/demo.command.ts';
import { registerDocsCommand } from './commands/docs.command.ts';
import { registerIncidentsCommand } from './commands/incidents.command.ts';
import { registerMatrixCommand } from './commands/matrix.command.ts';
import { registerMigrateCommand } from './commands/migrate.command.ts';
import { registerRoundsCommand } from './commands/rounds.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerUsersCommand } from './commands/users.command.ts';
import { registerZonesCommand } from './commands/zones.command.ts';
import { registerForceCommand } from './commands/force.command.ts';
import { registerForecastCommand } from './commands/forecast.command.ts';
import { registerPrecedentsCommand } from './commands/precedents.command.ts';
import { registerRiskCommand } from './commands/risk.command.ts';
import { registerBriefCommand } from './commands/brief.command.ts';
import { registerGatesCommand } from './commands/gates.command.ts';
import { registerIndicatorsCommand } from './commands/indicators.command.ts';
import { registerWithdrawalCommand } from './commands/withdrawal.command.ts';
import { registerSinceCommand } from './commands/since.command.ts';
import { registerProvisionCommand } from './commands/provision.command.ts';
import type { CliIo } from './context.ts';
import { FileError } from './files.ts';
import { UsageError } from './options.ts';

export type { CliIo } from './context.ts';

/** Exit codes: 0 done, 1 the request failed (not found, refused, bad configuration, locked data dir), 2 bad command line. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function buildProgram(io: CliIo): Command {
  const program = new Command()
    .name('phaseline')
    .version(APP_VERSION)
    .description('Phaseline: an open-source workbench for phased ceasefires (agreements, phases, provisions, the Strategic Matrix, zones and incidents, negotiated documents, accounts and the audit log).')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`phaseline: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nConfiguration comes from the environment: DATABASE_URL (a PostgreSQL server) or\n' +
        'PHASELINE_DATA_DIR (the embedded PGlite database, default ./data), PORT, HOST, LOG_LEVEL, SESSION_TTL_HOURS,\n' +
        'LOGIN_RATE_LIMIT, COOKIE_SECURE, CHROMIUM_PATH (the browser that prints PDF exports).',
    );
  registerServeCommand(program, io);
  registerMigrateCommand(program, io);
  registerDemoCommand(program, io);
  registerAgreementsCommand(program, io);
  registerMatrixCommand(program, io);
  registerUsersCommand(program, io);
  registerAuditCommand(program, io);
  registerZonesCommand(program, io);
  registerIncidentsCommand(program, io);
  registerDocsCommand(program, io);
  registerRoundsCommand(program, io);
  registerIndicatorsCommand(program, io);
  registerWithdrawalCommand(program, io);
  registerForceCommand(program, io);
  registerGatesCommand(program, io);
  registerForecastCommand(program, io);
  registerPrecedentsCommand(program, io);
  registerRiskCommand(program, io);
  registerBriefCommand(program, io);
  registerSinceCommand(program, io);
  registerProvisionCommand(program, io);
  return program;
}

function exitCodeOf(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (err instanceof UsageError) return EXIT.usage;
  return EXIT.failed;
}

/**
 * Runs phaseline on `args` (without node and the script path). Errors go to stderr as
 * "phaseline: <message>"; the exit code is returned, never passed to process.exit.
 */
export async function runCli(args: readonly string[], overrides: Partial<CliIo> = {}): Promise<number> {
  const io: CliIo = {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    clock: systemClock,
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    progress: process.stderr.isTTY,
    // A test that captures stdout() must see exports too, so the real stream is the default only then.
    stdoutStream: overrides.stdout ? undefined : process.stdout,
    ...overrides,
  };
  try {
    await buildProgram(io).parseAsync([...args], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    // Commander has already printed its own usage errors.
    if (!(err instanceof CommanderError)) io.stderr(`phaseline: ${messageOf(err)}\n`);
    return exitCodeOf(err);
  }
}

/**
 * Known errors carry a message written for the user; anything else also names its class, to help a
 * bug report. A failed statement is shown without the values it carried (see loggableMessage).
 */
function messageOf(err: unknown): string {
  const known = [DomainError, DataDirLockedError, ConfigError, UsageError, AuditBrokenError, FileError];
  if (known.some((kind) => err instanceof kind)) return (err as Error).message;
  if (err instanceof Error) return err.name === 'Error' ? loggableMessage(err) : `${err.name}: ${loggableMessage(err)}`;
  return String(err);
}
