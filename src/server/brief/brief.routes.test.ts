/**
 * GET .../brief: the situation brief as JSON, Markdown, HTML or PDF, as of a day and for the reader:
 * reproducible, dated data cut at the end of the day, and no stance outside the reader's audience.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefView, type DocumentView, type IncidentView } from '../../contract/index.ts';
import { harnessForFile, TEST_NOW, type Caller } from '../test/harness.ts';
import { report } from '../test/incident-setup.ts';
import { FORCE, FUNDING, importText, stance, world, type World } from '../negotiation/negotiation.fixtures.ts';

const h = harnessForFile(TEST_NOW, { pdf: {} });

const SECRETS = {
  hamasParty: 'HAMAS-CIRCLE-RESERVATION-7Q',
  israelParty: 'ISRAEL-CIRCLE-RESERVATION-3K',
  mediators: 'MEDIATORS-ONLY-RESERVATION-9Z',
};

let w: World;
let doc: DocumentView;

const get = (call: Caller, qs = '') => call('GET', `${w.base}/brief${qs}`);
const raw = (token: string, qs: string) => h.app.inject({ method: 'GET', url: `${w.base}/brief${qs}`, headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  w = await world(h);
  doc = await importText(w.mediator.call, w.base);
  const force = `${w.base}/documents/${doc.id}/clauses/${doc.clauses[0]!.id}`;
  const funding = `${w.base}/documents/${doc.id}/clauses/${doc.clauses[1]!.id}`;
  // Hamas blocks both alternatives of the force's clause, in its own circle only.
  await stance(w.hamas.call, force, { groupKey: FORCE, alternative: 0, partyId: w.hamasId, position: 'reject', audience: 'party' });
  await stance(w.hamas.call, force, { groupKey: FORCE, alternative: 1, partyId: w.hamasId, position: 'reject', audience: 'party' });
  // Reservations under each audience, with strings no other text contains.
  await stance(w.hamas.call, funding, { groupKey: FUNDING, alternative: 0, partyId: w.hamasId, position: 'accept_with_reservation', reservation: SECRETS.hamasParty, audience: 'party' });
  await stance(w.israel.call, funding, { groupKey: FUNDING, alternative: 0, partyId: w.israelId, position: 'accept_with_reservation', reservation: SECRETS.israelParty, audience: 'party' });
  await stance(w.mediator.call, funding, { groupKey: FUNDING, alternative: 1, partyId: w.hamasId, position: 'accept_with_reservation', reservation: SECRETS.mediators, audience: 'mediators' });
  // Verified violations: two on 19 June (Gaza), one on 10 June.
  const verify = async (occurredAt: string, attributedPartyId: string | null) => {
    const i = (await h.call<IncidentView>('POST', `${w.base}/incidents`, report({ occurredAt }))).body;
    for (const to of ['triaged', 'under_investigation']) await h.call('POST', `${w.base}/incidents/${i.id}/transitions`, { to, reason: 'r' });
    expect((await h.call('POST', `${w.base}/incidents/${i.id}/transitions`, { to: 'verified', reason: 'confirmed', attributedPartyId, noEvidenceReason: 'Seen by the monitors' })).status).toBe(200);
  };
  await verify('2026-06-19T08:00:00Z', w.israelId);
  await verify('2026-06-19T09:00:00Z', null);
  await verify('2026-06-10T09:00:00Z', w.hamasId);
});

describe('the situation brief', () => {
  it('answers the model as JSON for the mediators, as of today in the agreement’s zone', async () => {
    const res = await get(w.mediator.call);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const brief = BriefView.parse(res.body);
    expect(brief.asOf).toBe('2026-06-20');
    expect(brief.audience).toEqual({ kind: 'mediators', partyId: null, label: 'the mediators' });
    expect(brief.ground.violations).toMatchObject({ last7: 2, last30: 3 });
    expect(brief.ground.violations.byParty).toEqual([
      { partyId: w.hamasId, label: 'Hamas', last7: 0, last30: 1 },
      { partyId: w.israelId, label: 'Israel', last7: 1, last30: 1 },
      { partyId: null, label: 'Not attributed', last7: 1, last30: 1 },
    ]);
    const clauses = brief.negotiation.documents[0]!.clauses;
    expect(clauses[0]).toMatchObject({ label: '§1', status: 'blocked', blockers: [{ partyName: 'Hamas', alternative: 'troops from Egypt' }, { partyName: 'Hamas', alternative: 'troops from Qatar' }] });
    expect(clauses[1]!.reservations.map((r) => r.text).sort()).toEqual([SECRETS.hamasParty, SECRETS.israelParty, SECRETS.mediators].sort());
    expect(brief.headline).toMatch(/2 verified violations in 7 days/);
    expect(brief.notes[0]).toMatch(/as recorded now/);
    expect(brief.forecast).toMatchObject({ available: true, view: { asOf: '2026-06-20', escalation: { events: 3, fitted: false } } });
    expect(brief.precedents.view?.source.licence).toBe('CC BY 4.0');
    expect(brief.risk.available).toBe(true);
    expect(brief.risk.view!.parts.map((p) => p.key)).toContain('violation_trend');
    expect(brief.sources.map((s) => s.kind)).toEqual(['agreement', 'document', 'method', 'method', 'dataset']);
  });

  it('leaves out incidents dated after the end of the as-of day', async () => {
    const brief = BriefView.parse((await get(w.mediator.call, '?asOf=2026-06-18')).body);
    expect(brief.asOf).toBe('2026-06-18');
    expect(brief.cutoff).toBe('2026-06-18T23:59:59.999Z');
    expect(brief.ground.violations).toMatchObject({ last7: 0, last30: 1 });
    expect(brief.headline).toMatch(/^No phase is in force; 0 verified violations in 7 days/);
    // The stances were stated on 18 June: the day before, nothing blocks and nobody reserves.
    const before = BriefView.parse((await get(w.mediator.call, '?asOf=2026-06-17')).body);
    expect(before.negotiation.documents[0]!.clauses.flatMap((c) => [...c.blockers, ...c.reservations])).toEqual([]);
    expect(brief.negotiation.documents[0]!.clauses[0]!.status).toBe('blocked');
  });

  it('gives the same Markdown and HTML for the same day, with their types, a CSP and a dated file name', async () => {
    const md = [await raw(h.adminToken, '?format=md&asOf=2026-06-19'), await raw(h.adminToken, '?format=md&asOf=2026-06-19')];
    expect(md[0]!.statusCode).toBe(200);
    expect(md[0]!.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md[0]!.headers['content-disposition']).toBe(`attachment; filename="${w.slug}-brief-2026-06-19-mediators.md"`);
    expect(md[0]!.body).toBe(md[1]!.body);
    expect(md[0]!.body).toContain('## The Strategic Matrix');
    const html = [await raw(h.adminToken, '?format=html&asOf=2026-06-19'), await raw(h.adminToken, '?format=html&asOf=2026-06-19')];
    expect(html[0]!.statusCode).toBe(200);
    expect(html[0]!.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html[0]!.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html[0]!.body).toBe(html[1]!.body);
    expect(html[0]!.body).toMatch(/^<!DOCTYPE html>/);
    expect(html[0]!.body).toContain('<section id="risk">');
  });

  it('never shows a party’s delegate another party’s circle or the mediators’ room, in any format', async () => {
    const israel = await h.userWith('party_delegate', w.slug, w.israelId);
    const hamas = await h.userWith('party_delegate', w.slug, w.hamasId);
    const texts = async (token: string) => Promise.all(['json', 'md', 'html'].map(async (f) => (await raw(token, `?format=${f}`)).body));
    for (const text of await texts(israel.token)) {
      expect(text).toContain(SECRETS.israelParty);
      expect(text).not.toContain(SECRETS.hamasParty);
      expect(text).not.toContain(SECRETS.mediators);
    }
    for (const text of await texts(hamas.token)) {
      expect(text).toContain(SECRETS.hamasParty);
      expect(text).not.toContain(SECRETS.israelParty);
      expect(text).not.toContain(SECRETS.mediators);
    }
    const forIsrael = BriefView.parse((await get(h.as(israel.token))).body);
    expect(forIsrael.audience).toEqual({ kind: 'party', partyId: w.israelId, label: "Israel's circle" });
    // Hamas's block is in its circle: Israel's delegate sees the clause open, blocked by nobody.
    expect(forIsrael.negotiation.documents[0]!.clauses[0]).toMatchObject({ status: 'open', blockers: [] });
    const viewer = BriefView.parse((await get(w.viewer.call)).body);
    expect(viewer.audience.label).toBe('everyone');
    expect(JSON.stringify(viewer)).not.toMatch(/RESERVATION/);
  });

  it('refuses a day that is not one, or after today, naming asOf', async () => {
    for (const qs of ['?asOf=2026-02-30', '?asOf=20260619', '?asOf=2026-06-21', '?format=docx']) {
      const res = await get(w.mediator.call, qs);
      expect(res.status, qs).toBe(400);
      expect(JSON.stringify(res.body), qs).toMatch(qs.includes('format') ? /format/ : /asOf/);
    }
  });

  // Chromium starts cold: it takes seconds, more on a busy machine.
  it('prints a PDF with Chromium', { timeout: 120_000 }, async () => {
    const res = await raw(h.adminToken, '?format=pdf&asOf=2026-06-19');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${w.slug}-brief-2026-06-19-mediators.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('the brief on a server without PDF printing', () => {
  const noPdf = harnessForFile();
  it('answers 422 pdf_unavailable for a PDF, and the other formats still', async () => {
    const v = await world(noPdf);
    const res = await noPdf.app.inject({ method: 'GET', url: `${v.base}/brief?format=pdf`, headers: { authorization: `Bearer ${noPdf.adminToken}` } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'pdf_unavailable' } });
    const md = await noPdf.app.inject({ method: 'GET', url: `${v.base}/brief?format=md`, headers: { authorization: `Bearer ${noPdf.adminToken}` } });
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain('_No negotiated document._');
    expect(md.body).toContain('_No verified incidents in the last 30 days._');
  });
});
