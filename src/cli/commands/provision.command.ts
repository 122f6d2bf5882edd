/**
 * `phaseline provision history|status` (docs/DESK.md): a provision's status history, as the API
 * publishes it (a table, JSON or CSV), and a change of its status with the reason, the source and its
 * grade, through the same service as the API (audited with the provision's update). A provision is
 * named by its code or its id.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { ImplementationStatus, SourceGrade, type StatusChangeView } from '../../contract/index.ts';
import { IMPLEMENTATION_STATUSES, NotFoundError, STATUS_LABELS, type Provision } from '../../core/index.ts';
import { services, type Services } from '../../server/app.ts';
import { CLI_PRINCIPAL, cliActor, withDatabase, type CliIo } from '../context.ts';
import { parseOptions, UsageError } from '../options.ts';
import { addFormatOption, fitColumns, formatSchema, renderJson, renderTable } from '../output.ts';

const Text = (max: number) => z.string().trim().max(max);
const HistoryOptions = z.object({ format: formatSchema() });
const StatusOptions = z.object({
  to: ImplementationStatus.describe('status'),
  reason: Text(4000).min(1, 'must not be empty: say why the status changes'),
  source: Text(500).default(''),
  grade: z.string().trim().toUpperCase().pipe(SourceGrade).optional(),
  incident: z.array(z.uuid('must be an incident id')).default([]),
  link: z.array(z.url({ protocol: /^https?$/, error: 'must be an http or https link' }).max(2000)).default([]),
});

/** The provision named by id or code (codes compared ignoring case); two with one code ask for the id. */
async function provisionByRef(svc: Services, agreement: string, ref: string): Promise<Provision> {
  const all = await svc.provisions.list(agreement);
  const byId = all.find((p) => p.id === ref);
  if (byId) return byId;
  const found = all.filter((p) => p.code !== '' && p.code.toLowerCase() === ref.trim().toLowerCase());
  if (found.length > 1) throw new UsageError(`${found.length} provisions of ${agreement} have the code "${ref}": give the id of one (${found.map((p) => p.id).join(', ')})`);
  if (!found[0]) throw new NotFoundError('Provision', `"${ref}" of ${agreement}`);
  return found[0];
}

const time = (iso: string, timeZone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
const statusText = (status: StatusChangeView['from']) => (status === null ? '-' : STATUS_LABELS[status]);
const evidenceText = (c: StatusChangeView) => c.evidence.map((e) => (e.kind === 'url' ? e.url : e.incidentId ? `incident ${e.incidentId}` : e.label)).join('\n');

/** The history as a table, oldest first, its times in the agreement's zone. */
export function historyTable(title: string, timeZone: string, items: readonly StatusChangeView[], columns?: number): string {
  const rows = items.map((c) => [String(c.seq), time(c.at, timeZone), `${statusText(c.from)} → ${STATUS_LABELS[c.to]}`, c.reason, [c.source, c.sourceGrade].filter(Boolean).join(' · '), evidenceText(c), c.actorName]);
  const colWidths = fitColumns(columns, [5, 18, 30, 20, 24, 16], 3);
  return `${title}: status history, times in ${timeZone}\n${renderTable(['#', 'At', 'Status', 'Reason', 'Source · grade', 'Evidence', 'By'], rows, colWidths ? { colWidths } : {})}`;
}

export function registerProvisionCommand(program: Command, io: CliIo): void {
  const provision = program.command('provision').description("One provision: its status history, and changes of its status with the reason");

  const history = provision
    .command('history')
    .description('A provision\'s status history, oldest first: every change with its date, reason, source and grade, evidence and who made it')
    .argument('<agreement>', 'agreement id or slug')
    .argument('<provision>', 'the provision: its code (e.g. 2.3) or its id');
  addFormatOption(history).action(async (agreementRef: string, provisionRef: string, raw: Record<string, unknown>) => {
    const { format } = parseOptions(HistoryOptions, raw);
    const out = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const agreement = await svc.agreements.resolve(agreementRef);
      const found = await provisionByRef(svc, agreement.id, provisionRef);
      if (format === 'csv') return (await svc.provisions.status.historyCsv(agreement.id, found.id, CLI_PRINCIPAL)).text;
      const view = await svc.provisions.status.history(agreement.id, found.id, CLI_PRINCIPAL);
      if (format === 'json') return renderJson(view);
      return historyTable([found.code, found.title].filter(Boolean).join(' '), agreement.timeZone, view.items, io.columns);
    });
    io.stdout(out);
  });

  provision
    .command('status')
    .description('Change a provision\'s status, saying why; kept in its history and the audit log')
    .argument('<agreement>', 'agreement id or slug')
    .argument('<provision>', 'the provision: its code (e.g. 2.3) or its id')
    .requiredOption('--to <status>', `the new status: ${IMPLEMENTATION_STATUSES.join(', ')}`)
    .requiredOption('--reason <reason>', 'why the status changes (required)')
    .option('--source <source>', 'who says so: a monitoring report, a party\'s statement')
    .option('--grade <grade>', 'the source\'s Admiralty grade, A1 to F6 (e.g. B2)')
    .option('--incident <id...>', 'incidents of the agreement that support the change')
    .option('--link <url...>', 'links to documents that support the change')
    .action(async (agreementRef: string, provisionRef: string, raw: Record<string, unknown>) => {
      const options = parseOptions(StatusOptions, raw);
      const done = await withDatabase(io, async (database) => {
        const svc = services(database, { clock: io.clock });
        const agreement = await svc.agreements.resolve(agreementRef);
        const found = await provisionByRef(svc, agreement.id, provisionRef);
        return svc.provisions.status.change(
          agreement.id,
          found.id,
          {
            status: options.to,
            reason: options.reason,
            source: options.source,
            sourceGrade: options.grade ?? null,
            evidence: [...options.incident.map((incidentId) => ({ kind: 'incident' as const, incidentId })), ...options.link.map((url) => ({ kind: 'url' as const, url, label: '' }))],
            version: found.version,
          },
          CLI_PRINCIPAL,
          cliActor(),
        );
      });
      const { provision: p, change } = done;
      const name = [p.code, p.title].filter(Boolean).join(' ');
      io.stdout(`${name}: ${statusText(change.from)} → ${STATUS_LABELS[change.to]} (change ${change.seq}), by ${change.actorName}.\n`);
    });
}
