/**
 * Zones and features of an agreement on the map (RFC 7946 GeoJSON, [lon, lat] positions): their
 * kinds, the checks an imported or drawn geometry must pass, its bounding box and area, and the
 * assignment of a point to the zone that contains it.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanValid } from '@turf/boolean-valid';
import { geodesicAreaSqKm } from './ground/areas.ts';
import type { RuleIssue } from './rules.ts';
import { keysOf } from './vocabulary.ts';

export const ZONE_KIND_LABELS = {
  sector: 'Sector',
  urban_corridor: 'Urban corridor',
  logistic_junction: 'Logistic junction',
  checkpoint: 'Checkpoint',
  crossing: 'Crossing',
  aid_corridor: 'Aid corridor',
  withdrawal_line: 'Withdrawal line',
  buffer_zone: 'Buffer zone',
  controlled_area: 'Controlled area',
};
export type ZoneKind = keyof typeof ZONE_KIND_LABELS;
export const ZONE_KINDS = keysOf(ZONE_KIND_LABELS);

export const ZONE_GEOMETRY_TYPES = ['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;
export type ZoneGeometryType = (typeof ZONE_GEOMETRY_TYPES)[number];

/** [lon, lat], optionally with an altitude (RFC 7946 3.1.1). */
export type Position = number[];

export type ZoneGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

/**
 * Most positions one feature may have. turf's validity check grows with the square of a ring's
 * length (7,300 positions take about 0.6 s), so a bound keeps one request from holding the server.
 */
export const MAX_POSITIONS_PER_FEATURE = 20_000;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkPosition(value: unknown, path: string, issues: RuleIssue[]): void {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    issues.push({ path, message: 'must be a position [longitude, latitude] of finite numbers' });
    return;
  }
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180) issues.push({ path, message: `longitude ${lon} is outside -180..180 (positions are [lon, lat])` });
  if (lat < -90 || lat > 90) issues.push({ path, message: `latitude ${lat} is outside -90..90 (positions are [lon, lat])` });
}

function checkLine(value: unknown, path: string, issues: RuleIssue[]): void {
  if (!Array.isArray(value) || value.length < 2) {
    issues.push({ path, message: 'a line needs at least 2 positions' });
    return;
  }
  value.forEach((p, i) => checkPosition(p, `${path}.${i}`, issues));
}

function checkRing(value: unknown, path: string, issues: RuleIssue[]): void {
  if (!Array.isArray(value) || value.length < 4) {
    issues.push({ path, message: 'a ring needs at least 4 positions, the last equal to the first' });
    return;
  }
  const before = issues.length;
  value.forEach((p, i) => checkPosition(p, `${path}.${i}`, issues));
  if (issues.length > before) return;
  const first = value[0] as number[];
  const last = value[value.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) issues.push({ path, message: 'the ring is not closed: its last position must equal its first' });
}

function checkPolygon(value: unknown, path: string, issues: RuleIssue[]): void {
  if (!Array.isArray(value) || value.length < 1) {
    issues.push({ path, message: 'a polygon needs at least its outer ring' });
    return;
  }
  value.forEach((ring, i) => checkRing(ring, `${path}.${i}`, issues));
}

const listOf = (value: unknown, path: string, issues: RuleIssue[], what: string, each: (v: unknown, p: string) => void): void => {
  if (!Array.isArray(value) || value.length < 1) {
    issues.push({ path, message: `needs at least one ${what}` });
    return;
  }
  value.forEach((v, i) => each(v, `${path}.${i}`));
};

function countPositions(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  if (typeof value[0] === 'number') return 1;
  let n = 0;
  for (const v of value) n += countPositions(v);
  return n;
}

/** How the coordinates of each geometry type are checked. */
const CHECK_COORDINATES: Record<ZoneGeometryType, (value: unknown, path: string, issues: RuleIssue[]) => void> = {
  Point: checkPosition,
  LineString: checkLine,
  MultiLineString: (value, path, issues) => listOf(value, path, issues, 'line', (v, p) => checkLine(v, p, issues)),
  Polygon: checkPolygon,
  MultiPolygon: (value, path, issues) => listOf(value, path, issues, 'polygon', (v, p) => checkPolygon(v, p, issues)),
};

/**
 * The problems of a geometry: its type, the shape of its coordinates, ranges, closed rings, and
 * validity (turf's booleanValid, plus a check for rings that cross themselves, which it lets pass).
 * Paths are relative to the geometry, e.g. "coordinates.0.3".
 */
export function checkGeometry(value: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!isObject(value)) return [{ path: '', message: 'must be a GeoJSON geometry object' }];
  const type = value.type;
  if (!ZONE_GEOMETRY_TYPES.includes(type as ZoneGeometryType)) {
    return [{ path: 'type', message: `must be one of ${ZONE_GEOMETRY_TYPES.join(', ')} (got ${JSON.stringify(type)})` }];
  }
  const coordinates = value.coordinates;
  const positions = countPositions(coordinates);
  if (positions > MAX_POSITIONS_PER_FEATURE) {
    return [{ path: 'coordinates', message: `has ${positions} positions; simplify it to at most ${MAX_POSITIONS_PER_FEATURE}` }];
  }
  CHECK_COORDINATES[type as ZoneGeometryType](coordinates, 'coordinates', issues);
  if (issues.length > 0) return issues;
  const geometry = { type, coordinates } as ZoneGeometry;
  if (!booleanValid(geometry)) {
    issues.push({ path: '', message: 'is not a valid geometry: a ring touches itself, has a spike, or parts overlap' });
  } else {
    const crossing = findRingCrossing(geometry);
    if (crossing) issues.push({ path: crossing.path, message: `the ring crosses itself near [${crossing.at.join(', ')}]` });
  }
  return issues;
}

/** A geometry that has passed checkGeometry, with nothing but its type and coordinates. */
export function toZoneGeometry(value: { type: string; coordinates: unknown }): ZoneGeometry {
  return { type: value.type, coordinates: value.coordinates } as ZoneGeometry;
}

type Segment = { a: Position; b: Position; ring: number; index: number; last: number; minX: number; maxX: number };

const orient = (p: Position, q: Position, r: Position): number =>
  Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));

/**
 * The first proper crossing between two segments of a polygon's rings (a "bow tie"), found by a
 * sweep over segments sorted by longitude; null when there is none. Touching is left to booleanValid.
 */
function findRingCrossing(geometry: ZoneGeometry): { path: string; at: number[] } | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const [pi, rings] of polygons.entries()) {
    const segments: Segment[] = [];
    rings.forEach((ring, r) => {
      for (let i = 0; i < ring.length - 1; i += 1) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        segments.push({ a, b, ring: r, index: i, last: ring.length - 2, minX: Math.min(a[0]!, b[0]!), maxX: Math.max(a[0]!, b[0]!) });
      }
    });
    segments.sort((s, t) => s.minX - t.minX);
    for (let i = 0; i < segments.length; i += 1) {
      const s = segments[i]!;
      for (let j = i + 1; j < segments.length && segments[j]!.minX <= s.maxX; j += 1) {
        const t = segments[j]!;
        if (s.ring === t.ring) {
          const gap = Math.abs(s.index - t.index);
          // Neighbours share a vertex, and so do the first and last segments of a closed ring.
          if (gap <= 1 || gap === s.last) continue;
        }
        if (orient(s.a, s.b, t.a) * orient(s.a, s.b, t.b) < 0 && orient(t.a, t.b, s.a) * orient(t.a, t.b, s.b) < 0) {
          const prefix = geometry.type === 'MultiPolygon' ? `coordinates.${pi}` : 'coordinates';
          return { path: `${prefix}.${s.ring}`, at: s.a.slice(0, 2) };
        }
      }
    }
  }
  return null;
}

/** The bounding box of a geometry's positions. */
export function geometryBBox(geometry: ZoneGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [lon, lat] = value as [number, number];
      if (lon < box[0]) box[0] = lon;
      if (lat < box[1]) box[1] = lat;
      if (lon > box[2]) box[2] = lon;
      if (lat > box[3]) box[3] = lat;
      return;
    }
    for (const v of value) visit(v);
  };
  visit(geometry.coordinates);
  return box;
}

/** Area in square kilometres, geodesic (@turf/area); 0 for points and lines. */
export function geometryAreaSqKm(geometry: ZoneGeometry): number {
  return geodesicAreaSqKm(geometry);
}

/** A zone as zone assignment needs it. */
export interface AssignableZone {
  id: string;
  name: string;
  geometry: ZoneGeometry;
  bbox: BBox;
  areaSqKm: number;
  /** A controlled area is who holds ground on a date, not a place: incidents are never assigned to one. */
  kind?: ZoneKind;
}

/**
 * A function that gives the zone a point lies in, or null. Only polygons have an inside, and
 * controlled areas are left out (an incident in a held area belongs to its sector). A point
 * on a boundary is inside. When several zones contain the point (a border shared by two sectors, a
 * checkpoint polygon inside a sector), the smallest one wins, being the most precise; equal areas
 * go to the name, then the id, that sorts first. Each test first compares bounding boxes.
 */
export function zoneAssigner(zones: readonly AssignableZone[]): (lon: number, lat: number) => string | null {
  const areal = zones
    .filter((z) => z.kind !== 'controlled_area' && (z.geometry.type === 'Polygon' || z.geometry.type === 'MultiPolygon'))
    .sort((a, b) => a.areaSqKm - b.areaSqKm || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((z) => ({ id: z.id, bbox: z.bbox, geometry: z.geometry as Extract<ZoneGeometry, { type: 'Polygon' | 'MultiPolygon' }> }));
  return (lon, lat) => {
    for (const z of areal) {
      const [minLon, minLat, maxLon, maxLat] = z.bbox;
      if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) continue;
      if (booleanPointInPolygon([lon, lat], z.geometry)) return z.id;
    }
    return null;
  };
}

/** A feature of an imported collection that passed every check. */
export interface ValidFeature {
  index: number;
  name: string;
  geometry: ZoneGeometry;
  properties: Record<string, unknown>;
}

/** A problem of one feature, named by its name when it has one and always by its index. */
export interface FeatureIssue {
  feature: number;
  name: string | null;
  path: string;
  message: string;
}

export const MAX_NAME_LENGTH = 200;

/** "North Gaza" (features[0]) or features[3], as messages name a feature; "the document" when the issue is the whole file's (feature -1). */
export function featureLabel(issue: { feature: number; name: string | null }): string {
  if (issue.feature < 0) return 'The document';
  return issue.name ? `"${issue.name}" (features[${issue.feature}])` : `features[${issue.feature}]`;
}

/**
 * Checks a GeoJSON FeatureCollection for import as zones: every feature a Feature with a name (in
 * `properties[nameProperty]`, else `properties.name`) and a valid geometry, names unique. Returns
 * the features when there is no issue, else every issue, each naming its feature.
 */
export function validateFeatureCollection(
  input: unknown,
  options: { nameProperty?: string } = {},
): { features: ValidFeature[]; issues: FeatureIssue[] } {
  const nameProperty = options.nameProperty ?? 'name';
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { features: [], issues: [{ feature: -1, name: null, path: '', message: 'must be a GeoJSON FeatureCollection with a features array' }] };
  }
  const features: ValidFeature[] = [];
  const issues: FeatureIssue[] = [];
  const seen = new Map<string, number>();
  input.features.forEach((raw: unknown, index: number) => {
    const issue = (path: string, message: string, name: string | null) => issues.push({ feature: index, name, path, message });
    if (!isObject(raw) || raw.type !== 'Feature') {
      issue('', 'must be a GeoJSON Feature', null);
      return;
    }
    const properties = isObject(raw.properties) ? raw.properties : {};
    const candidate = [properties[nameProperty], properties.name].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
    const name = candidate?.trim() ?? null;
    if (name === null) issue(`properties.${nameProperty}`, `has no name: set properties.${nameProperty}`, null);
    else if (name.length > MAX_NAME_LENGTH || name.includes('\u0000')) issue(`properties.${nameProperty}`, `the name must be at most ${MAX_NAME_LENGTH} characters, without NUL`, name);
    else if (seen.has(name)) issue(`properties.${nameProperty}`, `has the same name as features[${seen.get(name)}]`, name);
    else seen.set(name, index);
    const geometryIssues = raw.geometry === null ? [{ path: '', message: 'has no geometry' }] : checkGeometry(raw.geometry);
    for (const g of geometryIssues) issue(g.path ? `geometry.${g.path}` : 'geometry', g.message, name);
    if (name !== null && geometryIssues.length === 0) {
      features.push({ index, name, geometry: toZoneGeometry(raw.geometry as { type: string; coordinates: unknown }), properties });
    }
  });
  return issues.length > 0 ? { features: [], issues } : { features, issues };
}
