import { describe, expect, it } from 'vitest';
import type { ZoneView } from '../../contract/index.ts';
import { createAgreement, harnessForFile } from '../test/harness.ts';
import { GAZA_COLLECTION, type ErrorBody } from '../test/incident-setup.ts';

const h = harnessForFile();

async function agreement() {
  const a = await createAgreement(h, { timeZone: 'Asia/Gaza' });
  return `/api/agreements/${a.slug}`;
}

const square = (lon: number, lat: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});

describe('drawing zones', () => {
  it('stores a geometry with its box and area, and recomputes them when it changes', async () => {
    const base = await agreement();
    const res = await h.call<ZoneView>('POST', `${base}/zones`, { name: 'Netzarim corridor', kind: 'urban_corridor', geometry: square(34.4, 31.45) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ bbox: [34.4, 31.45, 34.41, 31.46], description: '', properties: {} });
    expect(res.body.areaSqKm).toBeCloseTo(1.05, 1); // 1.11 km by 0.95 km at 31.45° N
    const moved = await h.call<ZoneView>('PATCH', `${base}/zones/${res.body.id}`, { version: 1, geometry: square(34.3, 31.3, 0.02) });
    expect(moved.body).toMatchObject({ bbox: [34.3, 31.3, 34.32, 31.32], name: 'Netzarim corridor', version: 2 });
    const line = await h.call<ZoneView>('POST', `${base}/zones`, { name: 'Line', kind: 'withdrawal_line', geometry: { type: 'LineString', coordinates: [[34.3, 31.3], [34.5, 31.5]] } });
    expect(line.body.areaSqKm).toBe(0);
  });

  it('refuses an invalid geometry with 422 naming the problem, and a non-geometry with 400', async () => {
    const base = await agreement();
    const open = await h.call<ErrorBody>('POST', `${base}/zones`, { name: 'Open', kind: 'sector', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } });
    expect(open.status).toBe(422);
    expect(open.body.error.details.issues).toEqual([{ path: 'geometry.coordinates.0', message: 'the ring is not closed: its last position must equal its first' }]);
    const swapped = await h.call<ErrorBody>('POST', `${base}/zones`, { name: 'Swapped', kind: 'checkpoint', geometry: { type: 'Point', coordinates: [31.5, 134.4] } });
    expect(swapped.status).toBe(422);
    expect((await h.call('POST', `${base}/zones`, { name: 'X', kind: 'sector', geometry: { type: 'Circle', coordinates: [] } })).status).toBe(400);
    expect((await h.call<{ items: unknown[] }>('GET', `${base}/zones`)).body.items).toEqual([]);
  });

  it('is refused to monitors and delegates', async () => {
    const base = await agreement();
    const slug = base.split('/').pop()!;
    const monitor = await h.userWith('monitor', slug);
    expect((await h.as(monitor.token)('POST', `${base}/zones`, { name: 'Z', kind: 'sector', geometry: square(34.4, 31.4) })).status).toBe(403);
  });
});

describe('importing a FeatureCollection', () => {
  it('imports the Gaza governorates as sectors, lists them and serves them as GeoJSON', async () => {
    const base = await agreement();
    const res = await h.call<{ created: number; items: ZoneView[] }>('POST', `${base}/zones/import?kind=sector&nameProperty=adm2_name`, GAZA_COLLECTION);
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(5);
    const list = await h.call<{ items: ZoneView[] }>('GET', `${base}/zones?kind=sector&bbox=34.2,31.2,34.3,31.3`);
    expect(list.body.items.map((z) => z.name).sort()).toEqual(['Khan Younis', 'Rafah']);
    const geo = await h.call<{ type: string; features: Array<{ properties: { name: string }; geometry: { type: string } }> }>('GET', `${base}/zones/geojson`);
    expect(geo.body.type).toBe('FeatureCollection');
    expect(geo.body.features.map((f) => f.geometry.type)).toEqual(Array(5).fill('Polygon'));
    // A second import of the same names is refused whole.
    const again = await h.call<ErrorBody>('POST', `${base}/zones/import?kind=sector&nameProperty=adm2_name`, GAZA_COLLECTION);
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/"North Gaza" \(features\[0\]\) properties: a sector named "North Gaza" already exists/);
  });

  it('is all or nothing: one bad feature refuses the import, naming it, and writes nothing', async () => {
    const base = await agreement();
    const features = [
      ...GAZA_COLLECTION.features,
      { type: 'Feature', properties: { adm2_name: 'Broken' }, geometry: { type: 'Polygon', coordinates: [[[34.4, 31.4], [34.5, 31.4], [34.5, 31.5], [34.4, 31.5]]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [34.4, 31.4] } },
    ];
    const res = await h.call<ErrorBody>('POST', `${base}/zones/import?kind=sector&nameProperty=adm2_name`, { type: 'FeatureCollection', features });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/^No zone was imported\. "Broken" \(features\[5\]\) geometry\.coordinates\.0: the ring is not closed/);
    expect(res.body.error.details.issues).toEqual([
      expect.objectContaining({ feature: 5, name: 'Broken', path: 'features.5.geometry.coordinates.0' }),
      expect.objectContaining({ feature: 6, name: null, message: 'has no name: set properties.adm2_name' }),
    ]);
    expect((await h.call<{ items: unknown[] }>('GET', `${base}/zones`)).body.items).toEqual([]);
  });

  it('refuses a body that is not a FeatureCollection, or has unknown members', async () => {
    const base = await agreement();
    expect((await h.call('POST', `${base}/zones/import?kind=sector`, { type: 'Feature', features: [] })).status).toBe(400);
    expect((await h.call('POST', `${base}/zones/import?kind=sector`, { ...GAZA_COLLECTION, extra: 1 })).status).toBe(400);
    expect((await h.call('POST', `${base}/zones/import`, GAZA_COLLECTION)).status).toBe(400);
  });
});
