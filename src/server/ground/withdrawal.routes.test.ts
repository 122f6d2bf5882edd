/** The withdrawal schedule: items, their verifications and status as of today in the agreement's zone (TEST_NOW is 2026-06-20 in Gaza). */
import { describe, expect, it } from 'vitest';
import type { WithdrawalItemView, ZoneView } from '../../contract/index.ts';
import { agreementWithPartyAndPhase, harnessForFile } from '../test/harness.ts';
import type { ErrorBody } from '../test/incident-setup.ts';

const h = harnessForFile();

const line = { type: 'LineString', coordinates: [[34.3, 31.3], [34.4, 31.4]] };
const area = { type: 'Polygon', coordinates: [[[34.3, 31.3], [34.4, 31.3], [34.4, 31.4], [34.3, 31.4], [34.3, 31.3]]] };

async function schedule() {
  const setup = await agreementWithPartyAndPhase(h);
  const from = (await h.call<ZoneView>('POST', `${setup.base}/zones`, { name: 'Netzarim', kind: 'urban_corridor', geometry: area })).body;
  const behind = (await h.call<ZoneView>('POST', `${setup.base}/zones`, { name: 'Yellow line', kind: 'withdrawal_line', geometry: line })).body;
  const item = (deadline: string, force = '162nd Division') => ({ phaseId: setup.phase.id, partyId: setup.party.id, force, fromZoneId: from.id, behindZoneId: behind.id, deadline });
  return { ...setup, from, behind, item };
}

const verification = (observedOn: string, finding: string) => ({ observedOn, finding, sourceReliability: 'B', credibility: 2, evidence: [{ name: 'UNOSAT imagery', url: 'https://unosat.org/x' }] });

describe('withdrawal items', () => {
  it('are created, listed with their status, edited with versions and deleted', async () => {
    const { base, item, phase } = await schedule();
    const late = await h.call<WithdrawalItemView>('POST', `${base}/withdrawal-items`, item('2026-06-10'));
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ phaseId: phase.id, deadline: '2026-06-10', notes: '', provisionId: null, status: 'late', since: '2026-06-11', verifications: [], version: 1 });
    const onTime = await h.call<WithdrawalItemView>('POST', `${base}/withdrawal-items`, item('2026-06-20', 'Golani Brigade'));
    expect(onTime.body).toMatchObject({ status: 'on_time', since: null });

    const list = await h.call<{ items: WithdrawalItemView[] }>('GET', `${base}/withdrawal-items`);
    expect(list.body.items.map((i) => [i.force, i.status])).toEqual([['162nd Division', 'late'], ['Golani Brigade', 'on_time']]);

    const moved = await h.call<WithdrawalItemView>('PATCH', `${base}/withdrawal-items/${late.body.id}`, { version: 1, deadline: '2026-06-30' });
    expect(moved.body).toMatchObject({ version: 2, status: 'on_time' });
    const stale = await h.call<ErrorBody>('PATCH', `${base}/withdrawal-items/${late.body.id}`, { version: 1, notes: 'again' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await h.call('DELETE', `${base}/withdrawal-items/${late.body.id}?version=1`)).status).toBe(409);
    expect((await h.call('DELETE', `${base}/withdrawal-items/${late.body.id}?version=2`)).status).toBe(200);
    expect((await h.call('GET', `${base}/withdrawal-items/${late.body.id}`)).status).toBe(404);
  });

  it('refuse bad fields with 400 naming them, and ids of another agreement with 422', async () => {
    const { base, item } = await schedule();
    const bad = await h.call<ErrorBody>('POST', `${base}/withdrawal-items`, { ...item('2026-02-30'), force: ' ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues?.map((i) => i.path).sort()).toEqual(['body.deadline', 'body.force']);
    const other = await schedule();
    const foreign = await h.call<ErrorBody>('POST', `${base}/withdrawal-items`, { ...item('2026-06-30'), phaseId: other.phase.id, behindZoneId: other.behind.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.issues).toEqual([
      { path: 'phaseId', message: 'is not a phase of this agreement' },
      { path: 'behindZoneId', message: 'is not a zone of this agreement' },
    ]);
    // Another agreement's item, through this agreement: not found.
    const theirs = (await h.call<WithdrawalItemView>('POST', `${other.base}/withdrawal-items`, other.item('2026-06-30'))).body;
    expect((await h.call('GET', `${base}/withdrawal-items/${theirs.id}`)).status).toBe(404);
    expect((await h.call('PATCH', `${base}/withdrawal-items/${theirs.id}`, { version: 1, notes: 'x' })).status).toBe(404);
    expect((await h.call('POST', `${base}/withdrawal-items/${theirs.id}/verifications`, verification('2026-06-19', 'completed'))).status).toBe(404);
  });
});

describe('verifications', () => {
  it('set the status: verified when completed, disputed when the newest disputes it', async () => {
    const { base, item } = await schedule();
    const created = (await h.call<WithdrawalItemView>('POST', `${base}/withdrawal-items`, item('2026-06-10'))).body;
    const url = `${base}/withdrawal-items/${created.id}/verifications`;
    const partial = await h.call<WithdrawalItemView>('POST', url, verification('2026-06-12', 'partial'));
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ status: 'late', since: '2026-06-11' });
    const done = await h.call<WithdrawalItemView>('POST', url, verification('2026-06-15', 'completed'));
    expect(done.body).toMatchObject({ status: 'verified', since: '2026-06-15' });
    expect(done.body.verifications.map((v) => v.finding)).toEqual(['partial', 'completed']);
    expect(done.body.verifications[1]).toMatchObject({ sourceReliability: 'B', credibility: 2, evidence: [{ name: 'UNOSAT imagery', url: 'https://unosat.org/x' }], authorName: 'admin@test.example' });
    const disputed = await h.call<WithdrawalItemView>('POST', url, verification('2026-06-18', 'disputed'));
    expect(disputed.body).toMatchObject({ status: 'disputed', since: '2026-06-18' });
    // Each verification is audited.
    const agreementId = created.agreementId;
    expect(await h.repos.audit.countFor(agreementId, 'withdrawal_verification')).toBe(3);
  });

  it('refuse evidence that is not an http(s) link, a grade out of range, and an unknown finding', async () => {
    const { base, item } = await schedule();
    const created = (await h.call<WithdrawalItemView>('POST', `${base}/withdrawal-items`, item('2026-06-10'))).body;
    const res = await h.call<ErrorBody>('POST', `${base}/withdrawal-items/${created.id}/verifications`, {
      ...verification('2026-06-12', 'gone'),
      sourceReliability: 'G',
      credibility: 7,
      evidence: [{ name: 'x', url: 'javascript:alert(1)' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues?.map((i) => i.path).sort()).toEqual(['body.credibility', 'body.evidence.0.url', 'body.finding', 'body.sourceReliability']);
  });
});

describe('roles', () => {
  it('a monitor may verify but not define items; a viewer may only read', async () => {
    const { a, base, item } = await schedule();
    const created = (await h.call<WithdrawalItemView>('POST', `${base}/withdrawal-items`, item('2026-06-10'))).body;
    const monitor = h.as((await h.userWith('monitor', a.slug)).token);
    expect((await monitor('POST', `${base}/withdrawal-items`, item('2026-06-11'))).status).toBe(403);
    expect((await monitor('PATCH', `${base}/withdrawal-items/${created.id}`, { version: 1, notes: 'x' })).status).toBe(403);
    expect((await monitor('POST', `${base}/withdrawal-items/${created.id}/verifications`, verification('2026-06-19', 'completed'))).status).toBe(201);
    const viewer = h.as((await h.userWith('viewer', a.slug)).token);
    expect((await viewer('GET', `${base}/withdrawal-items`)).status).toBe(200);
    expect((await viewer('POST', `${base}/withdrawal-items/${created.id}/verifications`, verification('2026-06-19', 'completed'))).status).toBe(403);
  });
});

describe('gate facts', () => {
  it("give each item's status and label as of today in the agreement's zone", async () => {
    const { a, base, item, phase } = await schedule();
    const created = (await h.call<WithdrawalItemView>('POST', `${base}/withdrawal-items`, item('2026-06-10'))).body;
    await h.call('POST', `${base}/withdrawal-items/${created.id}/verifications`, verification('2026-06-16', 'completed'));
    const facts = await h.svc.ground.gateFacts(a.id);
    expect(facts.withdrawals).toEqual([{ id: created.id, label: '162nd Division from Netzarim', phaseId: phase.id, status: 'verified', since: '2026-06-16' }]);
    expect(facts.indicators).toEqual([]);
  });
});
