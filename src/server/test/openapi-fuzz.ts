/**
 * What src/server/fuzz.test.ts needs: an app on PGlite or on the shared PostgreSQL server with an
 * administrator and an agreement of its own, arbitraries built from each operation's JSON schema in
 * the OpenAPI document (mixed with the values that used to break the database), and snapshots of
 * the rows a run could touch.
 */
import { randomUUID } from 'node:crypto';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance, InjectOptions } from 'fastify';
import fc from 'fast-check';
import { encodeCursor } from '../../contract/index.ts';
import { FIRST_INSTANT, INCIDENT_CATEGORIES, INCIDENT_STATUSES, LAST_INSTANT, supportedTimeZones } from '../../core/index.ts';
import { openDatabase, type Database } from '../../db/index.ts';
import * as schema from '../../db/schema.ts';
import { TEST_DATABASE_URL } from '../../db/test/databases.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../access/access.hook.ts';
import { buildApp, services } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { TEST_NOW } from './harness.ts';

/** A JSON schema as @fastify/swagger writes it (OpenAPI 3.0: nullable, boolean exclusiveMinimum). */
export interface Schema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

export interface Operation {
  method: string;
  path: string;
  params: Array<{ in: string; name: string; required?: boolean; schema: Schema }>;
  body: Schema | null;
}

/** Every operation of the document, with its parameters and JSON body schema. */
export function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema: Schema }> } }>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  );
}

// ---- The app and its data ------------------------------------------------------------------

export type Kind = 'agreement' | 'spare' | 'party' | 'phase' | 'pillar' | 'round' | 'provision' | 'note' | 'zone' | 'incident' | 'evidence' | 'user' | 'token';

/** A value chosen when the request runs, from what exists then: an id of a kind, or a version. */
export class Ref {
  constructor(
    readonly kind: Kind | 'version',
    readonly n: number,
  ) {}
}

export interface FuzzTarget {
  name: 'pglite' | 'postgres';
  app: FastifyInstance;
  database: Database;
  adminToken: string;
  adminId: string;
  /** Tokens of a mediator, a monitor and a viewer of the agreement, and their accounts. */
  roleTokens: string[];
  roleUsers: string[];
  /** Ids by kind: the seed's, then whatever the run creates. */
  pools: Record<Kind, string[]>;
  /** Last version seen of each id. */
  versions: Map<string, number>;
  slug: string;
  /** The administrator's current password: a run may change it. */
  password: string;
  /** Headers of an administrator's session (cookie and CSRF token), logging in again after a logout. */
  session(): Promise<Record<string, string>>;
  endSession(): void;
  close(): Promise<void>;
}

const SYSTEM = { id: null, name: 'fuzz set-up' };
/** The administrator's password, which the run's password changes may keep. */
export const ADMIN_PASSWORD = 'correct horse battery staple';

/**
 * An app on a fresh in-memory PGlite, or on the shared PostgreSQL server (where other test files
 * write at the same time: everything here is named uniquely, and snapshots read only its rows).
 */
export async function openFuzzTarget(name: FuzzTarget['name']): Promise<FuzzTarget> {
  const database = await openDatabase(name === 'pglite' ? {} : { databaseUrl: TEST_DATABASE_URL });
  const deps = { database, clock: fixedClock(TEST_NOW), logger: false as const };
  const app = await buildApp(deps);
  const svc = services(database, deps);
  const tag = randomUUID().slice(0, 8);
  const adminEmail = `fuzz-admin-${tag}@test.example`;
  const admin = await svc.auth.createUser({ email: adminEmail, name: 'Fuzz admin', admin: true, password: ADMIN_PASSWORD }, SYSTEM);
  const { token: adminToken } = await svc.auth.createToken(admin.id, { name: 'fuzz', expiresInDays: null }, SYSTEM);
  const pools = Object.fromEntries(
    ['agreement', 'spare', 'party', 'phase', 'pillar', 'round', 'provision', 'note', 'zone', 'incident', 'evidence', 'user', 'token'].map((k) => [k, [] as string[]]),
  ) as Record<Kind, string[]>;
  const versions = new Map<string, number>();
  const call = async <T = { id: string; version?: number }>(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}`, ...headers }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
    if (res.statusCode >= 300) throw new Error(`fuzz set-up: ${method} ${url} -> ${res.statusCode} ${res.body}`);
    const body = JSON.parse(res.body) as T & { id?: string; version?: number };
    if (body.id && body.version) versions.set(body.id, body.version);
    return body;
  };

  const slug = `fuzz-${tag}`;
  const main = await call('POST', '/api/agreements', { slug, title: 'Fuzz agreement', timeZone: 'Asia/Gaza', public: true });
  pools.agreement.push(main.id);
  for (let i = 0; i < 3; i += 1) pools.spare.push((await call('POST', '/api/agreements', { slug: `${slug}-spare-${i}`, title: `Spare ${i}` })).id);
  const base = `/api/agreements/${main.id}`;
  for (const name of ['Israel', 'Hamas']) pools.party.push((await call('POST', `${base}/parties`, { name, role: 'belligerent' })).id);
  for (const name of ['Phase One', 'Phase Two']) pools.phase.push((await call('POST', `${base}/phases`, { name, plannedStart: '2026-01-19' })).id);
  pools.pillar.push((await call('POST', `${base}/pillars`, { title: 'Security' })).id);
  pools.round.push((await call('POST', `${base}/rounds`, { title: 'Cairo', startsOn: '2026-06-06', partyIds: pools.party })).id);
  for (const code of ['1.1', '1.2']) {
    pools.provision.push((await call('POST', `${base}/provisions`, { phaseId: pools.phase[0], code, title: `Provision ${code}`, category: 'ceasefire', deadline: '2026-06-13T21:00:00Z' })).id);
  }
  pools.note.push((await call('POST', `${base}/notes`, { partyId: pools.party[0], title: 'Note', body: 'Confidential' })).id);
  const square = { type: 'Polygon', coordinates: [[[34.4, 31.4], [34.5, 31.4], [34.5, 31.5], [34.4, 31.5], [34.4, 31.4]]] };
  pools.zone.push((await call('POST', `${base}/zones`, { name: 'Gaza', kind: 'sector', geometry: square })).id);
  for (const occurredAt of ['2026-06-19T08:00:00Z', '2026-06-18T21:30:00Z', '2026-06-10T12:00:00Z']) {
    const incident = await call('POST', `${base}/incidents`, { occurredAt, category: 'shelling', description: 'Shelling reported', lon: 34.45, lat: 31.45, provisionIds: [pools.provision[0]], allegedPartyId: pools.party[0] });
    pools.incident.push(incident.id);
  }
  const verified = `${base}/incidents/${pools.incident[0]}`;
  for (const to of ['triaged', 'under_investigation']) await call('POST', `${verified}/transitions`, { to, reason: 'checked' });
  await call('POST', `${verified}/transitions`, { to: 'verified', reason: 'confirmed', attributedPartyId: pools.party[0] });
  pools.evidence.push((await call('POST', `${verified}/evidence`, { url: 'https://example.org/report' })).id);
  pools.evidence.push((await call('PUT', `${verified}/evidence?name=photo.jpg`, Buffer.from('jpeg'), { 'content-type': 'application/octet-stream' })).id);
  await call('POST', `${verified}/responses`, { partyId: pools.party[0], body: 'We deny it.' });

  // The callers' accounts and tokens stay out of the pools, so that the run cannot disable or revoke
  // them; the pools get accounts and tokens of their own to change.
  const roleTokens: string[] = [];
  const roleUsers: string[] = [];
  for (const role of ['mediator', 'monitor', 'viewer'] as const) {
    const user = await svc.auth.createUser({ email: `fuzz-${role}-${tag}@test.example`, name: `Fuzz ${role}`, admin: false }, SYSTEM);
    await svc.members.set(main.id, user.id, { role, partyId: null }, SYSTEM);
    roleUsers.push(user.id);
    roleTokens.push((await svc.auth.createToken(user.id, { name: 'fuzz', expiresInDays: null }, SYSTEM)).token);
  }
  for (const [i, partyId] of [null, pools.party[1]!].entries()) {
    const user = await svc.auth.createUser({ email: `fuzz-target-${i}-${tag}@test.example`, name: `Fuzz target ${i}`, admin: false }, SYSTEM);
    await svc.members.set(main.id, user.id, partyId ? { role: 'party_delegate', partyId } : { role: 'viewer', partyId: null }, SYSTEM);
    pools.user.push(user.id);
    pools.token.push((await svc.auth.createToken(user.id, { name: 'fuzz target', expiresInDays: 30 }, SYSTEM)).id);
  }
  let session: Record<string, string> | null = null;
  const target: FuzzTarget = {
    name,
    app,
    database,
    adminToken,
    adminId: admin.id,
    roleTokens,
    roleUsers,
    pools,
    versions,
    slug,
    password: ADMIN_PASSWORD,
    async session() {
      if (!session) {
        const { token, csrfToken } = await svc.auth.login(adminEmail, target.password);
        session = { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken };
      }
      return session;
    },
    endSession() {
      session = null;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return target;
}

// ---- Snapshots ----------------------------------------------------------------------------------

/** Columns that change on reads: a bearer request touches its token. */
const VOLATILE: Record<string, string[]> = { api_tokens: ['last_used_at'] };

/** Every table of the Drizzle schema with its columns, so that a new table is never left out. */
export function schemaTables(): Array<{ name: string; columns: string[] }> {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      return { name: config.name, columns: config.columns.map((c) => c.name).filter((c) => !VOLATILE[config.name]?.includes(c)) };
    });
}

/**
 * A digest per table of the rows the run could touch. On PGlite that is every row. On the shared
 * server it is the rows of the run's agreements and users (and, through its incidents and evidence,
 * theirs), plus every audit entry its users wrote: every write is audited, so a write anywhere shows.
 * Tables with no such column (audit_head) move with every other test there and are left out.
 */
export async function snapshot(t: FuzzTarget): Promise<Record<string, string>> {
  const agreements = [...t.pools.agreement, ...t.pools.spare];
  const users = [t.adminId, ...t.roleUsers, ...t.pools.user];
  const out: Record<string, string> = {};
  for (const { name, columns } of schemaTables()) {
    const has = (c: string) => columns.includes(c);
    const scopes: string[] = [];
    if (name === 'agreements') scopes.push('x.id = ANY($1::uuid[])');
    if (name === 'users') scopes.push('x.id = ANY($2::uuid[])');
    if (has('agreement_id')) scopes.push('x.agreement_id = ANY($1::uuid[])');
    if (has('user_id')) scopes.push('x.user_id = ANY($2::uuid[])');
    if (has('actor_id')) scopes.push('x.actor_id = ANY($2::uuid[])');
    if (has('incident_id')) scopes.push('x.incident_id IN (SELECT id FROM incidents WHERE agreement_id = ANY($1::uuid[]))');
    if (has('evidence_id')) {
      scopes.push('x.evidence_id IN (SELECT e.id FROM incident_evidence e JOIN incidents i ON i.id = e.incident_id WHERE i.agreement_id = ANY($1::uuid[]))');
    }
    if (t.name === 'postgres' && scopes.length === 0) continue;
    // Both parameters appear in every query, as PostgreSQL requires of a prepared statement.
    const where = `WHERE $1::uuid[] IS NOT NULL AND $2::uuid[] IS NOT NULL${t.name === 'postgres' ? ` AND (${scopes.join(' OR ')})` : ''}`;
    const row = columns.map((c) => `x."${c}"`).join(', ');
    const [digest] = await t.database.query<{ digest: string; n: number }>(
      `SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS digest, count(*)::int AS n FROM (SELECT ROW(${row})::text AS r FROM "${name}" x ${where}) s`,
      [agreements, users],
    );
    out[name] = `${digest!.n} rows ${digest!.digest}`;
  }
  return out;
}

// ---- Values -------------------------------------------------------------------------------------

const INT_BOUNDS = [0, -1, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e308, -0, 1.5, -(2 ** 31)];
const INT_STRINGS = ['NaN', 'Infinity', '1e308', '', ' 7', '0x10', '9'.repeat(400), '-0'];
// Valid ISO 8601 strings at and past the edges of what is stored; leap-day nonsense; junk.
const TIMES = [
  FIRST_INSTANT,
  LAST_INSTANT,
  '0100-01-01T00:00:00+00:01',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '0099-12-31T23:59:59Z',
  '9999-12-31T23:59:59-14:00',
  '9999-12-31T23:59:59.9999999Z',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2024-02-29T12:00:00Z',
  '2026-02-29T12:00:00Z',
  '2100-02-29T00:00:00Z',
  '2026-06-19T24:00:00Z',
  '2026-06-19T10:00:00.123456789+03:00',
  '2026-06-19',
  'yesterday',
];
const DATES = ['0100-01-01', '9999-12-31', '0000-01-01', '0001-01-01', '0099-12-31', '10000-01-01', '2024-02-29', '2026-02-29', '2100-02-29', '2026-13-01', '2026-06-19T00:00:00Z'];
// Valid zones at the extremes of the offsets; zones Intl takes and PostgreSQL does not; junk.
const ZONES = ['Asia/Gaza', 'UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Etc/GMT-14', 'Asia/Kolkata', 'US/Pacific-New', 'US/Pacific-New', 'Mars/Olympus', 'asia/gaza', '', '+03:00'];
const UNICODE = [
  'اتفاق وقف إطلاق النار',
  'ישראל \u200f(RTL mark)',
  '\u202eevil override\u202c',
  'e\u0301\u0301\u0301 combining',
  '👩‍👩‍👧 🇵🇸 🏳️‍🌈',
  '\ufeffBOM',
  'zero\u200bwidth',
  'lone \ud800 high',
  'lone \udfff low',
  'nul \u0000 byte',
  "'; DROP TABLE agreements; --",
  '%00%2e%2e/',
];
const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const CURSORS = [
  ...['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z'].map((at) => b64url(JSON.stringify([at, randomUUID()]))),
  encodeCursor({ occurredAt: FIRST_INSTANT, id: randomUUID() }),
  encodeCursor({ occurredAt: LAST_INSTANT, id: randomUUID() }),
  '!!!',
  b64url('not json'),
  b64url('[1,2]'),
  b64url('null'),
  'x'.repeat(201),
];

/** Mostly `good`, sometimes one of the values that used to break the database. */
const mix = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ weight: 7, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: bad });

const recentInstant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date(TEST_NOW), noInvalidDate: true }).map((d) => d.toISOString());
const offsetInstant = fc
  .tuple(recentInstant, fc.constantFrom('+03:00', '-05:00', '+14:00', '-12:00', 'Z'))
  .map(([iso, offset]) => `${iso.slice(0, 19)}${offset}`);
const text = (min: number, max: number) =>
  mix(
    fc.oneof(fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 30) }), fc.constantFrom(...UNICODE.slice(0, 7))),
    fc.constantFrom(...UNICODE, 'x'.repeat(max), 'x'.repeat(max + 1), '', '   '),
  );

const ID_KINDS: Record<string, Kind> = {
  phaseId: 'phase',
  pillarId: 'pillar',
  partyId: 'party',
  allegedPartyId: 'party',
  attributedPartyId: 'party',
  obligatedPartyId: 'party',
  partyIds: 'party',
  provisionId: 'provision',
  provisionIds: 'provision',
  zoneId: 'zone',
  duplicateOfId: 'incident',
};

const uuidFor = (name: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.nat().map((n) => new Ref(ID_KINDS[name] ?? 'incident', n)) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', '') },
  );

const geometry = mix(
  fc.oneof(
    fc.tuple(fc.double({ min: 34.2, max: 34.6, noNaN: true }), fc.double({ min: 31.2, max: 31.6, noNaN: true })).map((p) => ({ type: 'Point', coordinates: p })),
    fc.record({ lon: fc.double({ min: -179, max: 178, noNaN: true }), lat: fc.double({ min: -89, max: 88, noNaN: true }), size: fc.double({ min: 1e-6, max: 1, noNaN: true }) }).map(({ lon, lat, size }) => ({
      type: 'Polygon',
      coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
    })),
    fc.constant({ type: 'LineString', coordinates: [[34.4, 31.4], [34.5, 31.5]] }),
  ),
  fc.constantFrom(
    { type: 'Point', coordinates: [1e308, 0] },
    { type: 'Point', coordinates: [-0, 5e-324] },
    { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] },
    { type: 'MultiPolygon', coordinates: [] },
    { type: 'Point', coordinates: ['34', '31'] },
  ),
);
const jsonProperties = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...UNICODE)),
  fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...UNICODE, 1e308, -0, 5e-324)),
  { maxKeys: 4 },
);
const feature = fc.record({ type: fc.constant('Feature'), properties: fc.record({ name: text(1, 200) }), geometry });

/** By property name: values a person would send, which a type and a length alone do not give. */
const NAMED: Record<string, fc.Arbitrary<unknown>> = {
  timeZone: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ZONES) }, { weight: 1, arbitrary: fc.constantFrom(...supportedTimeZones()) }),
  slug: mix(fc.stringMatching(/^[a-z]{2,8}(-[a-z0-9]{1,6})?$/).map((s) => `fz-${s}`), fc.constantFrom('Cairo-2026', 'a--b', '', 'x'.repeat(65), 'القاهرة')),
  cursor: fc.constantFrom(...CURSORS),
  bbox: fc.constantFrom('34,31,35,32', '-180,-90,180,90', '0,0,0,0', 'NaN,1,2,3', '1e308,0,0,0', '35,31,34,32', '1,2,3'),
  status: fc.oneof(fc.subarray([...INCIDENT_STATUSES], { minLength: 1 }).map((s) => s.join(',')), fc.constantFrom('confirmed', ',', 'verified,,junk')),
  category: fc.oneof(fc.subarray([...INCIDENT_CATEGORIES], { minLength: 1 }).map((s) => s.join(',')), fc.constantFrom('war', '')),
  contentType: fc.constantFrom('image/jpeg', 'text/plain', 'application/pdf', 'text/html', 'not a type', 'a/b\u0000'),
  email: mix(fc.nat().map((n) => `fuzz-${n}@fuzz.example`), fc.constantFrom('no-at-sign', 'a@b', `${'a'.repeat(250)}@x.example`)),
  password: fc.constantFrom(ADMIN_PASSWORD, ADMIN_PASSWORD, 'short', 'x'.repeat(257), 'lone \ud800 surrogate pass'),
  token: fc.constantFrom('plt_junk', '', 'x'.repeat(201)),
  geometry,
  properties: mix(jsonProperties, fc.constantFrom({ '\u0000': 1 }, { a: 'lone \ud800' }, { deep: [[['nul \u0000']]] })),
  features: fc.array(mix(feature, fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3 }),
  coordinates: fc.constant([34.4, 31.4]),
  version: mix(fc.nat().map((n) => new Ref('version', n)), fc.constantFrom(...INT_BOUNDS)),
};

/** A value for `schema`, named `name` in its parent: mostly valid, sometimes at or past its bounds. */
export function valueFor(schema: Schema, name = '', inQuery = false): fc.Arbitrary<unknown> {
  const named = NAMED[name === 'currentPassword' || name === 'newPassword' ? 'password' : name];
  let arb: fc.Arbitrary<unknown>;
  if (named && !(name === 'status' && schema.enum) && !(name === 'category' && schema.enum)) arb = named;
  else if (schema.anyOf || schema.oneOf) arb = fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map((s) => valueFor(s, name, inQuery)));
  else if (schema.enum) arb = mix(fc.constantFrom(...schema.enum), fc.constantFrom('', 'UNKNOWN', 0));
  else if (schema.const !== undefined) arb = fc.constant(schema.const);
  else if (schema.type === 'string') arb = stringFor(schema, name);
  else if (schema.type === 'integer' || schema.type === 'number') arb = numberFor(schema, inQuery);
  else if (schema.type === 'boolean') arb = inQuery ? fc.constantFrom('true', 'false', '1', 'yes') : fc.boolean();
  else if (schema.type === 'array') {
    const item = schema.items ? valueFor(schema.items, name, inQuery) : fc.jsonValue({ maxDepth: 1 });
    arb = fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
  } else if (schema.type === 'object' || schema.properties) {
    const props = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    arb = Object.keys(props).length === 0 ? jsonProperties : fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, k, inQuery)])), { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
  } else arb = fc.jsonValue({ maxDepth: 2 });
  return schema.nullable ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: arb }) : arb;
}

function stringFor(schema: Schema, name: string): fc.Arbitrary<unknown> {
  switch (schema.format) {
    case 'uuid':
      return uuidFor(name);
    case 'date-time':
      return mix(fc.oneof(recentInstant, offsetInstant), fc.constantFrom(...TIMES));
    case 'date':
      return mix(recentInstant.map((s) => s.slice(0, 10)), fc.constantFrom(...DATES));
    case 'uri':
      return mix(fc.webUrl(), fc.constantFrom('https://example.org/\u0000', 'https://example.org/lone\ud800', 'ftp://example.org/', 'javascript:alert(1)', `https://example.org/${'x'.repeat(2000)}`));
    case 'email':
      return NAMED.email!;
    default:
      return text(schema.minLength ?? 0, schema.maxLength ?? 200);
  }
}

function numberFor(schema: Schema, inQuery: boolean): fc.Arbitrary<unknown> {
  const exclusive = schema.exclusiveMinimum === true;
  const min = Math.max(schema.minimum === undefined ? -1000 : schema.minimum + (exclusive ? 1 : 0), -1e6);
  const max = Math.min(schema.maximum ?? min + 1000, min + 1000);
  const good =
    schema.type === 'integer'
      ? fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max, schema.maximum ?? max))
      : fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, -0));
  const bad = fc.constantFrom(...INT_BOUNDS, ...(schema.type === 'number' ? [5e-324, -1e308, schema.maximum ?? 1e308] : []));
  const value = mix(good, bad);
  return inQuery ? fc.oneof({ weight: 9, arbitrary: value.map(String) }, { weight: 1, arbitrary: fc.constantFrom(...INT_STRINGS) }) : value;
}
