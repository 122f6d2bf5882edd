/**
 * `phaseline incidents list|import|export`: incident reports of an agreement, filtered like the API;
 * the bulk CSV import; and the streamed export as CSV, JSON or GeoJSON, to standard output or a file.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { Agreement, Incident } from '../../core/index.ts';
import { services, type Services } from '../../server/app.ts';
import { withDatabase, type CliIo } from '../context.ts';
import { writeChunks, writeFileFromChunks } from '../files.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';
import { addFilterOptions, FilterOptions, resolveFilter } from './incident-filters.ts';
import { registerIncidentImport } from './incident-import.ts';

const Ref = z.string().trim().min(1, 'must not be empty');

const ListOptions = FilterOptions.extend({
  agreement: Ref,
  limit: z.coerce.number().int().min(1).max(500),
  offset: z.coerce.number().int().min(0).max(100_000),
  format: formatSchema(),
});

const ExportOptions = FilterOptions.extend({
  agreement: Ref,
  format: z.enum(['csv', 'json', 'geojson'], { error: 'must be one of csv, json, geojson' }),
  out: z.string().min(1, 'must not be empty').optional(),
});

/** "2026-06-14 12:00" on the agreement's clocks. */
function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

const count = (n: number | null) => (n === null ? '' : String(n));

interface Names {
  party: (id: string | null) => string;
  zone: (id: string | null) => string;
}

async function namesOf(svc: Services, agreementId: string): Promise<Names> {
  const [parties, zones] = await Promise.all([svc.agreements.parties.list(agreementId), svc.zones.list(agreementId)]);
  const party = new Map(parties.map((p) => [p.id, p.name]));
  const zone = new Map(zones.map((z) => [z.id, z.name]));
  return { party: (id) => (id ? (party.get(id) ?? id) : ''), zone: (id) => (id ? (zone.get(id) ?? id) : '') };
}

function listTable(items: Incident[], agreement: Agreement, names: Names): string {
  return renderTable(
    [`Occurred (${agreement.timeZone})`, 'Status', 'Category', 'Alleged party', 'Zone', 'Killed', 'Place', 'Id'],
    items.map((i) => [
      localTime(i.occurredAt, agreement.timeZone),
      i.status,
      i.category,
      names.party(i.allegedPartyId),
      names.zone(i.zoneId),
      count(i.killed),
      i.place,
      i.id,
    ]),
  );
}

function listCsv(items: Incident[], names: Names): string {
  return renderCsv(
    ['id', 'occurred_at', 'status', 'category', 'alleged_party', 'attributed_party', 'zone', 'place', 'killed', 'injured', 'external_id'],
    items.map((i) => [
      i.id,
      i.occurredAt,
      i.status,
      i.category,
      names.party(i.allegedPartyId),
      names.party(i.attributedPartyId),
      names.zone(i.zoneId),
      i.place,
      i.killed,
      i.injured,
      i.externalId,
    ]),
  );
}

export function registerIncidentsCommand(program: Command, io: CliIo): void {
  const incidents = program.command('incidents').description('Incident reports: list, import from ACLED or UCDP GED, export');

  const list = addFilterOptions(
    incidents
      .command('list')
      .description("An agreement's incidents, newest first, filtered like the API's list")
      .requiredOption('--agreement <agreement>', 'agreement id or slug'),
  )
    .option('--limit <n>', 'at most this many (1-500)', '50')
    .option('--offset <n>', 'skip this many', '0');
  addFormatOption(list).action(async (raw: Record<string, unknown>) => {
    const { agreement: ref, limit, offset, format, ...filterOptions } = parseOptions(ListOptions, raw);
    const { agreement, page, names } = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const agreement = await svc.agreements.resolve(ref);
      const filter = await resolveFilter(svc, agreement, filterOptions);
      const [page, names] = await Promise.all([svc.incidents.selectedPage(agreement.id, filter, { limit, offset }), namesOf(svc, agreement.id)]);
      return { agreement, page, names };
    });
    if (format === 'json') io.stdout(renderJson({ items: page.items, total: page.total, totalCapped: page.totalCapped, byStatus: page.byStatus, limit, offset }));
    else if (format === 'csv') io.stdout(listCsv(page.items, names));
    else {
      const shown = page.items.length === 0 ? 'none' : `${offset + 1}-${offset + page.items.length}`;
      io.stdout(`${listTable(page.items, agreement, names)}${shown} of ${page.totalCapped ? 'more than ' : ''}${page.total} incidents\n`);
    }
  });

  registerIncidentImport(incidents, io);

  addFilterOptions(
    incidents
      .command('export')
      .description('Export the matching incidents as CSV, JSON or GeoJSON, streamed whatever their number (docs/IMPORT.md)')
      .requiredOption('--agreement <agreement>', 'agreement id or slug')
      .option('--format <format>', 'csv, json (an array) or geojson (a FeatureCollection)', 'csv')
      .option('--out <file>', 'write to this file (complete or not at all) instead of standard output'),
  ).action(async (raw: Record<string, unknown>) => {
    const { agreement: ref, format, out, ...filterOptions } = parseOptions(ExportOptions, raw);
    await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const agreement = await svc.agreements.resolve(ref);
      const { chunks } = await svc.incidents.exportOf(agreement.id, await resolveFilter(svc, agreement, filterOptions), format);
      if (out !== undefined) {
        const bytes = await writeFileFromChunks(out, chunks);
        io.stdout(`Exported the incidents of ${agreement.slug} as ${format} to ${out} (${bytes.toLocaleString('en-US')} bytes).\n`);
      } else if (io.stdoutStream) {
        // A reader that stops early (`| head`) closes the pipe: the export ends there, quietly.
        await writeChunks(chunks, io.stdoutStream).catch((err: unknown) => {
          if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
        });
      } else {
        for await (const chunk of chunks) io.stdout(chunk);
      }
    });
  });
}
