/**
 * npm run bench: 100,000 provisions inserted through the repository layer and by COPY, on PGlite in a
 * fresh temporary data directory and on the PostgreSQL server at BENCH_DATABASE_URL, side by side.
 * Prints figures; asserts nothing about time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { renderTable } from '../src/cli/output.ts';
import { openDatabase, redact, type Database } from '../src/db/index.ts';
import { createParents, insertThroughCopy, insertThroughRepository, measure, removeParents, type Measurement } from './provisions-insert.bench.ts';
import { attach, csvChunks, generateRows, type RowTemplate } from './rows.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const SEED = 20_260_606;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

interface Target {
  label: string;
  open(): Promise<{ database: Database; dispose(): void }>;
}

const targets: Target[] = [
  {
    label: 'PGlite (temp data dir)',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'phaseline-bench-'));
      const database = await openDatabase({ dataDir: dir });
      return { database, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    label: 'PostgreSQL server',
    async open() {
      return { database: await openDatabase({ databaseUrl: DATABASE_URL }), dispose: () => {} };
    },
  },
];

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

function progress(label: string) {
  if (!process.stderr.isTTY) return { update: () => sampleRss(), stop: () => {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} rows`, stream: process.stderr, clearOnComplete: true });
  bar.start(ROWS, 0);
  return {
    update: (done: number) => {
      sampleRss();
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

async function runTarget(target: Target, templates: readonly RowTemplate[]): Promise<{ version: string; results: Measurement[] }> {
  const { database, dispose } = await target.open();
  try {
    const [row] = await database.query<{ server_version: string }>('SHOW server_version');
    const parents = await createParents(database);
    try {
      const results: Measurement[] = [];
      for (const [name, method] of [
        ['repository insertMany', insertThroughRepository],
        ['COPY (floor)', insertThroughCopy],
      ] as const) {
        const bar = progress(`${target.label}, ${name}`);
        try {
          results.push(await measure(database, parents, name, method, templates, { batchSize: BATCH, onProgress: bar.update }));
        } finally {
          bar.stop();
          sampleRss();
        }
      }
      return { version: row?.server_version ?? '?', results };
    } finally {
      await removeParents(database, parents);
    }
  } finally {
    await database.close();
    dispose();
  }
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const generated = performance.now();
  const templates = generateRows(ROWS, SEED);
  const generateSeconds = (performance.now() - generated) / 1000;
  sampleRss();
  // How much of COPY's time is our CSV encoding, with ids as long as real ones.
  const uuid = '00000000-0000-4000-8000-000000000000';
  const sample = attach(templates, { agreementId: uuid, phaseId: uuid, pillarId: uuid, partyIds: [uuid, uuid] });
  const encodeStarted = performance.now();
  let csvBytes = 0;
  for (const chunk of csvChunks(sample, BATCH)) csvBytes += Buffer.byteLength(chunk);
  const encodeSeconds = (performance.now() - encodeStarted) / 1000;

  const lines: string[][] = [];
  const notes: string[] = [];
  for (const target of targets) {
    const { version, results } = await runTarget(target, templates);
    notes.push(`${target.label}: PostgreSQL ${version}${target.label.startsWith('PostgreSQL') ? ` at ${redact(DATABASE_URL)}` : ''}`);
    const floor = results.find((r) => r.method.startsWith('COPY'))!;
    for (const r of results) {
      lines.push([
        target.label,
        r.method,
        fmt(r.rows),
        fmt(r.seconds, 3),
        fmt(r.rows / r.seconds),
        r === floor ? '1.00' : (r.seconds / floor.seconds).toFixed(2),
        mb(r.rssAfter),
      ]);
    }
  }

  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    [
      `Bulk insert of ${fmt(ROWS)} provision rows (${BULK_NOTE}), seed ${SEED}`,
      `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}; rows generated in ${fmt(generateSeconds, 3)} s (not counted)`,
      `CSV encoding alone (inside the COPY figures): ${fmt(encodeSeconds, 3)} s for ${mb(csvBytes)}`,
      ...notes,
      renderTable(['Database', 'Method', 'Rows', 'Seconds', 'Rows/s', 'Time vs COPY', 'RSS after'], lines).trimEnd(),
      `Peak RSS of this process: ${mb(Math.max(peakRss, maxRss))} (sampled max ${mb(peakRss)}, OS maxRSS ${mb(maxRss)}); ` +
        "PGlite's memory is in it, the PostgreSQL server's is not.",
      '',
    ].join('\n'),
  );
}

const BULK_NOTE =
  `repository: ${fmt(BATCH)}-row insertMany batches (unnest arrays), all in one transaction; ` +
  'COPY: one statement of CSV, encoding included; both after a 1,000-row warm-up, on a table emptied and vacuumed';

await main();
