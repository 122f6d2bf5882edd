/** `phaseline agreements list|show`: agreements, searched, filtered, sorted and paged like the API. */
import type { Command } from 'commander';
import { z } from 'zod';
import { AgreementListQuery } from '../../contract/index.ts';
import type { Agreement } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import { CLI_PRINCIPAL, withDatabase, type CliIo } from '../context.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';

const ListOptions = AgreementListQuery.extend({ format: formatSchema() });
const ShowOptions = z.object({ format: formatSchema(['table', 'json']) });

const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const windowText = (start: string | null, end: string | null) =>
  start === null && end === null ? '' : `${start ?? '?'} to ${end ?? '?'}`;

function listTable(page: { items: Agreement[]; total: number; offset: number }): string {
  const rows = page.items.map((a) => [a.slug, a.title, a.status, a.updatedAt.slice(0, 10)]);
  const shown = page.items.length === 0 ? 'none' : `${page.offset + 1}-${page.offset + page.items.length}`;
  return `${renderTable(['Slug', 'Title', 'Status', 'Updated'], rows)}${shown} of ${page.total} agreements\n`;
}

function listCsv(items: Agreement[]): string {
  return renderCsv(
    ['id', 'slug', 'title', 'status', 'time_zone', 'illustrative', 'public', 'created_at', 'updated_at'],
    items.map((a) => [a.id, a.slug, a.title, a.status, a.timeZone, a.illustrative, a.public, a.createdAt, a.updatedAt]),
  );
}

type Details = Awaited<ReturnType<typeof loadDetails>>;

async function loadDetails(svc: ReturnType<typeof services>['agreements'], ref: string) {
  const agreement = await svc.resolve(ref);
  const [parties, phases, pillars, rounds] = await Promise.all([
    svc.parties.list(agreement.id),
    svc.phases.list(agreement.id),
    svc.pillars.list(agreement.id),
    svc.rounds.list(agreement.id),
  ]);
  return { agreement, parties, phases, pillars, rounds };
}

function showTable({ agreement: a, parties, phases, pillars, rounds }: Details): string {
  const partyName = new Map(parties.map((p) => [p.id, p.name]));
  const section = (title: string, head: string[], rows: string[][]) =>
    `\n${title}\n${rows.length > 0 ? renderTable(head, rows) : '(none)\n'}`;
  const header = [
    `${a.title} (${a.slug})`,
    `id ${a.id} · status ${a.status} · time zone ${a.timeZone} · public ${yesNo(a.public)} · illustrative ${yesNo(a.illustrative)}`,
    ...(a.summary ? ['', a.summary] : []),
    ...(a.sourceNote ? ['', `Source: ${a.sourceNote}`] : []),
  ].join('\n');
  return (
    `${header}\n` +
    section('Parties', ['Name', 'Local name', 'Role'], parties.map((p) => [p.name, p.localName ?? '', p.role])) +
    section(
      'Phases',
      ['#', 'Name', 'Status', 'Window', 'Objective'],
      phases.map((p) => [String(p.ordinal), p.name, p.status, windowText(p.plannedStart, p.plannedEnd), p.objective]),
    ) +
    section('Pillars', ['#', 'Title'], pillars.map((p) => [String(p.ordinal), p.title])) +
    section(
      'Negotiation rounds',
      ['Title', 'Venue', 'Dates', 'Parties'],
      rounds.map((r) => [
        r.title,
        r.venue,
        r.endsOn && r.endsOn !== r.startsOn ? `${r.startsOn} to ${r.endsOn}` : r.startsOn,
        r.partyIds.map((id) => partyName.get(id) ?? id).join(', '),
      ]),
    )
  );
}

export function registerAgreementsCommand(program: Command, io: CliIo): void {
  const agreements = program.command('agreements').description('List and show agreements');

  const list = agreements
    .command('list')
    .description('List agreements')
    .option('--q <text>', 'search in title and slug')
    .option('--status <status>', 'drafting, in_force, suspended, collapsed or completed')
    .option('--sort <field>', 'title, slug, createdAt or updatedAt', 'title')
    .option('--order <order>', 'asc or desc', 'asc')
    .option('--limit <n>', 'at most this many (1-500)', '50')
    .option('--offset <n>', 'skip this many', '0');
  addFormatOption(list).action(async (raw: Record<string, unknown>) => {
    const { format, ...query } = parseOptions(ListOptions, raw);
    const page = await withDatabase(io, (database) => services(database, { clock: io.clock }).agreements.list(query, CLI_PRINCIPAL));
    if (format === 'json') io.stdout(renderJson({ ...page, limit: query.limit, offset: query.offset }));
    else if (format === 'csv') io.stdout(listCsv(page.items));
    else io.stdout(listTable({ ...page, offset: query.offset }));
  });

  const show = agreements
    .command('show')
    .description('An agreement with its parties, phases, pillars and negotiation rounds')
    .argument('<agreement>', 'agreement id or slug');
  addFormatOption(show, ['table', 'json']).action(async (ref: string, raw: Record<string, unknown>) => {
    const { format } = parseOptions(ShowOptions, raw);
    const details = await withDatabase(io, (database) => loadDetails(services(database, { clock: io.clock }).agreements, ref));
    io.stdout(format === 'json' ? renderJson(details) : showTable(details));
  });
}
