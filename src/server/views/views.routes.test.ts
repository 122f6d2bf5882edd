/**
 * Cached read views through the API: ETag and 304 on each read, compression by Accept-Encoding, a
 * write seen by the next read, confidential entries never served to another reader, and views that
 * change with time alone computed again at their boundary (a clock the tests move).
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceView, IncidentView, MatrixView } from '../../contract/index.ts';
import type { Clock } from '../clock.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { createAgreement, harnessForFile, TEST_NOW } from '../test/harness.ts';
import { incidentSetup, report } from '../test/incident-setup.ts';

type Row = { id: string; version: number };

/** A clock the tests move forward. */
const clock: Clock & { at: number } = { at: Date.parse(TEST_NOW), now: (): Date => new Date(clock.at) };

const h = harnessForFile(TEST_NOW, { clock });
beforeAll(async () => {
  await loadDemo(h.database);
});

const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${h.adminToken}`, ...headers } });

describe('ETag and 304 Not Modified', () => {
  it.each([
    ['the agreement', '/api/agreements/cairo-2026'],
    ['the matrix', '/api/agreements/cairo-2026/matrix'],
    ['the summary', '/api/agreements/cairo-2026/summary'],
    ['compliance', '/api/agreements/cairo-2026/compliance?by=party&granularity=week'],
    ['the zones as GeoJSON', '/api/agreements/cairo-2026/zones/geojson'],
    ['the agreement list', '/api/agreements?limit=10'],
  ])('answers 304 for %s when the client has its ETag, 200 otherwise', async (_name, url) => {
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const other = await get(url, { 'if-none-match': 'W/"something-else"' });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it('gives a new ETag, and the new data, after a write', async () => {
    const url = '/api/agreements/cairo-2026/matrix';
    const before = await get(url);
    const matrix = JSON.parse(before.body) as MatrixView;
    const provision = matrix.rows[0]!.realities[0]!;
    const next = provision.status === 'full' ? 'minimal' : 'full';
    const patched = await h.call('PATCH', `/api/agreements/cairo-2026/provisions/${provision.id}`, { version: provision.version, status: next, statusReason: 'Moves the matrix' });
    expect(patched.status).toBe(200);
    const after = await get(url, { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const reread = JSON.parse(after.body) as MatrixView;
    expect(reread.rows[0]!.realities.find((p) => p.id === provision.id)?.status).toBe(next);
  });
});

describe('compression by Accept-Encoding', () => {
  const url = '/api/agreements/cairo-2026/matrix';

  it('sends brotli, or gzip, or the JSON as it is, as the client accepts, with Vary', async () => {
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    const refused = await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
    // Every encoding of one view carries the same ETag: a 304 holds whichever the client kept.
    expect(new Set([plain, br, gzip].map((r) => r.headers.etag)).size).toBe(1);
  });

  it('compresses the other API answers too', async () => {
    const res = await get('/api/docs/json', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toHaveProperty('openapi');
    const page = await get('/api/agreements/cairo-2026/provisions?limit=100', { 'accept-encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(page.rawPayload).toString())).toHaveProperty('total');
  });
});

describe('the cache follows writes', () => {
  it('shows an edit of the agreement, a new zone and a new agreement in the list at the next read', async () => {
    const a = await createAgreement(h, { public: true, title: 'Before' });
    const base = `/api/agreements/${a.slug}`;
    expect((await h.anonymous<{ title: string }>('GET', base)).body.title).toBe('Before');
    await h.call('PATCH', base, { version: a.version, title: 'Renamed' });
    expect((await h.anonymous<{ title: string }>('GET', base)).body.title).toBe('Renamed');

    const zones = async () => (await h.anonymous<{ features: unknown[] }>('GET', `${base}/zones/geojson`)).body.features.length;
    expect(await zones()).toBe(0);
    const zone = { name: 'Checkpoint', kind: 'checkpoint', geometry: { type: 'Point', coordinates: [34.45, 31.5] } };
    expect((await h.call('POST', `${base}/zones`, zone)).status).toBe(201);
    expect(await zones()).toBe(1);

    const list = async () => (await h.anonymous<{ items: Array<{ slug: string }> }>('GET', '/api/agreements?limit=500')).body.items.map((i) => i.slug);
    const before = await list();
    const added = await createAgreement(h, { public: true });
    expect(before).not.toContain(added.slug);
    expect(await list()).toContain(added.slug);
  });

  it('shows a verified violation in compliance and the matrix at the next read', async () => {
    const ctx = await incidentSetup(h, { public: true });
    const counts = async () => (await h.anonymous<ComplianceView>('GET', `${ctx.base}/compliance`)).body.total;
    const bottlenecks = async () => (await h.anonymous<MatrixView>('GET', `${ctx.base}/matrix`)).body.totals.bottlenecks;
    expect([await counts(), await bottlenecks()]).toEqual([0, 0]);
    const incident = (await h.call<IncidentView>('POST', `${ctx.base}/incidents`, report({ occurredAt: new Date(clock.at - 86_400_000).toISOString(), provisionIds: [ctx.provision.id] }))).body;
    for (const to of ['triaged', 'under_investigation']) await h.call('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to, reason: 'r' });
    await h.call('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to: 'verified', reason: 'seen', attributedPartyId: ctx.israel.id, noEvidenceReason: 'Seen by the monitors' });
    expect([await counts(), await bottlenecks()]).toEqual([1, 1]);
  });

  it('follows the agreement being made private: visitors are refused at once', async () => {
    const a = await createAgreement(h, { public: true });
    const url = `/api/agreements/${a.slug}/matrix`;
    expect((await h.anonymous('GET', url)).status).toBe(200);
    await h.call('PATCH', `/api/agreements/${a.slug}`, { version: a.version, public: false });
    expect((await h.anonymous('GET', url)).status).toBe(404);
    expect((await h.anonymous('GET', `/api/agreements/${a.slug}`)).status).toBe(404);
  });
});

describe('confidential entries', () => {
  it('never serves a note confidential to one party, cached for its circle, to another reader', async () => {
    const a = await createAgreement(h, { public: true });
    const base = `/api/agreements/${a.slug}`;
    const party = async (name: string) => (await h.call<Row>('POST', `${base}/parties`, { name, role: 'belligerent' })).body;
    const [one, two] = [await party('One'), await party('Two')];
    const note = (audience: string, partyId: string, title: string) => h.call('POST', `${base}/notes`, { partyId, audience, title, body: title });
    expect((await note('party', one.id, 'For One only')).status).toBe(201);
    expect((await note('all', one.id, 'For everyone')).status).toBe(201);
    const delegateOne = await h.userWith('party_delegate', a.slug, one.id);
    const delegateTwo = await h.userWith('party_delegate', a.slug, two.id);
    const viewer = await h.userWith('viewer', a.slug);
    const titles = async (caller: typeof h.anonymous) => {
      const res = await caller<{ items: Array<{ title: string }> }>('GET', `${base}/notes`);
      expect(res.status).toBe(200);
      return res.body.items.map((n) => n.title).sort();
    };
    // The party's circle reads first, and fills the cache with its view.
    expect(await titles(h.as(delegateOne.token))).toEqual(['For One only', 'For everyone']);
    expect(await titles(h.as(delegateTwo.token))).toEqual(['For everyone']);
    expect(await titles(h.as(viewer.token))).toEqual(['For everyone']);
    expect(await titles(h.anonymous)).toEqual(['For everyone']);
    expect(await titles(h.call)).toEqual(['For One only', 'For everyone']);
    // And the other way round: outsiders first, then the circle.
    expect((await note('party', two.id, 'For Two only')).status).toBe(201);
    expect(await titles(h.anonymous)).toEqual(['For everyone']);
    expect(await titles(h.as(delegateOne.token))).toEqual(['For One only', 'For everyone']);
    expect(await titles(h.as(delegateTwo.token))).toEqual(['For Two only', 'For everyone']);
    // A 304 is no way around it either: an outsider with the circle's ETag gets the outsider's view.
    const circle = await h.app.inject({ method: 'GET', url: `${base}/notes`, headers: { authorization: `Bearer ${delegateOne.token}` } });
    const outside = await h.app.inject({ method: 'GET', url: `${base}/notes`, headers: { authorization: `Bearer ${delegateTwo.token}`, 'if-none-match': String(circle.headers.etag) } });
    expect(outside.statusCode).toBe(200);
    expect(outside.body).not.toContain('For One only');
  });
});

describe('views that change with time alone', () => {
  it('makes a provision overdue once its deadline passes, and counts its days overdue, with no write', async () => {
    const a = await createAgreement(h, { public: true });
    const base = `/api/agreements/${a.slug}`;
    const phase = (await h.call<Row>('POST', `${base}/phases`, { name: 'One' })).body;
    const deadline = new Date(clock.at + 3_600_000).toISOString();
    await h.call('POST', `${base}/provisions`, { phaseId: phase.id, title: 'Withdraw', category: 'withdrawal', deadline });
    const reasons = async () => (await h.anonymous<MatrixView>('GET', `${base}/matrix`)).body.rows[0]!.bottlenecks.flatMap((b) => b.reasons);
    expect(await reasons()).toEqual([]);
    expect(await reasons()).toEqual([]);
    clock.at += 2 * 3_600_000;
    expect(await reasons()).toEqual([{ kind: 'overdue', deadline, daysOverdue: 0 }]);
    clock.at += 86_400_000;
    expect(await reasons()).toEqual([{ kind: 'overdue', deadline, daysOverdue: 1 }]);
  });

  it('lets a verified violation leave the 7-day window, and moves compliance to the next day, with no write', async () => {
    const ctx = await incidentSetup(h, { public: true });
    const occurredAt = new Date(clock.at - 6 * 86_400_000).toISOString();
    const incident = (await h.call<IncidentView>('POST', `${ctx.base}/incidents`, report({ occurredAt, provisionIds: [ctx.provision.id] }))).body;
    for (const to of ['triaged', 'under_investigation']) await h.call('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to, reason: 'r' });
    await h.call('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to: 'verified', reason: 'seen', attributedPartyId: ctx.hamas.id, noEvidenceReason: 'Seen by the monitors' });
    const violations = async () =>
      (await h.anonymous<MatrixView>('GET', `${ctx.base}/matrix`)).body.rows[0]!.bottlenecks.flatMap((b) => b.reasons.filter((r) => r.kind === 'violations'));
    const window = async () => (await h.anonymous<ComplianceView>('GET', `${ctx.base}/compliance`)).body.to;
    expect(await violations()).toEqual([{ kind: 'violations', count: 1, days: 7 }]);
    const today = await window();
    clock.at += 1.5 * 86_400_000;
    expect(await violations()).toEqual([]);
    expect(Date.parse(await window())).toBeGreaterThan(Date.parse(today));
  });
});
