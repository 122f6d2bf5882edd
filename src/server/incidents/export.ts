/**
 * Incidents as CSV, JSON or GeoJSON, streamed: read in keyset batches and written batch by batch,
 * so that memory stays flat whatever the number of incidents. The CLI's `phaseline incidents
 * export` and the export route both use exportIncidents.
 */
import { stringify } from 'csv-stringify/sync';
import type { Incident } from '../../core/index.ts';
import type { IncidentFilter, Repositories } from '../../db/index.ts';

export type ExportFormat = 'csv' | 'json' | 'geojson';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export const CSV_COLUMNS = [
  'id',
  'occurred_at',
  'reported_at',
  'status',
  'category',
  'source_type',
  'reliability',
  'credibility',
  'alleged_party',
  'attributed_party',
  'reporting_party',
  'zone',
  'place',
  'longitude',
  'latitude',
  'killed',
  'injured',
  'civilians_killed',
  'civilians_injured',
  'description',
  'provisions',
  'duplicate_of_id',
  'external_source',
  'external_id',
] as const;

// A spreadsheet runs a cell that starts with one of these as a formula: a quote keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;
const safeText = (value: string | null): string => (value && FORMULA_START.test(value) ? `'${value}` : (value ?? ''));

interface Names {
  parties: Map<string, string>;
  zones: Map<string, string>;
  provisions: Map<string, string>;
}

const nameOf = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? id) : '');

function csvRecord(i: Incident, names: Names): Array<string | number> {
  return [
    i.id,
    i.occurredAt,
    i.reportedAt,
    i.status,
    i.category,
    i.sourceType,
    i.reliability,
    i.credibility,
    safeText(nameOf(names.parties, i.allegedPartyId)),
    safeText(nameOf(names.parties, i.attributedPartyId)),
    safeText(nameOf(names.parties, i.reportingPartyId)),
    safeText(nameOf(names.zones, i.zoneId)),
    safeText(i.place),
    i.lon ?? '',
    i.lat ?? '',
    i.killed ?? '',
    i.injured ?? '',
    i.civiliansKilled ?? '',
    i.civiliansInjured ?? '',
    safeText(i.description),
    safeText(i.provisionIds.map((id) => nameOf(names.provisions, id)).join('; ')),
    i.duplicateOfId ?? '',
    i.externalSource ?? '',
    i.externalId ?? '',
  ];
}

function feature(i: Incident): string {
  return JSON.stringify({
    type: 'Feature',
    id: i.id,
    geometry: i.lon !== null && i.lat !== null ? { type: 'Point', coordinates: [i.lon, i.lat] } : null,
    properties: i,
  });
}

/**
 * The text of an export, chunk by chunk (one chunk per batch of incidents), of every match or of the
 * first `limit` in list order. GeoJSON features without a point have a null geometry, as RFC 7946 allows.
 */
export async function* exportIncidents(
  repos: Repositories,
  agreementId: string,
  filter: IncidentFilter & { order?: 'asc' | 'desc' },
  format: ExportFormat,
  limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<string> {
  const [parties, zones, provisions] = await Promise.all([
    repos.parties.list(agreementId),
    repos.zones.list(agreementId),
    repos.provisions.list(agreementId),
  ]);
  const names: Names = {
    parties: new Map(parties.map((p) => [p.id, p.name])),
    zones: new Map(zones.map((z) => [z.id, z.name])),
    provisions: new Map(provisions.map((p) => [p.id, p.code || p.title])),
  };
  // The first batch is read before the first chunk: a query that fails then fails the request
  // (see startExport), not a stream already answered 200.
  const batches = repos.incidents.batches(agreementId, filter, filter.order ?? 'desc');
  try {
    let next = await batches.next();
    let first = true;
    if (format === 'csv') yield stringify([[...CSV_COLUMNS]]);
    if (format === 'json') yield '[';
    if (format === 'geojson') yield '{"type":"FeatureCollection","features":[';
    let left = limit;
    while (!next.done) {
      const whole = next.value;
      const batch = whole.length > left ? whole.slice(0, left) : whole;
      left -= batch.length;
      if (format === 'csv') {
        yield stringify(batch.map((i) => csvRecord(i, names)));
      } else {
        const items = batch.map(format === 'json' ? (i: Incident) => JSON.stringify(i) : feature);
        yield `${first ? '' : ','}${items.join(',')}`;
        first = false;
      }
      // Stop reading as soon as the limit is reached, not one batch later.
      if (left <= 0) break;
      next = await batches.next();
    }
    if (format === 'json') yield ']';
    if (format === 'geojson') yield ']}';
  } finally {
    // Closes the batches when the limit stops the export or its reader does.
    await batches.return(undefined);
  }
}

/**
 * Runs an export up to its first chunk (its lookups and first batch), so that a failure answers an
 * error instead of cutting a stream that already answered 200; the chunks follow, the first included.
 */
export async function startExport(chunks: AsyncGenerator<string>): Promise<AsyncGenerator<string>> {
  const head = await chunks.next();
  return (async function* () {
    if (head.done) return;
    yield head.value;
    yield* chunks;
  })();
}
