/**
 * What the map shows, as pure functions of the API's answers: zones and incidents as GeoJSON
 * sources, the box to fit, a point inside a zone (for its marker and for tests), where to write a
 * zone's name in the view, and the credit the zones' data needs.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { IncidentView, ZoneView } from '../../../src/contract/index.ts';
import type { BBox, Position, ZoneGeometry } from '../../../src/core/zones.ts';

/** The zones as a source: each feature's id is its index (maplibre's feature state needs numbers), the zone id in the properties. */
export function zoneCollection(zones: readonly ZoneView[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: zones.map((z, i) => ({
      type: 'Feature',
      id: i,
      properties: { id: z.id, name: z.name, kind: z.kind },
      geometry: z.geometry as Feature['geometry'],
    })),
  };
}

/** The incidents that have a point, with the few properties the map's layers use. */
export function incidentCollection(incidents: readonly IncidentView[]): FeatureCollection {
  const features: Feature[] = [];
  for (const i of incidents) {
    if (i.lon === null || i.lat === null) continue;
    features.push({
      type: 'Feature',
      properties: { id: i.id, status: i.status, category: i.category },
      geometry: { type: 'Point', coordinates: [i.lon, i.lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The box around all the given boxes, or null when there are none. */
export function unionBBox(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<BBox>(
    (acc, b) => [Math.min(acc[0], b[0]), Math.min(acc[1], b[1]), Math.max(acc[2], b[2]), Math.max(acc[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

const outerRings = (g: ZoneGeometry): Position[][] =>
  g.type === 'Polygon' ? [g.coordinates[0] ?? []] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0] ?? []) : [];

/** Crossings of the horizontal line at `lat` with a ring's edges, as longitudes. */
function crossings(ring: readonly Position[], lat: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    if (y1 > lat !== y2 > lat) xs.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
  }
  return xs.sort((a, b) => a - b);
}

/**
 * A point inside the zone: for areas, the middle of the widest inside stretch of the line through
 * the middle latitude of its largest ring's box (inside even when the shape is concave, holes
 * aside); the middle vertex of a line; a point itself.
 */
export function interiorPoint(geometry: ZoneGeometry): [number, number] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates[0]!, geometry.coordinates[1]!];
    case 'LineString':
    case 'MultiLineString': {
      const line = geometry.type === 'LineString' ? geometry.coordinates : (geometry.coordinates[0] ?? []);
      const p = line[Math.floor((line.length - 1) / 2)] ?? [0, 0];
      return [p[0]!, p[1]!];
    }
    default: {
      let best: { width: number; point: [number, number] } | null = null;
      for (const ring of outerRings(geometry)) {
        const lats = ring.map((p) => p[1]!);
        const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
        const xs = crossings(ring, lat);
        for (let i = 0; i + 1 < xs.length; i += 2) {
          const width = xs[i + 1]! - xs[i]!;
          if (!best || width > best.width) best = { width, point: [(xs[i]! + xs[i + 1]!) / 2, lat] };
        }
      }
      return best?.point ?? [0, 0];
    }
  }
}

/**
 * Where to write an area zone's name in the current view: the middle of the widest stretch of the
 * zone on one of a few horizontal lines across the part of it in view (kept off the view's edges),
 * so that a zone filling the screen at close zoom is still named. Null when none of it is in view,
 * and for lines and points.
 */
export function labelPoint(geometry: ZoneGeometry, view: BBox): [number, number] | null {
  const rings = outerRings(geometry);
  if (rings.length === 0) return null;
  // A tenth of the view on each side stays free, so that a label is not cut by the map's edge.
  const [west, south, east, north] = view;
  const dx = (east - west) / 10;
  const dy = (north - south) / 10;
  const [w, s, e, n] = [west + dx, south + dy, east - dx, north - dy];
  let best: { width: number; point: [number, number] } | null = null;
  for (const ring of rings) {
    const lats = ring.map((p) => p[1]!);
    const low = Math.max(Math.min(...lats), s);
    const high = Math.min(Math.max(...lats), n);
    if (low > high) continue;
    for (const share of [0.5, 0.3, 0.7, 0.15, 0.85]) {
      const lat = low + (high - low) * share;
      const xs = crossings(ring, lat);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const from = Math.max(xs[i]!, w);
        const to = Math.min(xs[i + 1]!, e);
        if (to > from && (!best || to - from > best.width)) best = { width: to - from, point: [(from + to) / 2, lat] };
      }
    }
  }
  return best?.point ?? null;
}

/** The credit the zones need: OCHA's COD-AB boundaries carry its P-codes ("adm2_pcode"). */
export function zoneAttribution(zones: readonly ZoneView[]): string | null {
  const ocha = zones.some((z) => typeof z.properties.adm2_pcode === 'string' || typeof z.properties.adm1_pcode === 'string');
  return ocha ? 'Boundaries: OCHA oPt / COD-AB (CC BY-IGO)' : null;
}
