/**
 * Coverage of sectors by an area held (docs/GATES.md, "Areas held and coverage"): how much of each
 * sector a zone covers, in square kilometres and as a share of the sector, and the history of the
 * areas a party holds, per sector, over the snapshots' dates.
 *
 * Clipping (polyclip-ts, as @turf/intersect uses it) works on [lon, lat] as plane coordinates, as
 * GeoJSON draws edges; the areas of the results are then measured geodesically. Nothing is
 * rounded here: callers round for display. Geometries are expected to have passed checkGeometry;
 * polyclip-ts throws on some invalid ones.
 */
import { intersection, union, type Geom } from 'polyclip-ts';
import { geometryBBox, type BBox, type Position, type ZoneGeometry } from '../zones.ts';
import { geodesicAreaSqKm } from './areas.ts';

/** A zone or sector as coverage needs it. */
export interface CoverageZone {
  id: string;
  name: string;
  geometry: ZoneGeometry;
}

/** A geometry with an inside. */
export type AreaGeometry = Extract<ZoneGeometry, { type: 'Polygon' | 'MultiPolygon' }>;

/** How much of one sector a zone covers; share is coveredKm2 / areaKm2, in 0..1 (0 when the sector has no area). */
export interface SectorCoverage {
  id: string;
  name: string;
  areaKm2: number;
  coveredKm2: number;
  share: number;
}

/** A zone's coverage of sectors: the total sums the sectors' areas and covered areas. */
export interface ZoneCoverage {
  zone: { id: string; name: string; areaKm2: number };
  sectors: SectorCoverage[];
  total: { areaKm2: number; coveredKm2: number; share: number };
}

const isArea = (g: ZoneGeometry): g is AreaGeometry => g.type === 'Polygon' || g.type === 'MultiPolygon';

const flat = (rings: readonly Position[][]): [number, number][][] => rings.map((ring) => ring.map((p) => [p[0]!, p[1]!]));

/** The polygons of an areal geometry as polyclip-ts takes them, altitudes dropped. */
function toGeom(geometry: AreaGeometry): Geom {
  return geometry.type === 'Polygon' ? flat(geometry.coordinates) : geometry.coordinates.map(flat);
}

/** A clipping result as GeoJSON, or null when it is empty. */
function fromMultiPoly(polygons: [number, number][][][]): AreaGeometry | null {
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}

const boxesMeet = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * The union of the areal geometries given (points and lines are left out), or null when none has
 * an inside. Overlaps count once, so the union of two snapshots that overlap is not their sum.
 */
export function unionAreas(geometries: readonly ZoneGeometry[]): AreaGeometry | null {
  const areal = geometries.filter(isArea);
  if (areal.length === 0) return null;
  if (areal.length === 1) return areal[0]!;
  const [first, ...rest] = areal.map(toGeom);
  return fromMultiPoly(union(first!, ...rest));
}

/** The area of the intersection of two geometries in square kilometres; 0 when either has no inside. */
export function intersectionAreaSqKm(a: ZoneGeometry, b: ZoneGeometry): number {
  if (!isArea(a) || !isArea(b)) return 0;
  // Most pairs of sectors and held areas do not meet: the boxes spare clipping them.
  if (!boxesMeet(geometryBBox(a), geometryBBox(b))) return 0;
  const common = fromMultiPoly(intersection(toGeom(a), toGeom(b)));
  return common === null ? 0 : geodesicAreaSqKm(common);
}

/** A sector measured once, for covering it by many zones. */
interface PreparedSector {
  id: string;
  name: string;
  geometry: ZoneGeometry;
  areaKm2: number;
}

const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

function prepareSectors(sectors: readonly CoverageZone[]): PreparedSector[] {
  return sectors.map((s) => ({ id: s.id, name: s.name, geometry: s.geometry, areaKm2: geodesicAreaSqKm(s.geometry) })).sort(byNameThenId);
}

const shareOf = (covered: number, area: number): number => (area > 0 ? covered / area : 0);

/** Each sector's coverage by a geometry (null: nothing held, nothing covered). */
function coverSectors(geometry: ZoneGeometry | null, sectors: readonly PreparedSector[]): SectorCoverage[] {
  return sectors.map((s) => {
    // Clipping and measuring again can land a hair above the sector's own area: clamp.
    const coveredKm2 = geometry === null ? 0 : Math.min(intersectionAreaSqKm(geometry, s.geometry), s.areaKm2);
    return { id: s.id, name: s.name, areaKm2: s.areaKm2, coveredKm2, share: shareOf(coveredKm2, s.areaKm2) };
  });
}

function totalOf(sectors: readonly SectorCoverage[]): ZoneCoverage['total'] {
  const areaKm2 = sectors.reduce((sum, s) => sum + s.areaKm2, 0);
  const coveredKm2 = sectors.reduce((sum, s) => sum + s.coveredKm2, 0);
  return { areaKm2, coveredKm2, share: shareOf(coveredKm2, areaKm2) };
}

/**
 * How much of each target (a sector, by default) the zone covers: `coveredKm2 = area(zone ∩
 * sector)`, `share = coveredKm2 / area(sector)`. Sectors come sorted by name, then id; the total
 * sums them (sectors are taken not to overlap one another). A point or line zone covers nothing.
 */
export function zoneCoverage(zone: CoverageZone, targets: readonly CoverageZone[]): ZoneCoverage {
  const sectors = coverSectors(zone.geometry, prepareSectors(targets));
  return { zone: { id: zone.id, name: zone.name, areaKm2: geodesicAreaSqKm(zone.geometry) }, sectors, total: totalOf(sectors) };
}

/** A snapshot of an area held: a controlled_area zone of one party on one date. */
export interface AreaSnapshot {
  id: string;
  name: string;
  partyId: string | null;
  /** YYYY-MM-DD. */
  asOf: string;
  geometry: ZoneGeometry;
}

/** The area held on one date, per sector. */
export interface AreaHistoryPoint {
  asOf: string;
  /** The snapshots of that date, unioned; in the order given. */
  snapshotIds: string[];
  sectors: { id: string; name: string; coveredKm2: number; share: number }[];
  /** The area held that date (the union of its snapshots), inside sectors or not. */
  totalKm2: number;
  /** The part of it inside the sectors: the sum of the sectors' coveredKm2. */
  coveredKm2: number;
}

/** The history of one area (a name) held by one party. */
export interface AreaHistory {
  name: string;
  partyId: string | null;
  /** Oldest first. */
  series: AreaHistoryPoint[];
}

/**
 * The area held per sector over time: for each area name and party (sorted by name, then party id,
 * no party last), one point per snapshot date, oldest first. Snapshots of the same area, party and
 * date are unioned first, so that where they overlap the ground is counted once.
 */
export function areaHistory(snapshots: readonly AreaSnapshot[], sectors: readonly CoverageZone[]): AreaHistory[] {
  const prepared = prepareSectors(sectors);
  const groups = new Map<string, { name: string; partyId: string | null; dates: Map<string, AreaSnapshot[]> }>();
  for (const s of snapshots) {
    const key = JSON.stringify([s.name, s.partyId]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: s.name, partyId: s.partyId, dates: new Map() }));
    const same = group.dates.get(s.asOf);
    if (same) same.push(s);
    else group.dates.set(s.asOf, [s]);
  }
  const histories = [...groups.values()].map(({ name, partyId, dates }) => ({
    name,
    partyId,
    series: [...dates.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([asOf, same]): AreaHistoryPoint => {
        const held = unionAreas(same.map((s) => s.geometry));
        const covered = coverSectors(held, prepared);
        return {
          asOf,
          snapshotIds: same.map((s) => s.id),
          sectors: covered.map(({ id, name: sectorName, coveredKm2, share }) => ({ id, name: sectorName, coveredKm2, share })),
          totalKm2: held === null ? 0 : geodesicAreaSqKm(held),
          coveredKm2: covered.reduce((sum, s) => sum + s.coveredKm2, 0),
        };
      }),
  }));
  const party = (p: string | null) => p ?? '\uffff';
  return histories.sort((a, b) => a.name.localeCompare(b.name) || party(a.partyId).localeCompare(party(b.partyId)));
}
