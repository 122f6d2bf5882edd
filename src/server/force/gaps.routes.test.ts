/**
 * The force overview and its gaps: per requirement what counts and what does not, funding by stage,
 * mandate items with their clause's state for the reader, and what-if assumptions that change
 * nothing stored. gapsFor is what the gates read.
 */
import { describe, expect, it } from 'vitest';
import type { ForceGapsAnswer, ForceOverview } from '../../contract/index.ts';
import { FORCE, importText, stance } from '../negotiation/negotiation.fixtures.ts';
import { harnessForFile } from '../test/harness.ts';
import { contributor, pledge, position, post, requirement, sector, world, type ErrorBody } from './force.fixtures.ts';

const h = harnessForFile();

/** Two sectors; Egypt (ready) and Indonesia (only pledged) offer infantry in North Gaza; a budget with a commitment and a payment. */
async function forceWorld() {
  const w = await world(h);
  const north = await sector(h.call, w.base, 'North Gaza');
  const rafah = await sector(h.call, w.base, 'Rafah');
  const egypt = await contributor(h.call, w.base, 'Egypt', { country: 'EG', illustrative: true });
  const indonesia = await contributor(h.call, w.base, 'Indonesia', { country: 'ID' });
  const infantry = await requirement(h.call, w.base, { capability: 'Infantry', sectorId: north.id, personnel: 1000 });
  const medics = await requirement(h.call, w.base, { capability: 'Medical', sectorId: rafah.id, personnel: 50 });
  const ready = await pledge(h.call, w.base, { contributorId: egypt.id, capability: 'infantry ', sectorId: north.id, personnel: 600, readiness: 'L3' });
  const promised = await pledge(h.call, w.base, { contributorId: indonesia.id, capability: 'Infantry', sectorId: north.id, personnel: 300, readiness: 'L1' });
  const line = await post(h.call, w.base, 'budget-lines', { name: 'Troop costs', amount: 1000 });
  await post(h.call, w.base, 'funding', { donor: 'Qatar', kind: 'commitment', amount: 600, datedOn: '2026-06-01', budgetLineId: line.id });
  await post(h.call, w.base, 'funding', { donor: 'Qatar', kind: 'disbursement', amount: 250, datedOn: '2026-06-10', budgetLineId: line.id });
  const agreementId = (await h.repos.agreements.get(w.slug)).id;
  return { w, agreementId, north, rafah, egypt, indonesia, infantry, medics, ready, promised, line };
}

/** Every row of the force's tables for the agreement, as stored. */
async function stored(agreementId: string) {
  const r = h.repos.force;
  return Promise.all([
    r.requirements.list(agreementId),
    r.contributors.list(agreementId),
    r.pledges.list(agreementId),
    r.acceptability.ofAgreement(agreementId),
    r.budgetLines.list(agreementId),
    r.funding.list(agreementId),
  ]);
}

describe('the force overview', () => {
  it('shows rows with their names, the gaps per requirement with why a pledge does not count, and funding by stage', async () => {
    const f = await forceWorld();
    const res = await f.w.viewer.call<ForceOverview>('GET', `${f.w.base}/force`);
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.illustrative).toBe(true);
    expect(o.requirements.map((r) => [r.capability, r.sectorName, r.personnel])).toEqual([['Infantry', 'North Gaza', 1000], ['Medical', 'Rafah', 50]]);
    expect(o.pledges.map((p) => [p.contributorName, p.sectorName, p.readiness])).toEqual([['Egypt', 'North Gaza', 'L3'], ['Indonesia', 'North Gaza', 'L1']]);
    expect(o.gaps.requirements.map((r) => [r.sectorName, r.required, r.covered, r.gap])).toEqual([['North Gaza', 1000, 600, 400], ['Rafah', 50, 0, 50]]);
    expect(o.gaps.requirements[0]!.notCounting).toEqual([{ pledgeId: f.promised.id, contributorId: f.indonesia.id, personnel: 300, why: 'readiness' }]);
    expect(o.gaps.totals).toEqual({ required: 1050, covered: 600, gap: 450 });
    expect(o.fundingGaps).toMatchObject({ budget: 1000, pledged: 0, committed: 600, disbursed: 250, commitmentGap: 400, disbursementGap: 750 });
    expect(o.fundingGaps.byDonor).toEqual([{ donor: 'Qatar', pledged: 0, committed: 600, disbursed: 250 }]);
    expect(o.acceptability.rows.map((r) => r.contributorName)).toEqual(['Egypt', 'Indonesia']);
    expect(o.acceptability.parties.map((p) => [p.name, p.signatory])).toEqual([['Hamas', true], ['Israel', true]]);
  });

  it("gives each mandate item its clause's label and state as the reader sees it", async () => {
    const w = await world(h);
    const doc = await importText(h.call, w.base);
    const force = `${w.base}/documents/${doc.id}/clauses/${doc.clauses[0]!.id}`;
    await post(h.call, w.base, 'mandate', { kind: 'rules_of_engagement', title: 'Composition', clauseId: doc.clauses[0]!.id });
    await post(h.call, w.base, 'mandate', { kind: 'authority_boundary', title: 'Unanchored' });
    // Both accept Egypt's troops in the open; Hamas rejects both alternatives in its own circle.
    await stance(w.israel.call, force, { groupKey: FORCE, alternative: 0, partyId: w.israelId, position: 'accept', audience: 'all' });
    await stance(w.hamas.call, force, { groupKey: FORCE, alternative: 0, partyId: w.hamasId, position: 'accept', audience: 'all' });
    for (const alternative of [0, 1]) await stance(w.hamas.call, force, { groupKey: FORCE, alternative, partyId: w.hamasId, position: 'reject', audience: 'party' });

    const mandateOf = async (call: typeof w.viewer.call) => (await call<ForceOverview>('GET', `${w.base}/force`)).body.mandate;
    const seenByIsrael = await mandateOf(w.israel.call);
    // Authority boundaries first, then rules of engagement.
    expect(seenByIsrael.map((m) => [m.title, m.clause?.status ?? null])).toEqual([['Unanchored', null], ['Composition', 'agreed']]);
    expect(seenByIsrael[1]!.clause).toMatchObject({ documentId: doc.id, number: '1', label: `Clause 1 of ${doc.title}` });
    expect((await mandateOf(w.hamas.call))[1]!.clause!.status).toBe('blocked');
    expect((await mandateOf(w.mediator.call))[1]!.clause!.status).toBe('blocked');
  });
});

describe('what if', () => {
  it('applies assumptions to the gaps and saves nothing', async () => {
    const f = await forceWorld();
    const before = await stored(f.agreementId);
    const url = (...assume: string[]) => `${f.w.base}/force/gaps?${assume.map((a) => `assume=${encodeURIComponent(a)}`).join('&')}`;

    const none = await f.w.viewer.call<ForceGapsAnswer>('GET', `${f.w.base}/force/gaps`);
    expect(none.body.assumptions).toEqual([]);
    expect(none.body.force.requirements[0]!.covered).toBe(600);
    expect(none.body.funding.commitmentGap).toBe(400);

    const ready = await f.w.viewer.call<ForceGapsAnswer>('GET', url(`ready:${f.promised.id}`));
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    expect(ready.body.assumptions).toEqual([{ kind: 'ready', pledgeId: f.promised.id }]);
    expect(ready.body.force.requirements[0]!.covered).toBe(900);

    const both = await f.w.viewer.call<ForceGapsAnswer>('GET', url(`ready:${f.promised.id}`, 'object:egypt:Hamas'));
    expect(both.body.assumptions).toEqual([
      { kind: 'ready', pledgeId: f.promised.id },
      { kind: 'object', contributorId: f.egypt.id, partyId: f.w.hamasId },
    ]);
    expect(both.body.force.requirements[0]).toMatchObject({ covered: 300, gap: 700 });

    const withdrawn = await f.w.viewer.call<ForceGapsAnswer>('GET', url('withdraw:Egypt'));
    expect(withdrawn.body.force.requirements[0]).toMatchObject({ covered: 0, gap: 1000 });

    const bad = await f.w.viewer.call<ErrorBody>('GET', url('withdraw:Atlantis'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('assume');
    expect(bad.body.error.message).toContain('Atlantis');

    expect(await stored(f.agreementId)).toEqual(before);
  });

  it('gapsFor reads as the reader sees it, or the full picture for null', async () => {
    const f = await forceWorld();
    await position(f.w.hamas.call, f.w.base, { contributorId: f.egypt.id, partyId: f.w.hamasId, position: 'objected', reason: 'No', audience: 'party' });
    const israel = await h.svc.force.gapsFor(f.agreementId, principalOf(f.w.israel.id, f.agreementId, f.w.israelId), []);
    expect(israel.force.requirements[0]!.covered).toBe(600);
    const full = await h.svc.force.gapsFor(f.w.slug, null, []);
    expect(full.force.requirements[0]!.covered).toBe(0);
    expect(full.input.acceptability).toEqual([{ contributorId: f.egypt.id, partyId: f.w.hamasId, position: 'objected' }]);
    expect(full.funding.committed).toBe(600);
    const assumed = await h.svc.force.gapsFor(f.agreementId, null, [{ kind: 'withdraw', contributorId: f.egypt.id }]);
    expect(assumed.input.contributors.map((c) => c.name)).toEqual(['Indonesia']);
    const lookup = await h.svc.force.assumptionLookup(f.agreementId);
    expect(lookup.contributors.map((c) => c.name)).toEqual(['Egypt', 'Indonesia']);
    expect(lookup.pledges).toHaveLength(2);
  });
});

/** A delegate's principal as the access hook builds it. */
function principalOf(userId: string, agreementId: string, partyId: string) {
  return { kind: 'user' as const, userId, name: 'delegate', admin: false, memberships: [{ agreementId, role: 'party_delegate' as const, partyId }] };
}
