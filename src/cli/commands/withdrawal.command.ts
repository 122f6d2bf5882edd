/** `phaseline withdrawal list`: an agreement's withdrawal schedule with each item's status today. */
import type { Command } from 'commander';
import { z } from 'zod';
import type { WithdrawalItemView } from '../../contract/index.ts';
import { WITHDRAWAL_STATUS_LABELS } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import { withDatabase, type CliIo } from '../context.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';

const ListOptions = z.object({ agreement: z.string().trim().min(1, 'must not be empty'), format: formatSchema() });

interface Names {
  phases: Map<string, string>;
  parties: Map<string, string>;
  zones: Map<string, string>;
}

const nameOf = (names: Map<string, string>, id: string | null) => (id === null ? '' : (names.get(id) ?? id));

function status(item: WithdrawalItemView): string {
  const label = WITHDRAWAL_STATUS_LABELS[item.status];
  return item.since ? `${label} since ${item.since}` : label;
}

export function registerWithdrawalCommand(program: Command, io: CliIo): void {
  const withdrawal = program.command('withdrawal').description("An agreement's withdrawal schedule: forces leaving areas by deadlines, and what was verified");

  const list = withdrawal
    .command('list')
    .description("Every withdrawal item, by deadline, with its status today (in the agreement's time zone)")
    .requiredOption('--agreement <agreement>', 'agreement id or slug');
  addFormatOption(list).action(async (raw: Record<string, unknown>) => {
    const { agreement, format } = parseOptions(ListOptions, raw);
    const { items, names } = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const [items, phases, parties, zones] = await Promise.all([
        svc.ground.withdrawals.list(agreement),
        svc.agreements.phases.list(agreement),
        svc.agreements.parties.list(agreement),
        svc.zones.filter(agreement, {}),
      ]);
      const names: Names = {
        phases: new Map(phases.map((p) => [p.id, p.name])),
        parties: new Map(parties.map((p) => [p.id, p.name])),
        zones: new Map(zones.map((z) => [z.id, z.name])),
      };
      return { items, names };
    });
    if (format === 'json') {
      io.stdout(renderJson(items));
    } else if (format === 'csv') {
      io.stdout(
        renderCsv(
          ['id', 'phase', 'party', 'force', 'from_zone', 'behind_zone', 'deadline', 'status', 'since', 'verifications'],
          items.map((i) => [i.id, nameOf(names.phases, i.phaseId), nameOf(names.parties, i.partyId), i.force, nameOf(names.zones, i.fromZoneId), nameOf(names.zones, i.behindZoneId), i.deadline, i.status, i.since, i.verifications.length]),
        ),
      );
    } else {
      const rows = items.map((i) => [nameOf(names.phases, i.phaseId), nameOf(names.parties, i.partyId), i.force, nameOf(names.zones, i.fromZoneId), nameOf(names.zones, i.behindZoneId), i.deadline, status(i)]);
      io.stdout(`${renderTable(['Phase', 'Party', 'Force', 'From', 'Behind', 'Deadline', 'Status'], rows)}${items.length} withdrawal items\n`);
    }
  });
}
