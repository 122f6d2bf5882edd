/**
 * `phaseline since <agreement> [--since] [--for <party>] [--format table|json]` (docs/DESK.md): what
 * changed in an agreement, as the API's "since" view gives it. The shell has no signed-in user and so
 * no last visit: the window starts at --since, else 7 days back; it shows the mediators' view (every
 * audience), or with --for the view of that party's delegates. Nothing is marked seen.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { SinceQuery, type SinceView } from '../../contract/index.ts';
import { DESK_KIND_LABELS, DESK_KINDS, DomainError, type Party } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import { audiencePrincipal } from '../../server/risk/risk-facts.ts';
import { CLI_PRINCIPAL, withDatabase, type CliIo } from '../context.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, fitColumns, formatSchema, renderJson, renderTable } from '../output.ts';

const SinceOptions = z.object({
  since: SinceQuery.shape.since,
  for: z.string().trim().min(1, 'must not be empty').optional(),
  format: formatSchema(['table', 'json']),
});

const time = (iso: string, timeZone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/** The party named by id or name (case-insensitive). */
function findParty(parties: readonly Party[], ref: string, name: string): Party {
  const wanted = name.trim().toLowerCase();
  const found = parties.find((p) => p.id === name.trim()) ?? parties.find((p) => p.name.trim().toLowerCase() === wanted);
  if (!found) throw new DomainError('not_found', `No party "${name}" in ${ref} (give its id or name: ${parties.map((p) => p.name).join(', ')})`);
  return found;
}

/** The view as a heading, the counts, and a table of the items by kind. */
export function sinceTable(view: SinceView, whose: string, columns?: number): string {
  const zone = view.agreement.timeZone;
  const from = view.sinceFrom === 'chosen' ? '' : ' (7 days back)';
  const heading = `What changed in ${view.agreement.slug} since ${time(view.since, zone)}${from} to ${time(view.until, zone)} (${zone}), ${whose}`;
  const totals = `${view.newCount} new · ${view.overdueCount} overdue · ${view.dueSoonCount} due within 7 days`;
  if (view.items.length === 0) return `${heading}\n${totals}\nNothing changed.\n`;
  const rows = view.items.map((i) => [DESK_KIND_LABELS[i.kind], time(i.at, zone), i.title, i.detail]);
  const table = renderTable(['Kind', `When (${zone})`, 'What', 'Detail'], rows, { colWidths: fitColumns(columns, [22, 18, 30], 3) ?? undefined });
  const more = DESK_KINDS.filter((k) => view.counts[k] > view.items.filter((i) => i.kind === k).length).map(
    (k) => `${DESK_KIND_LABELS[k]}: the newest ${view.limitPerKind} of ${view.counts[k]} are listed.`,
  );
  return `${heading}\n${totals}\n${table}${more.length > 0 ? `${more.join('\n')}\n` : ''}`;
}

export function registerSinceCommand(program: Command, io: CliIo): void {
  addFormatOption(
    program
      .command('since')
      .description("What changed in an agreement: incidents, status changes, deadlines, notes, responses, clauses and phase gates, as the mediators see it (or one party's delegates with --for)")
      .argument('<agreement>', 'agreement id or slug')
      .option('--since <date|instant>', "start of the window: a day (YYYY-MM-DD, in the agreement's time zone) or an ISO instant (default: 7 days back)")
      .option('--for <party>', "as that party's delegates see it: party id or name"),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const options = parseOptions(SinceOptions, raw);
    const { view, whose } = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const agreement = await svc.agreements.resolve(ref);
      const party = options.for === undefined ? null : findParty(await svc.agreements.parties.list(agreement.id), ref, options.for);
      const principal = party === null ? CLI_PRINCIPAL : audiencePrincipal(agreement.id, { audience: 'party', partyId: party.id });
      const view = await svc.desk.since(agreement, { principal, userId: null }, options.since);
      return { view, whose: party === null ? "the mediators' view" : `as the delegates of ${party.name} see it` };
    });
    io.stdout(options.format === 'json' ? renderJson(view) : sinceTable(view, whose, io.columns));
  });
}
