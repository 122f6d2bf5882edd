import { describe, expect, it } from 'vitest';
import type { AuditEntryView, ProvisionPageView, ProvisionView, StatusChanged, StatusHistoryView } from '../../contract/index.ts';
import { HIDDEN_INCIDENT_LABEL } from '../../core/index.ts';
import { createAgreement, harnessForFile } from '../test/harness.ts';
import type { ErrorBody, Row } from '../test/incident-setup.ts';

// 18:30 UTC on 19 June is 21:30 in Gaza; the fixed clock is 20 June, 12:00 UTC.
const NOW = '2026-06-20T12:00:00.000Z';
const h = harnessForFile(NOW);

/** A public agreement in Asia/Gaza with a party, a phase, a pillar, a provision (1.1) and an incident bearing on it. */
async function setup() {
  const a = await createAgreement(h, { timeZone: 'Asia/Gaza', public: true });
  const base = `/api/agreements/${a.slug}`;
  const hamas = (await h.call<Row>('POST', `${base}/parties`, { name: 'Hamas', localName: 'حماس', role: 'belligerent' })).body;
  const phase = (await h.call<Row>('POST', `${base}/phases`, { name: 'Phase One' })).body;
  const pillar = (await h.call<Row>('POST', `${base}/pillars`, { title: 'Security' })).body;
  const provision = (
    await h.call<ProvisionView>('POST', `${base}/provisions`, { phaseId: phase.id, pillarId: pillar.id, code: '1.1', title: 'Release detainees', category: 'prisoner_exchange', obligatedPartyId: hamas.id })
  ).body;
  const incident = (
    await h.call<Row>('POST', `${base}/incidents`, { occurredAt: '2026-06-19T18:30:00Z', category: 'detention', place: 'Khan Younis', description: 'Detainees not released', provisionIds: [provision.id] })
  ).body;
  const url = `${base}/provisions/${provision.id}`;
  return { a, base, hamas, phase, pillar, provision, incident, url };
}

const change = (overrides: Record<string, unknown> = {}) => ({
  status: 'minimal',
  reason: 'Two of five lists released, as the ICRC confirmed',
  source: 'ICRC weekly note',
  sourceGrade: 'B2',
  ...overrides,
});

describe('changing a provision’s status', () => {
  it('changes it with the reason, source, grade and evidence, and returns the provision and the change', async () => {
    const { url, incident, provision } = await setup();
    const res = await h.call<StatusChanged>('POST', `${url}/status`, {
      ...change(),
      evidence: [
        { kind: 'incident', incidentId: incident.id },
        { kind: 'url', url: 'https://icrc.example/notes/7', label: 'ICRC note 7' },
        { kind: 'url', url: 'https://icrc.example/notes/8' },
        { kind: 'incident', incidentId: incident.id },
      ],
      version: provision.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.provision).toMatchObject({ status: 'minimal', version: provision.version + 1 });
    expect(res.body.change).toEqual({
      seq: 2,
      from: 'not_started',
      to: 'minimal',
      reason: 'Two of five lists released, as the ICRC confirmed',
      source: 'ICRC weekly note',
      sourceGrade: 'B2',
      // The incident's label is its category, place and day in Gaza; an item named twice is kept once.
      evidence: [
        { kind: 'incident', incidentId: incident.id, label: 'Detention at Khan Younis, 2026-06-19' },
        { kind: 'url', url: 'https://icrc.example/notes/7', label: 'ICRC note 7' },
        { kind: 'url', url: 'https://icrc.example/notes/8', label: 'https://icrc.example/notes/8' },
      ],
      actorName: 'Admin',
      at: NOW,
    });
  });

  it('refuses a missing or blank reason with 400 naming the field, and changes nothing', async () => {
    const { url, provision } = await setup();
    for (const body of [{ status: 'full', version: provision.version }, { status: 'full', reason: '  \n ', version: provision.version }]) {
      const res = await h.call<ErrorBody>('POST', `${url}/status`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues!.map((i) => i.path)).toEqual(['body.reason']);
    }
    expect((await h.call<ProvisionView>('GET', url)).body).toMatchObject({ status: 'not_started', version: provision.version });
    expect((await h.call<StatusHistoryView>('GET', `${url}/history`)).body.items).toHaveLength(1);
  });

  it('refuses a stale version (409), a status already held (422), a grade off the scale (400) and another agreement’s incident (422)', async () => {
    const { url, provision } = await setup();
    const other = await setup();
    const stale = await h.call<ErrorBody>('POST', `${url}/status`, { ...change(), version: provision.version + 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'stale_version']);
    const same = await h.call<ErrorBody>('POST', `${url}/status`, { ...change({ status: 'not_started' }), version: provision.version });
    expect(same.status).toBe(422);
    expect(same.body.error.details.issues).toEqual([{ path: 'status', message: 'is already "not_started": a change of status must change it' }]);
    const grade = await h.call<ErrorBody>('POST', `${url}/status`, { ...change({ sourceGrade: 'G9' }), version: provision.version });
    expect(grade.status).toBe(400);
    expect(grade.body.error.details.issues!.map((i) => i.path)).toEqual(['body.sourceGrade']);
    const foreign = await h.call<ErrorBody>('POST', `${url}/status`, { ...change(), evidence: [{ kind: 'url', url: 'https://a.example' }, { kind: 'incident', incidentId: other.incident.id }], version: provision.version });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.issues).toEqual([{ path: 'evidence.1.incidentId', message: 'is not an incident of this agreement' }]);
    expect((await h.call<ProvisionView>('GET', url)).body).toMatchObject({ status: 'not_started', version: provision.version });
    expect((await h.call<StatusHistoryView>('GET', `${url}/history`)).body.items).toHaveLength(1);
  });

  it('takes provision:write: a mediator or monitor may, a delegate or a viewer may not', async () => {
    const { a, url, hamas, provision } = await setup();
    const monitor = await h.userWith('monitor', a.slug);
    const delegate = await h.userWith('party_delegate', a.slug, hamas.id);
    const viewer = await h.userWith('viewer', a.slug);
    for (const who of [delegate, viewer]) expect((await h.as(who.token)('POST', `${url}/status`, { ...change(), version: provision.version })).status).toBe(403);
    expect((await h.anonymous('POST', `${url}/status`, { ...change(), version: provision.version })).status).toBe(401);
    const done = await h.as(monitor.token)<StatusChanged>('POST', `${url}/status`, { ...change(), version: provision.version });
    expect(done.status).toBe(200);
    expect(done.body.change.actorName).toMatch(/^User \d+$/);
  });

  it('audits the change and the provision’s update in the same write', async () => {
    const { a, url, provision } = await setup();
    const res = await h.call<StatusChanged>('POST', `${url}/status`, { ...change(), version: provision.version });
    const log = await h.call<{ items: AuditEntryView[] }>('GET', `/api/agreements/${a.slug}/audit?order=desc&limit=2`);
    expect(log.body.items.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'provision_status'],
      ['update', 'provision'],
    ]);
    expect(log.body.items[0]!.after).toMatchObject({ seq: 2, from: 'not_started', to: 'minimal', reason: res.body.change.reason, sourceGrade: 'B2' });
    expect(log.body.items[1]).toMatchObject({ entityId: provision.id, before: { status: 'not_started' }, after: { status: 'minimal' } });
  });
});

describe('a provision’s PATCH and POST', () => {
  it('starts the history when a provision is added: with statusReason, else "Added with this status"', async () => {
    const { base, phase, url } = await setup();
    const first = (await h.call<StatusHistoryView>('GET', `${url}/history`)).body;
    expect(first.items).toEqual([
      { seq: 1, from: null, to: 'not_started', reason: 'Added with this status', source: '', sourceGrade: null, evidence: [], actorName: 'Admin', at: NOW },
    ]);
    const added = await h.call<ProvisionView>('POST', `${base}/provisions`, {
      phaseId: phase.id,
      title: 'Open Rafah',
      category: 'aid_access',
      status: 'intermediate',
      statusReason: 'Open since the 15th, as the mission reported',
      statusSource: 'Mission report',
      statusSourceGrade: 'A2',
    });
    expect(added.status).toBe(201);
    const history = (await h.call<StatusHistoryView>('GET', `${base}/provisions/${added.body.id}/history`)).body;
    expect(history.items).toMatchObject([{ seq: 1, from: null, to: 'intermediate', reason: 'Open since the 15th, as the mission reported', source: 'Mission report', sourceGrade: 'A2' }]);
  });

  it('refuses a PATCH that changes the status without statusReason (400 naming it), and takes one with it', async () => {
    const { url, provision } = await setup();
    for (const statusReason of [undefined, '', '   ']) {
      const res = await h.call<ErrorBody>('PATCH', url, { version: provision.version, status: 'full', title: 'Renamed', statusReason });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'body.statusReason', message: 'is required when the status changes: say why' }] } });
    }
    expect((await h.call<ProvisionView>('GET', url)).body).toMatchObject({ status: 'not_started', title: 'Release detainees', version: provision.version });
    const ok = await h.call<ProvisionView>('PATCH', url, { version: provision.version, status: 'full', statusReason: 'All released', statusSource: 'ICRC', statusEvidence: [{ kind: 'url', url: 'https://icrc.example/x' }] });
    expect(ok.status).toBe(200);
    const items = (await h.call<StatusHistoryView>('GET', `${url}/history`)).body.items;
    expect(items.map((c) => [c.seq, c.from, c.to, c.reason, c.source])).toEqual([
      [1, null, 'not_started', 'Added with this status', ''],
      [2, 'not_started', 'full', 'All released', 'ICRC'],
    ]);
    expect(items[1]!.evidence).toEqual([{ kind: 'url', url: 'https://icrc.example/x', label: 'https://icrc.example/x' }]);
  });

  it('needs no reason for a PATCH that leaves the status as it is, and writes no history row', async () => {
    const { url, provision } = await setup();
    const renamed = await h.call<ProvisionView>('PATCH', url, { version: provision.version, title: 'Release all detainees' });
    expect(renamed.status).toBe(200);
    const same = await h.call<ProvisionView>('PATCH', url, { version: renamed.body.version, status: 'not_started', statusReason: 'ignored' });
    expect(same.status).toBe(200);
    expect((await h.call<StatusHistoryView>('GET', `${url}/history`)).body.items).toHaveLength(1);
  });
});

describe('the published history', () => {
  it('is JSON or CSV, oldest first, the CSV a download named after the provision', async () => {
    const { a, url, incident, provision } = await setup();
    await h.call('POST', `${url}/status`, { ...change(), evidence: [{ kind: 'incident', incidentId: incident.id }], version: provision.version });
    await h.call('POST', `${url}/status`, { ...change({ status: 'disputed', reason: '=SUM(A1), says one party', sourceGrade: null }), version: provision.version + 1 });
    const json = (await h.call<StatusHistoryView>('GET', `${url}/history?format=json`)).body;
    expect(json).toMatchObject({ provisionId: provision.id, code: '1.1', title: 'Release detainees' });
    expect(json.items.map((c) => c.to)).toEqual(['not_started', 'minimal', 'disputed']);

    const csv = await h.app.inject({ method: 'GET', url: `${url}/history?format=csv`, headers: { authorization: `Bearer ${h.adminToken}`, host: 'phaseline.example' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${a.slug}-provision-1.1-status-history.csv"`);
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('seq,at,from,to,reason,source,grade,evidence,actor');
    expect(lines[1]).toBe(`1,${NOW},,not_started,Added with this status,,,,Admin`);
    expect(lines[2]).toBe(`2,${NOW},not_started,minimal,"Two of five lists released, as the ICRC confirmed",ICRC weekly note,B2,http://phaseline.example/agreements/${a.slug}/incidents/${incident.id},Admin`);
    expect(lines[3]).toBe(`3,${NOW},minimal,disputed,"'=SUM(A1), says one party",ICRC weekly note,,,Admin`);
    expect((await h.call<ErrorBody>('GET', `${url}/history?format=xlsx`)).status).toBe(400);
  });

  it('shows a visitor of a public agreement the history, with incidents named as evidence but not which', async () => {
    const { url, incident, provision } = await setup();
    await h.call('POST', `${url}/status`, { ...change(), evidence: [{ kind: 'incident', incidentId: incident.id }, { kind: 'url', url: 'https://icrc.example/n' }], version: provision.version });
    const seen = (await h.anonymous<StatusHistoryView>('GET', `${url}/history`)).body.items[1]!;
    expect(seen.evidence).toEqual([
      { kind: 'incident', incidentId: null, label: HIDDEN_INCIDENT_LABEL },
      { kind: 'url', url: 'https://icrc.example/n', label: 'https://icrc.example/n' },
    ]);
    const csv = await h.app.inject({ method: 'GET', url: `${url}/history?format=csv` });
    expect(csv.body).not.toContain(incident.id);
    expect(csv.body).toContain(',https://icrc.example/n,');
  });

  it('answers 404 for a provision of another agreement, or of a private agreement to a visitor', async () => {
    const mine = await setup();
    const other = await setup();
    expect((await h.call('GET', `${mine.base}/provisions/${other.provision.id}/history`)).status).toBe(404);
    expect((await h.call('GET', `${mine.base}/provisions/${other.provision.id}/page`)).status).toBe(404);
    const hidden = await createAgreement(h);
    expect((await h.anonymous('GET', `/api/agreements/${hidden.slug}/provisions/${mine.provision.id}/history`)).status).toBe(404);
  });
});

describe('a provision’s page', () => {
  it('gives the provision with its phase, pillar, party, indicators, incidents and history', async () => {
    const { a, base, url, hamas, phase, pillar, provision, incident } = await setup();
    const indicator = (await h.call<Row>('POST', `${base}/indicators`, { name: 'Detainees released', unit: 'people', target: 100, comparison: '>=', provisionId: provision.id })).body;
    await h.call('POST', `${base}/indicators`, { name: 'Trucks', unit: 'trucks/day', target: 600, comparison: '>=' });
    const res = await h.call<ProvisionPageView>('GET', `${url}/page`);
    expect(res.status).toBe(200);
    const view = res.body;
    expect(view.agreement.slug).toBe(a.slug);
    expect(view.provision.id).toBe(provision.id);
    expect([view.phase.id, view.pillar?.id, view.obligatedParty?.id]).toEqual([phase.id, pillar.id, hamas.id]);
    expect(view.obligatedParty?.localName).toBe('حماس');
    expect(view.clause).toBeNull();
    expect(view.indicators.map((i) => i.id)).toEqual([indicator.id]);
    expect(view.incidents).toEqual({
      shown: true,
      items: [{ id: incident.id, occurredAt: '2026-06-19T18:30:00.000Z', category: 'detention', place: 'Khan Younis', status: 'reported', allegedPartyId: null, attributedPartyId: null }],
      total: 1,
      limit: 50,
    });
    expect(view.history.map((c) => c.reason)).toEqual(['Added with this status']);
  });

  it('shows a visitor no incident, and says they are not shown', async () => {
    const { url } = await setup();
    const res = await h.anonymous<ProvisionPageView>('GET', `${url}/page`);
    expect(res.status).toBe(200);
    expect(res.body.incidents).toEqual({ shown: false, items: [], total: 0, limit: 50 });
  });

  it('names the clause the provision comes from, with its document', async () => {
    const { base, phase } = await setup();
    const doc = await h.call<{ id: string; title: string; clauses: Array<{ id: string; number: string | null }> }>('POST', `${base}/documents`, {
      markdown: '# Phase Two text\n\n1. All detainees are released.\n',
    });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    const clause = doc.body.clauses[0]!;
    const p = (await h.call<ProvisionView>('POST', `${base}/provisions`, { phaseId: phase.id, title: 'Release', category: 'prisoner_exchange', clauseId: clause.id })).body;
    const view = (await h.call<ProvisionPageView>('GET', `${base}/provisions/${p.id}/page`)).body;
    expect(view.clause).toEqual({ clauseId: clause.id, documentId: doc.body.id, documentTitle: 'Phase Two text', number: clause.number });
  });
});
