/**
 * Live across processes, as with DATABASE_URL: two app instances on one PostgreSQL database, each
 * with its own pool and poller. A clause edited through one reaches a stream open on the other.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../contract/index.ts';
import { openDatabase, type Database } from '../../db/index.ts';
import { TEST_DATABASE_URL } from '../../db/test/databases.ts';
import { buildApp, services } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { openEvents } from '../test/event-stream.ts';
import { TEXT } from './negotiation.fixtures.ts';

const SYSTEM = { id: null, name: 'test setup' };
const clock = fixedClock('2026-06-20T12:00:00.000Z');

let one: { database: Database; app: FastifyInstance };
let two: { database: Database; app: FastifyInstance };
let token: string;

async function instance() {
  const database = await openDatabase({ databaseUrl: TEST_DATABASE_URL });
  return { database, app: await buildApp({ database, clock, logger: false, livePollMs: 50 }) };
}

beforeAll(async () => {
  [one, two] = [await instance(), await instance()];
  await two.app.listen({ port: 0, host: '127.0.0.1' });
  const svc = services(one.database, { clock });
  const admin = await svc.auth.createUser({ email: `live-${randomUUID()}@test.example`, name: 'Admin', admin: true }, SYSTEM);
  token = (await svc.auth.createToken(admin.id, { name: 'tests', expiresInDays: null }, SYSTEM)).token;
});
afterAll(async () => {
  for (const { app, database } of [one, two]) {
    await app.close();
    await database.close();
  }
});

async function call<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<{ status: number; body: T }> {
  const res = await one.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as T };
}

describe('the live document feed on two instances of one PostgreSQL database', () => {
  it('sends the edit committed through one instance to a reader of the other', async () => {
    const slug = `live-${randomUUID().slice(0, 8)}`;
    expect((await call('POST', '/api/agreements', { slug, title: 'Live across processes' })).status).toBe(201);
    const base = `/api/agreements/${slug}`;
    const doc = await call<DocumentView>('POST', `${base}/documents`, { markdown: TEXT });
    expect(doc.status).toBe(201);
    const clause = doc.body.clauses[0]!;
    const origin = `http://127.0.0.1:${(two.app.server.address() as AddressInfo).port}`;
    const stream = await openEvents(origin, `${base}/documents/${doc.body.id}/events`, token);
    await stream.until('ready', 1);
    const edit = await call('PATCH', `${base}/documents/${doc.body.id}/clauses/${clause.id}`, { version: clause.version, text: `${clause.text} Amended.`, reason: 'Drafting' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    await stream.until('change', 1);
    stream.close();
  });
});
