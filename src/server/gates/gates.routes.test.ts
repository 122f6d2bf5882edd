import { describe, expect, it } from 'vitest';
import type { AuditEntryView, DocumentView, PhaseAdvanced, PhaseGatesView, PhaseGateView, PhaseTransitionsView, PhaseView, WhatIfAnswer } from '../../contract/index.ts';
import { importText, stance, world, type World } from '../negotiation/negotiation.fixtures.ts';
import { harnessForFile, type Caller } from '../test/harness.ts';

const h = harnessForFile();

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

const ANNEX = '# Annex\n\n1. The force shall consist of [troops from Egypt] [troops from Qatar] only.\n';
const GROUP = 'g0:troops from Egypt | troops from Qatar';

/** An agreement (world) with Phase One active and Phase Two planned, and one provision of Phase One at "minimal". */
async function phased() {
  const w = await world(h);
  const phase = async (name: string, status = 'planned') => {
    const res = await h.call<PhaseView>('POST', `${w.base}/phases`, { name, status });
    expect(res.status).toBe(201);
    return res.body;
  };
  const one = await phase('Phase One', 'active');
  const two = await phase('Phase Two');
  const provision = (await h.call<{ id: string; version: number }>('POST', `${w.base}/provisions`, { phaseId: one.id, code: 'P1', title: 'Hostages released', category: 'ceasefire', status: 'minimal' })).body;
  const gateUrl = (p: { id: string }) => `${w.base}/phases/${p.id}/gate`;
  return { w, one, two, provision, gateUrl };
}

const provisionsFull = (phaseId: string) => ({ kind: 'provisions_status', label: 'Phase One provisions in full', phaseId, status: 'full' });

async function setGate(call: Caller, url: string, conditions: unknown[], version?: number) {
  const res = await call<PhaseGateView>('PUT', url, { conditions, ...(version === undefined ? {} : { version }) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const phaseOf = async (w: World, id: string) => (await h.call<PhaseView>('GET', `${w.base}/phases/${id}`)).body;
const audit = async (w: World) => (await h.call<{ items: AuditEntryView[]; total: number }>('GET', `${w.base}/audit?limit=500`)).body;

describe('setting a gate', () => {
  it("answers each phase's own gate, however the reads follow each other with no write between", async () => {
    const { one, two, gateUrl } = await phased();
    await setGate(h.call, gateUrl(one), [{ kind: 'force_covered', label: 'Force in place' }]);
    await setGate(h.call, gateUrl(two), [provisionsFull(one.id)]);
    // Both read at the same change counter: the cached view of one phase must not answer for the other.
    const first = await h.call<PhaseGateView>('GET', gateUrl(one));
    const second = await h.call<PhaseGateView>('GET', gateUrl(two));
    expect(first.body.phase.id).toBe(one.id);
    expect(second.body.phase.id).toBe(two.id);
    expect(second.body.gate!.conditions.map((c) => c.label)).toEqual(['Phase One provisions in full']);
  });

  it('checks conditions field by field and the ids they name, then keeps them versioned', async () => {
    const { w, one, two, gateUrl } = await phased();
    const bad = await h.call<ErrorBody>('PUT', gateUrl(two), { conditions: [{ kind: 'no_verified_violation', label: 'Quiet', days: 0 }, { kind: 'moon', label: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues).toEqual([
      { path: 'conditions.0.days', message: expect.stringContaining('whole number of days') },
      { path: 'conditions.1.kind', message: expect.stringContaining('must be one of') },
    ]);
    const foreign = await h.call<ErrorBody>('PUT', gateUrl(two), { conditions: [provisionsFull('00000000-0000-4000-8000-000000000000'), { kind: 'clauses_agreed', label: 'Annex', documentId: 'not-an-id' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.issues).toEqual([
      { path: 'conditions.0.phaseId', message: 'is not a phase of this agreement' },
      { path: 'conditions.1.documentId', message: 'is not a negotiated document of this agreement' },
    ]);
    expect((await h.call<ErrorBody>('PUT', `${w.base}/phases/00000000-0000-4000-8000-000000000000/gate`, { conditions: [] })).status).toBe(404);

    const set = await setGate(h.call, gateUrl(two), [{ ...provisionsFull(one.id), label: '  Phase One provisions in full ' }]);
    expect(set.gate).toMatchObject({ phaseId: two.id, version: 1, conditions: [provisionsFull(one.id)] });
    expect(set.evaluation.passes).toBe(false);
    // A second create, or a stale edit, is refused.
    expect((await h.call<ErrorBody>('PUT', gateUrl(two), { conditions: [] })).body.error.code).toBe('stale_version');
    expect((await setGate(h.call, gateUrl(two), [provisionsFull(one.id), { kind: 'force_covered', label: 'Force in place' }], 1)).gate!.version).toBe(2);
    // Monitors and delegates may not define gates.
    expect((await w.hamas.call('PUT', gateUrl(two), { conditions: [], version: 2 })).status).toBe(403);

    const view = await w.viewer.call<PhaseGateView>('GET', gateUrl(two));
    expect(view.status).toBe(200);
    expect(view.body.evaluation.passes).toBe(false);
    expect(view.body.evaluation.conditions.map((c) => [c.condition.kind, c.met])).toEqual([
      ['provisions_status', false],
      ['force_covered', false],
    ]);
    expect(view.body.evaluation.conditions[0]!.detail).toContain('not yet: P1 Hostages released');

    const removed = await h.call('DELETE', `${gateUrl(two)}?version=2`);
    expect(removed.status).toBe(200);
    expect((await h.call('GET', gateUrl(two))).status).toBe(404);
    const all = await h.call<PhaseGatesView>('GET', `${w.base}/gates`);
    expect(all.body.items.find((g) => g.phase.id === two.id)).toMatchObject({ gate: null, evaluation: { passes: true, conditions: [] } });
    expect((await h.call('DELETE', `${gateUrl(two)}?version=2`)).status).toBe(404);
    const entities = (await audit(w)).items.filter((e) => e.entity === 'gate').map((e) => e.action);
    expect(entities).toEqual(['delete', 'update', 'create']);
  });
});

describe('advancing a phase', () => {
  it('refuses a failing gate (409 gate_failing), advances over it with a reason, and audits the override', async () => {
    const { w, one, two, gateUrl } = await phased();
    await setGate(h.call, gateUrl(two), [provisionsFull(one.id)]);
    const advance = (body: Record<string, unknown>, call: Caller = w.mediator.call) => call<PhaseAdvanced & ErrorBody>('POST', `${w.base}/phases/${two.id}/advance`, body);

    const refused = await advance({ version: two.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('gate_failing');
    expect(refused.body.error.details.failing).toEqual([{ index: 0, kind: 'provisions_status', label: 'Phase One provisions in full', detail: expect.stringContaining('P1') }]);
    expect(refused.body.error.message).toContain('Phase One provisions in full');

    const noReason = await advance({ version: two.version, override: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues).toEqual([{ path: 'reason', message: expect.stringContaining('required') }]);
    // Delegates and viewers may not advance a phase, with or without a reason.
    expect((await advance({ version: two.version, override: true, reason: 'x' }, w.israel.call)).status).toBe(403);
    expect((await advance({ version: two.version + 1, override: true, reason: 'x' })).body.error.code).toBe('stale_version');
    expect((await phaseOf(w, two.id)).status).toBe('planned');

    const reason = 'The summit moved the start; the provisions follow within the week';
    const done = await advance({ version: two.version, override: true, reason });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.phase.status).toBe('active');
    expect(done.body.completed.map((p) => [p.id, p.status])).toEqual([[one.id, 'completed']]);
    expect(done.body.transition).toMatchObject({ fromStatus: 'planned', toStatus: 'active', gatePassed: false, overridden: true, reason, at: '2026-06-20T12:00:00.000Z' });
    expect(done.body.transition.evaluation.conditions[0]!.met).toBe(false);
    expect((await phaseOf(w, one.id)).status).toBe('completed');

    const entry = (await audit(w)).items.find((e) => e.entity === 'phase_transition')!;
    expect(entry.actorName).toMatch(/@test\.example$/);
    expect(entry.after).toMatchObject({ phaseId: two.id, overridden: true, override: true, reason, failing: ['Phase One provisions in full'] });
    // The audit log (read by every party) keeps which conditions failed, not the details judged on confidential positions.
    expect(JSON.stringify(entry.after)).not.toContain('evidence');
    expect(entry.after).not.toHaveProperty('evaluation');

    const transitions = await w.viewer.call<PhaseTransitionsView>('GET', `${w.base}/phases/${two.id}/transitions`);
    expect(transitions.body.items).toHaveLength(1);
    expect(transitions.body.items[0]).toMatchObject({ overridden: true, reason });
    const gates = await w.viewer.call<PhaseGatesView>('GET', `${w.base}/gates`);
    expect(gates.body.items.map((g) => [g.phase.name, g.phase.status, g.lastTransition?.overridden ?? null])).toEqual([
      ['Phase One', 'completed', null],
      ['Phase Two', 'active', true],
    ]);
    // An active phase does not advance again.
    expect((await advance({ version: done.body.phase.version })).body.error.code).toBe('already_active');
  });

  it('advances through a passing gate, recording that it passed', async () => {
    const { w, one, two, provision, gateUrl } = await phased();
    await setGate(h.call, gateUrl(two), [provisionsFull(one.id)]);
    expect((await h.call('PATCH', `${w.base}/provisions/${provision.id}`, { version: provision.version, status: 'full', statusReason: 'Done in full' })).status).toBe(200);
    const done = await w.mediator.call<PhaseAdvanced>('POST', `${w.base}/phases/${two.id}/advance`, { version: two.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.transition).toMatchObject({ gatePassed: true, overridden: false, reason: '' });
    expect(done.body.transition.evaluation).toMatchObject({ passes: true, conditions: [{ met: true }] });
    expect((await h.call<PhaseGateView>('GET', gateUrl(two))).body.lastTransition).toMatchObject({ gatePassed: true, actorName: expect.stringMatching(/@test\.example$/) });
  });

  it('advances a phase without a gate; editing a gated phase to active is refused', async () => {
    const { w, one, two, gateUrl } = await phased();
    await setGate(h.call, gateUrl(two), [provisionsFull(one.id)]);
    const patch = await h.call<ErrorBody>('PATCH', `${w.base}/phases/${two.id}`, { version: two.version, status: 'active' });
    expect(patch.status).toBe(422);
    expect(patch.body.error.message).toContain('advance it through the gate');
    // Other edits of a gated phase still go through.
    const renamed = await h.call<PhaseView>('PATCH', `${w.base}/phases/${two.id}`, { version: two.version, name: 'Phase Two (renamed)' });
    expect(renamed.status).toBe(200);
    // Without its gate, the phase may be set active by editing it.
    await h.call('DELETE', `${gateUrl(two)}?version=1`);
    expect((await h.call('PATCH', `${w.base}/phases/${two.id}`, { version: renamed.body.version, status: 'active' })).status).toBe(200);

    const three = (await h.call<PhaseView>('POST', `${w.base}/phases`, { name: 'Phase Three' })).body;
    const done = await h.call<PhaseAdvanced>('POST', `${w.base}/phases/${three.id}/advance`, { version: three.version });
    expect(done.body.transition).toMatchObject({ gatePassed: true, overridden: false, evaluation: { passes: true, conditions: [] } });
    expect(done.body.completed.map((p) => p.id).sort()).toEqual([one.id, two.id].sort());
  });
});

describe('gates as each reader sees them', () => {
  it("a delegate of Israel does not see the effect of Hamas's confidential objection; the advance sees it", async () => {
    const { w, two, gateUrl } = await phased();
    const doc: DocumentView = await importText(h.call, w.base, ANNEX);
    const clause = `${w.base}/documents/${doc.id}/clauses/${doc.clauses[0]!.id}`;
    for (const [call, partyId] of [[w.israel.call, w.israelId], [w.hamas.call, w.hamasId]] as const) {
      await stance(call, clause, { groupKey: GROUP, alternative: 0, partyId, position: 'accept', audience: 'all', statedOn: '2026-06-17' });
    }
    await setGate(h.call, gateUrl(two), [{ kind: 'clauses_agreed', label: 'Annex agreed', documentId: doc.id }]);
    expect((await w.viewer.call<PhaseGateView>('GET', gateUrl(two))).body.evaluation.passes).toBe(true);

    // Hamas withdraws its acceptance in its own circle.
    await stance(w.hamas.call, clause, { groupKey: GROUP, alternative: 0, partyId: w.hamasId, position: 'reject', audience: 'party', reason: 'Red line', statedOn: '2026-06-18' });
    const as = async (call: Caller) => (await call<PhaseGateView>('GET', gateUrl(two))).body.evaluation;
    expect(await as(w.israel.call)).toMatchObject({ passes: true, conditions: [{ met: true, detail: '1 of 1 clause agreed' }] });
    expect(await as(w.viewer.call)).toMatchObject({ passes: true });
    expect(await as(w.hamas.call)).toMatchObject({ passes: false, conditions: [{ met: false, detail: '0 of 1 clause agreed; open: §1' }] });
    expect(await as(w.mediator.call)).toMatchObject({ passes: false });
    const list = await w.israel.call<PhaseGatesView>('GET', `${w.base}/gates`);
    expect(list.body.items.find((g) => g.phase.id === two.id)!.evaluation.passes).toBe(true);

    // The advance is judged on the full picture.
    const refused = await h.call<ErrorBody>('POST', `${w.base}/phases/${two.id}/advance`, { version: two.version });
    expect(refused.body.error.code).toBe('gate_failing');
    await h.call('POST', `${w.base}/phases/${two.id}/advance`, { version: two.version, override: true, reason: 'Agreed in the room' });
    // The record keeps the mediators' words, but not for a reader outside Hamas's circle.
    const seen = async (call: Caller) => (await call<PhaseTransitionsView>('GET', `${w.base}/phases/${two.id}/transitions`)).body.items[0]!.evaluation.conditions[0]!;
    expect((await seen(w.mediator.call)).detail).toBe('0 of 1 clause agreed; open: §1');
    expect(await seen(w.israel.call)).toMatchObject({ met: false, detail: 'As the mediators saw it when the phase advanced', evidence: [] });
  });
});

describe('what if', () => {
  it('evaluates every gate under assumptions and saves nothing', async () => {
    const { w, one, two, gateUrl } = await phased();
    await setGate(h.call, gateUrl(two), [provisionsFull(one.id)]);
    const before = await audit(w);
    const answer = await w.viewer.call<WhatIfAnswer>('GET', `${w.base}/what-if`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.assumptions).toEqual([]);
    expect(answer.body.gates.map((g) => [g.phase.name, g.evaluation.passes])).toEqual([
      ['Phase One', true],
      ['Phase Two', false],
    ]);
    expect(answer.body.force.totals).toEqual({ required: 0, covered: 0, gap: 0 });
    const unknown = await w.viewer.call<ErrorBody>('GET', `${w.base}/what-if?assume=withdraw:Atlantis&assume=ready:nothing`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues).toEqual([{ path: 'assume', message: expect.stringContaining('Atlantis') }]);
    const after = await audit(w);
    expect(after.total).toBe(before.total);
    expect(after.items[0]!.hash).toBe(before.items[0]!.hash);
    expect((await phaseOf(w, two.id)).version).toBe(two.version);
  });
});

describe('odd requests', () => {
  it('are refused in words, never a 5xx, and change nothing', async () => {
    const { w, two, gateUrl } = await phased();
    const before = (await audit(w)).total;
    const put = (body: unknown) => h.call<ErrorBody>('PUT', gateUrl(two), body);
    expect((await put({ conditions: [{ kind: 'force_covered', label: 'a\u0000b' }] })).status).toBe(400);
    expect((await put({ conditions: [{ kind: 'force_covered', label: 'x', capability: '\uD800' }] })).status).toBe(400);
    expect((await put({ conditions: 'all' })).status).toBe(400);
    expect((await put({ conditions: [{ kind: 'clauses_agreed', label: 'x', documentId: 'x'.repeat(5000) }] })).body.error.details.issues).toEqual([
      { path: 'conditions.0.documentId', message: 'is not a negotiated document of this agreement' },
    ]);
    expect((await put({ conditions: [], version: 3 })).status).toBe(404);
    expect((await h.call('GET', `${w.base}/phases/not-a-phase/gate`)).status).toBe(400);
    expect((await h.call('GET', `${w.base}/what-if?assume=%00`)).status).toBe(400);
    expect((await h.call<ErrorBody>('POST', `${w.base}/phases/${two.id}/advance`, { version: 2_147_483_647 })).body.error.code).toBe('stale_version');
    expect((await h.call('POST', `${w.base}/phases/00000000-0000-4000-8000-000000000000/advance`, { version: 1 })).status).toBe(404);
    expect((await audit(w)).total).toBe(before);
  });
});
