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
  type Credibility,
  type ImportFormat,
  type Reliability,
} from '../../core/index.ts';
import { incidentBulk, repositories, type BulkTransaction, type Database, type IncidentBulkRow } from '../../db/index.ts';
import { mapWriteError } from '../../db/repositories/versioned.ts';
import type { Clock } from '../clock.ts';
import { writeEnded, type Actor } from '../write.ts';

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

export function incidentImporter({ database, clock }: { database: Database; clock: Clock }) {
  return {
    /** Imports one CSV file into an agreement, all or nothing; see IncidentImportOptions. */
    async importCsv(options: IncidentImportOptions, actor: Actor): Promise<IncidentImportResult> {
      const method = options.method ?? 'copy';
      const progressEvery = options.progressEvery ?? 10_000;
      const maxListed = options.maxRejectedListed ?? 10_000;
      const meter = { bytes: 0, hash: createHash('sha256') };
      const now = clock.now();

      // However it ends, no cached view of this process may outlive it (see onWriteEnded).
      return database.bulkTransaction(async (tx: BulkTransaction) => {
        const repos = repositories(tx.db);
        const agreement = await repos.agreements.get(options.agreement);
        const parties = await repos.parties.list(agreement.id);
        const aliases: Record<string, string> = {};
        for (const [actorName, target] of Object.entries(options.aliases ?? {})) {
          const party = parties.find((p) => p.id === target || p.name.toLowerCase() === target.toLowerCase() || p.localName === target);
          if (!party) throw new RuleViolationError(`Alias "${actorName}": "${target}" is not a party to ${agreement.slug}`, { issues: [{ path: 'aliases', message: `${target} is not a party` }] });
          aliases[actorName] = party.id;
        }
        const assignZone = zoneAssigner(await repos.zones.assignable(agreement.id));
        const records = csvRecords(options.input, meter);
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
        const map = rowMapper(format, header, {
          timeZone: agreement.timeZone,
          now,
          matchParty: partyMatcher(parties, aliases),
          assignZone,
          reliability: options.reliability ?? 'F',
          credibility: options.credibility ?? 6,
        });

        const seen = new Set<string>();
        const nextId = incidentBulk.importIds(now);
        // A direct COPY cannot skip what is already there: the keys are read first and left out here.
        const existing = method === 'copy' ? await incidentBulk.existingKeys(tx, agreement.id) : new Set<string>();
        const rejected: RejectedRow[] = [];
        let rows = 0;
        let valid = 0;
        let skipped = 0;
        let rejectedCount = 0;
        const reject = (line: number, reason: string) => {
          if (!options.skipInvalid) throw new ImportRowError(line, reason);
          rejectedCount += 1;
          if (rejected.length < maxListed) rejected.push({ line, reason });
        };

        /** The valid rows, ready for the database; bad ones are rejected on the way. */
        async function* incidents(): AsyncGenerator<IncidentBulkRow> {
          for await (const { record, line } of records) {
            rows += 1;
            if (rows % progressEvery === 0) options.onProgress?.({ rows, bytes: meter.bytes });
            if (record.length !== header.length) {
              reject(line, `has ${record.length} fields where the header has ${header.length}`);
              continue;
            }
            const result = map(record);
            if (!result.ok) {
              reject(line, result.reason);
              continue;
            }
            if (seen.has(result.incident.externalId)) {
              reject(line, `the id ${result.incident.externalId} appears earlier in the file`);
              continue;
            }
            seen.add(result.incident.externalId);
            valid += 1;
            if (existing.has(incidentBulk.externalKey(result.incident.externalSource, result.incident.externalId))) {
              skipped += 1;
              continue;
            }
            // Completed in place: spreading into a new object would cost more than the rest of the row.
            const row = result.incident as IncidentBulkRow;
            row.id = nextId();
            row.agreementId = agreement.id;
            row.reportedAt = now;
            row.reportedBy = actor.id;
            yield row;
          }
        }

        /** COPY text in large chunks: one write per chunk, not per row. */
        async function* copyChunks(): AsyncGenerator<string> {
          let chunk = '';
          for await (const row of incidents()) {
            chunk += incidentBulk.copyLine(row);
            if (chunk.length >= COPY_CHUNK_CHARS) {
              yield chunk;
              chunk = '';
            }
          }
          if (chunk) yield chunk;
        }

        let inserted = 0;
        if (method === 'copy') {
          try {
            await tx.copyIn(incidentBulk.DIRECT_TARGET, copyChunks());
          } catch (err) {
            throw mapWriteError(err, 'Incident');
          }
          inserted = valid - skipped;
        } else if (method === 'staging') {
          await tx.copyIn(await incidentBulk.createStaging(tx), copyChunks());
          inserted = await incidentBulk.mergeStaging(tx);
        } else {
          let batch: IncidentBulkRow[] = [];
          for await (const row of incidents()) {
            batch.push(row);
            if (batch.length >= UNNEST_BATCH) {
              inserted += await incidentBulk.insertBatch(tx, batch);
              batch = [];
            }
          }
          inserted += await incidentBulk.insertBatch(tx, batch);
        }
        options.onProgress?.({ rows, bytes: meter.bytes });

        const result: IncidentImportResult = {
          importId: randomUUID(),
          format,
          fileName: options.fileName,
          sha256: meter.hash.digest('hex'),
          bytes: meter.bytes,
          rows,
          inserted,
          existing: valid - inserted,
          rejectedCount,
          rejected,
        };
        const { rejected: _listed, ...summary } = result;
        await repos.audit.append({
          at: clock.now(),
          actorId: actor.id,
          actorName: actor.name,
          action: 'create',
          entity: 'incident_import',
          entityId: result.importId,
          agreementId: agreement.id,
          before: null,
          after: { ...summary, method, firstRejected: rejected.slice(0, 20) },
        });
        return result;
      }).finally(() => writeEnded(database));
    },
  };
}
export type IncidentImporter = ReturnType<typeof incidentImporter>;
