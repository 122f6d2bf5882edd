/**
 * Stances and consensus per reader: outside a stance's audience one learns nothing of it, not in
 * the history, the current stances, the consensus and its counts, the blockers, or the audit log.
 * Settling is decided on every stance; signatories follow the role unless a party says otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntryView, ClauseView, DocumentSummaryView, StanceView } from '../../contract/index.ts';
import { harnessForFile, type Caller } from '../test/harness.ts';
import { clauseAs, FORCE, FUNDING, importText, stance, world, type World } from './negotiation.fixtures.ts';

const h = harnessForFile();

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

/** A world with the text imported; `force` is the URL of its first clause (two alternatives). */
async function negotiating() {
  const w = await world(h);
  const doc = await importText(w.mediator.call, w.base);
  const clauseUrl = (i: number) => `${w.base}/documents/${doc.id}/clauses/${doc.clauses[i]!.id}`;
  return { w, doc, force: clauseUrl(0), funding: clauseUrl(1), clauseUrl };
}

const history = async (call: Caller, url: string) => (await call<{ items: StanceView[] }>('GET', `${url}/stances`)).body.items;
const auditStances = async (call: Caller, w: World) =>
  (await call<{ items: AuditEntryView[] }>('GET', `${w.base}/audit?limit=500`)).body.items.filter((e) => e.entity === 'stance');

describe('stances under audiences', () => {
  it("hide a party's confidential block from another party's delegate: history, consensus, counts and audit", async () => {
    const { w, doc, force } = await negotiating();
    // Israel accepts Egypt's troops for everyone to see; Hamas rejects both alternatives in its own circle.
    await stance(w.israel.call, force, { groupKey: FORCE, alternative: 0, partyId: w.israelId, position: 'accept', audience: 'all' });
    const secret = { groupKey: FORCE, partyId: w.hamasId, position: 'reject', audience: 'party', reason: 'Red line: no foreign troops' };
    await stance(w.hamas.call, force, { ...secret, alternative: 0 });
    await stance(w.hamas.call, force, { ...secret, alternative: 1 });

    // The mediators see the true state: blocked by Hamas on both.
    const mediators = await clauseAs(w.mediator.call, w.base, doc.id, 0);
    expect(mediators.consensus.status).toBe('blocked');
    expect(mediators.consensus.groups[0]!.blockers).toEqual([
      { partyId: w.hamasId, alternative: 0 },
      { partyId: w.hamasId, alternative: 1 },
    ]);
    expect(mediators.stances).toHaveLength(3);
    expect(await history(w.mediator.call, force)).toHaveLength(3);
    expect(await auditStances(w.mediator.call, w)).toHaveLength(3);

    // Hamas sees its own.
    expect((await clauseAs(w.hamas.call, w.base, doc.id, 0)).consensus.status).toBe('blocked');

    // Israel's delegate, a viewer: converging, no blocker, no trace of Hamas's stances anywhere.
    for (const call of [w.israel.call, w.viewer.call]) {
      const seen = await clauseAs(call, w.base, doc.id, 0);
      expect(seen.consensus.status).toBe('converging');
      expect(seen.consensus.groups[0]!.blockers).toEqual([]);
      expect(seen.consensus.groups[0]!.alternatives.map((a) => a.reject)).toEqual([[], []]);
      expect(seen.stances.map((s) => s.partyId)).toEqual([w.israelId]);
      expect((await history(call, force)).map((s) => s.partyId)).toEqual([w.israelId]);
      const list = await call<{ items: DocumentSummaryView[] }>('GET', `${w.base}/documents`);
      expect(list.body.items[0]!.consensus).toMatchObject({ blocked: 0, converging: 1 });
      const whole = await call('GET', `${w.base}/documents/${doc.id}`);
      expect(JSON.stringify(whole.body)).not.toContain('Red line');
    }
    const israelAudit = await auditStances(w.israel.call, w);
    expect(israelAudit.map((e) => (e.after as { partyId: string }).partyId)).toEqual([w.israelId]);
  });

  it("keep the mediators' room to the mediators; a delegate neither writes there nor for another party", async () => {
    const { w, doc, funding } = await negotiating();
    await stance(w.mediator.call, funding, { groupKey: FUNDING, alternative: 0, partyId: w.hamasId, position: 'reject', audience: 'mediators' });
    expect((await clauseAs(w.mediator.call, w.base, doc.id, 1)).consensus.groups[0]!.blockers).toEqual([{ partyId: w.hamasId, alternative: 0 }]);
    expect(await history(w.hamas.call, funding)).toEqual([]);
    expect((await clauseAs(w.hamas.call, w.base, doc.id, 1)).consensus.groups[0]!.blockers).toEqual([]);
    expect(await auditStances(w.hamas.call, w)).toEqual([]);

    const mine = { groupKey: FUNDING, alternative: 0, position: 'accept' };
    await stance(w.hamas.call, funding, { ...mine, partyId: w.hamasId, audience: 'mediators' }, 403);
    await stance(w.hamas.call, funding, { ...mine, partyId: w.israelId, audience: 'all' }, 403);
    await stance(w.viewer.call, funding, { ...mine, partyId: w.hamasId, audience: 'all' }, 403);
  });

  it('is the newest statement the reader may see, per party and alternative', async () => {
    const { w, doc, funding } = await negotiating();
    const base = { groupKey: FUNDING, alternative: 0, partyId: w.hamasId };
    await stance(w.hamas.call, funding, { ...base, position: 'accept', audience: 'all' });
    await stance(w.hamas.call, funding, { ...base, position: 'reject', audience: 'party' });
    expect((await clauseAs(w.hamas.call, w.base, doc.id, 1)).stances.map((s) => s.position)).toEqual(['reject']);
    // For Israel the confidential reversal does not exist: the shared accept still holds.
    expect((await clauseAs(w.israel.call, w.base, doc.id, 1)).stances.map((s) => s.position)).toEqual(['accept']);
    expect((await history(w.hamas.call, funding)).map((s) => s.position)).toEqual(['reject', 'accept']);
  });

  it('must name a group of the current text and an alternative in it; a reservation needs its text', async () => {
    const { w, funding } = await negotiating();
    const ok = { groupKey: FUNDING, alternative: 1, partyId: w.hamasId, position: 'accept', audience: 'all' };
    expect((await stance(w.hamas.call, funding, ok)).alternative).toBe(1);
    const unknown = await w.hamas.call<ErrorBody>('POST', `${funding}/stances`, { ...ok, groupKey: 'g0:nothing | ', reason: 'r', statedOn: '2026-06-18' });
    expect(unknown.status).toBe(422);
    const beyond = await w.hamas.call<ErrorBody>('POST', `${funding}/stances`, { ...ok, alternative: 2, reason: 'r', statedOn: '2026-06-18' });
    expect(beyond.status).toBe(422);
    expect(beyond.body.error.message).toContain('alternative');
    const bare = await w.hamas.call<ErrorBody>('POST', `${funding}/stances`, { ...ok, position: 'accept_with_reservation', reason: 'r', statedOn: '2026-06-18' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain('reservation');
    const reserved = await stance(w.hamas.call, funding, { ...ok, position: 'accept_with_reservation', reservation: 'If audited' });
    expect(reserved.reservation).toBe('If audited');
  });
});

describe('settling', () => {
  it('is refused while the group is not agreed on every stance, then keeps the agreed text', async () => {
    const { w, doc, force } = await negotiating();
    const clause = doc.clauses[0]!;
    const accept = { groupKey: FORCE, alternative: 0, position: 'accept' };
    await stance(w.israel.call, force, { ...accept, partyId: w.israelId, audience: 'all' });
    await stance(w.hamas.call, force, { ...accept, partyId: w.hamasId, audience: 'all' });
    // A confidential block the delegates cannot see still keeps the group from agreed.
    await stance(w.mediator.call, force, { ...accept, partyId: w.hamasId, position: 'reject', audience: 'mediators' });
    expect((await clauseAs(w.israel.call, w.base, doc.id, 0)).consensus.status).toBe('agreed');
    const refused = await w.mediator.call<ErrorBody>('POST', `${force}/settle`, { groupKey: FORCE, version: clause.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('not agreed');
    expect((await w.hamas.call('POST', `${force}/settle`, { groupKey: FORCE, version: clause.version })).status).toBe(403);

    await stance(w.mediator.call, force, { ...accept, partyId: w.hamasId, audience: 'mediators' });
    const settled = await w.mediator.call<ClauseView>('POST', `${force}/settle`, { groupKey: FORCE, version: clause.version });
    expect(settled.status, JSON.stringify(settled.body)).toBe(200);
    expect(settled.body).toMatchObject({ text: 'The force shall consist of troops from Egypt only.', version: 2 });
    expect(settled.body.consensus).toEqual({ status: 'agreed', groups: [] });
    const versions = await w.viewer.call<{ items: Array<{ reason: string }> }>('GET', `${force}/versions`);
    expect(versions.body.items.at(-1)!.reason).toBe(`Settled ${FORCE}: troops from Egypt`);
    // The history stays, under the settled group's retired key.
    expect((await history(w.mediator.call, force)).every((s) => s.groupKey.startsWith('settled@'))).toBe(true);
    expect((await w.mediator.call('POST', `${force}/settle`, { groupKey: FORCE, version: 2 })).status).toBe(422);
  });

  it('settles an omission without leaving a doubled space', async () => {
    const { w, doc, funding } = await negotiating();
    for (const [call, partyId] of [
      [w.hamas.call, w.hamasId],
      [w.israel.call, w.israelId],
    ] as const) {
      await stance(call, funding, { groupKey: FUNDING, alternative: 1, partyId, position: 'accept', audience: 'all' });
    }
    const settled = await w.mediator.call<ClauseView>('POST', `${funding}/settle`, { groupKey: FUNDING, version: doc.clauses[1]!.version });
    expect(settled.body.text).toBe('Funding shall come from.');
  });
});

describe('signatories', () => {
  it('are the belligerents unless a party says otherwise', async () => {
    const { w, doc, funding } = await negotiating();
    for (const [call, partyId] of [
      [w.hamas.call, w.hamasId],
      [w.israel.call, w.israelId],
    ] as const) {
      await stance(call, funding, { groupKey: FUNDING, alternative: 0, partyId, position: 'accept', audience: 'all' });
    }
    const status = async () => (await clauseAs(w.viewer.call, w.base, doc.id, 1)).consensus.status;
    expect(await status()).toBe('agreed');

    // A guarantor marked as signatory must accept too; a belligerent marked otherwise no longer counts.
    const egypt = await w.party('Egypt', 'guarantor', true);
    expect(await status()).toBe('converging');
    const egyptGroup = (await clauseAs(w.viewer.call, w.base, doc.id, 1)).consensus.groups[0]!;
    expect(egyptGroup.alternatives[0]!.noPosition).toEqual([egypt.id]);
    await stance(w.mediator.call, funding, { groupKey: FUNDING, alternative: 0, partyId: w.israelId, position: 'reject', audience: 'all' });
    // Israel now blocks the text, and nobody has accepted its omission.
    expect(await status()).toBe('open');
    const israel = (await h.call<{ version: number; signatory: boolean | null }>('GET', `${w.base}/parties/${w.israelId}`)).body;
    expect(israel.signatory).toBeNull();
    const patched = await h.call<{ signatory: boolean | null }>('PATCH', `${w.base}/parties/${w.israelId}`, { version: israel.version, signatory: false });
    expect(patched.body.signatory).toBe(false);
    await stance(w.mediator.call, funding, { groupKey: FUNDING, alternative: 0, partyId: egypt.id, position: 'accept', audience: 'all' });
    const group = (await clauseAs(w.viewer.call, w.base, doc.id, 1)).consensus.groups[0]!;
    expect(group.status).toBe('agreed');
    expect(group.alternatives[0]!.others).toEqual([{ partyId: w.israelId, position: 'reject' }]);
  });
});

describe("the matrix's bottlenecks", () => {
  it('list the clauses not agreed by deadline, with the blockers each reader may know', async () => {
    const { w, doc, force, funding } = await negotiating();
    await w.mediator.call('PATCH', funding, { version: doc.clauses[1]!.version, deadline: '2026-06-25T00:00:00Z' });
    await w.mediator.call('PATCH', `${w.base}/documents/${doc.id}`, { version: doc.version, deadline: '2026-07-01T00:00:00Z' });
    const secret = { groupKey: FORCE, partyId: w.hamasId, position: 'reject', audience: 'party' };
    await stance(w.hamas.call, force, { ...secret, alternative: 0 });
    await stance(w.hamas.call, force, { ...secret, alternative: 1 });
    type Matrix = { clauses: Array<{ clauseId: string; status: string; deadline: string | null; blockingPartyIds: string[] }> };
    const matrix = async (call: Caller) => (await call<Matrix>('GET', `${w.base}/matrix`)).body.clauses;

    const mediators = await matrix(w.mediator.call);
    expect(mediators.map((c) => [c.clauseId, c.status, c.deadline, c.blockingPartyIds])).toEqual([
      [doc.clauses[1]!.id, 'open', '2026-06-25T00:00:00.000Z', []],
      [doc.clauses[0]!.id, 'blocked', '2026-07-01T00:00:00.000Z', [w.hamasId]],
    ]);
    expect((await matrix(w.hamas.call))[1]).toMatchObject({ status: 'blocked', blockingPartyIds: [w.hamasId] });
    for (const call of [w.israel.call, w.viewer.call]) {
      expect((await matrix(call)).map((c) => [c.status, c.blockingPartyIds])).toEqual([
        ['open', []],
        ['open', []],
      ]);
    }
  });
});
