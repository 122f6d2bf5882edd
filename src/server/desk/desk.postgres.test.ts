/**
 * What changed (docs/DESK.md) on the PostgreSQL server, as with DATABASE_URL: the audiences kept for
 * two parties' delegates, a mediator and a monitor; the window's totals past the limit (a window
 * count); a visit that never moves back (an upsert); the home page's counts.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskView, SeenView } from '../../contract/index.ts';
import type { AgreementRole } from '../../core/index.ts';
import { openDatabase, type Database } from '../../db/index.ts';
import { TEST_DATABASE_URL } from '../../db/test/databases.ts';
import { buildApp, services, type Services } from '../app.ts';
import { fixedClock } from '../clock.ts';
import type { Caller } from '../test/harness.ts';
import { deskWorld, expectAudiencesKept, sinceAs, type DeskHarness, type DeskWorld } from './desk.fixtures.ts';

const SYSTEM = { id: null, name: 'test setup' };
// An hour ahead of the database's clock, as in desk.routes.test.ts.
const NOW = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000);
const clock = fixedClock(NOW);

let database: Database;
let app: FastifyInstance;
let svc: Services;
let h: DeskHarness;
let w: DeskWorld;

function caller(token: string | null): Caller {
  return async <T>(method: InjectOptions['method'], url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
    const body = res.body && res.headers['content-type']?.toString().includes('json') ? (JSON.parse(res.body) as T) : (undefined as T);
    return { status: res.statusCode, body, headers: res.headers };
  };
}

async function userWith(role: AgreementRole | null, agreementRef?: string, partyId: string | null = null) {
  const user = await svc.auth.createUser({ email: `desk-${randomUUID()}@test.example`, name: 'Desk user', admin: false }, SYSTEM);
  if (role && agreementRef) await svc.members.set(agreementRef, user.id, { role, partyId }, SYSTEM);
  const { token } = await svc.auth.createToken(user.id, { name: 'tests', expiresInDays: null }, SYSTEM);
  return { userId: user.id, token };
}

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: TEST_DATABASE_URL });
  app = await buildApp({ database, clock, logger: false });
  svc = services(database, { clock });
  const admin = await svc.auth.createUser({ email: `desk-${randomUUID()}@test.example`, name: 'Admin', admin: true }, SYSTEM);
  const token = (await svc.auth.createToken(admin.id, { name: 'tests', expiresInDays: null }, SYSTEM)).token;
  h = { call: caller(token), as: caller, anonymous: caller(null), database, userWith };
  w = await deskWorld(h, NOW, `desk-${randomUUID().slice(0, 8)}`);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('what changed, on PostgreSQL', () => {
  it('lists what each reader may open and counts only that', async () => {
    await expectAudiencesKept(w);
    const visitor = await sinceAs(h.anonymous, w.base);
    expect(visitor.counts).toMatchObject({ incident_reported: 0, response: 0, note: 1, clause_blocked: 0 });
  });

  it('keeps the latest visit and counts the home page from it', async () => {
    const reader = await userWith('party_delegate', w.slug, w.hamasId);
    const call = caller(reader.token);
    const before = (await call<DeskView>('GET', '/api/desk')).body.items;
    expect(before).toEqual([expect.objectContaining({ slug: w.slug, sinceFrom: 'default', overdueCount: 2, dueSoonCount: 1 })]);
    expect(before[0]!.newCount).toBe((await sinceAs(call, w.base)).newCount);
    const earlier = new Date(NOW.getTime() - 60_000).toISOString();
    expect((await call<SeenView>('POST', `${w.base}/since/seen`, {})).body.seenAt).toBe(NOW.toISOString());
    expect((await call<SeenView>('POST', `${w.base}/since/seen`, { until: earlier })).body.seenAt).toBe(NOW.toISOString());
    expect((await call<DeskView>('GET', '/api/desk')).body.items[0]).toMatchObject({ sinceFrom: 'last_visit', since: NOW.toISOString(), newCount: 0 });
  });

  it('counts every incident of the window past the listed 100', async () => {
    const slug = `desk-${randomUUID().slice(0, 8)}`;
    await h.call('POST', '/api/agreements', { slug, title: 'Many', timeZone: 'UTC' });
    const occurredAt = new Date(NOW.getTime() - 3_600_000).toISOString();
    for (let i = 0; i < 103; i += 1) await h.call('POST', `/api/agreements/${slug}/incidents`, { occurredAt, category: 'other', description: `Report ${i}` });
    const view = await sinceAs(h.call, `/api/agreements/${slug}`);
    expect(view.counts.incident_reported).toBe(103);
    expect(view.items.filter((i) => i.kind === 'incident_reported')).toHaveLength(100);
  });
});
