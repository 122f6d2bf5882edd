/** Controlled areas (party and date), lengths, coverage of sectors by a zone, and the areas held over time. */
import { describe, expect, it } from 'vitest';
import type { AreaHistoryView, ZoneCoverageView, ZoneView } from '../../contract/index.ts';
import { agreementWithPartyAndPhase, createAgreement, harnessForFile } from '../test/harness.ts';
import type { ErrorBody } from '../test/incident-setup.ts';

const h = harnessForFile();

const rect = (lon: number, lat: number, width: number, height = width) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + width, lat], [lon + width, lat + height], [lon, lat + height], [lon, lat]]],
});

/** An agreement with a party and two sectors side by side: West [34.0, 34.1] and East [34.1, 34.2] by [31.0, 31.1]. */
async function withSectors() {
  const { base, party, phase } = await agreementWithPartyAndPhase(h);
  const west = (await h.call<ZoneView>('POST', `${base}/zones`, { name: 'West', kind: 'sector', geometry: rect(34.0, 31.0, 0.1) })).body;
  const east = (await h.call<ZoneView>('POST', `${base}/zones`, { name: 'East', kind: 'sector', geometry: rect(34.1, 31.0, 0.1) })).body;
  return { base, party, phase, west, east };
}

const held = (partyId: string, asOf: string, geometry: unknown, name = 'Northern pocket') => ({ name, kind: 'controlled_area', partyId, asOf, geometry });

describe('controlled areas', () => {
  it('stores the party and the date of a snapshot, and a line its length', async () => {
    const { base, party } = await withSectors();
    const area = await h.call<ZoneView>('POST', `${base}/zones`, held(party.id, '2026-06-01', rect(34.05, 31.0, 0.1)));
    expect(area.status).toBe(201);
    expect(area.body).toMatchObject({ kind: 'controlled_area', partyId: party.id, asOf: '2026-06-01', lengthKm: 0 });
    // Snapshots of one area share its name on other dates; the same date again is a 409 in words.
    expect((await h.call('POST', `${base}/zones`, held(party.id, '2026-06-08', rect(34.05, 31.0, 0.12)))).status).toBe(201);
    const again = await h.call<ErrorBody>('POST', `${base}/zones`, held(party.id, '2026-06-01', rect(34.0, 31.0, 0.1)));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('"Northern pocket" already has a snapshot dated 2026-06-01');

    const line = await h.call<ZoneView>('POST', `${base}/zones`, { name: 'Line', kind: 'withdrawal_line', geometry: { type: 'LineString', coordinates: [[34.0, 31.0], [34.0, 31.1]] } });
    expect(line.body.lengthKm).toBeCloseTo(11.12, 1); // 0.1° of latitude
    expect(line.body).toMatchObject({ areaSqKm: 0, partyId: null, asOf: null });
  });

  it('refuses a controlled area without its party or date, and another kind with them, with 400 naming the field', async () => {
    const { base, party } = await withSectors();
    const missing = await h.call<ErrorBody>('POST', `${base}/zones`, { name: 'A', kind: 'controlled_area', geometry: rect(34, 31, 0.1) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues?.map((i) => i.path).sort()).toEqual(['body.asOf', 'body.partyId']);
    const sector = await h.call<ErrorBody>('POST', `${base}/zones`, { name: 'S', kind: 'sector', partyId: party.id, geometry: rect(34, 31, 0.1) });
    expect(sector.status).toBe(400);
    expect(sector.body.error.details.issues).toEqual([{ path: 'body.partyId', message: 'only a controlled_area carries partyId (this zone is a sector)' }]);

    // The party must be one of this agreement's.
    const other = await agreementWithPartyAndPhase(h);
    const foreign = await h.call<ErrorBody>('POST', `${base}/zones`, held(other.party.id, '2026-06-01', rect(34, 31, 0.1)));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.issues).toEqual([{ path: 'partyId', message: 'is not a party to this agreement' }]);

    // An edit is checked against the stored kind: a sector may not gain a date, an area may not lose its party.
    const s = (await h.call<ZoneView>('POST', `${base}/zones`, { name: 'S', kind: 'sector', geometry: rect(34, 31, 0.1) })).body;
    const dated = await h.call<ErrorBody>('PATCH', `${base}/zones/${s.id}`, { version: s.version, asOf: '2026-06-01' });
    expect(dated.status).toBe(400);
    expect(dated.body.error.details.issues).toEqual([{ path: 'body.asOf', message: 'only a controlled_area carries asOf (this zone is a sector)' }]);
    const a = (await h.call<ZoneView>('POST', `${base}/zones`, held(party.id, '2026-06-01', rect(34, 31, 0.1)))).body;
    const orphan = await h.call<ErrorBody>('PATCH', `${base}/zones/${a.id}`, { version: a.version, partyId: null });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details.issues?.[0]?.path).toBe('body.partyId');
    // Becoming a sector drops them.
    const sectorNow = await h.call<ZoneView>('PATCH', `${base}/zones/${a.id}`, { version: a.version, kind: 'sector', name: 'Now a sector' });
    expect(sectorNow.body).toMatchObject({ kind: 'sector', partyId: null, asOf: null });
  });

  it('imports snapshots of one date with their party, refusing an import without them', async () => {
    const { base, party } = await withSectors();
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Pocket' }, geometry: rect(34.0, 31.0, 0.05) }] };
    const refused = await h.call<ErrorBody>('POST', `${base}/zones/import?kind=controlled_area`, collection);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues?.map((i) => i.path).sort()).toEqual(['querystring.asOf', 'querystring.partyId']);
    const imported = await h.call<{ items: ZoneView[] }>('POST', `${base}/zones/import?kind=controlled_area&partyId=${party.id}&asOf=2026-06-10`, collection);
    expect(imported.status).toBe(201);
    expect(imported.body.items[0]).toMatchObject({ name: 'Pocket', partyId: party.id, asOf: '2026-06-10' });
    // Another date of the same area is a new snapshot.
    expect((await h.call('POST', `${base}/zones/import?kind=controlled_area&partyId=${party.id}&asOf=2026-06-11`, collection)).status).toBe(201);
    expect((await h.call('POST', `${base}/zones/import?kind=sector&asOf=2026-06-11`, collection)).status).toBe(400);
  });
});

describe('deleting what the ground refers to', () => {
  it('refuses with 409 to delete a party holding an area, or a phase with withdrawal items, and deletes nothing', async () => {
    const { base, party, phase } = await withSectors();
    const area = (await h.call<ZoneView>('POST', `${base}/zones`, held(party.id, '2026-06-01', rect(34.05, 31.0, 0.1)))).body;
    const refused = await h.call<ErrorBody>('DELETE', `${base}/parties/${party.id}?version=1`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('still_referenced');
    await h.call('POST', `${base}/withdrawal-items`, { phaseId: phase.id, force: 'Division', deadline: '2026-06-30' });
    expect((await h.call<ErrorBody>('DELETE', `${base}/phases/${phase.id}?version=1`)).status).toBe(409);
    expect((await h.call('GET', `${base}/zones/${area.id}`)).status).toBe(200);
    expect((await h.call('GET', `${base}/phases/${phase.id}`)).status).toBe(200);
  });
});

describe('coverage', () => {
  it('answers how much of each sector a zone covers, and nothing more', async () => {
    const { base, party, west, east } = await withSectors();
    // Half of West's width, all of its height: 50 % of West, nothing of East.
    const area = (await h.call<ZoneView>('POST', `${base}/zones`, held(party.id, '2026-06-01', rect(34.05, 31.0, 0.05, 0.1)))).body;
    const res = await h.call<ZoneCoverageView>('GET', `${base}/zones/${area.id}/coverage`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['sectors', 'total', 'zone']);
    expect(res.body.zone).toEqual({ id: area.id, name: 'Northern pocket', areaKm2: expect.any(Number) as number });
    const [e, w] = res.body.sectors;
    expect([e!.id, w!.id]).toEqual([east.id, west.id]); // by name
    expect(w!.share).toBeCloseTo(0.5, 2);
    expect(e!.coveredKm2).toBeCloseTo(0, 6);
    expect(res.body.total.share).toBeCloseTo(0.25, 2);
    expect(res.body.total.areaKm2).toBeCloseTo(w!.areaKm2 + e!.areaKm2, 6);

    // Any zone may be measured, against any kind; a zone is not a target of itself.
    const byAreas = await h.call<ZoneCoverageView>('GET', `${base}/zones/${west.id}/coverage?kind=sector`);
    expect(byAreas.body.sectors.map((s) => s.name)).toEqual(['East']);
    expect((await h.call<ZoneCoverageView>('GET', `${base}/zones/${west.id}/coverage?kind=controlled_area`)).body.sectors[0]!.share).toBeCloseTo(1, 2);
    expect((await h.call('GET', `${base}/zones/${west.id}/coverage?kind=nope`)).status).toBe(400);
  });

  it("is 404 for another agreement's zone", async () => {
    const { base } = await withSectors();
    const other = await createAgreement(h);
    const zone = (await h.call<ZoneView>('POST', `/api/agreements/${other.slug}/zones`, { name: 'Elsewhere', kind: 'sector', geometry: rect(34, 31, 0.1) })).body;
    expect((await h.call('GET', `${base}/zones/${zone.id}/coverage`)).status).toBe(404);
  });
});

describe('areas over time', () => {
  it("gives each area's snapshots by date with its coverage per sector", async () => {
    const { base, party, west } = await withSectors();
    await h.call('POST', `${base}/zones`, held(party.id, '2026-06-08', rect(34.0, 31.0, 0.1, 0.1)));
    await h.call('POST', `${base}/zones`, held(party.id, '2026-06-01', rect(34.0, 31.0, 0.075, 0.1)));
    await h.call('POST', `${base}/zones`, held(party.id, '2026-06-01', rect(34.15, 31.0, 0.05, 0.1), 'Eastern pocket'));
    const res = await h.call<AreaHistoryView>('GET', `${base}/areas/history`);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('sector');
    expect(res.body.sectors.map((s) => s.name)).toEqual(['East', 'West']);
    expect(res.body.areas.map((a) => a.name)).toEqual(['Eastern pocket', 'Northern pocket']);
    const area = res.body.areas[1];
    expect(area!.partyId).toBe(party.id);
    expect(area!.series.map((p) => p.asOf)).toEqual(['2026-06-01', '2026-06-08']);
    const shareOfWest = (i: number) => area!.series[i]!.sectors.find((s) => s.id === west.id)!.share;
    expect(shareOfWest(0)).toBeCloseTo(0.75, 2);
    expect(shareOfWest(1)).toBeCloseTo(1, 2);
  });
});
