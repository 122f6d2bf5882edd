/**
 * Zones and features of an agreement: drawn one by one or imported from a GeoJSON
 * FeatureCollection, all or nothing. Every geometry is checked by core (RFC 7946 shape, ranges,
 * closed rings, validity); a refusal names the feature.
 */
import type { Parsed, ZoneCreate, ZoneListQuery, ZoneUpdate } from '../../contract/index.ts';
import {
  assertRules,
  checkGeometry,
  featureLabel,
  geometryAreaSqKm,
  geometryBBox,
  RuleViolationError,
  toZoneGeometry,
  validateFeatureCollection,
  type Zone,
  type ZoneKind,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { zoneColumns } from '../../db/repositories/zones.repository.ts';
import { auditedParts } from '../parts/audited-parts.ts';
import type { Actor, Write } from '../write.ts';

/** The checked geometry with its box and area, or a 422 naming the geometry's problems. */
function geometryColumns(geometry: { type: string; coordinates: unknown }) {
  const issues = checkGeometry(geometry);
  assertRules(issues.map((i) => ({ path: i.path ? `geometry.${i.path}` : 'geometry', message: i.message })));
  const checked = toZoneGeometry(geometry);
  return { geometry: checked, bbox: geometryBBox(checked), areaSqKm: geometryAreaSqKm(checked) };
}

export interface ZoneImportOptions {
  kind: ZoneKind;
  /** The feature property that names each zone; properties.name is the fallback. */
  nameProperty?: string;
}

export function zoneService({ repos, write }: { repos: Repositories; write: Write }) {
  const parts = auditedParts<Zone, Parsed<typeof ZoneCreate>, Parsed<typeof ZoneUpdate>>(
    { repos, write },
    {
      entity: 'zone',
      repo: (r) => r.zones,
      async prepareCreate(_ctx, input) {
        const { geometry, bbox, areaSqKm } = geometryColumns(input.geometry);
        return zoneColumns({ ...input, geometry, bbox, areaSqKm });
      },
      async preparePatch(_ctx, _current, patch) {
        const { geometry: raw, ...rest } = patch;
        if (!raw) return rest;
        const { geometry, bbox, areaSqKm } = geometryColumns(raw);
        return { ...rest, geometry, minLon: bbox[0], minLat: bbox[1], maxLon: bbox[2], maxLat: bbox[3], areaSqKm };
      },
    },
  );

  return {
    ...parts,

    async filter(ref: string, query: Parsed<typeof ZoneListQuery>): Promise<Zone[]> {
      const agreement = await repos.agreements.get(ref);
      return repos.zones.filter(agreement.id, query);
    },

    /**
     * Imports every feature of a FeatureCollection as a zone of `kind`, in one transaction with one
     * audit entry per zone; any invalid feature, or a name already taken, refuses the whole import
     * with a 422 naming each bad feature. The CLI's `phaseline zones import` calls this.
     */
    importCollection: (ref: string, collection: unknown, options: ZoneImportOptions, actor: Actor): Promise<Zone[]> =>
      write(actor, async ({ repos: tx, record }) => {
        const agreement = await tx.agreements.get(ref);
        const { features, issues } = validateFeatureCollection(collection, { nameProperty: options.nameProperty });
        const taken = new Set((await tx.zones.filter(agreement.id, { kind: options.kind })).map((z) => z.name));
        for (const f of features) {
          if (taken.has(f.name)) issues.push({ feature: f.index, name: f.name, path: 'properties', message: `a ${options.kind} named "${f.name}" already exists` });
        }
        if (issues.length > 0) {
          const shown = issues.slice(0, 5).map((i) => `${featureLabel(i)}${i.path ? ` ${i.path}` : ''}: ${i.message}`);
          throw new RuleViolationError(
            `No zone was imported. ${shown.join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`,
            { issues: issues.map((i) => ({ path: i.feature >= 0 ? `features.${i.feature}${i.path ? `.${i.path}` : ''}` : '', message: i.message, feature: i.feature, name: i.name })) },
          );
        }
        const created = await tx.zones.insertMany(
          features.map((f) => ({
            agreementId: agreement.id,
            name: f.name,
            kind: options.kind,
            description: '',
            geometry: f.geometry,
            properties: f.properties,
            bbox: geometryBBox(f.geometry),
            areaSqKm: geometryAreaSqKm(f.geometry),
          })),
        );
        for (const zone of created) {
          await record({ action: 'create', entity: 'zone', entityId: zone.id, agreementId: agreement.id, before: null, after: zone });
        }
        return created;
      }),
  };
}
export type ZoneService = ReturnType<typeof zoneService>;
