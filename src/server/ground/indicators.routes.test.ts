/** Indicators: CRUD, observations (one per date), the CSV import (all or nothing), series and streaks (today is 2026-06-20 in Gaza). */
import { describe, expect, it } from 'vitest';
import type { IndicatorSeriesView, IndicatorView, ObservationView, ZoneView } from '../../contract/index.ts';
import { agreementWithPartyAndPhase, harnessForFile } from '../test/harness.ts';
import type { ErrorBody } from '../test/incident-setup.ts';

const h = harnessForFile();

const corridor = { type: 'LineString', coordinates: [[34.3, 31.3], [34.4, 31.4]] };
const trucks = (overrides: Record<string, unknown> = {}) => ({ name: 'Aid trucks', unit: 'trucks/day', category: 'all', target: 600, comparison: '>=', ...overrides });

async function indicator(overrides: Record<string, unknown> = {}) {
  const setup = await agreementWithPartyAndPhase(h);
  const res = await h.call<IndicatorView>('POST', `${setup.base}/indicators`, trucks(overrides));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return { ...setup, indicator: res.body, url: `${setup.base}/indicators/${res.body.id}` };
}

const importCsv = (url: string, body: string, token?: string) =>
  h.app.inject({ method: 'POST', url: `${url}/observations/import`, payload: body, headers: { 'content-type': 'text/csv', authorization: `Bearer ${token ?? h.adminToken}` } });

async function counts(agreementId: string, indicatorId: string) {
  return { observations: await h.repos.ground.observations.count(indicatorId), audit: await h.repos.audit.countFor(agreementId) };
}

describe('indicators', () => {
  it('are created with defaults, edited with versions, refused with 400 naming bad fields and 422 for foreign ids', async () => {
    const { base, indicator: created, url } = await indicator();
    expect(created).toMatchObject({ period: 'day', provisionId: null, zoneId: null, sourceNote: '', streak: { periods: 0, since: null, latest: null, met: false, periodsBehind: null } });
    const edited = await h.call<IndicatorView>('PATCH', url, { version: 1, target: 500 });
    expect(edited.body).toMatchObject({ target: 500, version: 2 });
    expect((await h.call<ErrorBody>('PATCH', url, { version: 1, target: 400 })).status).toBe(409);
    const dup = await h.call<ErrorBody>('POST', `${base}/indicators`, trucks());
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe('An indicator named "Aid trucks" already exists in this agreement');

    const bad = await h.call<ErrorBody>('POST', `${base}/indicators`, trucks({ name: 'Fuel', target: -1, comparison: '>', period: 'month' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues?.map((i) => i.path).sort()).toEqual(['body.comparison', 'body.period', 'body.target']);
    const other = await indicator();
    const foreignZone = (await h.call<ZoneView>('POST', `${other.base}/zones`, { name: 'Rafah crossing', kind: 'crossing', geometry: corridor })).body;
    const foreign = await h.call<ErrorBody>('POST', `${base}/indicators`, trucks({ name: 'Fuel', zoneId: foreignZone.id }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.issues).toEqual([{ path: 'zoneId', message: 'is not a zone of this agreement' }]);
    expect((await h.call('GET', `${base}/indicators/${other.indicator.id}`)).status).toBe(404);
    expect((await h.call('GET', `${base}/indicators/${other.indicator.id}/series`)).status).toBe(404);
    expect((await importCsv(`${base}/indicators/${other.indicator.id}`, 'date,value\n2026-06-01,1\n')).statusCode).toBe(404);
  });

  it("list a corridor's flows under its zone", async () => {
    const { base } = await agreementWithPartyAndPhase(h);
    const zone = (await h.call<ZoneView>('POST', `${base}/zones`, { name: 'Salah al-Din road', kind: 'aid_corridor', geometry: corridor })).body;
    await h.call('POST', `${base}/indicators`, trucks({ zoneId: zone.id }));
    await h.call('POST', `${base}/indicators`, trucks({ name: 'Fuel', unit: 'litres/day' }));
    const flows = await h.call<{ items: IndicatorView[] }>('GET', `${base}/zones/${zone.id}/indicators`);
    expect(flows.body.items.map((i) => i.name)).toEqual(['Aid trucks']);
  });
});

describe('observations', () => {
  it('are recorded one per date (409 in words for a second), paged by date', async () => {
    const { url } = await indicator();
    for (const [day, value] of [['2026-06-18', 610], ['2026-06-17', 650], ['2026-06-19', 590]] as const) {
      expect((await h.call('POST', `${url}/observations`, { observedOn: day, value, source: 'COGAT' })).status).toBe(201);
    }
    const dup = await h.call<ErrorBody>('POST', `${url}/observations`, { observedOn: '2026-06-18', value: 1 });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe('This indicator already has an observation on 2026-06-18');
    const page = await h.call<{ items: ObservationView[]; total: number }>('GET', `${url}/observations?limit=2&order=desc`);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((o) => o.observedOn)).toEqual(['2026-06-19', '2026-06-18']);
    expect((await h.call<ErrorBody>('POST', `${url}/observations`, { observedOn: '2026-06-20', value: 'many' })).status).toBe(400);
  });

  it('give a series with the target and met per point, and the streak as of today', async () => {
    const { url } = await indicator();
    const csv = 'date,value,source\n2026-06-15,500,UN2720\n2026-06-16,620,UN2720\n2026-06-17,630,\n2026-06-18,700,UN2720\n2026-06-21,900,tomorrow\n';
    expect((await importCsv(url, csv)).statusCode).toBe(201);
    const series = await h.call<IndicatorSeriesView>('GET', `${url}/series?from=2026-06-16`);
    expect(series.status).toBe(200);
    expect(series.body.today).toBe('2026-06-20');
    expect(series.body.points.map((p) => [p.observedOn, p.met, p.target])).toEqual([
      ['2026-06-16', true, 600],
      ['2026-06-17', true, 600],
      ['2026-06-18', true, 600],
      ['2026-06-21', true, 600],
    ]);
    // The streak counts up to today only: three days from the 16th, the newest on the 18th, two days behind.
    expect(series.body.streak).toEqual({ periods: 3, since: '2026-06-16', latest: { observedOn: '2026-06-18', value: 700 }, met: true, periodsBehind: 2 });
    expect(series.body.indicator.streak).toEqual(series.body.streak);
    expect((await h.call<ErrorBody>('GET', `${url}/series?from=2026-13-01`)).status).toBe(400);
    expect((await h.call<ErrorBody>('GET', `${url}/series?from=2026-06-18&to=2026-06-17`)).status).toBe(422);
  });
});

describe('the CSV import', () => {
  it('writes every row and one audit entry', async () => {
    const { a, indicator: created, url } = await indicator();
    const before = await counts(a.id, created.id);
    const res = await importCsv(url, '\uFEFFdate,value\r\n2026-06-01,610\r\n2026-06-02,580\r\n');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ imported: 2, first: '2026-06-01', last: '2026-06-02' });
    expect(await counts(a.id, created.id)).toEqual({ observations: before.observations + 2, audit: before.audit + 1 });
  });

  it('is all or nothing: 400 with every error and its line, a date already observed among them, and nothing written', async () => {
    const { a, indicator: created, url } = await indicator();
    await h.call('POST', `${url}/observations`, { observedOn: '2026-06-03', value: 600 });
    const before = await counts(a.id, created.id);
    const res = await importCsv(url, 'date,value\n2026-06-01,610\n2026-06-31,5\n2026-06-03,600\n2026-06-04,-3\n2026-06-01,2\n');
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody & { error: { details: { errors: { line: number; message: string }[] } } }>();
    expect(body.error.code).toBe('invalid_csv');
    expect(body.error.details.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(body.error.details.errors[1]).toEqual({ line: 4, message: 'the indicator already has an observation on 2026-06-03' });
    expect(body.error.message).toMatch(/^No observation was imported\. line 3: /);
    expect(await counts(a.id, created.id)).toEqual(before);
  });

  it('refuses a body that is not CSV, and is refused to viewers; monitors may import but not define', async () => {
    const { a, base, url } = await indicator();
    const json = await h.app.inject({ method: 'POST', url: `${url}/observations/import`, payload: { date: 1 }, headers: { authorization: `Bearer ${h.adminToken}` } });
    expect(json.statusCode).toBe(400);
    expect((await importCsv(url, 'when,howmuch\n2026-06-01,1\n')).statusCode).toBe(400);
    const viewer = await h.userWith('viewer', a.slug);
    expect((await importCsv(url, 'date,value\n2026-06-01,1\n', viewer.token)).statusCode).toBe(403);
    const monitor = await h.userWith('monitor', a.slug);
    expect((await importCsv(url, 'date,value\n2026-06-01,1\n', monitor.token)).statusCode).toBe(201);
    expect((await h.as(monitor.token)('POST', `${url}/observations`, { observedOn: '2026-06-02', value: 1 })).status).toBe(201);
    expect((await h.as(monitor.token)('POST', `${base}/indicators`, trucks({ name: 'Fuel' }))).status).toBe(403);
    expect((await h.as(monitor.token)('PATCH', url, { version: 1, target: 1 })).status).toBe(403);
  });
});

describe('gate facts', () => {
  it("give each indicator's streak", async () => {
    const { a, indicator: created, url } = await indicator({ period: 'day' });
    await importCsv(url, 'date,value\n2026-06-18,600\n2026-06-19,601\n');
    const facts = await h.svc.ground.gateFacts(a.slug);
    expect(facts.indicators).toEqual([
      { id: created.id, label: 'Aid trucks (trucks/day)', streakPeriods: 2, since: '2026-06-18', latest: { observedOn: '2026-06-19', value: 601 }, period: 'day' },
    ]);
  });
});
