/**
 * `phaseline incidents import`: an ACLED-style or UCDP-GED-style CSV into an agreement through the
 * server's importer (one transaction, one audit entry), with a progress bar and a report of the
 * rows it left out under --skip-invalid.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { Reliability } from '../../contract/index.ts';
import { detectImportFormat, IMPORT_FORMATS, REQUIRED_COLUMNS, type Credibility, type ImportFormat } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import type { IncidentImportResult } from '../../server/incidents/import.ts';
import { cliActor, withDatabase, type CliIo } from '../context.ts';
import { fileError, FileError, inputFileSize } from '../files.ts';
import { parseOptions } from '../options.ts';
import { renderJson, renderTable } from '../output.ts';
import { fileProgress } from '../progress.ts';

const FORMAT_NAMES: Record<ImportFormat, string> = { acled: 'ACLED', 'ucdp-ged': 'UCDP GED' };

/** "Actor name=Party" pairs, the party by name, local name or id (the last "=" splits). */
const Aliases = z.array(z.string()).transform((pairs, ctx) => {
  const aliases: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const [actor, party] = [pair.slice(0, Math.max(at, 0)).trim(), pair.slice(at + 1).trim()];
    if (at < 0 || !actor || !party) {
      ctx.addIssue({ code: 'custom', message: `must be "actor name=party", e.g. "Hamas Movement=Hamas"` });
      return z.NEVER;
    }
    aliases[actor] = party;
  }
  return aliases;
});

const ImportOptions = z.object({
  agreement: z.string().trim().min(1, 'must not be empty'),
  skipInvalid: z.boolean(),
  format: z.enum(['auto', ...IMPORT_FORMATS], { error: `must be one of auto, ${IMPORT_FORMATS.join(', ')}` }),
  alias: Aliases,
  reliability: Reliability.optional(),
  credibility: z.coerce
    .number({ error: 'must be a whole number from 1 to 6' })
    .int('must be a whole number from 1 to 6')
    .min(1, 'must be a whole number from 1 to 6')
    .max(6, 'must be a whole number from 1 to 6')
    .transform((n) => n as Credibility)
    .optional(),
  output: z.enum(['table', 'json'], { error: 'must be one of table, json' }),
});

/** How many rejected rows the table shows; JSON has them all (up to the importer's 10,000). */
const REJECTED_SHOWN = 20;

/** The first record of the CSV file (its header), or null when it has none. */
async function readHeader(path: string): Promise<string[] | null> {
  const source = createReadStream(path);
  const parser = source.pipe(parse({ bom: true, to: 1, relax_column_count: true, skip_empty_lines: true }));
  try {
    for await (const record of parser) return record as string[];
    return null;
  } catch (err) {
    const failure = fileError(err, 'read', path);
    throw failure === err ? new FileError(`${path}: the header cannot be read as CSV (${(err as Error).message})`) : failure;
  } finally {
    source.destroy();
  }
}

/** Refuses the file unless its header is the format the user said it is. */
async function checkFormat(path: string, expected: ImportFormat): Promise<void> {
  const header = await readHeader(path);
  const detected = header ? detectImportFormat(header) : null;
  if (detected === expected) return;
  const names = new Set((header ?? []).map((h) => h.trim().toLowerCase()));
  const missing = REQUIRED_COLUMNS[expected].filter((c) => !names.has(c));
  throw new FileError(
    missing.length > 0
      ? `${path} is not ${FORMAT_NAMES[expected]}: its header lacks ${missing.join(', ')}`
      : `${path} has the columns of ${FORMAT_NAMES[detected!]} as well, and would be read as that`,
  );
}

function report(result: IncidentImportResult, agreement: string): string {
  const summary =
    `Imported ${result.fileName} (${FORMAT_NAMES[result.format]}) into ${agreement}: ${result.rows} rows read, ` +
    `${result.inserted} inserted, ${result.existing} already there, ${result.rejectedCount} rejected.\n`;
  if (result.rejectedCount === 0) return summary;
  const shown = result.rejected.slice(0, REJECTED_SHOWN);
  const more = result.rejectedCount - shown.length;
  return (
    `${summary}Rejected rows:\n${renderTable(['Line', 'Reason'], shown.map((r) => [String(r.line), r.reason]))}` +
    (more > 0 ? `and ${more} more (--output json lists up to ${result.rejected.length.toLocaleString('en-US')}).\n` : '')
  );
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerIncidentImport(incidents: Command, io: CliIo): void {
  incidents
    .command('import')
    .description('Import incidents from an ACLED-style or UCDP-GED-style CSV, all or nothing (docs/IMPORT.md)')
    .argument('<file>', 'the CSV file; its header decides the format')
    .requiredOption('--agreement <agreement>', 'agreement id or slug')
    .option('--skip-invalid', 'leave bad rows out and report them, instead of importing nothing', false)
    .option('--format <format>', 'auto (from the header), or refuse the file unless it is acled or ucdp-ged', 'auto')
    .option('--alias <actor=party>', 'an actor named otherwise than its party, e.g. "Hamas Movement=Hamas" (repeatable)', collect, [])
    .option('--reliability <grade>', 'Admiralty source reliability A-F given to every row (default F: cannot be judged)')
    .option('--credibility <grade>', 'Admiralty information credibility 1-6 given to every row (default 6: cannot be judged)')
    .option('--output <format>', 'the report: table or json (json lists every rejected row)', 'table')
    .action(async (path: string, raw: Record<string, unknown>) => {
      const options = parseOptions(ImportOptions, raw);
      const size = await inputFileSize(path);
      if (options.format !== 'auto') await checkFormat(path, options.format);
      const result = await withDatabase(io, async (database) => {
        const progress = fileProgress(io, 'Importing', size);
        try {
          return await services(database, { clock: io.clock }).incidentImport.importCsv(
            {
              agreement: options.agreement,
              input: createReadStream(path),
              fileName: basename(path),
              skipInvalid: options.skipInvalid,
              aliases: options.alias,
              reliability: options.reliability,
              credibility: options.credibility,
              onProgress: (p) => progress.update(p.rows, p.bytes),
              progressEvery: 10_000,
            },
            cliActor(),
          );
        } catch (err) {
          throw fileError(err, 'read', path);
        } finally {
          progress.stop();
        }
      });
      io.stdout(options.output === 'json' ? renderJson(result) : report(result, options.agreement));
    });
}
