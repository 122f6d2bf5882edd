/**
 * The verification workflow through the API: every transition of the table, legal ones with their
 * history and audit entries, illegal ones refused with 409 and the allowed steps, incomplete ones
 * with 422; attribution only on verification; verification on evidence, or with a reason for
 * going without, kept on the step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../contract/index.ts';
import { INCIDENT_STATUSES, INCIDENT_TRANSITIONS, type IncidentStatus } from '../../core/index.ts';
import { harnessForFile } from '../test/harness.ts';
import { incidentSetup, report, type ErrorBody, type Row } from '../test/incident-setup.ts';

const h = harnessForFile();
let ctx: Awaited<ReturnType<typeof incidentSetup>>;

beforeAll(async () => {
  ctx = await incidentSetup(h);
});

/** The shortest path of legal steps from "reported" to each status. */
const PATHS: Record<IncidentStatus, IncidentStatus[]> = {
  reported: [],
  triaged: ['triaged'],
  under_investigation: ['triaged', 'under_investigation'],
  verified: ['triaged', 'under_investigation', 'verified'],
  not_verified: ['triaged', 'under_investigation', 'not_verified'],
  disputed: ['triaged', 'under_investigation', 'disputed'],
  duplicate: ['duplicate'],
};

async function newIncident(): Promise<Row> {
  const res = await h.call<Row>('POST', `${ctx.base}/incidents`, report({ allegedPartyId: ctx.israel.id }));
  expect(res.status).toBe(201);
  return res.body;
}

let original: Row;
const stepBody = (to: IncidentStatus) => ({
  to,
  reason: `to ${to}`,
  ...(to === 'duplicate' ? { duplicateOfId: original.id } : {}),
  ...(to === 'verified' ? { attributedPartyId: ctx.israel.id, noEvidenceReason: 'Seen by the monitors on the spot' } : {}),
});

/** Adds a link as evidence of an incident. */
async function addLink(id: string, url = 'https://example.org/monitoring/report') {
  const res = await h.call('POST', `${ctx.base}/incidents/${id}/evidence`, { url, description: 'Monitoring report' });
  expect(res.status).toBe(201);
}

async function walk(id: string, path: IncidentStatus[]) {
  for (const to of path) {
    const res = await h.call<IncidentDetail>('POST', `${ctx.base}/incidents/${id}/transitions`, stepBody(to));
    expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

describe('every transition of the table', () => {
  beforeAll(async () => {
    original = await newIncident();
  });

  for (const from of INCIDENT_STATUSES) {
    for (const to of INCIDENT_STATUSES) {
      const legal = INCIDENT_TRANSITIONS[from].includes(to);
      it(`${from} -> ${to} is ${legal ? 'taken, and kept in the history' : 'refused with 409 and the allowed steps'}`, async () => {
        const incident = await newIncident();
        await walk(incident.id, PATHS[from]);
        const res = await h.call<IncidentDetail & ErrorBody>('POST', `${ctx.base}/incidents/${incident.id}/transitions`, stepBody(to));
        if (legal) {
          expect(res.status).toBe(200);
          expect(res.body.status).toBe(to);
          const last = res.body.history[res.body.history.length - 1]!;
          expect(last).toMatchObject({ seq: PATHS[from].length + 1, from, to, reason: `to ${to}`, actorName: 'admin@test.example' });
          expect(res.body.allowedTransitions).toEqual(INCIDENT_TRANSITIONS[to]);
        } else {
          expect(res.status).toBe(409);
          expect(res.body.error).toMatchObject({ code: 'illegal_transition', details: { from, to, allowed: INCIDENT_TRANSITIONS[from] } });
          const after = await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`);
          expect(after.body.status).toBe(from);
          expect(after.body.history).toHaveLength(PATHS[from].length);
        }
      });
    }
  }
});

describe('complete steps only', () => {
  it('needs a reason (422) and records nothing without one', async () => {
    const incident = await newIncident();
    const res = await h.call<ErrorBody>('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to: 'triaged', reason: '   ' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues).toEqual([{ path: 'reason', message: 'Every step needs a reason' }]);
    expect((await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`)).body.history).toEqual([]);
  });

  it('attributes only on verification, to a party of the agreement', async () => {
    const incident = await newIncident();
    const early = await h.call<ErrorBody>('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to: 'triaged', reason: 'r', attributedPartyId: ctx.israel.id });
    expect(early.status).toBe(422);
    expect(early.body.error.details.issues![0]!.path).toBe('attributedPartyId');
    await walk(incident.id, ['triaged', 'under_investigation']);
    await addLink(incident.id);
    const foreign = await h.call<ErrorBody>('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to: 'verified', reason: 'r', attributedPartyId: ctx.provision.id });
    expect(foreign.status).toBe(422);
    const verified = await h.call<IncidentDetail>('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to: 'verified', reason: 'Crater analysis', attributedPartyId: ctx.hamas.id });
    expect(verified.body).toMatchObject({ status: 'verified', attributedPartyId: ctx.hamas.id, allegedPartyId: ctx.israel.id });
    expect(verified.body.history.at(-1)).toMatchObject({ to: 'verified', attributedPartyId: ctx.hamas.id, reason: 'Crater analysis' });
  });

  it('verifies without attribution when the responsible party is not established', async () => {
    const incident = await newIncident();
    await walk(incident.id, ['triaged', 'under_investigation']);
    await addLink(incident.id);
    const res = await h.call<IncidentDetail>('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to: 'verified', reason: 'Happened; perpetrator unknown' });
    expect(res.body).toMatchObject({ status: 'verified', attributedPartyId: null });
  });

  it('refuses attribution through an edit: the field is not part of a report', async () => {
    const incident = await newIncident();
    const res = await h.call<ErrorBody>('PATCH', `${ctx.base}/incidents/${incident.id}`, { version: 1, attributedPartyId: ctx.israel.id });
    expect(res.status).toBe(400);
    const status = await h.call<ErrorBody>('PATCH', `${ctx.base}/incidents/${incident.id}`, { version: 1, status: 'verified' });
    expect(status.status).toBe(400);
    expect((await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`)).body).toMatchObject({ status: 'reported', attributedPartyId: null });
  });

  it('marks a duplicate of another incident of the agreement, never of itself or of a duplicate', async () => {
    const first = await newIncident();
    const second = await newIncident();
    const third = await newIncident();
    const self = await h.call<ErrorBody>('POST', `${ctx.base}/incidents/${second.id}/transitions`, { to: 'duplicate', reason: 'same', duplicateOfId: second.id });
    expect(self.status).toBe(422);
    const missing = await h.call<ErrorBody>('POST', `${ctx.base}/incidents/${second.id}/transitions`, { to: 'duplicate', reason: 'same' });
    expect(missing.status).toBe(422);
    const ok = await h.call<IncidentDetail>('POST', `${ctx.base}/incidents/${second.id}/transitions`, { to: 'duplicate', reason: 'Same event', duplicateOfId: first.id });
    expect(ok.body).toMatchObject({ status: 'duplicate', duplicateOfId: first.id });
    const chained = await h.call<ErrorBody>('POST', `${ctx.base}/incidents/${third.id}/transitions`, { to: 'duplicate', reason: 'same', duplicateOfId: second.id });
    expect(chained.status).toBe(422);
    expect(chained.body.error.message).toMatch(/name the original/);
  });

  it('refuses a step based on a stale version', async () => {
    const incident = await newIncident();
    await walk(incident.id, ['triaged']);
    const res = await h.call<ErrorBody>('POST', `${ctx.base}/incidents/${incident.id}/transitions`, { to: 'under_investigation', reason: 'r', version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('stale_version');
  });

  it('records each step in the audit log', async () => {
    const incident = await newIncident();
    await walk(incident.id, ['triaged', 'under_investigation', 'disputed', 'under_investigation']);
    const audit = await h.call<{ items: Array<{ entity: string; entityId: string; after: { to?: string } }> }>('GET', `${ctx.base}/audit?limit=500`);
    const steps = audit.body.items.filter((e) => e.entity === 'incident_step' && e.entityId.startsWith(incident.id));
    expect(steps.map((e) => e.after.to).reverse()).toEqual(['triaged', 'under_investigation', 'disputed', 'under_investigation']);
  });
});

describe('verification with evidence', () => {
  const NEEDS_EVIDENCE = 'Add at least one evidence item before verifying, or give a reason for verifying without evidence';
  const verify = (id: string, body: Record<string, unknown> = {}) =>
    h.call<IncidentDetail & ErrorBody>('POST', `${ctx.base}/incidents/${id}/transitions`, { to: 'verified', reason: 'Craters match the reported fire', ...body });

  async function investigated(): Promise<Row> {
    const incident = await newIncident();
    await walk(incident.id, ['triaged', 'under_investigation']);
    return incident;
  }

  it('refuses to verify an incident without evidence or a reason (422 naming noEvidenceReason), changing nothing', async () => {
    const incident = await investigated();
    for (const body of [{}, { noEvidenceReason: null }, { noEvidenceReason: '   ' }]) {
      const res = await verify(incident.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'rule_violation', message: NEEDS_EVIDENCE });
      expect(res.body.error.details.issues).toEqual([{ path: 'noEvidenceReason', message: NEEDS_EVIDENCE }]);
    }
    const after = await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`);
    expect(after.body).toMatchObject({ status: 'under_investigation', attributedPartyId: null });
    expect(after.body.history).toHaveLength(2);
  });

  it('refuses a reason that is not text or too long (400 naming noEvidenceReason)', async () => {
    const incident = await investigated();
    for (const noEvidenceReason of [42, 'x'.repeat(4001)]) {
      const res = await verify(incident.id, { noEvidenceReason });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.issues?.map((i) => i.path)).toEqual(['body.noEvidenceReason']);
    }
  });

  it('verifies on one evidence item, with no reason kept', async () => {
    const incident = await investigated();
    await addLink(incident.id);
    const res = await verify(incident.id, { attributedPartyId: ctx.israel.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'verified', attributedPartyId: ctx.israel.id });
    expect(res.body.history.at(-1)).toMatchObject({ to: 'verified', reason: 'Craters match the reported fire', noEvidenceReason: null });
    // Earlier steps never carry one.
    expect(res.body.history.map((s) => s.noEvidenceReason)).toEqual([null, null, null]);
  });

  it('verifies without evidence on a reason, kept on the step, in the detail and in the audit entry', async () => {
    const incident = await investigated();
    const reason = 'Seen by two monitors on the spot; photographs were not allowed';
    const res = await verify(incident.id, { noEvidenceReason: `  ${reason} ` });
    expect(res.status).toBe(200);
    const detail = await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`);
    expect(detail.body).toMatchObject({ status: 'verified', evidence: [] });
    expect(detail.body.history.at(-1)).toMatchObject({ seq: 3, to: 'verified', reason: 'Craters match the reported fire', noEvidenceReason: reason });
    const audit = await h.call<{ items: Array<{ entity: string; entityId: string; after: { noEvidenceReason?: string | null } }> }>('GET', `${ctx.base}/audit?limit=500`);
    expect(audit.body.items.find((e) => e.entity === 'incident_step' && e.entityId === `${incident.id}:3`)?.after.noEvidenceReason).toBe(reason);
  });

  it('refuses a reason for going without evidence when the incident has evidence, or on another step', async () => {
    const incident = await investigated();
    await addLink(incident.id);
    const withEvidence = await verify(incident.id, { noEvidenceReason: 'No photographs' });
    expect(withEvidence.status).toBe(422);
    expect(withEvidence.body.error.details.issues?.map((i) => i.path)).toEqual(['noEvidenceReason']);
    expect(withEvidence.body.error.message).toMatch(/has evidence/);

    const other = await newIncident();
    const triage = await h.call<ErrorBody>('POST', `${ctx.base}/incidents/${other.id}/transitions`, { to: 'triaged', reason: 'r', noEvidenceReason: 'none' });
    expect(triage.status).toBe(422);
    expect(triage.body.error.details.issues?.map((i) => i.path)).toEqual(['noEvidenceReason']);
    // A blank one is no reason, and no fault.
    const blank = await h.call<IncidentDetail>('POST', `${ctx.base}/incidents/${other.id}/transitions`, { to: 'triaged', reason: 'r', noEvidenceReason: ' ' });
    expect(blank.status).toBe(200);
    expect(blank.body.history.at(-1)!.noEvidenceReason).toBeNull();
  });

  it('counts only the evidence of the incident itself', async () => {
    const other = await newIncident();
    await addLink(other.id);
    const incident = await investigated();
    expect((await verify(incident.id)).status).toBe(422);
  });
});

describe('who moves the workflow', () => {
  it('lets monitors and mediators, and refuses delegates and viewers', async () => {
    const incident = await newIncident();
    const monitor = await h.userWith('monitor', ctx.a.slug);
    const delegate = await h.userWith('party_delegate', ctx.a.slug, ctx.israel.id);
    const viewer = await h.userWith('viewer', ctx.a.slug);
    const step = { to: 'triaged', reason: 'credible' };
    expect((await h.as(delegate.token)('POST', `${ctx.base}/incidents/${incident.id}/transitions`, step)).status).toBe(403);
    expect((await h.as(viewer.token)('POST', `${ctx.base}/incidents/${incident.id}/transitions`, step)).status).toBe(403);
    expect((await h.as(monitor.token)('POST', `${ctx.base}/incidents/${incident.id}/transitions`, step)).status).toBe(200);
  });
});
