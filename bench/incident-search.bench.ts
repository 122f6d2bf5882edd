/**
 * Incident text search through the app: `npm run bench:search`. One agreement gets BENCH_INCIDENTS
 * (100,000) synthetic incidents, written by one COPY as the import's bulk path writes them, whose
 * descriptions mix English, Arabic and Hebrew words drawn from small vocabularies with a seeded
 * generator: one word planted in about 10% of the rows, one in about 0.01%, one in none. Then the
 * first page (limit 50) of GET /api/agreements/:agreement/incidents?q=... is asked for by app.inject,
 * as a monitor, for a common word, a rare word, an absent word, an Arabic prefix and two words,
 * beside the floor: the same list without q. Each request is a miss of the view cache (it is emptied
 * before each one), so that the search itself is measured and not a copy from memory; the cases take
 * turns, so that noise from other work on the machine falls on all of them. On PGlite (a temporary
 * data directory) and on the PostgreSQL server at BENCH_DATABASE_URL
 * (postgresql://postgres@127.0.0.1:5432/test) when it answers, in a database of the run's own,
 * dropped after. BENCH_RUNS (40) timed requests per case after 3 warm-up ones. Prints figures;
 * asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { renderTable } from '../src/cli/output.ts';
import { incidentBulk, type Database } from '../src/db/index.ts';
import { prefixQuery } from '../src/db/repositories/incidents.repository.ts';
import { buildApp, services } from '../src/server/app.ts';
import { openPgliteBench, openPostgresBench } from './databases.ts';
import { mulberry32 } from './random.ts';

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARM_UP = 3;
const SEED = 20_260_707;
const SYSTEM = { id: null, name: 'search benchmark' };
const NOW = new Date();

// Filler words: none of them starts with a searched word, so that a prefix matches only what is planted.
const ENGLISH = (
  'shelling convoy patrol crossing corridor detainee withdrawal sector junction perimeter drone sniper ' +
  'mortar rocket barrage ambulance shelter hospital school market bakery fuel water tank bulldozer ' +
  'fishing boat coast border fence tunnel militia police arrest curfew monitor report witness damage'
).split(' ');
const ARABIC = 'وقف إطلاق النار ممر إنساني قصف مدفعي حي الشجاعية شرق مدينة غزة معبر شاحنات مساعدات'.split(' ');
const HEBREW = 'הפסקת אש נסיגה ירי רקטות לעבר שדרות מחסום סיור גבול'.split(' ');
const PLACES = ['Gaza City', 'Jabalia', 'Beit Lahia', 'Deir al-Balah', 'Nuseirat', 'Khan Younis', 'Rafah', 'Al Mawasi', 'Beit Hanoun'];
const COMMON = 'checkpoint';
const COMMON_SHARE = 0.1;
const RARE = 'quarry';
const RARE_SHARE = 0.0001;
const ABSENT = 'zeppelin';

interface Case {
  name: string;
  /** The q parameter; none for the floor. */
  q: string | null;
}

const CASES: Case[] = [
  { name: 'floor: the list without q', q: null },
  { name: `common word (~${COMMON_SHARE * 100}% of rows)`, q: COMMON },
  { name: `rare word (~${RARE_SHARE * 100}% of rows)`, q: RARE },
  { name: 'absent word', q: ABSENT },
  { name: 'Arabic prefix', q: 'إطلا' },
  { name: 'two words', q: `${COMMON} convoy` },
];

const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

/** COPY text of `count` incidents of `agreementId` over the three years before NOW, in chunks. */
async function* incidentLines(agreementId: string, count: number, partyIds: readonly string[]): AsyncGenerator<string> {
  const random = mulberry32(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const nextId = incidentBulk.importIds(NOW);
  const span = 1_095 * 86_400_000;
  let chunk = '';
  for (let i = 0; i < count; i += 1) {
    const words: string[] = [];
    const n = 8 + Math.floor(random() * 9);
    for (let w = 0; w < n; w += 1) {
      const r = random();
      words.push(pick(r < 0.7 ? ENGLISH : r < 0.9 ? ARABIC : HEBREW));
    }
    if (random() < COMMON_SHARE) words.splice(Math.floor(random() * words.length), 0, COMMON);
    if (random() < RARE_SHARE) words.splice(Math.floor(random() * words.length), 0, RARE);
    chunk += incidentBulk.copyLine({
      id: nextId(),
      agreementId,
      occurredAt: new Date(NOW.getTime() - Math.floor(random() * span)),
      reportedAt: NOW,
      reportedBy: null,
      lon: null,
      lat: null,
      zoneId: null,
      place: pick(PLACES),
      sourceType: 'monitor',
      reliability: 'F',
      credibility: 6,
      allegedPartyId: pick(partyIds),
      category: 'shelling',
      killed: null,
      injured: null,
      civiliansKilled: null,
      civiliansInjured: null,
      description: `Synthetic benchmark incident ${i + 1}: ${words.join(' ')}.`,
      externalSource: 'bench',
      externalId: String(i + 1),
    });
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

interface Seeded {
  slug: string;
  agreementId: string;
  token: string;
  copyMs: number;
  analyzeMs: number;
}

/** The agreement, two parties, a monitor with an API token, and the incidents by one COPY. */
async function seed(database: Database): Promise<Seeded> {
  const svc = services(database);
  const slug = `bench-search-${randomUUID().slice(0, 8)}`;
  const a = await svc.agreements.create(
    { slug, title: 'Benchmark: incident search', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: true, public: false, sourceNote: 'Synthetic benchmark data' },
    SYSTEM,
  );
  const partyIds: string[] = [];
  for (const name of ['Party A', 'Party B']) partyIds.push((await svc.agreements.parties.create(slug, { name, localName: null, role: 'belligerent', description: '' }, SYSTEM)).id);
  const user = await svc.auth.createUser({ email: `monitor-${Date.now()}@bench.example`, name: 'Bench monitor', admin: false }, SYSTEM);
  await svc.members.set(slug, user.id, { role: 'monitor', partyId: null }, SYSTEM);
  const { token } = await svc.auth.createToken(user.id, { name: 'bench', expiresInDays: null }, SYSTEM);
  const started = performance.now();
  await database.bulkTransaction((tx) => tx.copyIn(incidentBulk.DIRECT_TARGET, incidentLines(a.id, INCIDENTS, partyIds)));
  const copyMs = performance.now() - started;
  const analyzed = performance.now();
  await database.query('VACUUM ANALYZE incidents');
  return { slug, agreementId: a.id, token, copyMs, analyzeMs: performance.now() - analyzed };
}

/** Rows whose search column matches q, counted in full (untimed; the page counts up to 1,000). */
async function matching(database: Database, agreementId: string, q: string | null): Promise<number> {
  const query = q === null ? null : prefixQuery(q);
  const [row] = await database.query<{ n: number }>(
    query === null
      ? 'SELECT count(*)::int AS n FROM incidents WHERE agreement_id = $1'
      : `SELECT count(*)::int AS n FROM incidents WHERE agreement_id = $1 AND search @@ to_tsquery('simple'::regconfig, $2::text)`,
    query === null ? [agreementId] : [agreementId, query],
  );
  return Number(row?.n ?? 0);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

interface Result {
  database: string;
  name: string;
  q: string | null;
  rows: number;
  pageItems: number;
  median: number;
  p95: number;
}

async function measure(label: string, database: Database, seeded: Seeded): Promise<Result[]> {
  const app: FastifyInstance = await buildApp({ database, logger: false });
  try {
    const headers = { authorization: `Bearer ${seeded.token}`, 'accept-encoding': 'gzip, deflate, br, zstd' };
    const url = (q: string | null) => `/api/agreements/${seeded.slug}/incidents?limit=50${q === null ? '' : `&q=${encodeURIComponent(q)}`}`;
    const once = async (c: Case): Promise<number> => {
      // A miss: the view cache keeps a page until a write, and the bench writes nothing.
      app.views.close();
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url: url(c.q), headers });
      const ms = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`${url(c.q)}: ${res.statusCode} ${res.body}`);
      return ms;
    };
    for (let i = 0; i < WARM_UP; i += 1) for (const c of CASES) await once(c);
    const times = CASES.map(() => [] as number[]);
    for (let i = 0; i < RUNS; i += 1) for (const [k, c] of CASES.entries()) times[k]!.push(await once(c));
    const results: Result[] = [];
    for (const [k, c] of CASES.entries()) {
      const sorted = times[k]!.sort((x, y) => x - y);
      const page = await app.inject({ method: 'GET', url: url(c.q), headers: { authorization: headers.authorization } });
      results.push({
        database: label,
        name: c.name,
        q: c.q,
        rows: await matching(database, seeded.agreementId, c.q),
        pageItems: (JSON.parse(page.body) as { items: unknown[] }).items.length,
        median: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
      });
    }
    return results;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  const results: Result[] = [];
  const seeds: string[] = [];
  for (const open of [() => openPgliteBench('search'), () => openPostgresBench('search', { skipWhenDown: log })]) {
    const setup = await open();
    if (!setup) continue;
    try {
      log(`${setup.label}: seeding ${INCIDENTS.toLocaleString('en')} incidents`);
      const seeded = await seed(setup.database);
      const [version] = await setup.database.query<{ server_version: string }>('SHOW server_version');
      seeds.push(
        `${setup.label} ${version?.server_version ?? '?'}: seeded ${INCIDENTS.toLocaleString('en')} incidents in ${(seeded.copyMs / 1000).toFixed(1)} s ` +
          `(one COPY into incidents, its indexes and the search column's GIN index), then VACUUM ANALYZE ${(seeded.analyzeMs / 1000).toFixed(1)} s`,
      );
      log(`${setup.label}: measuring`);
      results.push(...(await measure(setup.label, setup.database, seeded)));
    } finally {
      await setup.dispose();
    }
  }
  const floors = new Map(results.filter((r) => r.q === null).map((r) => [r.database, r]));
  const table = renderTable(
    ['Database', 'Case', 'q', 'Rows matching', 'Page items', 'Median ms', 'p95 ms', '× floor (median)', '× floor (p95)'],
    results.map((r) => {
      const floor = floors.get(r.database)!;
      return [
        r.database,
        r.name,
        r.q ?? '',
        r.rows.toLocaleString('en'),
        String(r.pageItems),
        r.median.toFixed(1),
        r.p95.toFixed(1),
        (r.median / floor.median).toFixed(2),
        (r.p95 / floor.p95).toFixed(2),
      ];
    }),
  );
  const lines = [
    `Incident search, first page (limit 50) through the app (app.inject, as a monitor, view cache emptied before each request); ` +
      `${INCIDENTS.toLocaleString('en')} incidents in one agreement; ${RUNS} requests per case after ${WARM_UP} warm-up ones, the cases in turn`,
    `Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}; load average at start ${load}, at end ${loadavg().map((l) => l.toFixed(2)).join(', ')}`,
    ...seeds,
    table.trimEnd(),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

await main();
