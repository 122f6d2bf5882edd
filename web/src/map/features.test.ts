// The map's sources and framing from the API's zones and incidents.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import type { IncidentView, ZoneView } from '../../../src/contract/index.ts';
import type { ZoneGeometry } from '../../../src/core/zones.ts';
import { incidentCollection, interiorPoint, labelPoint, unionBBox, zoneAttribution, zoneCollection } from './features.ts';
// The demo's OCHA governorates as test data only: the app itself never reads server files.
// eslint-disable-next-line no-restricted-imports
import governorates from '../../../src/server/demo/data/gaza_governorates.geojson?raw';

const zone = (overrides: Partial<ZoneView>): ZoneView => ({
  id: '00000000-0000-4000-8000-000000000001',
  agreementId: '00000000-0000-4000-8000-0000000000aa',
  name: 'Zone',
  kind: 'sector',
  description: '',
  geometry: { type: 'Point', coordinates: [34, 31] },
  properties: {},
  bbox: [34, 31, 34, 31],
  areaSqKm: 0,
  lengthKm: 0,
  partyId: null,
  asOf: null,
  version: 1,
  createdAt: '2026-06-01T00:00:00.000Z',
  updatedAt: '2026-06-01T00:00:00.000Z',
  ...overrides,
});

describe('labelPoint', () => {
  const inside = (p: [number, number] | null, g: ZoneGeometry) =>
    p !== null && booleanPointInPolygon(p, g as Parameters<typeof booleanPointInPolygon>[1]);
  const square: ZoneGeometry = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] };

  it('names an area in the middle of its widest stretch in view, away from the view’s edges', () => {
    expect(labelPoint(square, [-50, -50, 50, 50])).toEqual([5, 5]);
    // Zoomed in on the square's east half: the name moves into view.
    const p = labelPoint(square, [6, 2, 14, 8]);
    expect(inside(p, square)).toBe(true);
    expect(p![0]).toBeGreaterThan(6.8);
    expect(p![1]).toBeGreaterThan(2.6);
    expect(p![1]).toBeLessThan(7.4);
  });

  it('names a zone that fills the whole view, inside the view', () => {
    const p = labelPoint(square, [4, 4, 4.2, 4.1]);
    expect(p![0]).toBeGreaterThan(4);
    expect(p![0]).toBeLessThan(4.2);
    expect(p![1]).toBeGreaterThan(4);
    expect(p![1]).toBeLessThan(4.1);
  });

  it('finds a point inside a U-shape and inside each Gaza governorate, and none out of view or for lines and points', () => {
    const u: ZoneGeometry = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    expect(inside(labelPoint(u, [-1, -1, 4, 4]), u)).toBe(true);
    expect(inside(labelPoint(u, [-0.5, 1.5, 3.5, 3.5]), u)).toBe(true);
    const collection = JSON.parse(governorates) as { features: { properties: { adm2_name: string }; geometry: ZoneGeometry }[] };
    for (const f of collection.features) expect(inside(labelPoint(f.geometry, [33, 30, 36, 33]), f.geometry), f.properties.adm2_name).toBe(true);
    expect(labelPoint(square, [20, 20, 30, 30])).toBeNull();
    expect(labelPoint({ type: 'Point', coordinates: [1, 1] }, [0, 0, 2, 2])).toBeNull();
    expect(labelPoint({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }, [0, 0, 2, 2])).toBeNull();
  });
});

describe('interiorPoint', () => {
  it('falls inside each of the five Gaza governorates', () => {
    const collection = JSON.parse(governorates) as { features: { properties: { adm2_name: string }; geometry: ZoneGeometry }[] };
    expect(collection.features).toHaveLength(5);
    for (const f of collection.features) {
      const p = interiorPoint(f.geometry);
      expect(booleanPointInPolygon(p, f.geometry as Parameters<typeof booleanPointInPolygon>[1]), f.properties.adm2_name).toBe(true);
    }
  });

  it('falls inside a U-shaped area, whose box centre is outside', () => {
    const u: ZoneGeometry = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const p = interiorPoint(u);
    expect(booleanPointInPolygon(p, u as Parameters<typeof booleanPointInPolygon>[1])).toBe(true);
    expect(booleanPointInPolygon([1.5, 1.5], u as Parameters<typeof booleanPointInPolygon>[1])).toBe(false);
  });

  it('is the point of a point and a middle vertex of a line', () => {
    expect(interiorPoint({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2]);
    expect(interiorPoint({ type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 2]] })).toEqual([1, 1]);
  });
});

describe('sources', () => {
  it('numbers zone features for feature state and keeps the zone id', () => {
    const c = zoneCollection([zone({ name: 'A' }), zone({ id: '00000000-0000-4000-8000-000000000002', name: 'B', kind: 'checkpoint' })]);
    expect(c.features.map((f) => [f.id, f.properties])).toEqual([
      [0, { id: '00000000-0000-4000-8000-000000000001', name: 'A', kind: 'sector' }],
      [1, { id: '00000000-0000-4000-8000-000000000002', name: 'B', kind: 'checkpoint' }],
    ]);
  });

  it('leaves incidents without a point off the map', () => {
    const base = { id: 'i1', lon: 34.4, lat: 31.5, status: 'reported', category: 'shelling' } as IncidentView;
    const c = incidentCollection([base, { ...base, id: 'i2', lon: null, lat: null }]);
    expect(c.features).toHaveLength(1);
    expect(c.features[0]).toMatchObject({ geometry: { coordinates: [34.4, 31.5] }, properties: { id: 'i1', status: 'reported', category: 'shelling' } });
  });

  it('unites boxes, and has none for no zones', () => {
    expect(unionBBox([])).toBeNull();
    expect(unionBBox([[34, 31, 34.2, 31.3], [34.1, 30.9, 34.5, 31.1]])).toEqual([34, 30.9, 34.5, 31.3]);
  });

  it('credits OCHA only for zones that carry its P-codes', () => {
    expect(zoneAttribution([zone({})])).toBeNull();
    expect(zoneAttribution([zone({ properties: { adm2_pcode: 'PS0260' } })])).toMatch(/OCHA oPt \/ COD-AB.*CC BY-IGO/);
  });
});
