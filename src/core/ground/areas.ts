/**
 * Geodesic measures of a zone's geometry, as docs/GATES.md defines them: the area of polygons
 * (@turf/area, on a sphere of the WGS84 mean radius) and the length of lines (@turf/length).
 */
import { area } from '@turf/area';
import { feature } from '@turf/helpers';
import { length } from '@turf/length';
import type { ZoneGeometry } from '../zones.ts';

/**
 * The area of a geometry in square kilometres: the outer rings less the holes of a Polygon or
 * MultiPolygon; 0 for points and lines, which have no inside.
 */
export function geodesicAreaSqKm(geometry: ZoneGeometry): number {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return 0;
  return area(geometry) / 1e6;
}

/**
 * The length of a LineString or MultiLineString in kilometres (great-circle segments); 0 for the
 * others: a polygon's perimeter is not a length a line on the map stands for.
 */
export function geodesicLengthKm(geometry: ZoneGeometry): number {
  if (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString') return 0;
  return length(feature(geometry), { units: 'kilometers' });
}
