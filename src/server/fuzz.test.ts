/**
 * Property: no malformed request, on any route, gets a 5xx or changes any data. Over 1,000
 * requests built from the OpenAPI document with fast-check: garbage path parameters, bodies that
 * are arbitrary JSON or not JSON at all, odd content types, junk query strings and credentials.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from './demo/demo.service.ts';
import { startHarness, type Harness } from './test/harness.ts';

let h: Harness;
let operations: Array<{ method: string; path: string }>;
let existing: { agreement: string; ids: string[] };

// Tables and the columns that hold data (api_tokens.last_used_at moves on every bearer request).
const SNAPSHOT_TABLES: Record<string, string> = {
  agreements: 'x.*',
  parties: 'x.*',
  phases: 'x.*',
  pillars: 'x.*',
  provisions: 'x.*',
  negotiation_rounds: 'x.*',
  party_notes: 'x.*',
  users: 'x.*',
  memberships: 'x.*',
  invitations: 'x.*',
  api_tokens: 'x.id, x.revoked_at, x.expires_at',
  audit_events: 'x.*',
  audit_head: 'x.*',
  zones: 'x.*',
  incidents: 'x.*',
  incident_provisions: 'x.*',
  incident_history: 'x.*',
  incident_evidence: 'x.*',
  incident_evidence_files: 'x.*',
  incident_responses: 'x.*',
};

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, columns] of Object.entries(SNAPSHOT_TABLES)) {
    const [row] = await h.database.query<{ digest: string }>(
      `SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS digest FROM (SELECT (${columns})::text AS r FROM ${table} x) s`,
    );
    out[table] = row!.digest;
  }
  return out;
}

beforeAll(async () => {
  h = await startHarness();
  const { agreement } = await loadDemo(h.database);
  const doc = await h.call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs/json');
  operations = Object.entries(doc.body.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  const provisions = await h.svc.repos.provisions.list(agreement.id);
  const phases = await h.svc.repos.phases.list(agreement.id);
  existing = { agreement: agreement.slug, ids: [...provisions.map((p) => p.id), ...phases.map((p) => p.id)] };
});
afterAll(async () => {
  await h.close();
});

const junkText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '%00', '..%2F..%2Fetc', 'cairo-2026', 'CAIRO-2026', "'; DROP TABLE agreements; --", 'ﷺحماس', 'ישראל', 'a'.repeat(300)),
);
const pathValue = fc.oneof(fc.uuid(), junkText.map(encodeURIComponent));

/** A body that no route accepts: objects always carry an unknown key, which every strict schema refuses. */
const badBody = fc.oneof(
  fc.jsonValue().map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, __fuzz: true } : v)),
  fc.record({ version: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), __fuzz: fc.anything() }),
  fc.dictionary(fc.constantFrom('slug', 'title', 'phaseId', 'status', 'deadline', 'email', 'password', 'role', 'partyId', 'name'), junkText).map((d) => ({ ...d, __fuzz: 1 })),
);

const request = fc.record({
  op: fc.nat(),
  agreement: fc.oneof(fc.constant('existing'), pathValue),
  id: pathValue,
  body: badBody,
  raw: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
  query: fc.dictionary(fc.string({ maxLength: 8 }), junkText, { maxKeys: 3 }),
  auth: fc.constantFrom('admin', 'none', 'junk'),
});

describe('malformed requests', () => {
  it('never get a 5xx and never change the data', async () => {
    const before = await snapshot();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const op = operations[r.op % operations.length]!;
        const url = op.path
          .replace('{agreement}', r.agreement === 'existing' ? existing.agreement : r.agreement)
          .replace(/\{(id|userId)\}/g, r.id);
        // Deletes get a version that is never valid, so that even an existing id is not deleted.
        const query = new URLSearchParams({ ...r.query, ...(op.method === 'DELETE' ? { version: '-1' } : {}) }).toString();
        const headers: Record<string, string> = {};
        if (r.auth === 'admin') headers.authorization = `Bearer ${h.adminToken}`;
        if (r.auth === 'junk') headers.authorization = 'Bearer plt_junk';
        const options: InjectOptions = { method: op.method as InjectOptions['method'], url: query ? `${url}?${query}` : url, headers };
        if (op.method !== 'GET' && op.method !== 'DELETE') {
          if (r.contentType) headers['content-type'] = r.contentType;
          options.payload = r.raw ?? JSON.stringify(r.body);
        }
        const res = await h.app.inject(options);
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, `${op.method} ${options.url} ${String(options.payload)} -> ${res.body}`).toBeLessThan(500);
      }),
      { numRuns: 1200 },
    );
    expect(await snapshot()).toEqual(before);
    // The run must reach past the front door: validation and lookups, not only refusals.
    expect(seen.get(400) ?? 0).toBeGreaterThan(100);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(1200);
  });
});
