import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceView, IncidentView, MatrixView } from '../../contract/index.ts';
import { startHarness, type Harness } from '../test/harness.ts';
import { incidentSetup, report, type ErrorBody } from '../test/incident-setup.ts';

// Gaza is UTC+3 in June: 20:30 UTC on the 19th is 23:30 there, 21:30 UTC is already the 20th.
const NOW = '2026-06-20T12:00:00.000Z';
let h: Harness;
let ctx: Awaited<ReturnType<typeof incidentSetup>>;

beforeAll(async () => {
  h = await startHarness(NOW);
  ctx = await incidentSetup(h, { public: true });
  const verify = async (occurredAt: string, attributedPartyId: string | null, provisionIds: string[]) => {
    const i = (await h.call<IncidentView>('POST', `${ctx.base}/incidents`, report({ occurredAt, provisionIds }))).body;
    for (const to of ['triaged', 'under_investigation']) await h.call('POST', `${ctx.base}/incidents/${i.id}/transitions`, { to, reason: 'r' });
    const res = await h.call('POST', `${ctx.base}/incidents/${i.id}/transitions`, { to: 'verified', reason: 'confirmed', attributedPartyId });
    expect(res.status).toBe(200);
  };
  await verify('2026-06-19T20:30:00Z', ctx.israel.id, [ctx.provision.id]);
  await verify('2026-06-19T21:30:00Z', ctx.israel.id, [ctx.provision.id]);
  await verify('2026-06-19T22:00:00Z', null, []);
  // Verified, but 9 days ago: counted by day, not a bottleneck any more.
  await verify('2026-06-11T10:00:00Z', ctx.hamas.id, [ctx.provision.id]);
  // Reported only: never counted.
  await h.call('POST', `${ctx.base}/incidents`, report({ occurredAt: '2026-06-19T10:00:00Z', allegedPartyId: ctx.hamas.id, provisionIds: [ctx.provision.id] }));
});
afterAll(async () => {
  await h.close();
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

  it('counts per provision by ISO week, over the default 90 days', async () => {
    const res = await compliance('by=provision&granularity=week');
    expect(res.body.from).toBe('2026-03-22T12:00:00.000Z');
    expect(res.body.to).toBe(NOW);
    const series = res.body.series;
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ key: ctx.provision.id, label: '1.1 Halt attacks', total: 3 });
    const weeks = res.body.buckets.map((b) => b.key);
    expect(series[0]!.counts[weeks.indexOf('2026-W24')]).toBe(1);
    expect(series[0]!.counts[weeks.indexOf('2026-W25')]).toBe(2);
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
