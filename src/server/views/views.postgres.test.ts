/**
 * Two server processes on one PostgreSQL database, as with DATABASE_URL: each app has its own cache
 * and its own connection pool, and a write committed through one is seen by the next read through
 * the other, never an older view from memory.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixView } from '../../contract/index.ts';
import { openDatabase, type Database } from '../../db/index.ts';
import { TEST_DATABASE_URL } from '../../db/test/databases.ts';
import { buildApp, services } from '../app.ts';
import { fixedClock } from '../clock.ts';

const SYSTEM = { id: null, name: 'test setup' };
const clock = fixedClock('2026-06-20T12:00:00.000Z');

interface Instance {
  database: Database;
  app: FastifyInstance;
}

let one: Instance;
let two: Instance;
let token: string;

async function instance(): Promise<Instance> {
  const database = await openDatabase({ databaseUrl: TEST_DATABASE_URL });
  return { database, app: await buildApp({ database, clock, logger: false }) };
}

beforeAll(async () => {
  [one, two] = [await instance(), await instance()];
  const svc = services(one.database, { clock });
  const admin = await svc.auth.createUser({ email: `views-${randomUUID()}@test.example`, name: 'Admin', admin: true }, SYSTEM);
  token = (await svc.auth.createToken(admin.id, { name: 'tests', expiresInDays: null }, SYSTEM)).token;
});
afterAll(async () => {
  for (const { app, database } of [one, two]) {
    await app.close();
    await database.close();
  }
});

async function call<T>(through: Instance, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<{ status: number; body: T }> {
  const res = await through.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as T };
}

describe('two app instances on one PostgreSQL database', () => {
  it('serve the write committed through one at the next read through the other', async () => {
    const slug = `views-${randomUUID().slice(0, 8)}`;
    const created = await call<{ id: string; version: number }>(one, 'POST', '/api/agreements', { slug, title: 'Two processes', public: true });
    expect(created.status).toBe(201);
    const base = `/api/agreements/${slug}`;
    const phase = (await call<{ id: string }>(one, 'POST', `${base}/phases`, { name: 'One' })).body;
    // The second instance reads, and keeps, the matrix and the agreement.
    const before = await call<MatrixView>(two, 'GET', `${base}/matrix`);
    expect(before.body.rows[0]!.realities).toEqual([]);
    expect((await call<{ title: string }>(two, 'GET', base)).body.title).toBe('Two processes');
    expect((await call<MatrixView>(two, 'GET', `${base}/matrix`)).body).toEqual(before.body);
    // The first writes...
    expect((await call(one, 'POST', `${base}/provisions`, { phaseId: phase.id, code: '1.1', title: 'Halt attacks', category: 'ceasefire' })).status).toBe(201);
    expect((await call(one, 'PATCH', base, { version: created.body.version, title: 'Renamed' })).status).toBe(200);
    // ...and the second's very next reads show it.
    expect((await call<MatrixView>(two, 'GET', `${base}/matrix`)).body.rows[0]!.realities.map((p) => p.code)).toEqual(['1.1']);
    expect((await call<{ title: string }>(two, 'GET', base)).body.title).toBe('Renamed');
    const list = await call<{ items: Array<{ slug: string; title: string }> }>(two, 'GET', `/api/agreements?q=${slug}`);
    expect(list.body.items).toEqual([expect.objectContaining({ slug, title: 'Renamed' })]);
    // Made private through the first: the second refuses visitors at once.
    const current = (await call<{ version: number }>(two, 'GET', base)).body;
    expect((await call(one, 'PATCH', base, { version: current.version, public: false })).status).toBe(200);
    expect((await two.app.inject({ method: 'GET', url: `${base}/matrix` })).statusCode).toBe(404);
  });
});
