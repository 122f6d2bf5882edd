/**
 * The ground on the PostgreSQL server, as with DATABASE_URL: a controlled area's coverage, a
 * withdrawal item verified, and the observations import all or nothing (rows and audit entries
 * counted before and after), through the API.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSeriesView, WithdrawalItemView, ZoneCoverageView } from '../../contract/index.ts';
import { openDatabase, repositories, type Database, type Repositories } from '../../db/index.ts';
import { TEST_DATABASE_URL } from '../../db/test/databases.ts';
import { buildApp, services } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { TEST_NOW } from '../test/harness.ts';

const SYSTEM = { id: null, name: 'test setup' };
const clock = fixedClock(TEST_NOW);

let database: Database;
let app: FastifyInstance;
let repos: Repositories;
let token: string;

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: TEST_DATABASE_URL });
  app = await buildApp({ database, clock, logger: false });
  repos = repositories(database.db);
  const svc = services(database, { clock });
  const admin = await svc.auth.createUser({ email: `ground-${randomUUID()}@test.example`, name: 'Admin', admin: true }, SYSTEM);
  token = (await svc.auth.createToken(admin.id, { name: 'tests', expiresInDays: null }, SYSTEM)).token;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function call<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object | string): Promise<{ status: number; body: T }> {
  const csv = typeof payload === 'string' ? { 'content-type': 'text/csv' } : {};
  const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...csv }, ...(payload === undefined ? {} : { payload }) });
  return { status: res.statusCode, body: res.json() as T };
}

const rect = (lon: number, lat: number, width: number) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + width, lat], [lon + width, lat + width], [lon, lat + width], [lon, lat]]],
});

describe('the ground on PostgreSQL', () => {
  it('measures coverage, verifies a withdrawal, and imports observations all or nothing', async () => {
    const slug = `ground-${randomUUID().slice(0, 8)}`;
    const agreement = (await call<{ id: string }>('POST', '/api/agreements', { slug, title: 'Ground', timeZone: 'Asia/Gaza' })).body;
    const base = `/api/agreements/${slug}`;
    const party = (await call<{ id: string }>('POST', `${base}/parties`, { name: 'Israel', role: 'belligerent' })).body;
    const phase = (await call<{ id: string }>('POST', `${base}/phases`, { name: 'One' })).body;
    await call('POST', `${base}/zones`, { name: 'Sector', kind: 'sector', geometry: rect(34.0, 31.0, 0.1) });
    const held = (await call<{ id: string }>('POST', `${base}/zones`, { name: 'Held', kind: 'controlled_area', partyId: party.id, asOf: '2026-06-01', geometry: rect(34.05, 31.0, 0.1) })).body;
    const coverage = await call<ZoneCoverageView>('GET', `${base}/zones/${held.id}/coverage`);
    expect(coverage.body.sectors[0]!.share).toBeCloseTo(0.5, 2);

    const item = (await call<WithdrawalItemView>('POST', `${base}/withdrawal-items`, { phaseId: phase.id, partyId: party.id, force: 'Division', fromZoneId: held.id, deadline: '2026-06-10' })).body;
    expect(item.status).toBe('late');
    const verified = await call<WithdrawalItemView>('POST', `${base}/withdrawal-items/${item.id}/verifications`, { observedOn: '2026-06-12', finding: 'completed', sourceReliability: 'A', credibility: 1 });
    expect(verified.body).toMatchObject({ status: 'verified', since: '2026-06-12' });

    const indicator = (await call<{ id: string }>('POST', `${base}/indicators`, { name: 'Trucks', unit: 'trucks/day', target: 600, comparison: '>=' })).body;
    const url = `${base}/indicators/${indicator.id}`;
    const counts = async () => ({ rows: await repos.ground.observations.count(indicator.id), audit: await repos.audit.countFor(agreement.id) });
    const before = await counts();
    expect((await call('POST', `${url}/observations/import`, 'date,value\n2026-06-18,600\n2026-06-19,nope\n')).status).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await call('POST', `${url}/observations/import`, 'date,value\n2026-06-18,600\n2026-06-19,650\n')).status).toBe(201);
    expect(await counts()).toEqual({ rows: before.rows + 2, audit: before.audit + 1 });
    // The unique date is the database's own refusal here: a 409 in words.
    const again = await call<{ error: { message: string } }>('POST', `${url}/observations`, { observedOn: '2026-06-19', value: 1 });
    expect(again).toMatchObject({ status: 409, body: { error: { message: 'This indicator already has an observation on 2026-06-19' } } });
    const series = await call<IndicatorSeriesView>('GET', `${url}/series`);
    expect(series.body.streak).toMatchObject({ periods: 2, since: '2026-06-18' });
  });
});
