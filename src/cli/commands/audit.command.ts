/** `phaseline audit verify`: recomputes the audit log's hash chain and names the first entry altered or removed. */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { services } from '../../server/app.ts';
import { describeDatabase, withDatabase, type CliIo } from '../context.ts';

/** The check found the log altered: exit code 1, with the finding on stderr. */
export class AuditBrokenError extends Error {
  override name = 'AuditBrokenError';
}

export function registerAuditCommand(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('The append-only, hash-chained audit log');
  audit
    .command('verify')
    .description('Recompute the whole chain; exit 1 naming the first entry altered or removed')
    .action(async () => {
      const report = await withDatabase(io, async (database, config) => {
        // A progress bar only for a person at a terminal; scripts and tests get the verdict alone.
        const bar = io.progress ? new SingleBar({ format: 'Verifying {bar} {value}/{total} entries', stream: io.progressStream ?? process.stderr }) : null;
        let started = false;
        const result = await services(database, { clock: io.clock }).audit.verify((checked, total) => {
          if (!bar) return;
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(checked);
        });
        bar?.stop();
        return { ...result, where: describeDatabase(config) };
      });
      if (!report.ok) {
        throw new AuditBrokenError(
          `the audit log of ${report.where} is broken at entry ${report.firstBreak!.seq}: ${report.firstBreak!.message} ` +
            `(${report.checked} entries checked before it)`,
        );
      }
      io.stdout(`Audit log intact: ${report.checked} entries checked in ${report.where}.\nLast hash: ${report.lastHash}\n`);
    });
}
