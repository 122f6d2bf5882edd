import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkGeometry,
  geometryAreaSqKm,
  geometryBBox,
  MAX_POSITIONS_PER_FEATURE,
  featureLabel,
  validateFeatureCollection,
  zoneAssigner,
  type AssignableZone,
  type ZoneGeometry,
} from './zones.ts';

const square = (x0: number, y0: number, size: number): ZoneGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
});

const feature = (name: string | null, geometry: unknown) => ({
  type: 'Feature',
  properties: name === null ? {} : { name },
  geometry,
});

const zone = (id: string, geometry: ZoneGeometry, name = id): AssignableZone => ({
  id,
  name,
  geometry,
  bbox: geometryBBox(geometry),
  areaSqKm: geometryAreaSqKm(geometry),
});

describe('checkGeometry', () => {
  it('accepts the five geometry types of zones', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [34.45, 31.5] })).toEqual([]);
    expect(checkGeometry({ type: 'LineString', coordinates: [[34.4, 31.4], [34.5, 31.5]] })).toEqual([]);
    expect(checkGeometry({ type: 'MultiLineString', coordinates: [[[34.4, 31.4], [34.5, 31.5]]] })).toEqual([]);
    expect(checkGeometry(square(34.4, 31.4, 0.1))).toEqual([]);
    expect(checkGeometry({ type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates, square(5, 5, 1).coordinates] })).toEqual([]);
    // RFC 7946 allows an altitude as a third element.
    expect(checkGeometry({ type: 'Point', coordinates: [34.45, 31.5, 12] })).toEqual([]);
  });

  it('refuses other types, swapped or out-of-range positions, short lines and open rings', () => {
    expect(checkGeometry({ type: 'GeometryCollection', geometries: [] })[0]!.path).toBe('type');
    expect(checkGeometry({ type: 'Point', coordinates: [31.5, 200] })).toEqual([
      { path: 'coordinates', message: 'latitude 200 is outside -90..90 (positions are [lon, lat])' },
    ]);
    expect(checkGeometry({ type: 'Point', coordinates: ['34', 31] })[0]!.message).toMatch(/finite numbers/);
    expect(checkGeometry({ type: 'LineString', coordinates: [[0, 0]] })[0]!.message).toMatch(/at least 2 positions/);
    expect(checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })).toEqual([
      { path: 'coordinates.0', message: 'the ring is not closed: its last position must equal its first' },
    ]);
    expect(checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })[0]!.message).toMatch(/at least 4 positions/);
    expect(checkGeometry({ type: 'Polygon', coordinates: [] })[0]!.message).toMatch(/outer ring/);
  });

  it('refuses a ring that crosses itself (a bow tie) and one that touches itself', () => {
    const bowTie = { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    expect(checkGeometry(bowTie)).toEqual([{ path: 'coordinates.0', message: expect.stringMatching(/crosses itself/) }]);
    const pinched = { type: 'Polygon', coordinates: [[[1, 0], [2, 2], [0, 2], [0, 0], [2, 0], [1, 0]]] };
    expect(checkGeometry(pinched)[0]!.message).toMatch(/not a valid geometry/);
  });

  it('bounds the number of positions', () => {
    const ring = Array.from({ length: MAX_POSITIONS_PER_FEATURE + 1 }, (_, i) => [i / 1e5, 0]);
    expect(checkGeometry({ type: 'LineString', coordinates: ring })[0]!.message).toMatch(/simplify/);
  });
});

describe('validateFeatureCollection', () => {
  it('returns the features with their names and properties', () => {
    const result = validateFeatureCollection({ type: 'FeatureCollection', features: [feature('Rafah crossing', { type: 'Point', coordinates: [34.24, 31.25] })] });
    expect(result.issues).toEqual([]);
    expect(result.features).toEqual([
      { index: 0, name: 'Rafah crossing', geometry: { type: 'Point', coordinates: [34.24, 31.25] }, properties: { name: 'Rafah crossing' } },
    ]);
  });

  it('names each bad feature by its name, or by its index when it has none', () => {
    const result = validateFeatureCollection({
      type: 'FeatureCollection',
      features: [
        feature('Good', square(0, 0, 1)),
        feature('Open ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }),
        feature(null, { type: 'Point', coordinates: [0, 0] }),
        { type: 'Point', coordinates: [0, 0] },
        feature('Good', { type: 'Point', coordinates: [1, 1] }),
      ],
    });
    expect(result.features).toEqual([]);
    expect(result.issues).toEqual([
      { feature: 1, name: 'Open ring', path: 'geometry.coordinates.0', message: expect.stringMatching(/not closed/) },
      { feature: 2, name: null, path: 'properties.name', message: 'has no name: set properties.name' },
      { feature: 3, name: null, path: '', message: 'must be a GeoJSON Feature' },
      { feature: 4, name: 'Good', path: 'properties.name', message: 'has the same name as features[0]' },
    ]);
  });

  it('takes the name from another property when told, and refuses what is not a collection', () => {
    const result = validateFeatureCollection(
      { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { adm2_name: 'Gaza' }, geometry: square(0, 0, 1) }] },
      { nameProperty: 'adm2_name' },
    );
    expect(result.features.map((f) => f.name)).toEqual(['Gaza']);
    expect(validateFeatureCollection({ type: 'Feature' }).issues[0]!.message).toMatch(/FeatureCollection/);
    expect(validateFeatureCollection([]).issues).toHaveLength(1);
    expect(featureLabel(validateFeatureCollection([]).issues[0]!)).toBe('The document');
    expect(featureLabel({ feature: 2, name: null })).toBe('features[2]');
    expect(featureLabel({ feature: 0, name: 'Rafah' })).toBe('"Rafah" (features[0])');
  });
});

describe('zone assignment', () => {
  const west = zone('west', square(0, 0, 1));
  const east = zone('east', square(1, 0, 1));
  const checkpoint = zone('checkpoint', square(0.4, 0.4, 0.2));
  const line = zone('line', { type: 'LineString', coordinates: [[0, 0], [2, 1]] });
  const assign = zoneAssigner([west, east, checkpoint, line]);

  it('puts a point in the polygon that contains it', () => {
    expect(assign(0.2, 0.2)).toBe('west');
    expect(assign(1.7, 0.5)).toBe('east');
  });

  it('gives the smallest of several containing zones', () => {
    expect(assign(0.5, 0.5)).toBe('checkpoint');
  });

  it('counts a point on a boundary as inside, and a shared border goes to the smaller zone or the first name', () => {
    expect(assign(0, 0.5)).toBe('west');
    // Equal areas: the name that sorts first.
    expect(assign(1, 0.5)).toBe('east');
    const smaller = zoneAssigner([zone('big', square(1, 0, 1)), zone('small', square(0.5, 0, 0.5))]);
    expect(smaller(1, 0.25)).toBe('small');
  });

  it('gives null outside every zone, and never a point or a line', () => {
    expect(assign(5, 5)).toBeNull();
    expect(assign(-0.0001, 0.5)).toBeNull();
    expect(zoneAssigner([line])(1, 0.5)).toBeNull();
  });

  it('never assigns a point to a controlled area, however small: it goes to the sector under it', () => {
    const held = { ...zone('held', square(0, 0, 0.25)), kind: 'controlled_area' as const };
    const sector = { ...zone('sector', square(0, 0, 1)), kind: 'sector' as const };
    expect(zoneAssigner([held, sector])(0.1, 0.1)).toBe('sector');
    expect(zoneAssigner([held])(0.1, 0.1)).toBeNull();
  });

  it('respects holes', () => {
    const outer = square(0, 0, 4).coordinates as number[][][];
    const hole = square(1, 1, 2).coordinates as number[][][];
    const ring = zone('ring', { type: 'Polygon', coordinates: [outer[0]!, hole[0]!] });
    expect(zoneAssigner([ring])(2, 2)).toBeNull();
    expect(zoneAssigner([ring])(0.5, 0.5)).toBe('ring');
  });
});

describe('the Gaza governorates (OCHA COD-AB)', () => {
  const collection = JSON.parse(readFileSync(new URL('../server/demo/data/gaza_governorates.geojson', import.meta.url), 'utf8')) as {
    features: Array<{ properties: { adm2_name: string; area_sqkm: number } }>;
  };
  const { features, issues } = validateFeatureCollection(collection, { nameProperty: 'adm2_name' });

  it('are five valid polygons whose areas match the published ones within 0.5%', () => {
    expect(issues).toEqual([]);
    expect(features.map((f) => f.name)).toEqual(['North Gaza', 'Gaza', 'Deir Al-Balah', 'Khan Younis', 'Rafah']);
    for (const f of features) {
      const published = Number(f.properties.area_sqkm);
      expect(Math.abs(geometryAreaSqKm(f.geometry) - published) / published, f.name).toBeLessThan(0.005);
    }
  });

  it('place known towns in their governorate and the sea in none', () => {
    const assign = zoneAssigner(features.map((f) => zone(f.name, f.geometry)));
    expect(assign(34.4667, 31.5)).toBe('Gaza'); // Gaza City
    expect(assign(34.4948, 31.5328)).toBe('North Gaza'); // Jabalia
    expect(assign(34.35, 31.417)).toBe('Deir Al-Balah');
    expect(assign(34.3063, 31.3462)).toBe('Khan Younis');
    expect(assign(34.2506, 31.2969)).toBe('Rafah');
    expect(assign(34.2, 31.5)).toBeNull(); // Mediterranean
  });
});
