/**
 * The public read path under load: `npx tsx bench/api.bench.ts`. One run measures, with 10
 * concurrent clients (autocannon in a worker thread, to 127.0.0.1 only, for BENCH_SECONDS each), the
 * API on PGlite (a fresh temporary data directory) and on the PostgreSQL server at BENCH_DATABASE_URL
 * (a database of its own, created and dropped), each route beside a bare Fastify route that answers
 * the same bytes (same body, same Content-Encoding), and prints the ratios against the goals; then
 * the JavaScript the home page and the map page download, gzip-compressed, from the built web/dist.
 * The demo scenario, with synthetic incidents imported, is the data. Prints figures; asserts nothing.
 */
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { renderTable } from '../src/cli/output.ts';
import { AgreementListQuery, AgreementView, encodeCursor, IncidentListQuery, IncidentPage, MatrixView, page } from '../src/contract/index.ts';
import { ANONYMOUS } from '../src/core/index.ts';
import { openDatabase, redact, type Database } from '../src/db/index.ts';
import { buildApp, services } from '../src/server/app.ts';
import { loadDemo } from '../src/server/demo/demo.service.ts';
import { WEB_DIST } from '../src/server/system/system.routes.ts';
import { BENCH_DATABASE_URL, openPgliteBench, openPostgresBench, type BenchDatabase } from './databases.ts';
import { writeIncidentCsv } from './incidents-data.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 5_000);
/** What Chromium sends. */
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const SYSTEM = { id: null, name: 'api benchmark' };

interface Target {
  name: string;
  path: string;
  /** The share of the bare route's throughput aimed at; none for a route measured for information. */
  goal: number | null;
  /** Sends the monitor's API token: incidents are for members. */
  member?: boolean;
}

const TARGETS: Target[] = [
  { name: 'matrix of a public agreement', path: '/api/agreements/cairo-2026/matrix', goal: 0.5 },
  { name: 'agreement list', path: '/api/agreements', goal: 0.25 },
  { name: 'incident page (50, as a monitor)', path: '/api/agreements/cairo-2026/incidents?limit=50', goal: 0.25, member: true },
  { name: 'agreement summary', path: '/api/agreements/cairo-2026/summary', goal: null },
  { name: 'compliance (90 days by party)', path: '/api/agreements/cairo-2026/compliance', goal: null },
  { name: 'zones as GeoJSON', path: '/api/agreements/cairo-2026/zones/geojson', goal: null },
];

/** The demo, INCIDENTS synthetic incidents over 90 days, and a monitor with an API token. */
async function seed(database: Database): Promise<{ memberToken: string }> {
  await loadDemo(database);
  const svc = services(database);
  const dir = mkdtempSync(join(tmpdir(), 'phaseline-api-bench-csv-'));
  try {
    const file = join(dir, 'incidents.csv');
    await writeIncidentCsv(file, INCIDENTS, new Date(), 90);
    await svc.incidentImport.importCsv(
      {
        agreement: 'cairo-2026',
        input: createReadStream(file),
        fileName: 'synthetic-benchmark-incidents.csv',
        skipInvalid: true,
        aliases: { 'Military Forces of Israel (2022-)': 'Israel', 'Police Forces of Israel (2022-)': 'Israel', 'Hamas Movement': 'Hamas' },
      },
      SYSTEM,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const user = await svc.auth.createUser({ email: `monitor-${Date.now()}@bench.example`, name: 'Bench monitor', admin: false }, SYSTEM);
  await svc.members.set('cairo-2026', user.id, { role: 'monitor', partyId: null }, SYSTEM);
  const { token } = await svc.auth.createToken(user.id, { name: 'bench', expiresInDays: null }, SYSTEM);
  return { memberToken: token };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** Requests per second over SECONDS, after a one-second warm-up; non-2xx answers are counted apart. */
async function throughput(url: string, headers: Record<string, string>): Promise<{ rps: number; errors: number }> {
  const run = (duration: number) => autocannon({ url, connections: CONNECTIONS, duration, headers, workers: 1 });
  await run(1);
  const result = await run(SECONDS);
  return { rps: result.requests.average, errors: result.non2xx + result.errors + result.timeouts };
}

interface Captured {
  body: Buffer;
  headers: Record<string, string>;
}

/** The response's bytes as sent (not decoded) and the headers the bare route repeats. */
function capture(url: string, headers: Record<string, string>): Promise<Captured> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode} ${body.toString()}`));
        const kept: Record<string, string> = { 'content-type': String(res.headers['content-type'] ?? 'application/json') };
        if (res.headers['content-encoding']) kept['content-encoding'] = res.headers['content-encoding'];
        resolve({ body, headers: kept });
      });
    }).on('error', reject);
  });
}

interface Row {
  database: string;
  target: Target;
  bytes: number;
  encoding: string;
  app: number;
  bare: number;
  errors: number;
}

async function measure(setup: BenchDatabase): Promise<Row[]> {
  const { memberToken } = await seed(setup.database);
  const app = await buildApp({ database: setup.database, logger: false });
  const base = await listen(app);
  const bare = Fastify({ logger: false });
  const captured: Captured[] = [];
  bare.get('/bare/:n', async (req, reply) => {
    const c = captured[Number((req.params as { n: string }).n)]!;
    return reply.headers(c.headers).send(c.body);
  });
  const bareBase = await listen(bare);
  const rows: Row[] = [];
  try {
    for (const target of TARGETS) {
      const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING, ...(target.member ? { authorization: `Bearer ${memberToken}` } : {}) };
      const c = await capture(`${base}${target.path}`, headers);
      captured.push(c);
      const n = captured.length - 1;
      process.stderr.write(`${setup.label}: ${target.name}\n`);
      const bareRun = await throughput(`${bareBase}/bare/${n}`, { 'accept-encoding': ACCEPT_ENCODING });
      const appRun = await throughput(`${base}${target.path}`, headers);
      rows.push({
        database: setup.label,
        target,
        bytes: c.body.length,
        encoding: c.headers['content-encoding'] ?? 'identity',
        app: appRun.rps,
        bare: bareRun.rps,
        errors: appRun.errors + bareRun.errors,
      });
    }
  } finally {
    await app.close();
    await bare.close();
  }
  return rows;
}

/** Static imports of a built chunk: `from"./x.js"` and `import"./x.js"`. */
function staticImports(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  return [...code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]!);
}

function closure(dir: string, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of staticImports(dir, file)) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

const gzipped = (dir: string, files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);

/** The JavaScript each page downloads, gzip-compressed, and whether the server sends it compressed. */
async function bundles(): Promise<string[]> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) return ['Bundles: web/dist is not built (npm run build); not measured.'];
  const assets = join(WEB_DIST, 'assets');
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const home = closure(assets, entry);
  // The map's route chunk and the screen it loads lazily (main.tsx, map/MapPage.tsx).
  const mapChunks = readdirSync(assets).filter((f) => /^Map(?:Page|Screen)-.*\.js$/.test(f));
  const mapScripts = closure(assets, [...entry, ...mapChunks]);
  // MapLibre's worker is fetched by URL (an ?url import), not imported.
  const workers = [...mapScripts].flatMap((f) => [...readFileSync(join(assets, f), 'utf8').matchAll(/assets\/([^"'`]+\.mjs)/g)].map((m) => m[1]!));
  const map = new Set([...mapScripts, ...workers]);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

  // Served compressed? Ask the app for the entry script as a browser would.
  const database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'phaseline-api-bench-web-')) });
  const app = await buildApp({ database, logger: false });
  const res = await app.inject({ method: 'GET', url: `/assets/${entry[0]}`, headers: { 'accept-encoding': ACCEPT_ENCODING } });
  await app.close();
  await database.close();
  const homeGz = gzipped(assets, home);
  const mapGz = gzipped(assets, map);
  const workerGz = gzipped(assets, new Set(workers));
  const brotli = (files: Set<string>) => [...files].reduce((sum, f) => sum + (existsSync(join(assets, `${f}.br`)) ? readFileSync(join(assets, `${f}.br`)).length : gzipSync(readFileSync(join(assets, f))).length), 0);
  return [
    `Home page JavaScript: ${kb(homeGz)} gzipped, ${kb(brotli(home))} as sent (brotli) (${home.size} files; goal <= 150 KB gzipped: ${homeGz <= 150 * 1024 ? 'met' : 'NOT met'}); ` +
      `the entry script is sent with Content-Encoding ${res.headers['content-encoding'] ?? 'none'}, Cache-Control "${String(res.headers['cache-control'])}"`,
    `Map page JavaScript: ${kb(mapGz)} gzipped, ${kb(brotli(map))} as sent (${map.size} files; goal <= 500 KB gzipped: ${mapGz <= 500 * 1024 ? 'met' : 'NOT met'}); ` +
      `of which MapLibre's worker ${kb(workerGz)}, the page's scripts without it ${kb(mapGz - workerGz)}`,
  ];
}

/**
 * What checking an answer against its response schema (zod, as Fastify's serializer did on every
 * request) costs beside JSON.stringify alone, in microseconds per answer. Cached views pay it once
 * per change of their data, not per request.
 */
async function validationCost(database: Database): Promise<string> {
  const svc = services(database);
  const listQuery = AgreementListQuery.parse({});
  const incidentQuery = IncidentListQuery.parse({ limit: '50' });
  const incidents = await svc.incidents.page('cairo-2026', incidentQuery);
  const cases: Array<[string, z.ZodType, unknown]> = [
    ['matrix', MatrixView, await svc.matrix.get('cairo-2026')],
    ['agreement list', page(AgreementView), { ...(await svc.agreements.list(listQuery, ANONYMOUS)), limit: listQuery.limit, offset: listQuery.offset }],
    ['incident page (50)', IncidentPage, { ...incidents, limit: 50, offset: 0, nextCursor: incidents.nextCursor ? encodeCursor(incidents.nextCursor) : null }],
  ];
  const perCall = (work: () => unknown) => {
    for (let i = 0; i < 200; i += 1) work();
    const runs = 2_000;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) work();
    return ((performance.now() - started) * 1000) / runs;
  };
  const rows = cases.map(([name, schema, value]) => {
    const checked = perCall(() => JSON.stringify(schema.encode(value)));
    const plain = perCall(() => JSON.stringify(value));
    return [name, fmtMicros(plain), fmtMicros(checked), fmtMicros(checked - plain)];
  });
  return renderTable(['Answer', 'JSON.stringify (µs)', 'zod encode + stringify (µs)', 'Validation (µs)'], rows).trimEnd();
}

const fmtMicros = (n: number) => n.toFixed(0);

async function main(): Promise<void> {
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  const rows: Row[] = [];
  let validation = '';
  for (const open of [() => openPgliteBench('api'), () => openPostgresBench('api')]) {
    const setup = await open();
    try {
      rows.push(...(await measure(setup)));
      if (!validation) validation = await validationCost(setup.database);
    } finally {
      await setup.dispose();
    }
  }
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const table = renderTable(
    ['Database', 'Route', 'Bytes sent', 'Encoding', 'Route req/s', 'Bare req/s', 'Ratio', 'Goal', 'Errors'],
    rows.map((r) => [
      r.database,
      r.target.name,
      fmt(r.bytes),
      r.encoding,
      fmt(r.app),
      fmt(r.bare),
      `${((100 * r.app) / r.bare).toFixed(1)}%`,
      r.target.goal === null ? '' : `${r.target.goal * 100}%: ${r.app / r.bare >= r.target.goal ? 'met' : 'NOT met'}`,
      String(r.errors),
    ]),
  );
  const lines = [
    `API throughput, ${CONNECTIONS} connections, ${SECONDS} s per route after a 1 s warm-up, Accept-Encoding "${ACCEPT_ENCODING}"; ` +
      `demo scenario with ${fmt(INCIDENTS)} synthetic incidents`,
    `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}; load average at start ${load}, at end ${loadavg().map((l) => l.toFixed(2)).join(', ')}`,
    `PostgreSQL server: ${redact(BENCH_DATABASE_URL)} (a database of the run's own, dropped after)`,
    table.trimEnd(),
    'Response schema validation per answer (PGlite data; the cached views above check each new value once):',
    validation,
    ...(await bundles()),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

await main();
