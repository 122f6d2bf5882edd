/** Zones and features of an agreement on the map, as GeoJSON (RFC 7946, [lon, lat]). */
import { z } from 'zod';
import { ZONE_GEOMETRY_TYPES, ZONE_KINDS } from '../core/index.ts';
import { Id, IsoDate, isStorableJson, requiredText, STORABLE_TEXT_MESSAGE, text, Version, edited, inAgreement } from './common.ts';

export const ZoneKind = z.enum(ZONE_KINDS);

/**
 * A geometry's shape; the server checks its coordinates (ranges, closed rings, validity) and
 * answers 422 naming what is wrong.
 */
export const Geometry = z
  .strictObject({
    type: z.enum(ZONE_GEOMETRY_TYPES),
    coordinates: z.array(z.unknown()).max(100_000).describe('RFC 7946 coordinates: positions are [longitude, latitude]'),
    bbox: z.array(z.number()).max(6).optional().describe('Ignored: the server computes the box'),
  })
  .describe('GeoJSON geometry: Point, LineString, MultiLineString, Polygon or MultiPolygon');

/** "minLon,minLat,maxLon,maxLat" in a query string. */
export const BBoxQuery = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const parts = value.split(',').map((p) => Number(p.trim()));
    const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
    const ok =
      parts.length === 4 &&
      parts.every(Number.isFinite) &&
      minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 &&
      minLon <= maxLon && minLat <= maxLat;
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: 'minLon,minLat,maxLon,maxLat in degrees, min before max' });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat] as [number, number, number, number];
  })
  .describe('Bounding box: minLon,minLat,maxLon,maxLat');

export const ZoneView = z.object({
  ...inAgreement,
  name: z.string(),
  kind: ZoneKind,
  description: z.string(),
  geometry: z.object({ type: z.enum(ZONE_GEOMETRY_TYPES), coordinates: z.array(z.unknown()) }),
  properties: z.record(z.string(), z.unknown()).describe('Properties of the GeoJSON feature it came from'),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('[minLon, minLat, maxLon, maxLat]'),
  areaSqKm: z.number().describe('0 for points and lines'),
  lengthKm: z.number().describe('Geodesic length of a line; 0 for points and areas'),
  partyId: Id.nullable().describe('The party holding a controlled area; null for other kinds'),
  asOf: IsoDate.nullable().describe("The date a controlled area's snapshot describes; null for other kinds"),
  ...edited,
});
export type ZoneView = z.infer<typeof ZoneView>;

// Stored as jsonb, which holds neither NUL nor a lone surrogate.
const Properties = z
  .record(z.string().max(100), z.unknown())
  .refine((p) => Object.keys(p).length <= 100, 'at most 100 properties')
  .refine(isStorableJson, STORABLE_TEXT_MESSAGE);

const HolderParty = Id.nullable().describe('controlled_area only (required there): the party whose forces hold the area');
const AsOf = IsoDate.nullable().describe("controlled_area only (required there): the date the snapshot describes; snapshots of one area share its name");

/**
 * A controlled area carries the party holding it and the date of the snapshot; other kinds carry
 * neither. `kind` is the zone's kind; the paths name the fields of the request.
 */
export function controlledAreaIssues(kind: string, fields: { partyId?: string | null | undefined; asOf?: string | null | undefined }): { path: 'partyId' | 'asOf'; message: string }[] {
  const names = { partyId: 'the party holding the area', asOf: 'the date of the snapshot' } as const;
  return (['partyId', 'asOf'] as const).flatMap((path) => {
    const value = fields[path];
    if (kind === 'controlled_area' && (value === null || value === undefined)) return [{ path, message: `a controlled_area needs ${names[path]}` }];
    if (kind !== 'controlled_area' && value !== null && value !== undefined) return [{ path, message: `only a controlled_area carries ${path} (this zone is a ${kind})` }];
    return [];
  });
}

const ZoneFields = z.strictObject({
  name: requiredText(200),
  kind: ZoneKind,
  description: text(4000),
  geometry: Geometry,
  properties: Properties,
  partyId: HolderParty,
  asOf: AsOf,
});
export const ZoneCreate = ZoneFields.extend({
  description: text(4000).default(''),
  properties: Properties.default({}),
  partyId: HolderParty.default(null),
  asOf: AsOf.default(null),
}).superRefine((zone, ctx) => {
  for (const issue of controlledAreaIssues(zone.kind, zone)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export const ZoneUpdate = ZoneFields.partial().extend({ version: Version });
export type ZoneCreate = z.input<typeof ZoneCreate>;
export type ZoneUpdate = z.input<typeof ZoneUpdate>;

export const ZoneListQuery = z.object({
  kind: ZoneKind.optional(),
  bbox: BBoxQuery.optional().describe('Only zones whose bounding box meets this one'),
});

/** A GeoJSON FeatureCollection to import; RFC 7946's "name" and the legacy "crs" member are tolerated. */
export const FeatureCollectionBody = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z
    .array(z.unknown().refine(isStorableJson, STORABLE_TEXT_MESSAGE))
    .min(1)
    .max(5_000)
    .describe('GeoJSON Features; each is checked and named in any refusal'),
  name: z.string().max(200).optional(),
  crs: z.unknown().optional().describe('Ignored: RFC 7946 coordinates are WGS 84 longitude, latitude'),
  bbox: z.array(z.number()).max(6).optional(),
});

export const ZoneImportQuery = z.object({
  kind: ZoneKind.describe('The kind every imported feature becomes'),
  nameProperty: z
    .string()
    .min(1)
    .max(100)
    .default('name')
    .describe('The feature property holding its name (e.g. adm2_name); properties.name is the fallback'),
  partyId: Id.optional().describe('controlled_area only (required there): the party holding every imported area'),
  asOf: IsoDate.optional().describe('controlled_area only (required there): the date of every imported snapshot'),
}).superRefine((query, ctx) => {
  for (const issue of controlledAreaIssues(query.kind, query)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});

export const ZoneImportResult = z.object({ created: z.number().int(), items: z.array(ZoneView) });

/** The zones as a FeatureCollection, ready for a map library. */
export const ZoneFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: Id,
      properties: z.object({ id: Id, name: z.string(), kind: ZoneKind, description: z.string(), areaSqKm: z.number() }),
      geometry: ZoneView.shape.geometry,
      bbox: ZoneView.shape.bbox,
    }),
  ),
});
