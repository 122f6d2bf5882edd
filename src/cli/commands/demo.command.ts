/** `phaseline demo load [--reset]`: the cairo-2026 scenario, into whichever database the configuration names. */
import type { Command } from 'commander';
import { loadDemo } from '../../server/demo/demo.service.ts';
import { describeDatabase, withDatabase, type CliIo } from '../context.ts';
import { renderTable } from '../output.ts';

export function registerDemoCommand(program: Command, io: CliIo): void {
  const demo = program.command('demo').description('The illustrative cairo-2026 demo scenario');
  demo
    .command('load')
    .description('Load the demo scenario unless it is there already')
    .option('--reset', 'replace an existing copy (its edits are lost)', false)
    .option('--accounts', 'also create demo accounts, one per role and per party, and print their passwords once', false)
    .action(async (options: { reset: boolean; accounts: boolean }) => {
      await withDatabase(io, async (database, config) => {
        const { agreement, created, accounts } = await loadDemo(database, { reset: options.reset, accounts: options.accounts, riskHistory: true });
        const where = describeDatabase(config);
        io.stdout(
          created
            ? `Loaded the demo scenario ${agreement.slug} into ${where}${options.reset ? ' (replacing any earlier copy)' : ''}.\n`
            : `The demo scenario ${agreement.slug} is already present in ${where}; left as it is (--reset replaces it).\n`,
        );
        if (options.accounts) {
          io.stdout(
            accounts.length === 0
              ? 'The demo accounts exist already; their passwords were shown when they were created.\n'
              : `Demo accounts (the passwords are shown this once):\n${renderTable(
                  ['E-mail', 'Password', 'Role', 'Party'],
                  accounts.map((a) => [a.email, a.password, a.role, a.party ?? '']),
                )}`,
          );
        }
      });
    });
}
