/**
 * Requests built from the OpenAPI document for every route and method, on PGlite and on the
 * PostgreSQL server, with a fixed fast-check seed. Two properties:
 *  - well-formed: path parameters, query strings and bodies drawn from each operation's own JSON
 *    schema (ids of rows that exist, current versions), mixed with the values that used to break the
 *    database (int4 bounds, calendar bounds, unknown time zones, cursors of impossible dates, lone
 *    surrogates, NUL, huge strings): no 5xx, and every 2xx write reads back as it answered;
 *  - malformed: garbage parameters, bodies no route accepts, odd content types: no 5xx, and no row
 *    changes (every table of the schema, scoped to the run's own rows on the shared server).
 * The counts by status are printed at the end of each run.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFuzzTarget, snapshot, type FuzzTarget } from './test/openapi-fuzz.ts';
import { operationsOf, Ref, valueFor, type Kind, type Operation } from './test/schema-arbitraries.ts';

const SEED = 20_260_620;
/**
 * Well-formed requests per database: FUZZ_RUNS, else 2,000 (`npm test`); `npm run test:fuzz` runs
 * the full 10,000. The malformed requests are 15% of that (300; 1,500 in the full run). The seed is
 * fixed, so a shorter run makes the first requests of the longer one.
 */
const DEFAULT_FUZZ_RUNS = 2_000;
const WELL_FORMED_RUNS = fuzzRuns(process.env.FUZZ_RUNS);
const MALFORMED_RUNS = Math.ceil(WELL_FORMED_RUNS * 0.15);
// The time limits of the full run (10,000), longer for a longer one.
const WELL_FORMED_TIMEOUT = Math.max(600_000, WELL_FORMED_RUNS * 60);
const MALFORMED_TIMEOUT = Math.max(300_000, MALFORMED_RUNS * 200);

function fuzzRuns(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_FUZZ_RUNS;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 100) throw new Error(`FUZZ_RUNS must be an integer of at least 100, not ${JSON.stringify(value)}`);
  return runs;
}

/** The kind of row a path parameter names, from the segment before it. */
const SEGMENT_KINDS: Record<string, Kind> = {
  parties: 'party',
  phases: 'phase',
  pillars: 'pillar',
  rounds: 'round',
  provisions: 'provision',
  notes: 'note',
  zones: 'zone',
  incidents: 'incident',
  evidence: 'evidence',
  users: 'user',
  tokens: 'token',
  members: 'user',
  agreements: 'spare',
  documents: 'document',
  clauses: 'clause',
  sessions: 'session',
};

const kindOfParam = (path: string, param: string): Kind => {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return SEGMENT_KINDS[segments[at - 1] ?? ''] ?? 'incident';
};

// No "." or "..": the URL would resolve them into another route (a DELETE of the agreement itself).
const junkParam = fc.oneof(
  fc.string({ maxLength: 20 }).filter((s) => s !== '.' && s !== '..'),
  fc.constantFrom('%00', 'a\u0000b', '..%2F', 'x'.repeat(90), 'ﷺحماس'),
);

interface Drawn {
  op: Operation;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  auth: number;
}

/** A request for one operation, drawn from its parameters' and body's schemas. */
function wellFormedFor(op: Operation): fc.Arbitrary<Drawn> {
  const path = Object.fromEntries(
    op.params
      .filter((p) => p.in === 'path')
      .map((p) => {
        // Agreements are deleted among the spares only, and changed among the spares and the main
        // one, where everything else happens.
        const root = op.path === '/api/agreements/{agreement}';
        const kinds: Kind[] = p.name !== 'agreement' ? [kindOfParam(op.path, p.name)] : !root ? ['agreement'] : op.method === 'DELETE' ? ['spare'] : ['agreement', 'spare'];
        const ref = fc.tuple(fc.constantFrom(...kinds), fc.nat()).map(([kind, n]) => new Ref(kind, n));
        return [p.name, fc.oneof({ weight: 18, arbitrary: ref }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: junkParam })];
      }),
  );
  const queryParams = op.params.filter((p) => p.in === 'query');
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema, p.name, true)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
  });
  const body = op.body ? valueFor(op.body) : op.method === 'PUT' && op.path.endsWith('/evidence') ? fc.uint8Array({ maxLength: 64 }) : fc.constant(undefined);
  // Who calls: see authHeader.
  return fc.record({ op: fc.constant(op), path: fc.record(path), query, body, auth: fc.nat({ max: 19 }) });
}

/** Replaces the Refs of a drawn value with what exists now: an id of the kind, or the target's version. */
function resolve(t: FuzzTarget, value: unknown, target: string | undefined): unknown {
  if (value instanceof Ref) {
    if (value.kind === 'version') {
      const current = target === undefined ? undefined : t.versions.get(target);
      return current !== undefined && value.n % 10 < 7 ? current : (value.n % 4) + 1;
    }
    const pool = t.pools[value.kind];
    return pool.length === 0 ? '00000000-0000-4000-8000-000000000000' : pool[value.n % pool.length];
  }
  if (Array.isArray(value)) return value.map((v) => resolve(t, v, target));
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(t, v, target)]));
  }
  return value;
}

const fill = (template: string, params: Record<string, unknown>) => template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));

/** The administrator by API token or by session (accounts and tokens are managed only so), a role, or nobody. */
async function authHeader(t: FuzzTarget, auth: number): Promise<Record<string, string>> {
  if (auth < 9) return { authorization: `Bearer ${t.adminToken}` };
  if (auth < 16) return { ...(await t.session()) };
  if (auth < 19) return { authorization: `Bearer ${t.roleTokens[auth - 16]}` };
  return {};
}

const describeRequest = (options: InjectOptions, res: LightMyRequestResponse) =>
  `${options.method} ${options.url} ${String(options.payload ?? '').slice(0, 300)} -> ${res.statusCode} ${res.body.slice(0, 300)}`;

/** Notes what a 2xx answer tells about the rows: new ids for the pools, versions, deletions. */
function learn(t: FuzzTarget, op: Operation, body: Record<string, unknown>): void {
  if (op.method === 'DELETE' && body.deleted === true && typeof body.id === 'string') {
    for (const pool of Object.values(t.pools)) if (pool.includes(body.id)) pool.splice(pool.indexOf(body.id), 1);
    return;
  }
  const rows = [body, body.user, ...(Array.isArray(body.items) ? body.items : [])] as Array<{ id?: unknown; version?: unknown } | undefined>;
  for (const row of rows) if (typeof row?.id === 'string' && typeof row.version === 'number') t.versions.set(row.id, row.version);
  if (op.method !== 'POST' && op.method !== 'PUT') return;
  const last = op.path.split('/').filter((s) => s && !s.startsWith('{')).at(-1) ?? '';
  const kind = op.path.endsWith('/zones/import') ? 'zone' : SEGMENT_KINDS[last];
  if (!kind) return;
  for (const row of op.path === '/api/users' ? [body.user] : op.path.endsWith('/import') ? (body.items as unknown[]) : [body]) {
    const id = (row as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string' && !t.pools[kind].includes(id)) t.pools[kind].push(id);
  }
}

describe.each(['pglite', 'postgres'] as const)('requests built from the OpenAPI document, on %s', (name) => {
  let t: FuzzTarget;
  let operations: Operation[];
  let getPaths: Set<string>;

  beforeAll(async () => {
    t = await openFuzzTarget(name);
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    operations = operationsOf(JSON.parse(doc.body) as Parameters<typeof operationsOf>[0]);
    getPaths = new Set(operations.filter((o) => o.method === 'GET').map((o) => o.path));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const adminGet = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${t.adminToken}` } });

  let readBack = 0;
  /** After a 2xx write: the row reads back as the write answered it (a 2xx delete: it is gone). */
  async function checkStored(op: Operation, url: string, res: LightMyRequestResponse): Promise<void> {
    const answered = res.headers['content-type']?.toString().includes('json') ? (JSON.parse(res.body) as Record<string, unknown>) : null;
    if (op.method === 'DELETE') {
      if (!getPaths.has(op.path)) return;
      expect((await adminGet(url.split('?')[0]!)).statusCode, `after DELETE ${url}`).toBe(404);
      readBack += 1;
      return;
    }
    if (!answered || typeof answered.id !== 'string') return;
    const path = url.split('?')[0]!;
    let readUrl: string | null = null;
    if (op.method === 'POST' && getPaths.has(`${op.path}/{id}`)) readUrl = `${path}/${answered.id}`;
    else if (op.method === 'POST' && op.path === '/api/agreements') readUrl = `/api/agreements/${answered.id}`;
    else if (op.method !== 'POST' && getPaths.has(op.path)) readUrl = path.replace(/[^/]+$/, answered.id); // by id: a PATCH may rename a slug
    else if (op.path.endsWith('/transitions')) readUrl = path.slice(0, -'/transitions'.length);
    if (!readUrl) return;
    const read = await adminGet(readUrl);
    expect(read.statusCode, `GET ${readUrl} after ${op.method} ${url}`).toBe(200);
    const stored = JSON.parse(read.body) as Record<string, unknown>;
    for (const [key, value] of Object.entries(answered)) expect(stored[key], `${key} of ${readUrl} after ${op.method} ${url}`).toEqual(value);
    readBack += 1;
  }

  it(`well-formed and extreme requests (${WELL_FORMED_RUNS}): no 5xx, and a 2xx write stores what it answered`, async () => {
    const seen = new Map<number, number>();
    const request = fc.oneof(...operations.map(wellFormedFor));
    await fc.assert(
      fc.asyncProperty(request, async (drawn) => {
        const { op } = drawn;
        const params = resolve(t, drawn.path, undefined) as Record<string, unknown>;
        const target = String(params.id ?? params.userId ?? params.clause ?? params.document ?? params.agreement ?? '');
        const query = resolve(t, drawn.query, target) as Record<string, unknown>;
        const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
        const url = `${fill(op.path, params)}${qs ? `?${qs}` : ''}`;
        const headers = await authHeader(t, drawn.auth);
        const options: InjectOptions = { method: op.method as InjectOptions['method'], url, headers };
        if (drawn.body instanceof Uint8Array) {
          options.payload = Buffer.from(drawn.body);
          headers['content-type'] = 'application/octet-stream';
        } else if (drawn.body !== undefined) {
          options.payload = JSON.stringify(resolve(t, drawn.body, target));
          headers['content-type'] = 'application/json';
        }
        const res = await t.app.inject(options);
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, describeRequest(options, res)).toBeLessThan(500);
        // A logout, or a password change elsewhere, ends the session: the next one logs in again.
        if ((res.statusCode < 300 && op.path === '/api/auth/logout') || (res.statusCode === 401 && headers.cookie)) t.endSession();
        if (res.statusCode < 300 && op.path === '/api/auth/password') t.password = (JSON.parse(options.payload as string) as { newPassword: string }).newPassword;
        if (res.statusCode < 300 && op.method !== 'GET') {
          if (res.headers['content-type']?.toString().includes('json')) learn(t, op, JSON.parse(res.body) as Record<string, unknown>);
          await checkStored(op, url, res);
        }
      }),
      { numRuns: WELL_FORMED_RUNS, seed: SEED, endOnFailure: true },
    );
    const counts = Object.fromEntries([...seen.entries()].sort(([a], [b]) => a - b));
    console.log(`fuzz (well-formed) on ${name}: ${WELL_FORMED_RUNS} requests, seed ${SEED}, by status ${JSON.stringify(counts)}; ${readBack} writes read back`);
    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    const ok = [...seen.entries()].filter(([s]) => s < 300).reduce((a, [, n]) => a + n, 0);
    expect(total).toBe(WELL_FORMED_RUNS);
    // Most requests must get past validation to the services and the database.
    expect(seen.get(400) ?? 0).toBeLessThan(total / 2);
    expect(ok).toBeGreaterThan(total / 4);
  }, WELL_FORMED_TIMEOUT);

  const junkText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('', ' ', '%00', '..%2F..%2Fetc', 'CAIRO-2026', "'; DROP TABLE agreements; --", 'ﷺحماس', 'ישראל', 'a'.repeat(300)),
  );
  const pathValue = fc.oneof(fc.uuid(), junkText.map(encodeURIComponent));
  /** A body that no route accepts: objects always carry an unknown key, which every strict schema refuses. */
  const badBody = fc.oneof(
    fc.jsonValue().map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, __fuzz: true } : v)),
    fc.record({ version: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), __fuzz: fc.anything() }),
    fc.dictionary(fc.constantFrom('slug', 'title', 'phaseId', 'status', 'deadline', 'email', 'password', 'role', 'partyId', 'name', 'occurredAt', 'timeZone'), junkText).map((d) => ({ ...d, __fuzz: 1 })),
  );
  const malformed = fc.record({
    op: fc.nat(),
    agreement: fc.oneof(fc.constant('existing'), fc.constant('slug'), pathValue),
    id: fc.oneof(fc.nat().map((n) => new Ref('incident', n)), pathValue),
    body: badBody,
    raw: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
    query: fc.dictionary(fc.string({ maxLength: 8 }), junkText, { maxKeys: 3 }),
    auth: fc.constantFrom('admin', 'none', 'junk'),
  });

  it(`malformed requests (${MALFORMED_RUNS}): no 5xx, and no row changes`, async () => {
    const before = await snapshot(t);
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(malformed, async (r) => {
        const op = operations[r.op % operations.length]!;
        const agreement = r.agreement === 'existing' ? t.pools.agreement[0]! : r.agreement === 'slug' ? t.slug : r.agreement;
        const url = op.path.replace('{agreement}', agreement).replace(/\{(id|userId|evidenceId)\}/g, () => String(resolve(t, r.id, undefined)));
        // Deletes get a version that is never valid, so that even an existing id is not deleted.
        const query = new URLSearchParams({ ...r.query, ...(op.method === 'DELETE' ? { version: '-1' } : {}) }).toString();
        const headers: Record<string, string> = {};
        if (r.auth === 'admin') headers.authorization = `Bearer ${t.adminToken}`;
        if (r.auth === 'junk') headers.authorization = 'Bearer plt_junk';
        const options: InjectOptions = { method: op.method as InjectOptions['method'], url: query ? `${url}?${query}` : url, headers };
        if (op.method !== 'GET' && op.method !== 'DELETE') {
          if (r.contentType) headers['content-type'] = r.contentType;
          options.payload = r.raw ?? JSON.stringify(r.body);
        }
        const res = await t.app.inject(options);
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, describeRequest(options, res)).toBeLessThan(500);
      }),
      { numRuns: MALFORMED_RUNS, seed: SEED, endOnFailure: true },
    );
    const counts = Object.fromEntries([...seen.entries()].sort(([a], [b]) => a - b));
    console.log(`fuzz (malformed) on ${name}: ${MALFORMED_RUNS} requests, seed ${SEED}, by status ${JSON.stringify(counts)}`);
    expect(await snapshot(t)).toEqual(before);
    // The run must reach past the front door: validation and lookups, not only refusals.
    expect(seen.get(400) ?? 0).toBeGreaterThan(MALFORMED_RUNS / 20);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(MALFORMED_RUNS);
  }, MALFORMED_TIMEOUT);
});
