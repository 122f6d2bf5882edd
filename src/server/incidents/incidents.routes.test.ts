import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, IncidentView } from '../../contract/index.ts';
import { harnessForFile } from '../test/harness.ts';
import { incidentSetup, PLACES, report, type ErrorBody } from '../test/incident-setup.ts';

const h = harnessForFile('2026-06-20T12:00:00.000Z');
let ctx: Awaited<ReturnType<typeof incidentSetup>>;

beforeAll(async () => {
  ctx = await incidentSetup(h);
});

const create = (body: Record<string, unknown>, call = h.call) => call<IncidentView & ErrorBody>('POST', `${ctx.base}/incidents`, report(body));

describe('reporting an incident', () => {
  it('stores the report with defaults, its provisions, and the zone its point lies in', async () => {
    const res = await create({ ...PLACES.gazaCity, allegedPartyId: ctx.israel.id, provisionIds: [ctx.provision.id], killed: 2, civiliansKilled: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'reported',
      sourceType: 'monitor',
      reliability: 'F',
      credibility: 6,
      zoneId: ctx.zones.Gaza,
      provisionIds: [ctx.provision.id],
      killed: 2,
      injured: null,
      civiliansKilled: 1,
      attributedPartyId: null,
      reportedAt: '2026-06-20T12:00:00.000Z',
    });
  });

  it('assigns North Gaza to Jabalia, Rafah to Rafah, no zone at sea, and keeps a zone given with the point', async () => {
    expect((await create(PLACES.jabalia)).body.zoneId).toBe(ctx.zones['North Gaza']);
    expect((await create(PLACES.rafah)).body.zoneId).toBe(ctx.zones.Rafah);
    expect((await create(PLACES.sea)).body.zoneId).toBeNull();
    expect((await create({ ...PLACES.sea, zoneId: ctx.zones['Deir Al-Balah'] })).body.zoneId).toBe(ctx.zones['Deir Al-Balah']);
    expect((await create({ zoneId: ctx.zones.Gaza })).body).toMatchObject({ zoneId: ctx.zones.Gaza, lon: null, lat: null });
  });

  it('refuses inconsistent facts and references to another agreement, naming the field (422)', async () => {
    const other = await incidentSetup(h);
    const res = await create({ lon: 34.4, killed: 1, civiliansKilled: 2, allegedPartyId: other.israel.id, zoneId: other.zones.Gaza, provisionIds: [other.provision.id] });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues!.map((i) => i.path)).toEqual(['lat', 'civiliansKilled']);
    const refs = await create({ allegedPartyId: other.israel.id, zoneId: other.zones.Gaza, provisionIds: [other.provision.id] });
    expect(refs.body.error.details.issues!.map((i) => i.path)).toEqual(['allegedPartyId', 'zoneId', 'provisionIds']);
    expect((await create({ occurredAt: '2026-06-21T00:00:00Z' })).status).toBe(422);
    expect((await create({ reliability: 'G', credibility: 7 })).status).toBe(400);
  });

  it('files a delegate’s report as its party’s complaint, and refuses another source type', async () => {
    const delegate = await h.userWith('party_delegate', ctx.a.slug, ctx.hamas.id);
    const res = await create({ allegedPartyId: ctx.israel.id }, h.as(delegate.token));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sourceType: 'party_complaint', reportingPartyId: ctx.hamas.id });
    expect((await create({ sourceType: 'monitor' }, h.as(delegate.token))).status).toBe(422);
  });

  it('is refused to viewers, and hidden from visitors of a public agreement', async () => {
    const open = await incidentSetup(h, { public: true });
    const viewer = await h.userWith('viewer', open.a.slug);
    expect((await h.as(viewer.token)('POST', `${open.base}/incidents`, report())).status).toBe(403);
    expect((await h.as(viewer.token)('GET', `${open.base}/incidents`)).status).toBe(200);
    expect((await h.anonymous('GET', `${open.base}/incidents`)).status).toBe(401);
    expect((await h.anonymous('GET', `${open.base}/zones`)).status).toBe(200);
  });
});

describe('the list', () => {
  it('filters by status, category, party, zone, source, time, box and provision; pages by cursor', async () => {
    const c = await incidentSetup(h);
    const post = (b: Record<string, unknown>) => h.call<IncidentView>('POST', `${c.base}/incidents`, report(b));
    const a = (await post({ ...PLACES.gazaCity, category: 'airstrike', allegedPartyId: c.israel.id, occurredAt: '2026-06-10T10:00:00Z', provisionIds: [c.provision.id] })).body;
    const b = (await post({ ...PLACES.rafah, category: 'incursion', allegedPartyId: c.hamas.id, occurredAt: '2026-06-12T10:00:00Z', sourceType: 'media' })).body;
    const d = (await post({ category: 'detention', occurredAt: '2026-06-14T10:00:00Z' })).body;
    await h.call('POST', `${c.base}/incidents/${b.id}/transitions`, { to: 'triaged', reason: 'r' });
    const ids = async (qs: string) => (await h.call<{ items: IncidentView[] }>('GET', `${c.base}/incidents?${qs}`)).body.items.map((i) => i.id);
    expect(await ids('')).toEqual([d.id, b.id, a.id]);
    expect(await ids('order=asc')).toEqual([a.id, b.id, d.id]);
    expect(await ids('status=triaged')).toEqual([b.id]);
    expect(await ids('status=reported,triaged&category=airstrike,incursion')).toEqual([b.id, a.id]);
    expect(await ids(`partyId=${c.israel.id}`)).toEqual([a.id]);
    expect(await ids(`zoneId=${c.zones.Rafah}`)).toEqual([b.id]);
    expect(await ids('sourceType=media')).toEqual([b.id]);
    expect(await ids('from=2026-06-11T00:00:00Z&to=2026-06-14T10:00:00Z')).toEqual([b.id]);
    expect(await ids('bbox=34.4,31.45,34.55,31.6')).toEqual([a.id]);
    expect(await ids(`provisionId=${c.provision.id}`)).toEqual([a.id]);
    const first = await h.call<{ items: IncidentView[]; nextCursor: string; total: number; totalCapped: boolean }>('GET', `${c.base}/incidents?limit=2`);
    expect(first.body).toMatchObject({ total: 3, totalCapped: false });
    expect(await ids(`limit=2&cursor=${first.body.nextCursor}`)).toEqual([a.id]);
    expect((await h.call('GET', `${c.base}/incidents?cursor=bm90LWEtY3Vyc29y`)).status).toBe(400);
    expect((await h.call('GET', `${c.base}/incidents?bbox=1,2,3`)).status).toBe(400);
    expect((await h.call('GET', `${c.base}/incidents?status=open`)).status).toBe(400);
  });
});

describe('editing a report', () => {
  it('keeps fields it does not name, moves the zone with the point, and refuses a stale version', async () => {
    const created = (await create({ ...PLACES.gazaCity, place: 'Shuja’iyya', provisionIds: [ctx.provision.id] })).body;
    const moved = await h.call<IncidentView>('PATCH', `${ctx.base}/incidents/${created.id}`, { version: 1, ...PLACES.rafah });
    expect(moved.body).toMatchObject({ zoneId: ctx.zones.Rafah, place: 'Shuja’iyya', provisionIds: [ctx.provision.id], version: 2 });
    const stale = await h.call<ErrorBody>('PATCH', `${ctx.base}/incidents/${created.id}`, { version: 1, place: 'x' });
    expect(stale.status).toBe(409);
    const cleared = await h.call<IncidentView>('PATCH', `${ctx.base}/incidents/${created.id}`, { version: 2, provisionIds: [], killed: 0 });
    expect(cleared.body).toMatchObject({ provisionIds: [], killed: 0, zoneId: ctx.zones.Rafah });
  });

  it('lets a delegate edit only its own party’s reports, before triage', async () => {
    const delegate = await h.userWith('party_delegate', ctx.a.slug, ctx.hamas.id);
    const as = h.as(delegate.token);
    const own = (await create({}, as)).body;
    const theirs = (await create({})).body;
    expect((await as('PATCH', `${ctx.base}/incidents/${own.id}`, { version: 1, place: 'Rafah' })).status).toBe(200);
    expect((await as('PATCH', `${ctx.base}/incidents/${theirs.id}`, { version: 1, place: 'Rafah' })).status).toBe(403);
    await h.call('POST', `${ctx.base}/incidents/${own.id}/transitions`, { to: 'triaged', reason: 'r' });
    expect((await as('PATCH', `${ctx.base}/incidents/${own.id}`, { version: 3, place: 'Khan Younis' })).status).toBe(403);
  });

  it('shows an incident with its history, evidence, responses and open steps', async () => {
    const created = (await create({})).body;
    const detail = await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${created.id}`);
    expect(detail.body).toMatchObject({ id: created.id, history: [], evidence: [], responses: [], allowedTransitions: ['triaged', 'duplicate'] });
    expect((await h.call('GET', `${ctx.base}/incidents/${ctx.provision.id}`)).status).toBe(404);
  });
});
