/**
 * Inserting provisions in bulk: through the repository (provisions.insertMany, unnest arrays, in
 * batches, all in one transaction) against the floor, COPY of the same rows and columns into the same
 * table. Each method starts from the same state: a fresh agreement whose rows are deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { repositories, type Database, type Db } from '../src/db/index.ts';
import { attach, COPY_COLUMNS, csvChunks, type Parents, type RowTemplate } from './rows.ts';

export interface Measurement {
  method: string;
  rows: number;
  seconds: number;
  /** Resident set size of this process right after the run, in bytes. */
  rssAfter: number;
}

export interface InsertOptions {
  batchSize: number;
  /** Called after each batch with the rows inserted so far (progress bars). */
  onProgress?: (done: number) => void;
}

/** An agreement with one phase, one pillar and two parties for the rows to hang on. */
export async function createParents(database: Database): Promise<Parents> {
  const repos = repositories(database.db);
  const agreement = await repos.agreements.insert({
    slug: `bench-${randomUUID().slice(0, 8)}`,
    title: 'Benchmark: bulk insert of provisions (deleted after the run)',
    status: 'drafting',
  });
  const agreementId = agreement.id;
  const phase = await repos.phases.insert({ agreementId, ordinal: 1, name: 'Bench phase', status: 'planned' });
  const pillar = await repos.pillars.insert({ agreementId, ordinal: 1, title: 'Bench pillar' });
  const parties = await Promise.all(
    ['Bench party A', 'Bench party B'].map((name) => repos.parties.insert({ agreementId, name, role: 'belligerent' })),
  );
  return { agreementId, phaseId: phase.id, pillarId: pillar.id, partyIds: parties.map((p) => p.id) };
}

export async function removeParents(database: Database, parents: Parents): Promise<void> {
  await repositories(database.db).agreements.remove(parents.agreementId);
}

async function countRows(database: Database, agreementId: string): Promise<number> {
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM provisions WHERE agreement_id = $1', [
    agreementId,
  ]);
  return row?.n ?? 0;
}

/** Deletes the agreement's rows and vacuums, so that the next method starts on the same table. */
async function clearRows(database: Database, agreementId: string): Promise<void> {
  await database.query('DELETE FROM provisions WHERE agreement_id = $1', [agreementId]);
  await database.query('VACUUM provisions');
}

/** repositories(tx).provisions.insertMany, `batchSize` rows a statement, every batch in one transaction. */
export async function insertThroughRepository(database: Database, rows: ReturnType<typeof attach>, options: InsertOptions) {
  await database.db.transaction(async (tx) => {
    const provisions = repositories(tx as unknown as Db).provisions;
    for (let i = 0; i < rows.length; i += options.batchSize) {
      // Each provision's status history starts in the same statement, as every bulk insert's does.
      await provisions.insertMany(rows.slice(i, i + options.batchSize), { actorId: null, actorName: 'bench', at: new Date() });
      options.onProgress?.(Math.min(rows.length, i + options.batchSize));
    }
  });
}

/** COPY provisions (cols) FROM STDIN (server) or FROM '/dev/blob' (PGlite), FORMAT csv: one statement. */
export async function insertThroughCopy(database: Database, rows: ReturnType<typeof attach>, options: InsertOptions) {
  const sql = (source: string) => `COPY provisions (${COPY_COLUMNS}) FROM ${source} WITH (FORMAT csv)`;
  if (database.pglite) {
    // PGlite reads COPY input from a virtual /dev/blob device fed by the query's `blob` option.
    const blob = new Blob([...csvChunks(rows, options.batchSize)], { type: 'text/csv' });
    await database.pglite.query(sql(`'/dev/blob'`), [], { blob });
    options.onProgress?.(rows.length);
    return;
  }
  const client = await database.pool!.connect();
  try {
    let done = 0;
    const source = Readable.from(
      (function* () {
        for (const chunk of csvChunks(rows, options.batchSize)) {
          yield chunk;
          done = Math.min(rows.length, done + options.batchSize);
          options.onProgress?.(done);
        }
      })(),
    );
    await pipeline(source, client.query(copyFrom(sql('STDIN'))));
  } finally {
    client.release();
  }
}

type Method = typeof insertThroughRepository;

/**
 * Measures `method` on fresh rows: a small warm-up run first (not counted), then the full run,
 * checking that every row arrived. The rows are deleted afterwards.
 */
export async function measure(
  database: Database,
  parents: Parents,
  name: string,
  method: Method,
  templates: readonly RowTemplate[],
  options: InsertOptions,
): Promise<Measurement> {
  const rows = attach(templates, parents);
  await method(database, rows.slice(0, 1_000), { batchSize: options.batchSize });
  await clearRows(database, parents.agreementId);

  const started = performance.now();
  await method(database, rows, options);
  const seconds = (performance.now() - started) / 1000;
  const rssAfter = process.memoryUsage().rss;

  const stored = await countRows(database, parents.agreementId);
  if (stored !== rows.length) throw new Error(`${name}: expected ${rows.length} rows, found ${stored}`);
  await clearRows(database, parents.agreementId);
  return { method: name, rows: rows.length, seconds, rssAfter };
}
