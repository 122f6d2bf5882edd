/**
 * Bulk import of incidents from an ACLED-style or UCDP-GED-style CSV (docs/IMPORT.md), detected
 * from the header. The file is streamed through csv-parse and core's row mapping into the database
 * while it is read (COPY, or unnest batches), all in ONE transaction: a bad row aborts the whole
 * import with its line number and nothing is written, unless `skipInvalid` reports it instead.
 * One audit entry records the import (file name, SHA-256, counts), not one per row.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Options } from 'csv-parse';
import {
  detectImportFormat,
  partyMatcher,
  REQUIRED_COLUMNS,
  rowMapper,
  RuleViolationError,
  zoneAssigner,
  type Agreement,
  type Credibility,
  type ImportFormat,
  type Party,
  type Reliability,
} from '../../core/index.ts';
import { incidentBulk, type BulkTransaction, type Database, type IncidentBulkRow } from '../../db/index.ts';
import { mapWriteError } from '../../db/repositories/versioned.ts';
import type { Clock } from '../clock.ts';
import { bulkWriter, type Actor } from '../write.ts';

/**
 * How rows reach the table: "copy" streams COPY straight into incidents while the file is read;
 * "staging" COPYs into a temporary table and merges it sorted by time; "unnest" inserts batches.
 */
export type ImportMethod = 'copy' | 'staging' | 'unnest';
export const IMPORT_METHODS: readonly ImportMethod[] = ['copy', 'staging', 'unnest'];

export interface ImportProgress {
  /** Data rows read so far (the header excluded). */
  rows: number;
  /** Bytes of the file read so far. */
  bytes: number;
}

export interface IncidentImportOptions {
  /** Agreement id or slug. */
  agreement: string;
  /** The CSV file: a stream or any async iterable of chunks. */
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>;
  /** Recorded in the audit log. */
  fileName: string;
  /** Leave out bad rows and report them, instead of aborting at the first. */
  skipInvalid?: boolean;
  /** Actor name in the file -> party name, local name or id, for actors named otherwise than the party. */
  aliases?: Record<string, string>;
  /** Admiralty grading given to every imported row (default F6: cannot be judged). */
  reliability?: Reliability;
  credibility?: Credibility;
  /** Called every `progressEvery` rows and at the end. */
  onProgress?: (progress: ImportProgress) => void;
  progressEvery?: number;
  /** How rows reach the table (default: COPY straight into incidents). */
  method?: ImportMethod;
  /** How many rejected rows the result lists (all are counted). */
  maxRejectedListed?: number;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface IncidentImportResult {
  importId: string;
  format: ImportFormat;
  fileName: string;
  sha256: string;
  bytes: number;
  /** Data rows read. */
  rows: number;
  inserted: number;
  /** Valid rows already in the agreement (same source and id): left as they were. */
  existing: number;
  rejectedCount: number;
  rejected: RejectedRow[];
}

/** A row that aborts an import (422): its line and why. */
export class ImportRowError extends RuleViolationError {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`Line ${line}: ${reason}. Nothing was imported.`, { line, reason, issues: [{ path: `line ${line}`, message: reason }] });
  }
}

const UNNEST_BATCH = 5_000;
const COPY_CHUNK_CHARS = 256 * 1024;

/** Reads CSV records with the line each starts on, counting and hashing the bytes as they pass. */
async function* csvRecords(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, meter: { bytes: number; hash: ReturnType<typeof createHash> }) {
  let lastLine = 0;
  let lastEmpty = 0;
  const options: Options<{ record: string[]; line: number }, string[]> = {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    on_record: (record: string[], context) => {
      const line = lastLine + 1 + (context.empty_lines - lastEmpty);
      lastLine = context.lines;
      lastEmpty = context.empty_lines;
      return { record, line };
    },
  };
  // on_record turns each record into { record, line }; the typings expect it to keep the record type.
  const parser = parse(options as unknown as Options);
  const source = (async function* () {
    for await (const chunk of input) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      meter.bytes += buffer.length;
      meter.hash.update(buffer);
      yield buffer;
    }
  })();
  const feeding = pipeline(Readable.from(source), parser);
  // The loop below sees the error; this keeps the pipeline's own rejection from going unhandled.
  feeding.catch(() => {});
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; line: number }>) yield item;
    await feeding;
  } catch (err) {
    if (err instanceof CsvError) throw new ImportRowError((err as CsvError & { lines?: number }).lines ?? lastLine + 1, `the CSV cannot be read (${err.message})`);
    throw err;
  } finally {
    parser.destroy();
  }
}

/** The aliases' targets (party id, name or local name) as party ids; 422 naming an alias whose target is no party. */
function resolveAliases(parties: readonly Party[], aliases: Record<string, string>, agreement: Agreement): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [actorName, target] of Object.entries(aliases)) {
    const party = parties.find((p) => p.id === target || p.name.toLowerCase() === target.toLowerCase() || p.localName === target);
    if (!party) throw new RuleViolationError(`Alias "${actorName}": "${target}" is not a party to ${agreement.slug}`, { issues: [{ path: 'aliases', message: `${target} is not a party` }] });
    resolved[actorName] = party.id;
  }
  return resolved;
}

type CsvRecords = ReturnType<typeof csvRecords>;

/** The header row and the format it names; the line of the header when it names neither. */
async function readHeader(records: CsvRecords): Promise<{ header: string[]; format: ImportFormat }> {
  const head = await records.next();
  if (head.done) throw new ImportRowError(1, 'the file is empty: expected a header row');
  const header = head.value.record;
  const format = detectImportFormat(header);
  if (!format) {
    throw new ImportRowError(
      head.value.line,
      `the header matches neither ACLED (${REQUIRED_COLUMNS.acled.join(', ')}) nor UCDP GED (${REQUIRED_COLUMNS['ucdp-ged'].join(', ')})`,
    );
  }
  return { header, format };
}

/** What the rows came to, counted while they pass. */
interface RowCounts {
  /** Data rows read. */
  rows: number;
  valid: number;
  /** Valid rows already in the agreement, left out. */
  skipped: number;
  rejectedCount: number;
  rejected: RejectedRow[];
}

interface RowContext {
  header: string[];
  map: ReturnType<typeof rowMapper>;
  /** Keys (incidentBulk.externalKey) of the incidents already there, to leave out. */
  existing: ReadonlySet<string>;
  nextId: () => string;
  agreementId: string;
  now: Date;
  actor: Actor;
  skipInvalid: boolean;
  maxListed: number;
  progressEvery: number;
  onProgress: ((progress: ImportProgress) => void) | undefined;
  meter: { bytes: number };
}

/** The valid rows, ready for the database; bad ones are rejected on the way (or abort the import). */
async function* validRows(records: CsvRecords, ctx: RowContext, counts: RowCounts): AsyncGenerator<IncidentBulkRow> {
  const seen = new Set<string>();
  const reject = (line: number, reason: string) => {
    if (!ctx.skipInvalid) throw new ImportRowError(line, reason);
    counts.rejectedCount += 1;
    if (counts.rejected.length < ctx.maxListed) counts.rejected.push({ line, reason });
  };
  for await (const { record, line } of records) {
    counts.rows += 1;
    if (counts.rows % ctx.progressEvery === 0) ctx.onProgress?.({ rows: counts.rows, bytes: ctx.meter.bytes });
    if (record.length !== ctx.header.length) {
      reject(line, `has ${record.length} fields where the header has ${ctx.header.length}`);
      continue;
    }
    const result = ctx.map(record);
    if (!result.ok) {
      reject(line, result.reason);
      continue;
    }
    if (seen.has(result.incident.externalId)) {
      reject(line, `the id ${result.incident.externalId} appears earlier in the file`);
      continue;
    }
    seen.add(result.incident.externalId);
    counts.valid += 1;
    if (ctx.existing.has(incidentBulk.externalKey(result.incident.externalSource, result.incident.externalId))) {
      counts.skipped += 1;
      continue;
    }
    // Completed in place: spreading into a new object would cost more than the rest of the row.
    const row = result.incident as IncidentBulkRow;
    row.id = ctx.nextId();
    row.agreementId = ctx.agreementId;
    row.reportedAt = ctx.now;
    row.reportedBy = ctx.actor.id;
    yield row;
  }
}

/** COPY text in large chunks: one write per chunk, not per row. */
async function* copyChunks(rows: AsyncIterable<IncidentBulkRow>): AsyncGenerator<string> {
  let chunk = '';
  for await (const row of rows) {
    chunk += incidentBulk.copyLine(row);
    if (chunk.length >= COPY_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Writes the rows by `method`; how many were inserted. */
async function insertRows(tx: BulkTransaction, method: ImportMethod, rows: AsyncIterable<IncidentBulkRow>, counts: RowCounts): Promise<number> {
  if (method === 'copy') {
    try {
      await tx.copyIn(incidentBulk.DIRECT_TARGET, copyChunks(rows));
    } catch (err) {
      throw mapWriteError(err, 'Incident');
    }
    return counts.valid - counts.skipped;
  }
  if (method === 'staging') {
    await tx.copyIn(await incidentBulk.createStaging(tx), copyChunks(rows));
    return incidentBulk.mergeStaging(tx);
  }
  let inserted = 0;
  let batch: IncidentBulkRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= UNNEST_BATCH) {
      inserted += await incidentBulk.insertBatch(tx, batch);
      batch = [];
    }
  }
  return inserted + (await incidentBulk.insertBatch(tx, batch));
}

export function incidentImporter({ database, clock }: { database: Database; clock: Clock }) {
  // However it ends, no cached view of this process may outlive it (see onWriteEnded).
  const bulkWrite = bulkWriter(database, clock);
  return {
    /** Imports one CSV file into an agreement, all or nothing; see IncidentImportOptions. */
    async importCsv(options: IncidentImportOptions, actor: Actor): Promise<IncidentImportResult> {
      const method = options.method ?? 'copy';
      const meter = { bytes: 0, hash: createHash('sha256') };
      const now = clock.now();

      return bulkWrite(actor, async ({ tx, repos, record }) => {
        const agreement = await repos.agreements.get(options.agreement);
        const parties = await repos.parties.list(agreement.id);
        const aliases = resolveAliases(parties, options.aliases ?? {}, agreement);
        const assignZone = zoneAssigner(await repos.zones.assignable(agreement.id));
        const records = csvRecords(options.input, meter);
        const { header, format } = await readHeader(records);
        const map = rowMapper(format, header, {
          timeZone: agreement.timeZone,
          now,
          matchParty: partyMatcher(parties, aliases),
          assignZone,
          reliability: options.reliability ?? 'F',
          credibility: options.credibility ?? 6,
        });
        const nextId = incidentBulk.importIds(now);
        // A direct COPY cannot skip what is already there: the keys are read first and left out here.
        const existing = method === 'copy' ? await incidentBulk.existingKeys(tx, agreement.id) : new Set<string>();
        const counts: RowCounts = { rows: 0, valid: 0, skipped: 0, rejectedCount: 0, rejected: [] };
        const rows = validRows(
          records,
          {
            header,
            map,
            existing,
            nextId,
            agreementId: agreement.id,
            now,
            actor,
            skipInvalid: options.skipInvalid ?? false,
            maxListed: options.maxRejectedListed ?? 10_000,
            progressEvery: options.progressEvery ?? 10_000,
            onProgress: options.onProgress,
            meter,
          },
          counts,
        );
        const inserted = await insertRows(tx, method, rows, counts);
        options.onProgress?.({ rows: counts.rows, bytes: meter.bytes });

        const result: IncidentImportResult = {
          importId: randomUUID(),
          format,
          fileName: options.fileName,
          sha256: meter.hash.digest('hex'),
          bytes: meter.bytes,
          rows: counts.rows,
          inserted,
          existing: counts.valid - inserted,
          rejectedCount: counts.rejectedCount,
          rejected: counts.rejected,
        };
        const { rejected: _listed, ...summary } = result;
        await record({
          action: 'create',
          entity: 'incident_import',
          entityId: result.importId,
          agreementId: agreement.id,
          before: null,
          after: { ...summary, method, firstRejected: counts.rejected.slice(0, 20) },
        });
        return result;
      });
    },
  };
}
export type IncidentImporter = ReturnType<typeof incidentImporter>;
