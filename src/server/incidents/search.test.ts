/**
 * The incident list's text search and totals by status through the API, and the export of the same
 * search, on PGlite and on the PostgreSQL server: whatever the query holds, the answer is a list
 * or a 400, never a 500.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/index.ts';
import { testDrivers } from '../../db/test/databases.ts';
import { buildApp, services } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { report } from '../test/incident-setup.ts';

const SYSTEM = { id: null, name: 'search test' };
const ARABIC = 'قصف مدفعي على حي الشجاعية شرق مدينة غزة';
const HEBREW = 'ירי רקטות לעבר שדרות';
const ENGLISH = 'Shelling near the eastern junction of Gaza City';

interface Page {
  items: Array<{ id: string; description: string; status: string }>;
  total: number;
  byStatus: Array<{ status: string; count: number; capped: boolean }>;
}

describe.each(testDrivers)('incident search through the API on $name', (driver) => {
  let database: Database;
  let app: FastifyInstance;
  let token: string;
  let base: string;

  beforeAll(async () => {
    database = await driver.open();
    const deps = { database, clock: fixedClock('2026-06-20T12:00:00Z'), logger: false as const, liveStreamMs: 0 };
    app = await buildApp(deps);
    const svc = services(database, deps);
    const admin = await svc.auth.createUser({ email: `search-${randomUUID()}@test.example`, name: 'Admin', admin: true }, SYSTEM);
    token = (await svc.auth.createToken(admin.id, { name: 'tests', expiresInDays: null }, SYSTEM)).token;
    const slug = `search-${randomUUID().slice(0, 8)}`;
    expect((await call('POST', '/api/agreements', { slug, title: 'Search test', timeZone: 'Asia/Gaza' })).statusCode).toBe(201);
    base = `/api/agreements/${slug}/incidents`;
    for (const description of [ARABIC, HEBREW, ENGLISH]) {
      expect((await call('POST', base, report({ description }))).statusCode).toBe(201);
    }
    const english = (await list('q=junction')).items[0]!;
    const step = await call('POST', `${base}/${english.id}/transitions`, { to: 'triaged', reason: 'credible' });
    expect(step.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  function call(method: 'GET' | 'POST', url: string, payload?: object) {
    return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  }
  async function list(query: string): Promise<Page> {
    const res = await call('GET', `${base}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  }
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const descriptions = async (query: string) => (await list(query)).items.map((i) => i.description);

  it('finds an incident by an Arabic word of its description, and by its start', async () => {
    expect(await descriptions(q('الشجاعية'))).toEqual([ARABIC]);
    expect(await descriptions(q('الشجا'))).toEqual([ARABIC]);
    expect(await descriptions(q('רקטות'))).toEqual([HEBREW]);
    expect(await descriptions(q('GAZA city'))).toEqual([ENGLISH]);
    expect(await descriptions(q('gaza shalom'))).toEqual([]);
    // Blank is no search at all.
    expect(await descriptions(q('   '))).toHaveLength(3);
  });

  it('answers every query with a list or a 400, never a 500', async () => {
    for (const text of ["&|!():*'\\", "'", '\\', '!!', 'a & b | !c', "junction':*", '<->', 'x'.repeat(200)]) {
      const res = await call('GET', `${base}?${q(text)}`);
      expect(res.statusCode, text).toBe(200);
    }
    expect((await call('GET', `${base}?${q('x'.repeat(201))}`)).statusCode).toBe(400);
    expect((await call('GET', `${base}?q=%00`)).statusCode).toBe(400);
    expect(await descriptions(q("&|!():*'\\"))).toEqual([]);
  });

  it('gives the totals by status of every filter but the status one', async () => {
    const counts = (page: Page) => Object.fromEntries(page.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count]));
    expect(counts(await list(''))).toEqual({ reported: 2, triaged: 1 });
    expect(counts(await list(q('gaza')))).toEqual({ triaged: 1 });
    const triaged = await list('status=triaged');
    expect(triaged.items.map((i) => i.description)).toEqual([ENGLISH]);
    expect(counts(triaged)).toEqual({ reported: 2, triaged: 1 });
    // An empty page still says where the search's incidents are.
    const reported = await list(`${q('gaza')}&status=reported`);
    expect(reported.items).toEqual([]);
    expect(counts(reported)).toEqual({ triaged: 1 });
  });

  it('exports what the same search lists', async () => {
    const res = await call('GET', `${base}/export?format=json&${q('الشجا')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Array<{ description: string }>>().map((i) => i.description)).toEqual([ARABIC]);
  });
});
