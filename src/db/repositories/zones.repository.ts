/** Zones: scoped CRUD, listing by kind and bounding box, and a bulk insert through unnest arrays. */
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { BBox, Zone, ZoneGeometry, ZoneKind } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { zones } from '../schema/index.ts';
import { mapWriteError, scopedRepository } from './versioned.ts';

type Row = typeof zones.$inferSelect;

export function toZone(row: Row): Zone {
  return {
    id: row.id,
    agreementId: row.agreementId,
    name: row.name,
    kind: row.kind as ZoneKind,
    description: row.description,
    geometry: row.geometry as ZoneGeometry,
    properties: row.properties as Record<string, unknown>,
    bbox: [row.minLon, row.minLat, row.maxLon, row.maxLat],
    areaSqKm: row.areaSqKm,
    lengthKm: row.lengthKm,
    partyId: row.partyId,
    asOf: row.asOf,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A zone's columns from its parts; the bounding box, area and length are computed by the caller (core). */
export type ZoneInsert = Omit<Zone, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'lengthKm' | 'partyId' | 'asOf'> &
  Partial<Pick<Zone, 'lengthKm' | 'partyId' | 'asOf'>>;

export const zoneColumns = (z: Omit<ZoneInsert, 'agreementId'>) => ({
  name: z.name,
  kind: z.kind,
  description: z.description,
  geometry: z.geometry,
  properties: z.properties,
  minLon: z.bbox[0],
  minLat: z.bbox[1],
  maxLon: z.bbox[2],
  maxLat: z.bbox[3],
  areaSqKm: z.areaSqKm,
  lengthKm: z.lengthKm ?? 0,
  partyId: z.partyId ?? null,
  asOf: z.asOf ?? null,
});

export interface ZoneFilter {
  kind?: ZoneKind | undefined;
  /** Zones whose bounding box meets this one. */
  bbox?: BBox | undefined;
}

export function zoneRepository(db: Db) {
  const scoped = scopedRepository<Row, Zone>(db, {
    table: zones,
    entity: 'Zone',
    orderBy: [zones.kind, zones.name],
    toModel: toZone,
    extraSet: () => ({ updatedAt: sql`now()` }),
  });

  return {
    ...scoped,

    async filter(agreementId: string, filter: ZoneFilter): Promise<Zone[]> {
      const conditions: SQL[] = [eq(zones.agreementId, agreementId)];
      if (filter.kind) conditions.push(eq(zones.kind, filter.kind));
      if (filter.bbox) {
        const [minLon, minLat, maxLon, maxLat] = filter.bbox;
        conditions.push(lte(zones.minLon, maxLon), gte(zones.maxLon, minLon), lte(zones.minLat, maxLat), gte(zones.maxLat, minLat));
      }
      const rows = await db
        .select()
        .from(zones)
        .where(and(...conditions))
        .orderBy(asc(zones.kind), asc(zones.name), asc(zones.id));
      return rows.map(toZone);
    },

    /**
     * Inserts many zones in one statement (one array a column, expanded by unnest), so that an
     * import is all-or-nothing; returns them in input order.
     */
    async insertMany(rows: readonly ZoneInsert[]): Promise<Zone[]> {
      if (rows.length === 0) return [];
      const arrays = {
        agreement_id: ['uuid', rows.map((r) => r.agreementId)],
        name: ['text', rows.map((r) => r.name)],
        kind: ['text', rows.map((r) => r.kind)],
        description: ['text', rows.map((r) => r.description)],
        geometry: ['jsonb', rows.map((r) => JSON.stringify(r.geometry))],
        properties: ['jsonb', rows.map((r) => JSON.stringify(r.properties))],
        min_lon: ['float8', rows.map((r) => r.bbox[0])],
        min_lat: ['float8', rows.map((r) => r.bbox[1])],
        max_lon: ['float8', rows.map((r) => r.bbox[2])],
        max_lat: ['float8', rows.map((r) => r.bbox[3])],
        area_sq_km: ['float8', rows.map((r) => r.areaSqKm)],
        length_km: ['float8', rows.map((r) => r.lengthKm ?? 0)],
        party_id: ['uuid', rows.map((r) => r.partyId ?? null)],
        as_of: ['date', rows.map((r) => r.asOf ?? null)],
      } as const;
      const names = sql.raw(Object.keys(arrays).join(', '));
      const params = sql.join(
        Object.values(arrays).map(([type, values]) => sql`${sql.param(values)}::${sql.raw(type)}[]`),
        sql`, `,
      );
      try {
        // WITH ORDINALITY keeps the input order through RETURNING.
        const result = await db.execute(
          sql`INSERT INTO zones (${names}) SELECT ${names} FROM unnest(${params}) WITH ORDINALITY AS u(${names}, n) ORDER BY n RETURNING id`,
        );
        const ids = (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
        const byId = new Map((await db.select().from(zones).where(eq(zones.agreementId, rows[0]!.agreementId))).map((r) => [r.id, r]));
        return ids.map((id) => toZone(byId.get(id)!));
      } catch (err) {
        // One zone: its name can be in the message; of many, which one clashed is unknown here.
        throw mapWriteError(err, 'Zone', { values: rows.length === 1 ? { ...rows[0] } : {} });
      }
    },

    /** The zones that take part in point-in-polygon assignment: polygons only, with their boxes and areas. */
    async assignable(agreementId: string): Promise<Zone[]> {
      const rows = await db
        .select()
        .from(zones)
        .where(and(eq(zones.agreementId, agreementId), sql`${zones.geometry}->>'type' IN ('Polygon', 'MultiPolygon')`));
      return rows.map(toZone);
    },
  };
}
export type ZoneRepository = ReturnType<typeof zoneRepository>;
