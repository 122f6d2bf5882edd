/**
 * The parties' positions on contributors under audiences, as stances: outside a position's audience
 * one learns nothing of it, not in the history, the grid, the gaps or the audit log. A delegate
 * states only its own party's positions, never for the mediators' room; an objection says why.
 */
import { describe, expect, it } from 'vitest';
import type { AcceptabilityList, AuditEntryView, ForceGapsAnswer, ForceOverview } from '../../contract/index.ts';
import { harnessForFile, type Caller } from '../test/harness.ts';
import { contributor, pledge, position, requirement, world, type ErrorBody, type World } from './force.fixtures.ts';

const h = harnessForFile();

/** Egypt pledges 300 ready infantry against a requirement of 500 for the whole area. */
async function forceWorld() {
  const w = await world(h);
  const egypt = await contributor(h.call, w.base, 'Egypt', { country: 'EG' });
  const req = await requirement(h.call, w.base, { capability: 'Infantry', personnel: 500 });
  await pledge(h.call, w.base, { contributorId: egypt.id, capability: 'Infantry', personnel: 300, readiness: 'L3' });
  return { w, egypt, req };
}

const list = async (call: Caller, w: World) => (await call<AcceptabilityList>('GET', `${w.base}/force/acceptability`)).body;
const overview = async (call: Caller, w: World) => (await call<ForceOverview>('GET', `${w.base}/force`)).body;
const gaps = async (call: Caller, w: World) => (await call<ForceGapsAnswer>('GET', `${w.base}/force/gaps`)).body;
const auditPositions = async (call: Caller, w: World) =>
  (await call<{ items: AuditEntryView[] }>('GET', `${w.base}/audit?limit=500`)).body.items.filter((e) => e.entity === 'contributor_acceptability');

describe('positions on contributors under audiences', () => {
  it("hide a party's confidential objection from another party's delegate: history, grid, gaps and audit", async () => {
    const { w, egypt } = await forceWorld();
    await position(w.israel.call, w.base, { contributorId: egypt.id, partyId: w.israelId, position: 'accepted', audience: 'all' });
    await position(w.hamas.call, w.base, { contributorId: egypt.id, partyId: w.hamasId, position: 'objected', reason: 'Red line: no Egyptian troops', audience: 'party' });

    // The mediators and Hamas see the objection: Egypt's pledge does not count.
    for (const call of [w.mediator.call, w.hamas.call]) {
      const seen = await list(call, w);
      expect(seen.items.map((s) => s.partyId)).toEqual([w.hamasId, w.israelId]);
      const cells = seen.grid.rows[0]!.cells;
      expect(cells.find((c) => c.partyId === w.hamasId)).toMatchObject({ position: 'objected', reason: 'Red line: no Egyptian troops', audience: 'party' });
      const g = await gaps(call, w);
      expect(g.force.totals).toEqual({ required: 500, covered: 0, gap: 500 });
      expect(g.force.requirements[0]!.notCounting).toMatchObject([{ why: 'objected', objectedBy: [w.hamasId] }]);
      expect((await overview(call, w)).gaps.totals.gap).toBe(500);
      expect(await auditPositions(call, w)).toHaveLength(2);
    }

    // Israel's delegate and a viewer: no trace of it anywhere; the pledge counts.
    for (const call of [w.israel.call, w.viewer.call]) {
      const seen = await list(call, w);
      expect(seen.items.map((s) => s.partyId)).toEqual([w.israelId]);
      expect(seen.grid.rows[0]!.cells.find((c) => c.partyId === w.hamasId)).toEqual({
        partyId: w.hamasId,
        position: null,
        reason: '',
        statedOn: null,
        audience: null,
        statementId: null,
      });
      const g = await gaps(call, w);
      expect(g.force.totals).toEqual({ required: 500, covered: 300, gap: 200 });
      expect(g.force.requirements[0]!.notCounting).toEqual([]);
      const whole = await overview(call, w);
      expect(whole.gaps.totals.gap).toBe(200);
      expect(JSON.stringify([seen, g, whole])).not.toContain('Red line');
    }
    // Viewers do not read the audit log; Israel's delegate reads it without Hamas's entry.
    expect((await auditPositions(w.israel.call, w)).map((e) => (e.after as { partyId: string }).partyId)).toEqual([w.israelId]);
  });

  it('is the newest statement the reader may see, per contributor and party', async () => {
    const { w, egypt } = await forceWorld();
    const base = { contributorId: egypt.id, partyId: w.hamasId };
    await position(w.hamas.call, w.base, { ...base, position: 'accepted', audience: 'all' });
    await position(w.hamas.call, w.base, { ...base, position: 'objected', reason: 'Changed our mind', audience: 'party' });
    expect((await list(w.hamas.call, w)).grid.rows[0]!.cells.find((c) => c.partyId === w.hamasId)!.position).toBe('objected');
    // For Israel the confidential reversal does not exist: the shared acceptance still holds.
    expect((await list(w.israel.call, w)).grid.rows[0]!.cells.find((c) => c.partyId === w.hamasId)!.position).toBe('accepted');
    expect((await list(w.hamas.call, w)).items.map((s) => s.position)).toEqual(['objected', 'accepted']);
  });

  it("keep the mediators' room to the mediators; a delegate neither writes there nor for another party", async () => {
    const { w, egypt } = await forceWorld();
    await position(w.mediator.call, w.base, { contributorId: egypt.id, partyId: w.hamasId, position: 'objected', reason: 'Said in private', audience: 'mediators' });
    expect((await gaps(w.mediator.call, w)).force.totals.gap).toBe(500);
    expect((await list(w.hamas.call, w)).items).toEqual([]);
    expect((await gaps(w.hamas.call, w)).force.totals.gap).toBe(200);
    expect(await auditPositions(w.hamas.call, w)).toEqual([]);

    const mine = { contributorId: egypt.id, position: 'accepted' };
    await position(w.hamas.call, w.base, { ...mine, partyId: w.hamasId, audience: 'mediators' }, 403);
    await position(w.hamas.call, w.base, { ...mine, partyId: w.israelId, audience: 'all' }, 403);
    await position(w.viewer.call, w.base, { ...mine, partyId: w.hamasId, audience: 'all' }, 403);
  });

  it('needs a reason for an objection, and a party and contributor of the agreement', async () => {
    const { w, egypt } = await forceWorld();
    const other = await forceWorld();
    const bare = await w.hamas.call<ErrorBody>('POST', `${w.base}/force/acceptability`, {
      contributorId: egypt.id, partyId: w.hamasId, position: 'objected', statedOn: '2026-06-18', audience: 'all',
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain('reason');
    const foreign = await w.mediator.call<ErrorBody>('POST', `${w.base}/force/acceptability`, {
      contributorId: other.egypt.id, partyId: other.w.hamasId, position: 'accepted', statedOn: '2026-06-18', audience: 'all',
    });
    expect(foreign.status).toBe(422);
    expect((foreign.body.error.details.issues ?? []).map((i) => i.path).sort()).toEqual(['partyId']);
    const wrongContributor = await w.mediator.call<ErrorBody>('POST', `${w.base}/force/acceptability`, {
      contributorId: other.egypt.id, partyId: w.hamasId, position: 'accepted', statedOn: '2026-06-18', audience: 'all',
    });
    expect(wrongContributor.status).toBe(422);
    expect(wrongContributor.body.error.message).toContain('contributorId');
  });

  it("counts only a signatory's objection: a mediator party's is shown but removes no cover", async () => {
    const { w, egypt } = await forceWorld();
    const qatar = await w.party('Qatar', 'mediator');
    await position(w.mediator.call, w.base, { contributorId: egypt.id, partyId: qatar.id, position: 'objected', reason: 'Prefers its own troops', audience: 'all' });
    const seen = await list(w.viewer.call, w);
    expect(seen.grid.parties.find((p) => p.id === qatar.id)!.signatory).toBe(false);
    expect((await gaps(w.viewer.call, w)).force.totals.covered).toBe(300);
  });
});
