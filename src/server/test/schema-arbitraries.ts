/**
 * fast-check arbitraries from the JSON schemas of the OpenAPI document: each operation's path
 * parameters, query string and body, mostly valid (ids of rows that exist, current versions), mixed
 * with the values that used to break the database: int4 and float bounds, calendar bounds and
 * leap-day nonsense, time zones Intl takes and PostgreSQL does not, cursors of impossible dates,
 * RTL, combining marks, emoji, lone surrogates, NUL and huge strings.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { encodeCursor } from '../../contract/index.ts';
import { FIRST_INSTANT, INCIDENT_CATEGORIES, INCIDENT_STATUSES, LAST_INSTANT, supportedTimeZones } from '../../core/index.ts';
import { TEST_NOW } from './harness.ts';
import { ADMIN_PASSWORD } from './openapi-fuzz.ts';

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


export type Kind = 'agreement' | 'spare' | 'party' | 'phase' | 'pillar' | 'round' | 'provision' | 'note' | 'zone' | 'incident' | 'evidence' | 'user' | 'token' | 'document' | 'clause' | 'session';

/** A value chosen when the request runs, from what exists then: an id of a kind, or a version. */
export class Ref {
  constructor(
    readonly kind: Kind | 'version',
    readonly n: number,
  ) {}
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
  clauseId: 'clause',
  clauseIds: 'clause',
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
