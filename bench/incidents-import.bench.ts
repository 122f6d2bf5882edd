/**
 * Importing 1,000,000 incidents from an ACLED-style CSV, on PGlite (in a temporary directory) and on
 * the PostgreSQL server, beside two floors: a plain COPY of the same file into a table of the same
 * shape (the file's columns, no index), and a COPY of the rows already mapped into incidents itself
 * (its indexes and foreign keys, no parsing: the table's own floor, rolled back), split on
 * PostgreSQL into what a table of incidents' columns costs, then its indexes, then its foreign keys.
 * Then, over those rows, the compliance queries (served by verified_incident_days), the filtered
 * incident page (medians of several runs) and a streamed CSV export. Run on its own:
 *
 *   npx tsx bench/incidents-import.bench.ts
 *
 * BENCH_ROWS (1000000), BENCH_DATABASES (pglite,postgres), BENCH_METHODS (copy,staging,unnest; on
 * PGlite only the first unless BENCH_PGLITE_ALL=1), BENCH_DATABASE_URL
 * (postgresql://postgres@127.0.0.1:5432/test). Bench agreements are deleted afterwards and the
 * floor table dropped.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Table from 'cli-table3';
import { from as copyFrom } from 'pg-copy-streams';
import { partyMatcher, rowMapper, zoneAssigner } from '../src/core/index.ts';
import { sql, type SQL } from 'drizzle-orm';
import { complianceQuery, incidentBulk, openDatabase, repositories, type Database } from '../src/db/index.ts';
import { gazaGovernorates } from '../src/server/demo/demo.service.ts';
import { services, type Services } from '../src/server/app.ts';
import { fixedClock } from '../src/server/clock.ts';
import type { ImportMethod } from '../src/server/incidents/import.ts';
import { exportIncidents } from '../src/server/incidents/export.ts';
import { parse } from 'csv-parse';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { FLOOR_COLUMNS, writeIncidentCsv } from './incidents-data.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').map((s) => s.trim());
const METHODS = (process.env.BENCH_METHODS ?? 'copy,staging,unnest').split(',').map((s) => s.trim()) as ImportMethod[];
const RUNS = 9;
const ACTOR = { id: null, name: 'phaseline bench' };
const NOW = new Date();

const importRows: string[][] = [];
const queryRows: string[][] = [];
const otherRows: string[][] = [];
const plans: string[] = [];

const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');
const LABELS: Record<ImportMethod, string> = {
  copy: 'phaseline import: COPY into incidents while reading',
  staging: 'phaseline import: COPY to staging, INSERT ... SELECT',
  unnest: 'phaseline import: unnest batches of 5,000',
};
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

/** An agreement in Asia/Gaza with its parties, ten provisions and the Gaza governorates as zones. */
async function benchAgreement(svc: Services): Promise<{ slug: string; id: string; provisionIds: string[]; partyIds: Record<string, string> }> {
  const slug = `bench-incidents-${randomUUID().slice(0, 8)}`;
  const a = await svc.agreements.create(
    { slug, title: 'Benchmark: incident import (deleted after the run)', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: true, public: false, sourceNote: 'Synthetic benchmark data' },
    ACTOR,
  );
  const partyIds: Record<string, string> = {};
  for (const name of ['Israel', 'Hamas']) partyIds[name] = (await svc.agreements.parties.create(slug, { name, localName: null, role: 'belligerent', description: '' }, ACTOR)).id;
  const phase = await svc.agreements.phases.create(slug, { name: 'Phase One', objective: '', status: 'active', plannedStart: null, plannedEnd: null }, ACTOR);
  const provisionIds: string[] = [];
  for (let i = 1; i <= 10; i += 1) {
    const p = await svc.provisions.create(slug, { phaseId: phase.id, pillarId: null, code: `1.${i}`, title: `Provision ${i}`, text: '', category: 'ceasefire', obligatedPartyId: null, deadline: null, verificationMethod: '', status: 'minimal' }, ACTOR);
    provisionIds.push(p.id);
  }
  const collection = { type: 'FeatureCollection', features: gazaGovernorates().map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry })) };
  await svc.zones.importCollection(slug, collection, { kind: 'sector', nameProperty: 'adm2_name' }, ACTOR);
  return { slug, id: a.id, provisionIds, partyIds };
}

/** The floor: COPY of the file, as is, into a table of its columns. */
async function floor(database: Database, file: string): Promise<number> {
  const table = `bench_floor_${randomUUID().slice(0, 8)}`;
  await database.query(`CREATE TABLE ${table} (${FLOOR_COLUMNS})`);
  try {
    const [, ms] = await timed(async () => {
      if (database.pool) {
        const client = await database.pool.connect();
        try {
          await pipeline(createReadStream(file), client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`)));
        } finally {
          client.release();
        }
        return;
      }
      // PGlite reads COPY from a Blob: the file goes in pieces cut at line ends (no field holds one).
      let carry = '';
      let first = true;
      const send = async (text: string) => {
        await database.pglite!.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv, HEADER ${first})`, [], { blob: new Blob([text]) });
        first = false;
      };
      for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 8 << 20 })) {
        const text = carry + (chunk as string);
        const cut = text.lastIndexOf('\n') + 1;
        carry = text.slice(cut);
        if (cut > 0) await send(text.slice(0, cut));
      }
      if (carry) await send(carry);
    });
    const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    if (Number(row!.n) !== ROWS) throw new Error(`floor loaded ${row!.n} rows, expected ${ROWS}`);
    return ms;
  } finally {
    await database.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

/**
 * The table's own floor, and where it goes: the file's rows mapped beforehand (untimed) to COPY
 * text, then one COPY each (rolled back) into a table of incidents' columns without index or
 * foreign key, into one with incidents' indexes but no foreign key (LIKE ... INCLUDING INDEXES),
 * and into incidents itself. The differences are what the indexes and the foreign keys cost.
 */
async function tableFloor(database: Database, svc: Services, file: string, dir: string, breakdown: boolean): Promise<Array<[string, number]>> {
  const repos = repositories(database.db);
  const a = await benchAgreement(svc);
  const prepared = join(dir, 'incidents.copy');
  const shapes: Array<[label: string, table: string, like: string]> = breakdown
    ? [
        ['incidents\' columns, no index, no FK', `bench_bare_${randomUUID().slice(0, 8)}`, 'INCLUDING DEFAULTS'],
        ['incidents\' columns and 9 indexes, no FK', `bench_indexed_${randomUUID().slice(0, 8)}`, 'INCLUDING DEFAULTS INCLUDING INDEXES'],
      ]
    : [];
  try {
    const parties = await repos.parties.list(a.id);
    const assignZone = zoneAssigner(await repos.zones.assignable(a.id));
    const out = createWriteStream(prepared);
    let map: ReturnType<typeof rowMapper> | null = null;
    const nextId = incidentBulk.importIds(NOW);
    for await (const record of createReadStream(file).pipe(parse({ relax_column_count: true })) as AsyncIterable<string[]>) {
      if (!map) {
        map = rowMapper('acled', record, { timeZone: 'Asia/Gaza', now: NOW, matchParty: partyMatcher(parties, { 'Hamas Movement': a.partyIds.Hamas! }), assignZone, reliability: 'F', credibility: 6 });
        continue;
      }
      const result = map(record);
      if (!result.ok) throw new Error(result.reason);
      const line = incidentBulk.copyLine({ ...result.incident, id: nextId(), agreementId: a.id, reportedAt: NOW, reportedBy: null });
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    for (const [, table, like] of shapes) await database.query(`CREATE TABLE ${table} (LIKE incidents ${like})`);
    const columns = incidentBulk.DIRECT_TARGET.slice('incidents'.length);
    const targets: Array<[string, string]> = [...shapes.map(([label, table]): [string, string] => [label, `${table}${columns}`]), ['incidents (9 indexes, 6 FKs)', incidentBulk.DIRECT_TARGET]];
    const times: Array<[string, number]> = [];
    for (const [label, target] of targets) {
      const rollback = new Error('rollback');
      await database
        .bulkTransaction(async (tx) => {
          const start = performance.now();
          await tx.copyIn(target, createReadStream(prepared, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>);
          times.push([label, performance.now() - start]);
          throw rollback;
        })
        .catch((err: unknown) => {
          if (err !== rollback) throw err;
        });
    }
    return times;
  } finally {
    for (const [, table] of shapes) await database.query(`DROP TABLE IF EXISTS ${table}`);
    rmSync(prepared, { force: true });
    await repos.agreements.remove(a.id);
  }
}

async function median(work: () => Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push((await timed(work))[1]);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, min: times[0]!, max: times[RUNS - 1]! };
}

/** A fifth of the incidents verified (attributed to their alleged party), each bearing on one provision. */
async function verifySome(database: Database, agreementId: string, provisionIds: string[]): Promise<void> {
  await database.query(
    `UPDATE incidents SET status = 'verified', attributed_party_id = alleged_party_id
     WHERE agreement_id = $1 AND abs(hashtext(id::text)) % 5 = 0`,
    [agreementId],
  );
  await database.query(
    `INSERT INTO incident_provisions (incident_id, provision_id)
     SELECT id, ($2::uuid[])[1 + abs(hashtext(id::text)) % 10] FROM incidents WHERE agreement_id = $1 AND status = 'verified'`,
    [agreementId, provisionIds],
  );
  await database.query('VACUUM ANALYZE incidents');
  await database.query('VACUUM ANALYZE incident_provisions');
}

async function explain(database: Database, name: string, query: SQL): Promise<void> {
  const result = (await database.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`)) as unknown as { rows: Array<{ 'QUERY PLAN': string }> };
  const lines = result.rows.map((r) => r['QUERY PLAN']);
  const nodes = lines.filter((l) => /Scan|Aggregate|Sort|Join|Limit|Nested/.test(l)).map((l) => l.trim().replace(/\s+\(cost=[^)]*\)/, ''));
  plans.push(`${database.kind} · ${name}\n  ${nodes.slice(0, 8).join('\n  ')}\n  ${lines.find((l) => l.startsWith('Execution Time')) ?? ''}`);
}

async function queries(database: Database, svc: Services, a: Awaited<ReturnType<typeof benchAgreement>>): Promise<void> {
  const repos = repositories(database.db);
  const gaza = (await repos.zones.list(a.id)).find((z) => z.name === 'Gaza')!.id;
  const base = { order: 'desc' as const, limit: 50, offset: 0 };
  const thirtyDays = { from: new Date(NOW.getTime() - 30 * 86_400_000), to: NOW };
  let deepCursor: { occurredAt: string; id: string } | null = null;
  for (let i = 0; i < 20; i += 1) deepCursor = (await repos.incidents.page(a.id, { ...base, zoneId: gaza, ...(deepCursor ? { cursor: deepCursor } : {}) })).nextCursor;
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['compliance by party, by day (90 days)', () => svc.compliance.counts(a.slug, { by: 'party', granularity: 'day' })],
    ['compliance by provision, by week (90 days)', () => svc.compliance.counts(a.slug, { by: 'provision', granularity: 'week' })],
    ['compliance by party, by week (3 years)', () => svc.compliance.counts(a.slug, { by: 'party', granularity: 'week', from: new Date(NOW.getTime() - 1_095 * 86_400_000).toISOString() })],
    ['Strategic Matrix (with 7-day violations)', () => svc.matrix.get(a.slug)],
    ['page: newest 50', () => repos.incidents.page(a.id, base)],
    ['page: status + category', () => repos.incidents.page(a.id, { ...base, status: ['reported'], category: ['shelling'] })],
    ['page: alleged party, last 30 days', () => repos.incidents.page(a.id, { ...base, partyId: a.partyIds.Israel, ...thirtyDays })],
    ['page: zone, 21st page by cursor', () => repos.incidents.page(a.id, { ...base, zoneId: gaza, cursor: deepCursor! })],
    ['page: verified, attributed party', () => repos.incidents.page(a.id, { ...base, status: ['verified'], attributedPartyId: a.partyIds.Hamas })],
  ];
  for (const [name, work] of cases) {
    const t = await median(work);
    queryRows.push([database.kind, name, t.median.toFixed(1), t.min.toFixed(1), t.max.toFixed(1)]);
    log(`${database.kind}: ${name}: ${t.median.toFixed(1)} ms`);
  }
  if (database.kind === 'postgres') {
    const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
    const compliance = (by: 'party' | 'provision', granularity: 'day' | 'week', from: Date) => complianceQuery(a.id, { by, granularity, from, to: NOW, timeZone: 'Asia/Gaza' });
    await explain(database, 'compliance by party, by day (90 days)', compliance('party', 'day', days(90)));
    await explain(database, 'compliance by provision, by week (90 days)', compliance('provision', 'week', days(90)));
    await explain(database, 'compliance by party, by week (3 years)', compliance('party', 'week', days(1_095)));
    await explain(
      database,
      'page: status + category',
      sql`SELECT * FROM incidents WHERE agreement_id = ${a.id} AND status = 'reported' AND category = 'shelling' ORDER BY occurred_at DESC, id DESC LIMIT 51`,
    );
    await explain(
      database,
      'page: status + category, capped count',
      sql`SELECT count(*) FROM (SELECT 1 FROM incidents WHERE agreement_id = ${a.id} AND status = 'reported' AND category = 'shelling' ORDER BY occurred_at DESC, id DESC LIMIT 1001) c`,
    );
  }
}

async function exportAll(database: Database, svc: Services, agreementId: string): Promise<void> {
  const repos = repositories(database.db);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done();
    },
  });
  const rssBefore = process.memoryUsage().rss;
  const [, ms] = await timed(() => pipeline(exportIncidents(repos, agreementId, {}, 'csv'), sink));
  const rssAfter = process.memoryUsage().rss;
  otherRows.push([database.kind, `export CSV (${(bytes / 1e6).toFixed(0)} MB, streamed)`, seconds(ms), perSecond(ROWS, ms), `RSS ${Math.round(rssBefore / 1e6)} -> ${Math.round(rssAfter / 1e6)} MB`]);
}

async function benchDatabase(kind: string, file: string, dir: string): Promise<void> {
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'phaseline-bench-')) : undefined;
  const database = await openDatabase(kind === 'pglite' ? { dataDir } : { databaseUrl: DATABASE_URL });
  const svc = services(database, { clock: fixedClock(NOW) });
  const repos = repositories(database.db);
  const agreements: string[] = [];
  try {
    log(`${kind}: COPY floor`);
    const floorMs = await floor(database, file);
    importRows.push([kind, 'floor: COPY of the file into a table of its shape', ROWS.toLocaleString('en'), seconds(floorMs), perSecond(ROWS, floorMs), '1.00']);
    log(`${kind}: COPY of the mapped rows into incidents' shape, its indexes, and incidents (rolled back)`);
    const breakdown = kind === 'postgres' || process.env.BENCH_PGLITE_ALL === '1';
    for (const [label, ms] of await tableFloor(database, svc, file, dir, breakdown)) {
      importRows.push([kind, `COPY of the mapped rows into ${label}`, ROWS.toLocaleString('en'), seconds(ms), perSecond(ROWS, ms), (ms / floorMs).toFixed(2)]);
    }
    const chosen = kind === 'postgres' || process.env.BENCH_PGLITE_ALL === '1' ? METHODS : METHODS.slice(0, 1);
    // The default method runs last: its rows stay for the queries.
    const methods = [...chosen.filter((m) => m !== 'copy'), ...chosen.filter((m) => m === 'copy')];
    // The last method's agreement stays for the queries; the others are deleted first.
    for (const [i, method] of methods.entries()) {
      const a = await benchAgreement(svc);
      agreements.push(a.id);
      log(`${kind}: import (${method})`);
      const [result, ms] = await timed(() =>
        svc.incidentImport.importCsv({ agreement: a.slug, input: createReadStream(file), fileName: 'bench.csv', method, aliases: { 'Hamas Movement': 'Hamas' } }, ACTOR),
      );
      if (result.inserted !== ROWS) throw new Error(`imported ${result.inserted} of ${ROWS}`);
      importRows.push([kind, LABELS[method], ROWS.toLocaleString('en'), seconds(ms), perSecond(ROWS, ms), (ms / floorMs).toFixed(2)]);
      if (i < methods.length - 1) {
        const [, deleteMs] = await timed(() => repos.agreements.remove(a.id));
        agreements.pop();
        otherRows.push([kind, `delete agreement with ${ROWS.toLocaleString('en')} incidents`, seconds(deleteMs), perSecond(ROWS, deleteMs), '']);
        // The next import starts without the dead rows of this one.
        await database.query('VACUUM incidents');
        continue;
      }
      log(`${kind}: verifying a fifth of the incidents for the compliance queries`);
      await verifySome(database, a.id, a.provisionIds);
      await queries(database, svc, a);
      log(`${kind}: export`);
      await exportAll(database, svc, a.id);
    }
  } finally {
    for (const id of agreements) {
      const [, ms] = await timed(() => repos.agreements.remove(id));
      otherRows.push([kind, `delete agreement with ${ROWS.toLocaleString('en')} incidents`, seconds(ms), perSecond(ROWS, ms), '']);
    }
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'phaseline-bench-csv-'));
  const file = join(dir, 'incidents.csv');
  try {
    log(`writing ${ROWS.toLocaleString('en')} synthetic ACLED-style rows`);
    const bytes = await writeIncidentCsv(file, ROWS, NOW);
    log(`${(bytes / 1e6).toFixed(0)} MB`);
    for (const kind of DATABASES) await benchDatabase(kind, file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const imports = new Table({ head: ['Database', 'Method', 'Rows', 'Seconds', 'Rows/s', '× floor'] });
  imports.push(...importRows);
  const reads = new Table({ head: ['Database', `Query over ${ROWS.toLocaleString('en')} incidents`, 'Median ms', 'Min ms', 'Max ms'] });
  reads.push(...queryRows);
  const other = new Table({ head: ['Database', 'Operation', 'Seconds', 'Rows/s', 'Note'] });
  other.push(...otherRows);
  console.log(`Incident import benchmark: ${ROWS.toLocaleString('en')} rows, medians of ${RUNS} runs after one warm-up`);
  console.log(imports.toString());
  console.log(reads.toString());
  console.log(other.toString());
  console.log(`Peak RSS of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  if (plans.length > 0) console.log(`\nEXPLAIN ANALYZE on PostgreSQL:\n${plans.join('\n')}`);
}

await main();
