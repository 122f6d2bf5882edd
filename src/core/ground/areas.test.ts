import { describe, expect, it } from 'vitest';
import { geometryAreaSqKm } from '../zones.ts';
import { geodesicAreaSqKm, geodesicLengthKm } from './areas.ts';
import { cell, cellKm2, cellRing, R_KM } from './test-shapes.ts';

describe('geodesicAreaSqKm', () => {
  it('gives a 1° × 1° cell at the equator its spherical area, about 12,364 km²', () => {
    const km2 = geodesicAreaSqKm(cell(0, 0, 1, 1));
    expect(km2).toBeCloseTo(cellKm2(0, 0, 1, 1), 6);
    expect(km2).toBeCloseTo(12_363.7, 0);
    // On the WGS84 ellipsoid the cell is 12,309 km²: the sphere is within half a percent of it.
    expect(Math.abs(km2 - 12_308.8) / 12_308.8).toBeLessThan(0.005);
  });

  it('shrinks a cell with latitude', () => {
    const km2 = geodesicAreaSqKm(cell(34, 31, 35, 32));
    expect(km2).toBeCloseTo(cellKm2(34, 31, 35, 32), 6);
    expect(km2).toBeLessThan(geodesicAreaSqKm(cell(34, 0, 35, 1)) * 0.87);
  });

  it('takes the holes out of a polygon', () => {
    const donut = { type: 'Polygon' as const, coordinates: [cellRing(0, 0, 2, 2), cellRing(0.5, 0.5, 1.5, 1.5).reverse()] };
    expect(geodesicAreaSqKm(donut)).toBeCloseTo(cellKm2(0, 0, 2, 2) - cellKm2(0.5, 0.5, 1.5, 1.5), 6);
  });

  it('adds up the polygons of a MultiPolygon', () => {
    const two = { type: 'MultiPolygon' as const, coordinates: [[cellRing(0, 0, 1, 1)], [cellRing(10, 10, 11, 12)]] };
    expect(geodesicAreaSqKm(two)).toBeCloseTo(cellKm2(0, 0, 1, 1) + cellKm2(10, 10, 11, 12), 6);
  });

  it('does not depend on the direction of the ring', () => {
    const clockwise = { type: 'Polygon' as const, coordinates: [cellRing(0, 0, 1, 1).reverse()] };
    expect(geodesicAreaSqKm(clockwise)).toBeCloseTo(cellKm2(0, 0, 1, 1), 6);
  });

  it('is 0 for points and lines', () => {
    expect(geodesicAreaSqKm({ type: 'Point', coordinates: [34.4, 31.5] })).toBe(0);
    expect(geodesicAreaSqKm({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toBe(0);
    expect(geodesicAreaSqKm({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] })).toBe(0);
  });

  it('is what zones.geometryAreaSqKm gives', () => {
    const g = cell(34.2, 31.2, 34.6, 31.6);
    expect(geometryAreaSqKm(g)).toBe(geodesicAreaSqKm(g));
    expect(geometryAreaSqKm({ type: 'Point', coordinates: [0, 0] })).toBe(0);
  });
});

describe('geodesicLengthKm', () => {
  const degreeKm = (R_KM * Math.PI) / 180;

  it('measures a line along the equator: 1° is 111.195 km', () => {
    expect(geodesicLengthKm({ type: 'LineString', coordinates: [[0, 0], [1, 0]] })).toBeCloseTo(degreeKm, 6);
    expect(degreeKm).toBeCloseTo(111.195, 3);
  });

  it('adds up the segments of a line and the lines of a MultiLineString', () => {
    expect(geodesicLengthKm({ type: 'LineString', coordinates: [[0, 0], [0, 1], [0, 3]] })).toBeCloseTo(3 * degreeKm, 6);
    const two = { type: 'MultiLineString' as const, coordinates: [[[0, 0], [2, 0]], [[10, 0], [10, 1]]] };
    expect(geodesicLengthKm(two)).toBeCloseTo(3 * degreeKm, 6);
  });

  it('is 0 for points and polygons (a perimeter is not a length)', () => {
    expect(geodesicLengthKm({ type: 'Point', coordinates: [0, 0] })).toBe(0);
    expect(geodesicLengthKm(cell(0, 0, 1, 1))).toBe(0);
    expect(geodesicLengthKm({ type: 'MultiPolygon', coordinates: [[cellRing(0, 0, 1, 1)]] })).toBe(0);
  });
});
