/**
 * Zones and features of an agreement: drawn one by one or imported from a GeoJSON
 * FeatureCollection, all or nothing. Every geometry is checked by core (RFC 7946 shape, ranges,
 * closed rings, validity); a refusal names the feature.
 */
import { controlledAreaIssues, type Parsed, type ZoneCreate, type ZoneListQuery, type ZoneUpdate } from '../../contract/index.ts';
import {
  assertRules,
  checkGeometry,
  DomainError,
  featureLabel,
  geodesicLengthKm,
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
import { checkReferences } from '../references.ts';
import type { Actor, Write } from '../write.ts';

/** The checked geometry with its box, area and length, or a 422 naming the geometry's problems. */
function geometryColumns(geometry: { type: string; coordinates: unknown }) {
  const issues = checkGeometry(geometry);
  assertRules(issues.map((i) => ({ path: i.path ? `geometry.${i.path}` : 'geometry', message: i.message })));
  const checked = toZoneGeometry(geometry);
  return { geometry: checked, bbox: geometryBBox(checked), areaSqKm: geometryAreaSqKm(checked), lengthKm: geodesicLengthKm(checked) };
}

/** A 400 as request validation gives it, for a rule that needs the stored zone (its kind) to check. */
function refuseFields(part: 'body' | 'query', issues: readonly { path: string; message: string }[]): void {
  if (issues.length === 0) return;
  const named = issues.map((i) => ({ path: `${part}.${i.path}`, message: i.message }));
  throw new DomainError('validation_failed', `Invalid request: ${named.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues: named });
}

export interface ZoneImportOptions {
  kind: ZoneKind;
  /** The feature property that names each zone; properties.name is the fallback. */
  nameProperty?: string | undefined;
  /** A controlled area's holder and date, given to every imported feature (required for that kind only). */
  partyId?: string | undefined;
  asOf?: string | undefined;
}

export function zoneService({ repos, write }: { repos: Repositories; write: Write }) {
  const parts = auditedParts<Zone, Parsed<typeof ZoneCreate>, Parsed<typeof ZoneUpdate>>(
    { repos, write },
    {
      entity: 'zone',
      repo: (r) => r.zones,
      async prepareCreate({ repos: tx, agreementId }, input) {
        // The contract has checked that a controlled area, and only it, names a party and a date.
        await checkReferences(tx, agreementId, [{ path: 'partyId', kind: 'party', id: input.partyId }]);
        const { geometry, bbox, areaSqKm, lengthKm } = geometryColumns(input.geometry);
        return zoneColumns({ ...input, geometry, bbox, areaSqKm, lengthKm });
      },
      async preparePatch({ repos: tx, agreementId }, current, patch) {
        const { geometry: raw, ...rest } = patch;
        const kind = patch.kind ?? current.kind;
        // Leaving the controlled_area kind drops the party and date unless the patch names them (then refused).
        const held = kind === 'controlled_area' ? current : { partyId: null, asOf: null };
        const partyId = patch.partyId !== undefined ? patch.partyId : held.partyId;
        const asOf = patch.asOf !== undefined ? patch.asOf : held.asOf;
        refuseFields('body', controlledAreaIssues(kind, { partyId, asOf }));
        if (patch.partyId) await checkReferences(tx, agreementId, [{ path: 'partyId', kind: 'party', id: patch.partyId }]);
        const holder = { partyId, asOf };
        if (!raw) return { ...rest, ...holder };
        const { geometry, bbox, areaSqKm, lengthKm } = geometryColumns(raw);
        return { ...rest, ...holder, geometry, minLon: bbox[0], minLat: bbox[1], maxLon: bbox[2], maxLat: bbox[3], areaSqKm, lengthKm };
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
        refuseFields('query', controlledAreaIssues(options.kind, options));
        await checkReferences(tx, agreement.id, [{ path: 'partyId', kind: 'party', id: options.partyId }]);
        const asOf = options.asOf ?? null;
        // Snapshots of one controlled area share its name: a name is taken on the same date only.
        const taken = new Set((await tx.zones.filter(agreement.id, { kind: options.kind })).filter((z) => z.asOf === asOf).map((z) => z.name));
        for (const f of features) {
          const what = asOf === null ? `a ${options.kind} named "${f.name}" already exists` : `"${f.name}" already has a snapshot dated ${asOf}`;
          if (taken.has(f.name)) issues.push({ feature: f.index, name: f.name, path: 'properties', message: what });
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
            lengthKm: geodesicLengthKm(f.geometry),
            partyId: options.partyId ?? null,
            asOf,
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
