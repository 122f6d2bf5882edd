// Shapes for the ground tests, with areas computed apart from turf: a cell between two meridians and
// two parallels has area R² · Δλ · (sin φ2 − sin φ1) on the sphere turf measures on.
import type { ZoneGeometry } from '../zones.ts';

/** The mean Earth radius turf uses, in kilometres. */
export const R_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** The closed ring of the cell from (west, south) to (east, north), counter-clockwise. */
export const cellRing = (west: number, south: number, east: number, north: number): number[][] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

/** A lon/lat cell as a Polygon. */
export const cell = (west: number, south: number, east: number, north: number): ZoneGeometry => ({
  type: 'Polygon',
  coordinates: [cellRing(west, south, east, north)],
});

/** The area of that cell in square kilometres, by the closed formula. */
export const cellKm2 = (west: number, south: number, east: number, north: number): number =>
  R_KM * R_KM * rad(east - west) * (Math.sin(rad(north)) - Math.sin(rad(south)));
