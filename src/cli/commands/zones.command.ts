/**
 * `phaseline zones import|list|coverage`: zones from a GeoJSON FeatureCollection, all or nothing
 * through the same service as the API (audited), the zones an agreement has, and how much of each
 * sector a zone covers.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { controlledAreaIssues, IsoDate, type ZoneCoverageView } from '../../contract/index.ts';
import { NotFoundError, ZONE_KINDS, type Zone } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import { cliActor, withDatabase, type CliIo } from '../context.ts';
import { FileError, readTextFile } from '../files.ts';
import { parseOptions, UsageError } from '../options.ts';
import { addFormatOption, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';

const Kind = z.enum(ZONE_KINDS, { error: `must be one of ${ZONE_KINDS.join(', ')}` });
const Ref = z.string().trim().min(1, 'must not be empty');

const ImportOptions = z.object({
  agreement: Ref,
  kind: Kind,
  nameProperty: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  party: Ref.optional(),
  asOf: IsoDate.optional(),
});
const ListOptions = z.object({ agreement: Ref, kind: Kind.optional(), format: formatSchema() });
const CoverageOptions = z.object({ agreement: Ref, kind: Kind.default('sector'), format: formatSchema(['table', 'json']) });

/**
 * The zone named by id or by name; of the dated snapshots of one controlled area, the newest. A
 * name several zones share otherwise is refused, listing their ids.
 */
export function zoneByRef(zones: readonly Zone[], ref: string): Zone {
  const byId = zones.find((z) => z.id === ref);
  if (byId) return byId;
  const named = zones.filter((z) => z.name === ref);
  if (named.length === 0) throw new NotFoundError('Zone', ref);
  const snapshots = named.every((z) => z.kind === 'controlled_area' && z.asOf !== null && z.partyId === named[0]!.partyId);
  if (named.length === 1 || snapshots) return [...named].sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? '')).at(-1)!;
  throw new UsageError(`${named.length} zones are named "${ref}" (${named.map((z) => `${z.kind} ${z.id}`).join(', ')}): give the id`);
}

/** The id of the party named by id, name or local name. */
function partyByRef(parties: readonly { id: string; name: string; localName: string | null }[], ref: string): string {
  const found = parties.find((p) => p.id === ref || p.name === ref || p.localName === ref);
  if (!found) throw new NotFoundError('Party', ref);
  return found.id;
}

const km2 = (n: number) => n.toFixed(2);
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function coverageTable(c: ZoneCoverageView): string {
  return renderTable(
    ['Sector', 'Area (km²)', 'Covered (km²)', 'Share'],
    [...c.sectors.map((s) => [s.name, km2(s.areaKm2), km2(s.coveredKm2), percent(s.share)]), ['Total', km2(c.total.areaKm2), km2(c.total.coveredKm2), percent(c.total.share)]],
  );
}

const area = (z: Zone) => (z.areaSqKm === 0 ? '' : z.areaSqKm.toFixed(1));

function zonesTable(zones: Zone[]): string {
  return renderTable(
    ['Name', 'Kind', 'Geometry', 'Area (km²)', 'Id'],
    zones.map((z) => [z.name, z.kind, z.geometry.type, area(z), z.id]),
  );
}

function zonesCsv(zones: Zone[]): string {
  return renderCsv(
    ['id', 'name', 'kind', 'geometry_type', 'area_sq_km', 'min_lon', 'min_lat', 'max_lon', 'max_lat'],
    zones.map((z) => [z.id, z.name, z.kind, z.geometry.type, z.areaSqKm, ...z.bbox]),
  );
}

/** The file's JSON; a file that is not JSON fails naming it, before the database is opened. */
async function readGeoJson(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new FileError(`${path} is not JSON: ${(err as Error).message}`);
  }
}

export function registerZonesCommand(program: Command, io: CliIo): void {
  const zones = program.command('zones').description('Zones and features of an agreement on the map (GeoJSON)');

  zones
    .command('import')
    .description('Import every feature of a GeoJSON FeatureCollection as a zone of one kind; one bad feature refuses them all')
    .argument('<file>', 'a GeoJSON (RFC 7946) FeatureCollection')
    .requiredOption('--agreement <agreement>', 'agreement id or slug')
    .requiredOption('--kind <kind>', `the kind of every zone: ${ZONE_KINDS.join(', ')}`)
    .option('--name-property <property>', 'the feature property that names each zone (properties.name is the fallback)')
    .option('--party <party>', 'controlled_area only (required there): the party holding the areas, by name, local name or id')
    .option('--as-of <date>', 'controlled_area only (required there): the date the snapshots describe, YYYY-MM-DD')
    .action(async (path: string, raw: Record<string, unknown>) => {
      const options = parseOptions(ImportOptions, raw);
      const holder = controlledAreaIssues(options.kind, { partyId: options.party, asOf: options.asOf });
      if (holder.length > 0) throw new UsageError(holder.map((i) => `option ${i.path === 'partyId' ? '--party' : '--as-of'}: ${i.message.replace('carries partyId', 'takes --party').replace('carries asOf', 'takes --as-of')}`).join('; '));
      const collection = await readGeoJson(path);
      const { type, features } = (collection ?? {}) as { type?: unknown; features?: unknown };
      if (type !== 'FeatureCollection' || !Array.isArray(features)) {
        throw new FileError(`${path} is not a GeoJSON FeatureCollection (its type is ${JSON.stringify(type ?? null)})`);
      }
      if (features.length === 0) throw new FileError(`${path} has no features: nothing to import`);
      const created = await withDatabase(io, async (database) => {
        const svc = services(database, { clock: io.clock });
        const party = options.party === undefined ? undefined : partyByRef(await svc.agreements.parties.list(options.agreement), options.party);
        return svc.zones.importCollection(
          options.agreement,
          collection,
          { kind: options.kind, nameProperty: options.nameProperty, partyId: party, asOf: options.asOf },
          cliActor(),
        );
      });
      const noun = created.length === 1 ? 'zone' : 'zones';
      io.stdout(`Imported ${created.length} ${options.kind} ${noun} into ${options.agreement} from ${path}.\n${zonesTable(created)}`);
    });

  const list = zones
    .command('list')
    .description("An agreement's zones, by kind and name")
    .requiredOption('--agreement <agreement>', 'agreement id or slug')
    .option('--kind <kind>', `only this kind: ${ZONE_KINDS.join(', ')}`);
  addFormatOption(list).action(async (raw: Record<string, unknown>) => {
    const { agreement, kind, format } = parseOptions(ListOptions, raw);
    const found = await withDatabase(io, (database) => services(database, { clock: io.clock }).zones.filter(agreement, { kind }));
    found.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
    if (format === 'json') io.stdout(renderJson(found));
    else if (format === 'csv') io.stdout(zonesCsv(found));
    else io.stdout(`${zonesTable(found)}${found.length} zones\n`);
  });

  const coverage = zones
    .command('coverage')
    .description('How much of each zone of a kind (sectors by default) a zone covers, in km² and as a share')
    .argument('<zone>', 'the zone: its id, or its name (of a controlled area, the newest snapshot)')
    .requiredOption('--agreement <agreement>', 'agreement id or slug')
    .option('--kind <kind>', `the kind of the zones covered: ${ZONE_KINDS.join(', ')}`, 'sector');
  addFormatOption(coverage, ['table', 'json']).action(async (ref: string, raw: Record<string, unknown>) => {
    const { agreement, kind, format } = parseOptions(CoverageOptions, raw);
    const result = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const zone = zoneByRef(await svc.zones.filter(agreement, {}), ref);
      return svc.ground.areas.coverage(agreement, zone.id, kind);
    });
    if (format === 'json') io.stdout(renderJson(result));
    else io.stdout(`${result.zone.name}: ${km2(result.zone.areaKm2)} km², covering ${percent(result.total.share)} of the ${kind} zones\n${coverageTable(result)}`);
  });
}
