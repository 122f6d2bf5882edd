import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../zones.ts';
import { geodesicAreaSqKm } from './areas.ts';
import { areaHistory, intersectionAreaSqKm, unionAreas, zoneCoverage, type AreaSnapshot } from './coverage.ts';
import { cell, cellKm2, cellRing } from './test-shapes.ts';

const sector = (id: string, name: string, geometry: ZoneGeometry) => ({ id, name, geometry });

describe('zoneCoverage', () => {
  const west = sector('s-west', 'West', cell(0, 0, 1, 1));
  const east = sector('s-east', 'East', cell(1, 0, 2, 1));
  const far = sector('s-far', 'Far', cell(10, 10, 11, 11));

  it('covers half of a sector whose western half it holds, and none of a sector it does not reach', () => {
    const zone = { id: 'z', name: 'Held', geometry: cell(-1, 0, 0.5, 1) };
    const c = zoneCoverage(zone, [west, east, far]);
    expect(c.zone).toEqual({ id: 'z', name: 'Held', areaKm2: cellKm2(-1, 0, 0.5, 1) });
    const byId = Object.fromEntries(c.sectors.map((s) => [s.id, s]));
    expect(byId['s-west']!.areaKm2).toBeCloseTo(cellKm2(0, 0, 1, 1), 6);
    expect(byId['s-west']!.coveredKm2).toBeCloseTo(cellKm2(0, 0, 0.5, 1), 4);
    expect(byId['s-west']!.share).toBeCloseTo(0.5, 6);
    expect(byId['s-east']).toMatchObject({ coveredKm2: 0, share: 0 });
    expect(byId['s-far']).toMatchObject({ coveredKm2: 0, share: 0 });
  });

  it('returns exactly the documented shape, sectors sorted by name then id', () => {
    const twin = sector('a-twin', 'West', cell(0, 0, 1, 1));
    const c = zoneCoverage({ id: 'z', name: 'Held', geometry: cell(0, 0, 1, 1) }, [west, east, twin, far]);
    expect(c.sectors.map((s) => s.id)).toEqual(['s-east', 's-far', 'a-twin', 's-west']);
    expect(Object.keys(c)).toEqual(['zone', 'sectors', 'total']);
    expect(Object.keys(c.sectors[0]!)).toEqual(['id', 'name', 'areaKm2', 'coveredKm2', 'share']);
    expect(Object.keys(c.total)).toEqual(['areaKm2', 'coveredKm2', 'share']);
  });

  it('covers all of a sector it contains, never more than the sector (share exactly 1 at most)', () => {
    const c = zoneCoverage({ id: 'z', name: 'Big', geometry: cell(-5, -5, 5, 5) }, [west, east]);
    for (const s of c.sectors) {
      expect(s.coveredKm2).toBeLessThanOrEqual(s.areaKm2);
      expect(s.share).toBeLessThanOrEqual(1);
      expect(s.share).toBeCloseTo(1, 9);
    }
    // The zone equal to the sector: clipping the sector by itself.
    const same = zoneCoverage({ id: 'z', name: 'Same', geometry: cell(0, 0, 1, 1) }, [west]);
    expect(same.sectors[0]!.coveredKm2).toBeLessThanOrEqual(same.sectors[0]!.areaKm2);
    expect(same.sectors[0]!.share).toBeCloseTo(1, 9);
  });

  it('counts a zone inside a sector at its own area', () => {
    const c = zoneCoverage({ id: 'z', name: 'Pocket', geometry: cell(0.2, 0.2, 0.4, 0.6) }, [west]);
    expect(c.sectors[0]!.coveredKm2).toBeCloseTo(cellKm2(0.2, 0.2, 0.4, 0.6), 4);
    expect(c.sectors[0]!.share).toBeCloseTo(cellKm2(0.2, 0.2, 0.4, 0.6) / cellKm2(0, 0, 1, 1), 6);
    expect(c.sectors[0]!.share).toBeCloseTo(0.08, 3);
  });

  it('adds the parts of a MultiPolygon zone and sums the sectors in the total', () => {
    const zone = {
      id: 'z',
      name: 'Two pockets',
      geometry: { type: 'MultiPolygon' as const, coordinates: [[cellRing(0, 0, 0.5, 1)], [cellRing(1.5, 0, 2.5, 1)]] },
    };
    const c = zoneCoverage(zone, [west, east]);
    const [e, w] = c.sectors;
    expect(e!.share).toBeCloseTo(0.5, 6);
    expect(w!.share).toBeCloseTo(0.5, 6);
    expect(c.total.areaKm2).toBeCloseTo(2 * cellKm2(0, 0, 1, 1), 4);
    expect(c.total.coveredKm2).toBeCloseTo(e!.coveredKm2 + w!.coveredKm2, 9);
    expect(c.total.share).toBeCloseTo(0.5, 6);
    expect(c.zone.areaKm2).toBeCloseTo(cellKm2(0, 0, 0.5, 1) + cellKm2(1.5, 0, 2.5, 1), 6);
  });

  it('leaves out the hole of a zone', () => {
    const donut = { type: 'Polygon' as const, coordinates: [cellRing(0, 0, 1, 1), cellRing(0.25, 0.25, 0.75, 0.75).reverse()] };
    const c = zoneCoverage({ id: 'z', name: 'Donut', geometry: donut }, [west]);
    expect(c.sectors[0]!.coveredKm2).toBeCloseTo(cellKm2(0, 0, 1, 1) - cellKm2(0.25, 0.25, 0.75, 0.75), 3);
    expect(c.sectors[0]!.share).toBeCloseTo(0.75, 3);
  });

  it('covers nothing with a zone that only touches a sector along its edge', () => {
    const c = zoneCoverage({ id: 'z', name: 'Neighbour', geometry: cell(-1, 0, 0, 1) }, [west]);
    expect(c.sectors[0]!.coveredKm2).toBe(0);
  });

  it('covers nothing with a point or a line, and gives a sector without area a share of 0', () => {
    const point = zoneCoverage({ id: 'p', name: 'Checkpoint', geometry: { type: 'Point', coordinates: [0.5, 0.5] } }, [west]);
    expect(point.zone.areaKm2).toBe(0);
    expect(point.sectors[0]).toMatchObject({ coveredKm2: 0, share: 0 });
    expect(point.total).toMatchObject({ coveredKm2: 0, share: 0 });
    const line = sector('l', 'Line', { type: 'LineString', coordinates: [[0, 0], [1, 1]] });
    const c = zoneCoverage({ id: 'z', name: 'Held', geometry: cell(0, 0, 1, 1) }, [line]);
    expect(c.sectors[0]).toEqual({ id: 'l', name: 'Line', areaKm2: 0, coveredKm2: 0, share: 0 });
    expect(c.total).toEqual({ areaKm2: 0, coveredKm2: 0, share: 0 });
  });

  it('gives no sector and zero totals without sectors', () => {
    expect(zoneCoverage({ id: 'z', name: 'Held', geometry: cell(0, 0, 1, 1) }, [])).toMatchObject({ sectors: [], total: { areaKm2: 0, coveredKm2: 0, share: 0 } });
  });

  it('keeps Arabic names and sorts them', () => {
    const c = zoneCoverage({ id: 'z', name: 'منطقة', geometry: cell(0, 0, 2, 1) }, [sector('2', 'غزة', cell(0, 0, 1, 1)), sector('1', 'خان يونس', cell(1, 0, 2, 1))]);
    expect(c.zone.name).toBe('منطقة');
    expect(c.sectors.map((s) => s.name)).toEqual(['خان يونس', 'غزة']);
    expect(c.total.share).toBeCloseTo(1, 9);
  });

  it('ignores altitudes', () => {
    const high = { type: 'Polygon' as const, coordinates: [cellRing(0, 0, 0.5, 1).map(([x, y]) => [x!, y!, 120])] };
    expect(zoneCoverage({ id: 'z', name: 'High', geometry: high }, [west]).sectors[0]!.share).toBeCloseTo(0.5, 6);
  });
});

describe('unionAreas and intersectionAreaSqKm', () => {
  it('counts the overlap of two polygons once', () => {
    const u = unionAreas([cell(0, 0, 1, 1), cell(0.5, 0, 1.5, 1)]);
    expect(u?.type).toBe('Polygon');
    expect(geodesicAreaSqKm(u!)).toBeCloseTo(cellKm2(0, 0, 1.5, 1), 4);
  });

  it('keeps disjoint polygons as a MultiPolygon, leaves out points and lines, and is null without an area', () => {
    const u = unionAreas([cell(0, 0, 1, 1), { type: 'Point', coordinates: [5, 5] }, cell(3, 0, 4, 1)]);
    expect(u?.type).toBe('MultiPolygon');
    expect(geodesicAreaSqKm(u!)).toBeCloseTo(2 * cellKm2(0, 0, 1, 1), 4);
    expect(unionAreas([{ type: 'LineString', coordinates: [[0, 0], [1, 1]] }])).toBeNull();
    expect(unionAreas([])).toBeNull();
  });

  it('measures an intersection, 0 when the shapes are apart or one has no inside', () => {
    expect(intersectionAreaSqKm(cell(0, 0, 2, 2), cell(1, 1, 3, 3))).toBeCloseTo(cellKm2(1, 1, 2, 2), 4);
    expect(intersectionAreaSqKm(cell(0, 0, 1, 1), cell(2, 2, 3, 3))).toBe(0);
    // Boxes that meet, shapes that do not: an L-shaped corner and a cell in its notch.
    const ell = { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] };
    expect(intersectionAreaSqKm(ell, cell(1.2, 1.2, 1.8, 1.8))).toBe(0);
    expect(intersectionAreaSqKm(cell(0, 0, 1, 1), { type: 'Point', coordinates: [0.5, 0.5] })).toBe(0);
  });
});

describe('areaHistory', () => {
  const sectors = [sector('s1', 'North', cell(0, 1, 2, 2)), sector('s2', 'South', cell(0, 0, 2, 1))];
  const snap = (id: string, asOf: string, geometry: ZoneGeometry, partyId: string | null = 'p1', name = 'Ridge'): AreaSnapshot => ({ id, name, partyId, asOf, geometry });

  it('unions overlapping snapshots of one date before measuring, so that the overlap counts once', () => {
    const [h] = areaHistory([snap('a', '2026-06-01', cell(0, 0, 1, 1)), snap('b', '2026-06-01', cell(0.5, 0, 1.5, 1))], sectors);
    expect(h!.series).toHaveLength(1);
    const point = h!.series[0]!;
    expect(point.snapshotIds).toEqual(['a', 'b']);
    const south = point.sectors.find((s) => s.id === 's2')!;
    // Summed, the two snapshots would be two whole cells of 1°: the union is 1.5°.
    expect(south.coveredKm2).toBeCloseTo(cellKm2(0, 0, 1.5, 1), 3);
    expect(south.share).toBeCloseTo(0.75, 6);
    expect(point.sectors.find((s) => s.id === 's1')).toEqual({ id: 's1', name: 'North', coveredKm2: 0, share: 0 });
    expect(point.totalKm2).toBeCloseTo(cellKm2(0, 0, 1.5, 1), 3);
    expect(point.coveredKm2).toBeCloseTo(south.coveredKm2, 9);
  });

  it('gives one series per area and party, points sorted by date', () => {
    const history = areaHistory(
      [
        snap('c', '2026-06-10', cell(0, 0, 2, 2)),
        snap('a', '2026-06-01', cell(0, 0, 1, 1)),
        snap('x', '2026-06-05', cell(0, 0, 2, 1), 'p2'),
        snap('n', '2026-06-05', cell(0, 0, 0.5, 0.5), null),
        snap('v', '2026-06-05', cell(1, 1, 2, 2), 'p1', 'Valley'),
      ],
      sectors,
    );
    expect(history.map((h) => [h.name, h.partyId])).toEqual([
      ['Ridge', 'p1'],
      ['Ridge', 'p2'],
      ['Ridge', null],
      ['Valley', 'p1'],
    ]);
    const ridge = history[0]!;
    expect(ridge.series.map((p) => p.asOf)).toEqual(['2026-06-01', '2026-06-10']);
    expect(ridge.series[0]!.sectors.map((s) => s.share.toFixed(3))).toEqual(['0.000', '0.500']);
    expect(ridge.series[1]!.sectors.map((s) => s.share.toFixed(3))).toEqual(['1.000', '1.000']);
    expect(ridge.series[1]!.coveredKm2).toBeCloseTo(cellKm2(0, 0, 2, 2), 3);
  });

  it('counts area held outside every sector in totalKm2 only', () => {
    const [h] = areaHistory([snap('a', '2026-06-01', cell(1, 0, 3, 1))], sectors);
    expect(h!.series[0]!.totalKm2).toBeCloseTo(cellKm2(1, 0, 3, 1), 3);
    expect(h!.series[0]!.coveredKm2).toBeCloseTo(cellKm2(1, 0, 2, 1), 3);
  });

  it('holds nothing on a date whose only snapshot is a point', () => {
    const [h] = areaHistory([snap('a', '2026-06-01', { type: 'Point', coordinates: [0.5, 0.5] })], sectors);
    expect(h!.series[0]).toMatchObject({ totalKm2: 0, coveredKm2: 0 });
    expect(h!.series[0]!.sectors.every((s) => s.coveredKm2 === 0 && s.share === 0)).toBe(true);
    expect(areaHistory([], sectors)).toEqual([]);
  });
});

describe('coverage of the demo governorates', () => {
  const collection = JSON.parse(readFileSync(new URL('../../server/demo/data/gaza_governorates.geojson', import.meta.url), 'utf8')) as {
    features: Array<{ properties: { adm2_name: string }; geometry: ZoneGeometry }>;
  };
  const governorates = collection.features.map((f, i) => sector(`g${i}`, f.properties.adm2_name, f.geometry));

  it('covers each governorate whole by their union, and a governorate covers itself and next to nothing else', () => {
    const all = unionAreas(governorates.map((g) => g.geometry))!;
    const c = zoneCoverage({ id: 'all', name: 'Gaza Strip', geometry: all }, governorates);
    for (const s of c.sectors) expect(s.share, s.name).toBeGreaterThan(0.999);
    expect(c.total.share).toBeGreaterThan(0.999);
    const one = zoneCoverage(governorates[0]!, governorates);
    const self = one.sectors.find((s) => s.id === 'g0')!;
    expect(self.share).toBeGreaterThan(0.999);
    for (const s of one.sectors.filter((x) => x.id !== 'g0')) expect(s.share, s.name).toBeLessThan(0.01);
  });
});
