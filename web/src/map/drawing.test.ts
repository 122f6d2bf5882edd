// Drawing and editing zones: drafts become valid GeoJSON, handles cover each vertex once, moves keep rings closed.
import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../../../src/core/zones.ts';
import {
  addVertex,
  closeRing,
  draftGeometry,
  draftPreview,
  geometryProblems,
  handleCollection,
  moveVertex,
  removeLastVertex,
  vertexHandles,
  verticesMissing,
  type Draft,
} from './drawing.ts';

const square: ZoneGeometry = { type: 'Polygon', coordinates: [[[34, 31], [34.1, 31], [34.1, 31.1], [34, 31.1], [34, 31]]] };

const draw = (shape: Draft['shape'], ...points: [number, number][]) =>
  points.reduce<Draft>((d, p) => addVertex(d, p), { shape, vertices: [] });

describe('drafts', () => {
  it('closes a polygon of four clicks into a valid ring of five positions', () => {
    const draft = draw('polygon', [34.3, 31.4], [34.4, 31.4], [34.4, 31.5], [34.3, 31.5]);
    const geometry = draftGeometry(draft);
    expect(geometry).toEqual({ type: 'Polygon', coordinates: [[[34.3, 31.4], [34.4, 31.4], [34.4, 31.5], [34.3, 31.5], [34.3, 31.4]]] });
    expect(geometryProblems(geometry!)).toEqual([]);
  });

  it('needs three corners for an area, two for a line, one for a point', () => {
    expect(verticesMissing(draw('polygon', [0, 0], [1, 0]))).toBe(1);
    expect(draftGeometry(draw('polygon', [0, 0], [1, 0]))).toBeNull();
    expect(verticesMissing(draw('line', [0, 0]))).toBe(1);
    expect(draftGeometry(draw('line', [0, 0], [1, 1]))).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1]] });
    expect(verticesMissing(draw('point'))).toBe(1);
  });

  it('moves a point to each new click instead of adding vertices', () => {
    const draft = draw('point', [34, 31], [34.5, 31.5]);
    expect(draft.vertices).toEqual([[34.5, 31.5]]);
    expect(draftGeometry(draft)).toEqual({ type: 'Point', coordinates: [34.5, 31.5] });
  });

  it('ignores a click on the last vertex (the clicks of a double-click), within the tolerance', () => {
    const draft = draw('line', [34, 31], [34.1, 31]);
    expect(addVertex(draft, [34.1, 31]).vertices).toHaveLength(2);
    expect(addVertex(draft, [34.1001, 31], 0.001).vertices).toHaveLength(2);
    expect(addVertex(draft, [34.2, 31], 0.001).vertices).toHaveLength(3);
  });

  it('undoes the last vertex', () => {
    expect(removeLastVertex(draw('polygon', [0, 0], [1, 0], [1, 1])).vertices).toEqual([[0, 0], [1, 0]]);
  });

  it('previews a growing area as a line until it has three corners', () => {
    const two = draftPreview(draw('polygon', [0, 0], [1, 0]));
    expect(two.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Point', 'Point']);
    const three = draftPreview(draw('polygon', [0, 0], [1, 0], [1, 1]));
    expect(three.features[0]!.geometry.type).toBe('Polygon');
  });

  it('reports a bow tie the server would refuse', () => {
    const bowTie = draftGeometry(draw('polygon', [0, 0], [1, 1], [1, 0], [0, 1]))!;
    expect(geometryProblems(bowTie).join(' ')).toMatch(/crosses itself|not a valid geometry/);
  });
});

describe('closeRing', () => {
  it('repeats the first position once, and leaves a closed ring alone', () => {
    expect(closeRing([[0, 0], [1, 0], [1, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
    expect(closeRing([[0, 0], [1, 0], [1, 1], [0, 0]])).toHaveLength(4);
  });
});

describe('vertex handles', () => {
  it('gives a ring one handle per corner, not one for the closing position', () => {
    const handles = vertexHandles(square);
    expect(handles).toHaveLength(4);
    expect(handles[3]).toEqual({ path: [0, 3], position: [34, 31.1] });
    expect(handleCollection(handles).features[3]!.properties).toEqual({ path: '0.3' });
  });

  it('paths a multipolygon by polygon, ring and vertex, a line by vertex, a point by nothing', () => {
    const multi: ZoneGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates as number[][][], square.coordinates as number[][][]] };
    expect(vertexHandles(multi).map((h) => h.path).slice(3, 5)).toEqual([[0, 0, 3], [1, 0, 0]]);
    expect(vertexHandles({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }).map((h) => h.path)).toEqual([[0], [1]]);
    expect(vertexHandles({ type: 'Point', coordinates: [5, 6] })).toEqual([{ path: [], position: [5, 6] }]);
  });
});

describe('moveVertex', () => {
  it('moves a ring’s first corner together with its closing position', () => {
    const moved = moveVertex(square, [0, 0], [33.9, 30.9]);
    const ring = (moved as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring[0]).toEqual([33.9, 30.9]);
    expect(ring[4]).toEqual([33.9, 30.9]);
    expect(geometryProblems(moved)).toEqual([]);
    // The original is untouched.
    expect((square.coordinates as number[][][])[0]![0]).toEqual([34, 31]);
  });

  it('moves a middle corner only', () => {
    const ring = (moveVertex(square, [0, 2], [34.2, 31.2]) as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring).toEqual([[34, 31], [34.1, 31], [34.2, 31.2], [34, 31.1], [34, 31]]);
  });

  it('moves in multipolygons, lines and points', () => {
    const multi: ZoneGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates as number[][][], square.coordinates as number[][][]] };
    const moved = moveVertex(multi, [1, 0, 1], [35, 32]) as { coordinates: number[][][][] };
    expect(moved.coordinates[1]![0]![1]).toEqual([35, 32]);
    expect(moved.coordinates[0]![0]![1]).toEqual([34.1, 31]);
    expect(moveVertex({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }, [1], [2, 2])).toEqual({ type: 'LineString', coordinates: [[0, 0], [2, 2]] });
    expect(moveVertex({ type: 'Point', coordinates: [0, 0] }, [], [3, 4])).toEqual({ type: 'Point', coordinates: [3, 4] });
  });

  it('can drag a corner across the ring, and the validity check says so', () => {
    const crossed = moveVertex(square, [0, 2], [34.1, 30.9]);
    expect(geometryProblems(crossed)).not.toEqual([]);
  });
});
