/**
 * The agreement's forecast (docs/FORECAST.md): the escalation model on verified incidents, one
 * dimension per party; the count model on the verified incidents per day and on an indicator, with
 * backtests; the as-of day; determinism; and the answers without enough data. Today is 2026-06-20
 * in Gaza (UTC+3 in summer).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgreementForecastView, IncidentView } from '../../contract/index.ts';
import { mulberry32, simulateHawkes } from '../../core/forecast/index.ts';
import { fixedClock } from '../clock.ts';
import { createAgreement, harnessForFile, TEST_NOW, type Harness } from '../test/harness.ts';
import { forecastService } from './forecast.service.ts';
import { incidentSetup, report, type ErrorBody, type Row } from '../test/incident-setup.ts';

const h = harnessForFile();
let ctx: Awaited<ReturnType<typeof incidentSetup>>;
let observer: Row;
/** The synthetic verified incidents inserted, by party key ("unattributed" for none). */
const inserted: Array<{ at: string; party: string | null }> = [];

const DAY_MS = 86_400_000;
const FIRST = Date.parse('2026-03-12T00:00:00Z');

/**
 * Inserts verified incidents straight into the table (the triggers count them per day as they do
 * for the API's writes): `rows` of [occurredAt, attributed party or null]. Before any read of the
 * agreement's views, since this bypasses the write counter.
 */
async function insertVerified(harness: Harness, agreementId: string, rows: Array<[string, string | null]>) {
  await harness.database.query(
    `INSERT INTO incidents (agreement_id, occurred_at, reported_at, source_type, reliability, credibility, category, status, attributed_party_id)
     SELECT $1, u.t, u.t, 'monitor', 'B', 2, 'shelling', 'verified', u.p FROM unnest($2::timestamptz[], $3::uuid[]) AS u(t, p)`,
    [agreementId, rows.map((r) => r[0]), rows.map((r) => r[1])],
  );
}

/** Reports an incident through the API and walks it to verified, attributed to `party`. */
async function verifyThroughApi(base: string, occurredAt: string, party: string | null) {
  const i = (await h.call<IncidentView>('POST', `${base}/incidents`, report({ occurredAt }))).body;
  for (const to of ['triaged', 'under_investigation']) await h.call('POST', `${base}/incidents/${i.id}/transitions`, { to, reason: 'r' });
  const res = await h.call('POST', `${base}/incidents/${i.id}/transitions`, { to: 'verified', reason: 'confirmed', attributedPartyId: party, noEvidenceReason: 'Seen by the monitors' });
  expect(res.status).toBe(200);
}

const forecast = (base: string, qs = '') => h.call<AgreementForecastView & ErrorBody>('GET', `${base}/forecast${qs}`);

beforeAll(async () => {
  ctx = await incidentSetup(h);
  // A third party with no incident at all: it gets a dimension like the others.
  observer = (await h.call<Row>('POST', `${ctx.base}/parties`, { name: 'Observer Mission', role: 'mediator' })).body;
  // 100 days of a simulated Hawkes process with retaliation between the two parties (true branching ratio 0.5).
  const truth = { baseline: [0.3, 0.3, 0.2], adjacency: [[0.2, 0.3, 0], [0.3, 0.2, 0], [0.1, 0.1, 0.1]], decay: 2 };
  const parties = [ctx.hamas.id, ctx.israel.id, null];
  const rows: Array<[string, string | null]> = simulateHawkes(truth, 100, mulberry32(7)).map((e) => [new Date(FIRST + Math.round(e.time * 86_400) * 1000).toISOString(), parties[e.dim]!]);
  // Never later than 2026-06-19 (Gaza): today's data is added through the API below.
  const kept = rows.filter(([at]) => at < '2026-06-19T21:00:00Z');
  await insertVerified(h, ctx.a.id, kept);
  for (const [at, party] of kept) inserted.push({ at, party });
  // One through the API too, today in Gaza, and one report that is never verified.
  await verifyThroughApi(ctx.base, '2026-06-20T06:00:00Z', ctx.israel.id);
  inserted.push({ at: '2026-06-20T06:00:00.000Z', party: ctx.israel.id });
  await h.call('POST', `${ctx.base}/incidents`, report({ occurredAt: '2026-06-20T07:00:00Z', allegedPartyId: ctx.hamas.id }));
});

describe('the agreement forecast', () => {
  it('fits the escalation model with one dimension per party, every party treated alike, and forecasts 1, 7 and 14 days', async () => {
    const res = await forecast(ctx.base);
    expect(res.status).toBe(200);
    const { escalation } = res.body;
    expect(res.body).toMatchObject({ asOf: '2026-06-20', timeZone: 'Asia/Gaza', seed: 12 });
    const byParty = (key: string | null) => inserted.filter((e) => e.party === key).length;
    expect(escalation.dimensions).toEqual([
      { key: ctx.hamas.id, label: 'Hamas', events: byParty(ctx.hamas.id) },
      { key: ctx.israel.id, label: 'Israel', events: byParty(ctx.israel.id) },
      { key: observer.id, label: 'Observer Mission', events: 0 },
      { key: 'unattributed', label: 'Not attributed', events: byParty(null) },
    ]);
    // The report that was never verified is not an event.
    expect(escalation.events).toBe(inserted.length);
    expect(escalation).toMatchObject({ fitted: true, reason: null });
    expect(escalation.baseline).toHaveLength(4);
    expect(escalation.adjacency.map((r) => r.length)).toEqual([4, 4, 4, 4]);
    // A party without incidents neither starts nor triggers any.
    expect(escalation.baseline[2]).toBe(0);
    expect(escalation.adjacency[2]).toEqual([0, 0, 0, 0]);
    expect(escalation.adjacency.map((r) => r[2])).toEqual([0, 0, 0, 0]);
    expect(escalation.decay).toBeGreaterThan(0);
    // Retaliation found, within the sampling error of 131 events.
    expect(escalation.branchingRatio).toBeGreaterThan(0.2);
    expect(escalation.branchingRatio).toBeLessThan(0.8);
    expect(escalation.iterations).toBeGreaterThan(0);
    expect(escalation.forecast.map((f) => f.days)).toEqual([1, 7, 14]);
    for (const f of escalation.forecast) {
      expect(f.dimensions).toHaveLength(4);
      expect(f.dimensions[2]).toEqual({ days: f.days, expected: 0, low: 0, high: 0 });
      expect(f.total.low).toBeLessThanOrEqual(f.total.expected);
      expect(f.total.expected).toBeLessThanOrEqual(f.total.high);
    }
    // About 1.3 incidents a day: two weeks bring more than one day does.
    expect(escalation.forecast[2]!.total.expected).toBeGreaterThan(escalation.forecast[0]!.total.expected * 5);
    expect(escalation.forecast[2]!.total.expected).toBeGreaterThan(5);
    expect(escalation.forecast[2]!.total.expected).toBeLessThan(60);
  });

  it('forecasts the verified incidents per day from the first one, with zeros where none, and backtests the model beside the baselines', async () => {
    const res = await forecast(ctx.base);
    const series = res.body.series[0]!;
    expect(series).toMatchObject({ key: 'verified-incidents', label: 'Verified incidents per day', indicatorId: null, fitted: true, reason: null, origin: '2026-06-20' });
    // 12 March to 20 June, in Gaza: the first incident's day may be the 12th or (after 21:00 UTC) the 13th.
    expect(series.days).toBeGreaterThanOrEqual(100);
    expect(series.days).toBeLessThanOrEqual(101);
    expect(series.last).toEqual({ day: '2026-06-20', value: 1 });
    expect(series.source).toMatch(/A day with no verified incident counts as 0/);
    expect(series.forecast.map((f) => f.days)).toEqual([1, 7, 14]);
    expect(series.backtest.map((b) => b.horizon)).toEqual([1, 7, 14]);
    for (const b of series.backtest) {
      expect(b.n).toBeGreaterThan(60);
      expect(b.n).toBeLessThanOrEqual(90);
      expect(b.beatsNoChange.crps).toBe(b.model.crps < b.noChange.crps);
      expect(b.model.coverage80).toBeGreaterThan(0.5);
    }
  });

  it('gives the same answer for the same data and day, computed again from scratch', async () => {
    const one = await h.svc.forecast.agreement(ctx.a.slug, '2026-06-20');
    // Another service has nothing remembered: it computes everything again, with the same seeds.
    const fresh = forecastService({ repos: h.repos, clock: fixedClock(TEST_NOW), ground: h.svc.ground });
    expect(await fresh.agreement(ctx.a.id)).toEqual(one);
    expect((await forecast(ctx.base, '?asOf=2026-06-20')).body).toEqual(one);
    // What is remembered is handed out as a copy: a caller that changes its answer changes no other.
    one.escalation.baseline[0] = -1;
    one.series[0]!.forecast.length = 0;
    const again = await h.svc.forecast.agreement(ctx.a.id);
    expect(again.escalation.baseline[0]).toBeGreaterThan(0);
    expect(again.series[0]!.forecast).toHaveLength(3);
  });

  it('leaves out what happened after the end of the as-of day in the agreement’s zone', async () => {
    const res = await forecast(ctx.base, '?asOf=2026-05-31');
    expect(res.status).toBe(200);
    // The end of 31 May in Gaza is 21:00 UTC.
    const before = inserted.filter((e) => e.at < '2026-05-31T21:00:00Z');
    expect(res.body.asOf).toBe('2026-05-31');
    expect(res.body.escalation.events).toBe(before.length);
    expect(res.body.escalation.dimensions.map((d) => d.events)).toEqual([ctx.hamas.id, ctx.israel.id, observer.id, null].map((p) => before.filter((e) => e.party === p).length));
    const series = res.body.series[0]!;
    expect(series.origin).toBe('2026-05-31');
    const lastDay = inserted.filter((e) => e.at >= '2026-05-30T21:00:00Z' && e.at < '2026-05-31T21:00:00Z').length;
    expect(series.last).toEqual({ day: '2026-05-31', value: lastDay });
    // Different data, different numbers.
    expect(res.body.escalation.baseline).not.toEqual((await forecast(ctx.base)).body.escalation.baseline);
  });

  it('says why there is no fit with too few incidents or too few days, and fits none on an empty agreement', async () => {
    const empty = await createAgreement(h, { timeZone: 'Asia/Gaza' });
    const none = await forecast(`/api/agreements/${empty.slug}`);
    expect(none.status).toBe(200);
    expect(none.body.escalation).toMatchObject({ events: 0, fitted: false, dimensions: [], baseline: [], forecast: [], branchingRatio: null });
    expect(none.body.escalation.reason).toBe('0 verified incidents up to 2026-06-20: the escalation model needs at least 20.');
    expect(none.body.series).toHaveLength(1);
    expect(none.body.series[0]).toMatchObject({ key: 'verified-incidents', days: 0, fitted: false, last: null, origin: null, forecast: [], backtest: [] });

    const few = await createAgreement(h, { timeZone: 'Asia/Gaza' });
    const party = (await h.call<Row>('POST', `/api/agreements/${few.slug}/parties`, { name: 'Party A', role: 'belligerent' })).body;
    // 19 incidents over a month: one short of a fit.
    await insertVerified(h, few.id, Array.from({ length: 19 }, (_, i) => [new Date(Date.parse('2026-05-01T10:00:00Z') + i * 1.5 * DAY_MS).toISOString(), party.id]));
    const res = await forecast(`/api/agreements/${few.slug}`);
    expect(res.body.escalation).toMatchObject({ events: 19, fitted: false, reason: '19 verified incidents up to 2026-06-20: the escalation model needs at least 20.' });
    expect(res.body.escalation.dimensions).toEqual([{ key: party.id, label: 'Party A', events: 19 }]);
    // 51 days of counts: the count model needs 60.
    expect(res.body.series[0]).toMatchObject({ days: 51, fitted: false, reason: '51 days with a value: the count model needs at least 60.' });

    const short = await createAgreement(h, { timeZone: 'Asia/Gaza' });
    await insertVerified(h, short.id, Array.from({ length: 30 }, (_, i) => [new Date(Date.parse('2026-06-12T00:00:00Z') + i * 3_600_000).toISOString(), null]));
    const brief = await forecast(`/api/agreements/${short.slug}`);
    expect(brief.body.escalation.fitted).toBe(false);
    expect(brief.body.escalation.reason).toMatch(/^The verified incidents cover 8\.9 days from the first \(2026-06-12T00:00:00.000Z\) to the end of 2026-06-20: the escalation model needs at least 14\.$/);
  });

  it("forecasts an indicator with enough observed days, missing days left missing, and backtests it", async () => {
    const { base } = await (async () => {
      const a = await createAgreement(h, { timeZone: 'Asia/Gaza' });
      return { base: `/api/agreements/${a.slug}` };
    })();
    const made = await h.call<{ id: string }>('POST', `${base}/indicators`, { name: 'Aid trucks', unit: 'trucks', category: 'all', target: 600, comparison: '>=', sourceNote: 'Test series.' });
    const few = await h.call<{ id: string }>('POST', `${base}/indicators`, { name: 'Fuel', unit: 'tankers', category: 'fuel', target: 50, comparison: '>=' });
    const rng = mulberry32(3);
    const lines = ['date,value'];
    // 120 days to 10 June, every fifth day not reported (10 June is one): the last is on 9 June.
    for (let d = 0; d < 120; d += 1) {
      if (d % 5 === 4) continue;
      const date = new Date(Date.parse('2026-02-11T00:00:00Z') + d * DAY_MS).toISOString().slice(0, 10);
      lines.push(`${date},${200 + Math.floor(rng() * 150)}`);
    }
    // After the as-of day: left out.
    lines.push('2026-06-25,999');
    const post = (id: string, body: string) =>
      h.app.inject({ method: 'POST', url: `${base}/indicators/${id}/observations/import`, payload: body, headers: { 'content-type': 'text/csv', authorization: `Bearer ${h.adminToken}` } });
    expect((await post(made.body.id, lines.join('\n'))).statusCode).toBe(201);
    expect((await post(few.body.id, 'date,value\n2026-06-01,40\n2026-06-02,45\n')).statusCode).toBe(201);
    const res = await forecast(base);
    expect(res.status).toBe(200);
    // The indicator with two days is not forecast; the one with 96 is.
    expect(res.body.series.map((s) => s.key)).toEqual(['verified-incidents', `indicator:${made.body.id}`]);
    const series = res.body.series[1]!;
    expect(series).toMatchObject({ label: 'Aid trucks (trucks)', indicatorId: made.body.id, days: 96, fitted: true, reason: null, origin: '2026-06-09' });
    expect(series.last?.day).toBe('2026-06-09');
    expect(series.source).toMatch(/^Observations of the indicator "Aid trucks" \(trucks\): 96 days from 2026-02-11 to 2026-06-09\. A day without an observation is missing, not 0.*Test series\.$/);
    for (const f of series.forecast) {
      expect(f.expected).toBeGreaterThan(150);
      expect(f.expected).toBeLessThan(400);
      expect(f.low).toBeLessThan(f.high);
    }
    expect(series.backtest.map((b) => b.horizon)).toEqual([1, 7, 14]);
    for (const b of series.backtest) {
      expect(b.n).toBeGreaterThan(40);
      expect(b.historicalMean.mae).toBeGreaterThan(0);
      expect(b.noChange.mae).toBeGreaterThan(0);
    }
    // On white noise, no-change is a poor forecast: the model's CRPS beats it at every horizon.
    expect(series.backtest.every((b) => b.beatsNoChange.crps)).toBe(true);
  });

  it('refuses a date that is not one with a 400 naming asOf', async () => {
    for (const bad of ['2026-02-30', 'today', '2026-6-1', '10000-01-01']) {
      const res = await forecast(ctx.base, `?asOf=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(new Set(res.body.error.details.issues?.map((i) => i.path))).toEqual(new Set(['querystring.asOf']));
    }
    // The first and last days that may be stored are days like any other.
    for (const edge of ['0100-01-01', '9999-12-31']) {
      const res = await forecast(ctx.base, `?asOf=${edge}`);
      expect(res.status, edge).toBe(200);
      expect(res.body.escalation.events).toBe(edge === '0100-01-01' ? 0 : inserted.length);
    }
    // The service refuses it too (the CLI calls it directly).
    await expect(h.svc.forecast.agreement(ctx.a.id, '2026-13-01')).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('is read by whoever may read incidents, and by no one outside the agreement', async () => {
    const delegate = await h.userWith('party_delegate', ctx.a.slug, ctx.hamas.id);
    expect((await h.as(delegate.token)('GET', `${ctx.base}/forecast`)).status).toBe(200);
    const outsider = await h.userWith(null);
    expect([403, 404]).toContain((await h.as(outsider.token)('GET', `${ctx.base}/forecast`)).status);
  });
});
