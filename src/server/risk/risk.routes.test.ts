import { describe, expect, it } from 'vitest';
import type { AuditEntryView, DocumentView, PhaseView, RiskView } from '../../contract/index.ts';
import { buildIncident } from '../../db/test/factories.ts';
import { importText, stance, world } from '../negotiation/negotiation.fixtures.ts';
import { harnessForFile, type Caller } from '../test/harness.ts';

const h = harnessForFile();

type ErrorBody = { error: { code: string; message: string } };
type Weights = { weights: Record<string, number>; version: number };
type Recorded = { recorded: Array<{ id: string; day: string; score: number | null; audience: { audience: string; partyId: string | null }; parts: RiskView['parts'] }> };

const ANNEX = '# Annex\n\n1. The force shall consist of [troops from Egypt] [troops from Qatar] only.\n2. The parties shall cooperate with the force.\n';
const GROUP = 'g0:troops from Egypt | troops from Qatar';

/**
 * An agreement (world: Hamas, Israel, their delegates, a mediator, a viewer) with Phase One active and
 * Phase Two planned behind a gate; a provision 10 days late and one due in 9 days; a document due in 5
 * days whose first clause both parties accepted in public, then Hamas rejected in its own circle; and
 * verified incidents rising (3 in the last 14 days, 1 in the 14 before).
 */
async function scenario() {
  const w = await world(h);
  const phase = async (name: string, status: string) => (await h.call<PhaseView>('POST', `${w.base}/phases`, { name, status })).body;
  const one = await phase('Phase One', 'active');
  const two = await phase('Phase Two', 'planned');
  const provision = async (code: string, deadline: string) =>
    (await h.call<{ id: string }>('POST', `${w.base}/provisions`, { phaseId: one.id, code, title: `Obligation ${code}`, category: 'ceasefire', status: 'minimal', deadline })).body;
  const late = await provision('P1', '2026-06-10T00:00:00.000Z');
  const soon = await provision('P2', '2026-06-29T00:00:00.000Z');
  const gate = await h.call('PUT', `${w.base}/phases/${two.id}/gate`, { conditions: [{ kind: 'provisions_status', label: 'Phase One provisions in full', phaseId: one.id, status: 'full' }, { kind: 'force_covered', label: 'Force in place' }] });
  expect(gate.status).toBe(200);
  const doc: DocumentView = await importText(h.call, w.base, ANNEX, { deadline: '2026-06-25T12:00:00.000Z' });
  const clause = `${w.base}/documents/${doc.id}/clauses/${doc.clauses[0]!.id}`;
  for (const [call, partyId] of [[w.israel.call, w.israelId], [w.hamas.call, w.hamasId]] as const) {
    await stance(call, clause, { groupKey: GROUP, alternative: 0, partyId, position: 'accept', audience: 'all', statedOn: '2026-06-17' });
  }
  await stance(w.hamas.call, clause, { groupKey: GROUP, alternative: 0, partyId: w.hamasId, position: 'reject', audience: 'party', reason: 'Red line', statedOn: '2026-06-18' });
  const agreementId = (await h.repos.agreements.get(w.slug)).id;
  for (const day of ['2026-06-19', '2026-06-18', '2026-06-10', '2026-06-01']) {
    await buildIncident(h.repos, { agreementId, status: 'verified', occurredAt: new Date(`${day}T08:00:00Z`) });
  }
  await buildIncident(h.repos, { agreementId, status: 'reported', occurredAt: new Date('2026-06-19T09:00:00Z') });
  return { w, one, two, late, soon, doc, url: `${w.base}/risk` };
}

const riskAs = async (call: Caller, url: string) => {
  const res = await call<RiskView>('GET', url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const part = (view: RiskView, key: string) => view.parts.find((p) => p.key === key)!;

describe('the collapse risk', () => {
  it('shows every part with its value, source, weight and explanation, and the weighted score', async () => {
    const { url, late, two } = await scenario();
    const view = await riskAs(h.call, url);
    expect(view.asOf).toBe('2026-06-20');
    expect(view.audience).toEqual({ audience: 'mediators', partyId: null });
    expect(view.parts.map((p) => p.key)).toEqual(['violation_trend', 'excitation', 'overdue_provisions', 'clauses_overdue', 'failing_gates', 'force_gaps', 'precedents', 'next_deadline']);
    expect(part(view, 'violation_trend')).toMatchObject({ value: '3 verified incidents in the 14 days to 2026-06-20, 1 in the 14 days before (+2)', measure: 2, score: 0.4, weight: 1 });
    expect(part(view, 'overdue_provisions')).toMatchObject({ score: 0.5, links: [{ kind: 'provision', id: late.id, label: 'P1 Obligation P1' }] });
    expect(part(view, 'overdue_provisions').value).toContain('1 of 2 provisions with a deadline is past it and not in full: P1 Obligation P1 (10 days late)');
    // The mediators see Hamas's confidential rejection: clause 1 is not agreed, due in 5 days.
    expect(part(view, 'clauses_overdue')).toMatchObject({ score: 0.5 });
    expect(part(view, 'clauses_overdue').value).toContain('Annex §1 (open, due 2026-06-25)');
    expect(part(view, 'failing_gates')).toMatchObject({ links: [{ kind: 'gate', id: two.id, label: 'Gate of Phase Two' }] });
    expect(part(view, 'failing_gates').value).toBe("2 of the 2 conditions of Phase Two's gate are not met: Phase One provisions in full; Force in place");
    expect(part(view, 'force_gaps')).toMatchObject({ score: null, value: 'No force requirement and no budget' });
    expect(part(view, 'next_deadline')).toMatchObject({ measure: 5, value: '5 days, to 2026-06-25: Annex §1 (clause)' });
    for (const p of view.parts) {
      expect(p.source.length, p.key).toBeGreaterThan(10);
      expect(p.explanation, p.key).toMatch(/Score/);
    }
    const counted = view.parts.filter((p) => p.score !== null && p.weight > 0);
    const expected = (100 * counted.reduce((s, p) => s + p.weight * p.score!, 0)) / counted.reduce((s, p) => s + p.weight, 0);
    expect(view.score).toBeCloseTo(expected, 1);
    expect(view.weightsVersion).toBe(0);
    expect(view.history).toEqual([]);
  });

  it('is computed as of a past day: incidents and deadlines from that day, stances stated by then', async () => {
    const { url } = await scenario();
    const then = await riskAs(h.call, `${url}?asOf=2026-06-05`);
    expect(then.asOf).toBe('2026-06-05');
    expect(part(then, 'violation_trend').value).toBe('1 verified incident in the 14 days to 2026-06-05, 0 in the 14 days before (+1)');
    expect(part(then, 'overdue_provisions').score).toBe(0);
    expect(part(then, 'next_deadline').value).toBe('5 days, to 2026-06-10: P1 Obligation P1 (provision)');
    expect((await h.call<ErrorBody>('GET', `${url}?asOf=2026-02-30`)).status).toBe(400);
  });

  it("never shows a delegate another party's confidential stance: each circle and the mediators see their own", async () => {
    const { w, url } = await scenario();
    const clauses = async (call: Caller) => part(await riskAs(call, url), 'clauses_overdue');
    // Hamas's circle sees its own rejection; Israel and everyone see both acceptances: the clause is agreed.
    expect((await clauses(w.hamas.call)).score).toBe(0.5);
    expect((await clauses(w.israel.call)).score).toBe(0);
    expect((await clauses(w.israel.call)).value).not.toContain('blocked');
    expect((await clauses(w.viewer.call)).score).toBe(0);
    expect((await clauses(w.mediator.call)).score).toBe(0.5);
    expect((await riskAs(w.hamas.call, url)).audience).toEqual({ audience: 'party', partyId: w.hamasId });
    expect((await riskAs(w.viewer.call, url)).audience).toEqual({ audience: 'all', partyId: null });
  });
});

describe('weights', () => {
  it('change the score; a stale version is 409 and changes nothing; only mediators set them', async () => {
    const { w, url } = await scenario();
    const before = await riskAs(h.call, url);
    expect((await h.call<Weights>('GET', `${url}/weights`)).body).toEqual({ weights: Object.fromEntries(before.parts.map((p) => [p.key, 1])), version: 0 });

    const set = await w.mediator.call<Weights>('PUT', `${url}/weights`, { weights: { violation_trend: 0, overdue_provisions: 10 }, version: 0 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.version).toBe(1);
    expect(set.body.weights).toMatchObject({ violation_trend: 0, overdue_provisions: 10, excitation: 1 });
    const after = await riskAs(h.call, url);
    expect(after.weightsVersion).toBe(1);
    expect(part(after, 'violation_trend')).toMatchObject({ weight: 0, contribution: 0 });
    expect(after.score).not.toBe(before.score);
    const counted = after.parts.filter((p) => p.score !== null && p.weight > 0);
    expect(after.score).toBeCloseTo((100 * counted.reduce((s, p) => s + p.weight * p.score!, 0)) / counted.reduce((s, p) => s + p.weight, 0), 1);

    const stale = await h.call<ErrorBody>('PUT', `${url}/weights`, { weights: { excitation: 5 }, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await h.call<Weights>('GET', `${url}/weights`)).body).toMatchObject({ version: 1, weights: { excitation: 1, overdue_provisions: 10 } });

    expect((await h.call<ErrorBody>('PUT', `${url}/weights`, { weights: { excitation: 11 }, version: 1 })).status).toBe(400);
    expect((await h.call<ErrorBody>('PUT', `${url}/weights`, { weights: { moon: 1 }, version: 1 })).status).toBe(400);
    expect((await w.hamas.call('PUT', `${url}/weights`, { weights: {}, version: 1 })).status).toBe(403);
    expect((await w.viewer.call('PUT', `${url}/weights`, { weights: {}, version: 1 })).status).toBe(403);
  });
});

describe('the history', () => {
  it('records one snapshot per audience; each reader sees only their own view’s, and the audit log each only within its audience', async () => {
    const { w, url } = await scenario();
    const rec = await w.mediator.call<Recorded>('POST', `${url}/snapshots`, { asOf: '2026-06-19' });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    expect(rec.body.recorded.map((r) => [r.audience.audience, r.audience.partyId, r.day])).toEqual([
      ['all', null, '2026-06-19'],
      ['mediators', null, '2026-06-19'],
      ['party', w.hamasId, '2026-06-19'],
      ['party', w.israelId, '2026-06-19'],
    ]);
    const clausesOf = (r: Recorded['recorded'][number]) => r.parts.find((p) => p.key === 'clauses_overdue')!.score;
    expect(rec.body.recorded.map(clausesOf)).toEqual([0, 0.5, 0.5, 0]);
    // A second record, today (no body).
    const second = await h.call<Recorded>('POST', `${url}/snapshots`);
    expect(second.status, JSON.stringify(second.body)).toBe(201);

    const history = async (call: Caller) => (await riskAs(call, url)).history;
    const hamas = await history(w.hamas.call);
    expect(hamas.map((s) => s.day)).toEqual(['2026-06-19', '2026-06-20']);
    expect(hamas.map((s) => s.parts.find((p) => p.key === 'clauses_overdue')!.score)).toEqual([0.5, 0.5]);
    const israel = await history(w.israel.call);
    expect(israel.map((s) => s.parts.find((p) => p.key === 'clauses_overdue')!.score)).toEqual([0, 0]);
    expect(israel.map((s) => s.id)).not.toContain(hamas[0]!.id);
    expect((await history(w.viewer.call)).map((s) => s.id)).toEqual([rec.body.recorded[0]!.id, expect.any(String)]);
    expect((await history(w.mediator.call))[0]!.id).toBe(rec.body.recorded[1]!.id);

    expect((await w.hamas.call('POST', `${url}/snapshots`, {})).status).toBe(403);
    expect((await h.call<ErrorBody>('POST', `${url}/snapshots`, { asOf: 'yesterday' })).status).toBe(400);

    const entries = async (call: Caller) => (await call<{ items: AuditEntryView[] }>('GET', `${w.base}/audit?limit=500`)).body.items.filter((e) => e.entity === 'risk_snapshot');
    const all = await entries(w.mediator.call);
    expect(all).toHaveLength(8);
    expect(all[0]).toMatchObject({ actorName: expect.any(String), action: 'create' });
    const hamasEntries = await entries(w.hamas.call);
    expect(hamasEntries).toHaveLength(4);
    const audiences = hamasEntries.map((e) => (e.after as { audience: string; partyId: string | null }));
    expect(audiences.every((a) => a.audience === 'all' || (a.audience === 'party' && a.partyId === w.hamasId))).toBe(true);
  });

  it('audits the weights', async () => {
    const { w, url } = await scenario();
    await h.call('PUT', `${url}/weights`, { weights: { precedents: 2 }, version: 0 });
    const items = (await h.call<{ items: AuditEntryView[] }>('GET', `${w.base}/audit?limit=500`)).body.items.filter((e) => e.entity === 'risk_settings');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ action: 'create', after: { weights: { precedents: 2 }, version: 1 } });
  });
});
