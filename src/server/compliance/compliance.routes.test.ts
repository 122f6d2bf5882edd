import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceView, IncidentView, MatrixView } from '../../contract/index.ts';
import { harnessForFile } from '../test/harness.ts';
import { incidentSetup, report, type ErrorBody } from '../test/incident-setup.ts';

// Gaza is UTC+3 in June: 20:30 UTC on the 19th is 23:30 there, 21:30 UTC is already the 20th.
const NOW = '2026-06-20T12:00:00.000Z';
const h = harnessForFile(NOW);
let ctx: Awaited<ReturnType<typeof incidentSetup>>;

beforeAll(async () => {
  ctx = await incidentSetup(h, { public: true });
  const verify = async (occurredAt: string, attributedPartyId: string | null, provisionIds: string[]) => {
    const i = (await h.call<IncidentView>('POST', `${ctx.base}/incidents`, report({ occurredAt, provisionIds }))).body;
    for (const to of ['triaged', 'under_investigation']) await h.call('POST', `${ctx.base}/incidents/${i.id}/transitions`, { to, reason: 'r' });
    const res = await h.call('POST', `${ctx.base}/incidents/${i.id}/transitions`, { to: 'verified', reason: 'confirmed', attributedPartyId, noEvidenceReason: 'Seen by the monitors' });
    expect(res.status).toBe(200);
  };
  await verify('2026-06-19T20:30:00Z', ctx.israel.id, [ctx.provision.id]);
  await verify('2026-06-19T21:30:00Z', ctx.israel.id, [ctx.provision.id]);
  await verify('2026-06-19T22:00:00Z', null, []);
  // Verified, but 9 days ago: counted by day, not a bottleneck any more.
  await verify('2026-06-11T10:00:00Z', ctx.hamas.id, [ctx.provision.id]);
  // 17:00 in Gaza on 22 March, 90 days back by the clock but the day before the default window's first.
  await verify('2026-03-22T15:00:00Z', ctx.hamas.id, []);
  // Reported only: never counted.
  await h.call('POST', `${ctx.base}/incidents`, report({ occurredAt: '2026-06-19T10:00:00Z', allegedPartyId: ctx.hamas.id, provisionIds: [ctx.provision.id] }));
});

const compliance = (qs: string) => h.call<ComplianceView & ErrorBody>('GET', `${ctx.base}/compliance?${qs}`);

describe('compliance', () => {
  it('counts verified violations per party by day in the agreement’s zone, with every party shown', async () => {
    const res = await compliance('by=party&granularity=day&from=2026-06-18T21:00:00Z&to=2026-06-20T21:00:00Z');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ timeZone: 'Asia/Gaza', total: 3, buckets: [{ key: '2026-06-19' }, { key: '2026-06-20' }] });
    expect(res.body.series.map((s) => [s.label, s.counts])).toEqual([
      ['Israel', [1, 1]],
      ['Not attributed', [0, 1]],
      ['Hamas', [0, 0]],
    ]);
  });

  it('leaves out a party that carries no obligations (a mediator), unless a violation is attributed to it', async () => {
    const mediator = (await h.call<{ id: string }>('POST', `${ctx.base}/parties`, { name: 'Mediator E', role: 'mediator' })).body;
    const window = 'by=party&granularity=day&from=2026-06-18T21:00:00Z&to=2026-06-20T21:00:00Z';
    const labels = async () => (await compliance(window)).body.series.map((s) => s.label).sort();
    expect(await labels()).toEqual(['Hamas', 'Israel', 'Not attributed']);
    // Named as obligated by a provision, it carries an obligation: its zeros show.
    const duty = (await h.call<{ id: string; version: number }>('POST', `${ctx.base}/provisions`, { phaseId: ctx.phase.id, code: '9.9', title: 'Host the talks', category: 'guarantees', obligatedPartyId: mediator.id })).body;
    expect(await labels()).toEqual(['Hamas', 'Israel', 'Mediator E', 'Not attributed']);
    await h.call('DELETE', `${ctx.base}/provisions/${duty.id}?version=${duty.version}`);
    expect(await labels()).toEqual(['Hamas', 'Israel', 'Not attributed']);
  });

  it('counts per provision by ISO week, over the default 90 days', async () => {
    const res = await compliance('by=provision&granularity=week');
    // Monday 23 March to the end of Saturday 20 June, in Gaza (EET, then EEST from 28 March).
    expect(res.body.from).toBe('2026-03-22T22:00:00.000Z');
    expect(res.body.to).toBe('2026-06-20T21:00:00.000Z');
    const series = res.body.series;
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ key: ctx.provision.id, label: '1.1 Halt attacks', total: 3 });
    const weeks = res.body.buckets.map((b) => b.key);
    expect(series[0]!.counts[weeks.indexOf('2026-W24')]).toBe(1);
    expect(series[0]!.counts[weeks.indexOf('2026-W25')]).toBe(2);
  });

  it('makes the default window 90 whole days in the agreement’s zone, today included, not the 90 days to the minute of the request', async () => {
    const res = await compliance('by=party&granularity=day');
    expect(res.status).toBe(200);
    expect(res.body.from).toBe('2026-03-22T22:00:00.000Z');
    expect(res.body.to).toBe('2026-06-20T21:00:00.000Z');
    expect(res.body.buckets).toHaveLength(90);
    expect(res.body.buckets[0]).toEqual({ key: '2026-03-23', start: '2026-03-23' });
    expect(res.body.buckets.at(-1)).toEqual({ key: '2026-06-20', start: '2026-06-20' });
    // The report of 22 March falls before the first whole day: no partial first bucket counts it.
    expect(res.body.series.find((s) => s.label === 'Hamas')?.total).toBe(1);
    expect(res.body.series.find((s) => s.label === 'Israel')?.total).toBe(2);
  });

  it('fills in a missing end of the window with whole days, by week from a Monday', async () => {
    // Only `to`: it is kept; `from` is the start of the day 89 days before its last day (13 March, EET).
    const day = await compliance('granularity=day&to=2026-06-10T09:00:00Z');
    expect([day.body.from, day.body.to]).toEqual(['2026-03-12T22:00:00.000Z', '2026-06-10T09:00:00.000Z']);
    expect(day.body.buckets).toHaveLength(90);
    // By week the first day, Saturday 14 March, moves back to its Monday, 9 March.
    const week = await compliance('granularity=week&to=2026-06-11T21:00:00Z');
    expect(week.body.from).toBe('2026-03-08T22:00:00.000Z');
    expect(week.body.buckets[0]).toEqual({ key: '2026-W11', start: '2026-03-09' });
    // Only `from`: the window ends with today, where the agreement is.
    const from = await compliance('from=2026-06-01T00:00:00Z');
    expect([from.body.from, from.body.to]).toEqual(['2026-06-01T00:00:00.000Z', '2026-06-20T21:00:00.000Z']);
  });

  it('answers 422 naming timeZone for a stored zone the runtime does not know either', async () => {
    const other = await incidentSetup(h, { public: true });
    await h.database.query("UPDATE agreements SET time_zone = 'Mars/Olympus' WHERE id = $1", [other.a.id]);
    const res = await h.call<ErrorBody>('GET', `${other.base}/compliance`);
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues?.map((i) => i.path)).toEqual(['timeZone']);
  });

  it('is public where the agreement is, and refuses a reversed or overlong window', async () => {
    expect((await h.anonymous('GET', `${ctx.base}/compliance`)).status).toBe(200);
    expect((await compliance('from=2026-06-20T00:00:00Z&to=2026-06-01T00:00:00Z')).status).toBe(422);
    expect((await compliance('from=2020-01-01T00:00:00Z')).status).toBe(422);
    expect((await compliance('by=zone')).status).toBe(400);
  });
});

describe('the Strategic Matrix', () => {
  it('makes a provision with verified violations in the last 7 days a bottleneck', async () => {
    const m = (await h.call<MatrixView>('GET', `${ctx.base}/matrix`)).body;
    const bottleneck = m.rows[0]!.bottlenecks.find((b) => b.provisionId === ctx.provision.id);
    expect(bottleneck!.reasons).toEqual([{ kind: 'violations', count: 2, days: 7 }]);
  });
});
