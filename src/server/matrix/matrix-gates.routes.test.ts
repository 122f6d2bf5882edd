/** The Strategic Matrix with gates, withdrawal items and the force's and funding's gaps, as each reader sees them. */
import { describe, expect, it } from 'vitest';
import type { MatrixView } from '../../contract/index.ts';
import { world } from '../negotiation/negotiation.fixtures.ts';
import { harnessForFile, type Caller } from '../test/harness.ts';

const h = harnessForFile();

describe('the matrix with gates and the ground', () => {
  it("shows each phase's gate and withdrawal items, and the gaps, from what the reader may see", async () => {
    const w = await world(h);
    const post = async <T = { id: string; version: number }>(url: string, body: Record<string, unknown>, call: Caller = h.call) => {
      const res = await call<T>('POST', `${w.base}/${url}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const one = await post('phases', { name: 'Phase One', status: 'active' });
    const two = await post('phases', { name: 'Phase Two' });
    await post('withdrawal-items', { phaseId: one.id, force: 'Brigade 7', deadline: '2026-06-10' });
    await post('withdrawal-items', { phaseId: one.id, force: 'Brigade 9', deadline: '2026-07-01' });
    await post('force/requirements', { capability: 'Infantry', personnel: 100 });
    const egypt = await post('force/contributors', { name: 'Egypt' });
    await post('force/pledges', { contributorId: egypt.id, capability: 'Infantry', personnel: 100, readiness: 'L3', pledgedOn: '2026-06-01' });
    await post('force/budget-lines', { name: 'Troops', amount: 1000 });
    expect((await h.call('PUT', `${w.base}/phases/${two.id}/gate`, { conditions: [{ kind: 'force_covered', label: 'Force in place' }] })).status).toBe(200);
    // Hamas objects to Egypt in its own circle.
    await post('force/acceptability', { contributorId: egypt.id, partyId: w.hamasId, position: 'objected', reason: 'Not neutral', statedOn: '2026-06-18', audience: 'party' }, w.hamas.call);

    const matrixAs = async (call: Caller) => {
      const res = await call<MatrixView>('GET', `${w.base}/matrix`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const mediators = await matrixAs(w.mediator.call);
    expect(mediators.rows.map((r) => [r.phase.name, r.gate])).toEqual([
      ['Phase One', null],
      ['Phase Two', { passes: false, met: 0, total: 1 }],
    ]);
    expect(mediators.rows[0]!.withdrawals.realities.map((x) => [x.label, x.status])).toEqual([
      ['Brigade 7', 'late'],
      ['Brigade 9', 'on_time'],
    ]);
    expect(mediators.rows[0]!.withdrawals.bottlenecks).toEqual([expect.objectContaining({ label: 'Brigade 7', status: 'late', since: '2026-06-11' })]);
    expect(mediators.force).toEqual([expect.objectContaining({ label: 'Infantry · whole area', required: 100, covered: 0, gap: 100 })]);
    expect(mediators.funding).toEqual([
      { stage: 'commitment', budget: 1000, reached: 0, gap: 1000 },
      { stage: 'disbursement', budget: 1000, reached: 0, gap: 1000 },
    ]);

    // Israel's delegate does not see Hamas's objection, nor its effect.
    const israel = await matrixAs(w.israel.call);
    expect(israel.rows[1]!.gate).toEqual({ passes: true, met: 1, total: 1 });
    expect(israel.force).toEqual([]);
    expect(israel.rows[0]!.withdrawals.bottlenecks).toHaveLength(1);
  });
});
