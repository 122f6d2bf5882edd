/** `phaseline demo load [--reset]`: the cairo-2026 scenario, into whichever database the configuration names. */
import type { Command } from 'commander';
import { loadDemo } from '../../server/demo/demo.service.ts';
import { describeDatabase, withDatabase, type CliIo } from '../context.ts';

export function registerDemoCommand(program: Command, io: CliIo): void {
  const demo = program.command('demo').description('The illustrative cairo-2026 demo scenario');
  demo
    .command('load')
    .description('Load the demo scenario unless it is there already')
    .option('--reset', 'replace an existing copy (its edits are lost)', false)
    .action(async (options: { reset: boolean }) => {
      await withDatabase(io, async (database, config) => {
        const { agreement, created } = await loadDemo(database, { reset: options.reset });
        const where = describeDatabase(config);
        io.stdout(
          created
            ? `Loaded the demo scenario ${agreement.slug} into ${where}${options.reset ? ' (replacing any earlier copy)' : ''}.\n`
            : `The demo scenario ${agreement.slug} is already present in ${where}; left as it is (--reset replaces it).\n`,
        );
      });
    });
}
