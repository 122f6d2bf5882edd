/**
 * The geometry of drawing and editing zones, as pure functions: a draft grows vertex by vertex and
 * becomes a GeoJSON geometry (a polygon's ring closed); an existing geometry's vertices become
 * handles, and moving one keeps every ring closed. Positions are [lon, lat] (RFC 7946).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { checkGeometry, type Position, type ZoneGeometry, type ZoneKind } from '../../../src/core/zones.ts';

export type DrawShape = 'polygon' | 'line' | 'point';
export type LngLat = [number, number];

export const SHAPE_LABELS: Record<DrawShape, string> = {
  polygon: 'Area',
  line: 'Line',
  point: 'Point',
};

/** The shape a new zone of each kind is drawn as by default; the drawer may pick another. */
export const KIND_SHAPES: Record<ZoneKind, DrawShape> = {
  sector: 'polygon',
  urban_corridor: 'polygon',
  buffer_zone: 'polygon',
  controlled_area: 'polygon',
  logistic_junction: 'point',
  checkpoint: 'point',
  crossing: 'point',
  aid_corridor: 'line',
  withdrawal_line: 'line',
};

export interface Draft {
  shape: DrawShape;
  vertices: LngLat[];
}

const MIN_VERTICES: Record<DrawShape, number> = { polygon: 3, line: 2, point: 1 };

const samePlace = (a: LngLat, b: LngLat, tolerance: number) => Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;

/**
 * The draft with one more vertex. A point has one vertex, so a click moves it. A click on the last
 * vertex adds nothing (a double-click that finishes a shape first sends two clicks there).
 */
export function addVertex(draft: Draft, at: LngLat, tolerance = 0): Draft {
  if (draft.shape === 'point') return { ...draft, vertices: [at] };
  const last = draft.vertices[draft.vertices.length - 1];
  if (last && samePlace(last, at, tolerance)) return draft;
  return { ...draft, vertices: [...draft.vertices, at] };
}

export function removeLastVertex(draft: Draft): Draft {
  return { ...draft, vertices: draft.vertices.slice(0, -1) };
}

/** How many more vertices the draft needs before it can be finished (0 when it can). */
export function verticesMissing(draft: Draft): number {
  return Math.max(0, MIN_VERTICES[draft.shape] - draft.vertices.length);
}

/** A ring with its first position repeated at the end, as GeoJSON requires. */
export function closeRing(vertices: readonly LngLat[]): Position[] {
  const ring: Position[] = vertices.map((v) => [v[0], v[1]]);
  const first = vertices[0];
  const last = vertices[vertices.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

/** The finished geometry of a draft, or null while it lacks vertices. */
export function draftGeometry(draft: Draft): ZoneGeometry | null {
  if (verticesMissing(draft) > 0) return null;
  const v = draft.vertices;
  if (draft.shape === 'point') return { type: 'Point', coordinates: [v[0]![0], v[0]![1]] };
  if (draft.shape === 'line') return { type: 'LineString', coordinates: v.map((p) => [p[0], p[1]]) };
  return { type: 'Polygon', coordinates: [closeRing(v)] };
}

/** What to draw while the draft grows: the shape so far, its vertices as points. */
export function draftPreview(draft: Draft): FeatureCollection {
  const features: Feature[] = draft.vertices.map((v, i) => ({
    type: 'Feature',
    properties: { role: 'vertex', index: i },
    geometry: { type: 'Point', coordinates: v },
  }));
  const finished = draftGeometry(draft);
  if (finished && finished.type !== 'Point') {
    features.unshift({ type: 'Feature', properties: { role: 'shape' }, geometry: finished as Geometry });
  } else if (draft.vertices.length >= 2) {
    features.unshift({ type: 'Feature', properties: { role: 'shape' }, geometry: { type: 'LineString', coordinates: draft.vertices } });
  }
  return { type: 'FeatureCollection', features };
}

/** Where a vertex sits in a geometry's coordinates: [] for a point, [i] on a line, [ring, i] on a polygon... */
export type VertexPath = number[];

export interface Handle {
  path: VertexPath;
  position: LngLat;
}

const toLngLat = (p: Position): LngLat => [p[0]!, p[1]!];

/** One handle per vertex; a ring's closing position is the same vertex as its first and gets no handle of its own. */
export function vertexHandles(geometry: ZoneGeometry): Handle[] {
  const line = (positions: Position[], prefix: number[]) => positions.map((p, i) => ({ path: [...prefix, i], position: toLngLat(p) }));
  const ring = (positions: Position[], prefix: number[]) => line(positions.slice(0, -1), prefix);
  switch (geometry.type) {
    case 'Point':
      return [{ path: [], position: toLngLat(geometry.coordinates) }];
    case 'LineString':
      return line(geometry.coordinates, []);
    case 'MultiLineString':
      return geometry.coordinates.flatMap((l, i) => line(l, [i]));
    case 'Polygon':
      return geometry.coordinates.flatMap((r, i) => ring(r, [i]));
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((poly, p) => poly.flatMap((r, i) => ring(r, [p, i])));
  }
}

/** The handles as a GeoJSON source; each feature's id is its index in the list, its path in the properties. */
export function handleCollection(handles: readonly Handle[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: handles.map((h, i) => ({
      type: 'Feature',
      id: i,
      properties: { path: h.path.join('.') },
      geometry: { type: 'Point', coordinates: h.position },
    })),
  };
}

const moveInRing = (ring: Position[], index: number, to: LngLat): Position[] => {
  const last = ring.length - 1;
  return ring.map((p, i) => (i === index || (index === 0 && i === last) ? [to[0], to[1]] : p));
};

const moveInLine = (line: Position[], index: number, to: LngLat): Position[] => line.map((p, i) => (i === index ? [to[0], to[1]] : p));

const replaceAt = <T>(list: readonly T[], index: number, make: (item: T) => T): T[] => list.map((item, i) => (i === index ? make(item) : item));

/**
 * The geometry with the vertex at `path` moved to `to`. Moving a ring's first vertex moves its
 * closing position with it, so the ring stays closed. A path that names no vertex changes nothing.
 */
export function moveVertex(geometry: ZoneGeometry, path: VertexPath, to: LngLat): ZoneGeometry {
  const [a = -1, b = -1, c = -1] = path;
  switch (geometry.type) {
    case 'Point':
      return path.length === 0 ? { type: 'Point', coordinates: [to[0], to[1]] } : geometry;
    case 'LineString':
      return { type: 'LineString', coordinates: moveInLine(geometry.coordinates, a, to) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: replaceAt(geometry.coordinates, a, (l) => moveInLine(l, b, to)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: replaceAt(geometry.coordinates, a, (r) => moveInRing(r, b, to)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: replaceAt(geometry.coordinates, a, (poly) => replaceAt(poly, b, (r) => moveInRing(r, c, to))) };
  }
}

/** Why the server would refuse this geometry (the same checks it runs), as sentences; empty when it is valid. */
export function geometryProblems(geometry: ZoneGeometry): string[] {
  return checkGeometry(geometry).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : `The shape ${issue.message}`));
}
