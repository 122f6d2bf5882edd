/**
 * Areas held against sectors (docs/GATES.md, "Areas held and coverage"): the zones are read here,
 * core clips and measures them.
 */
import type { AreaHistoryView, ZoneCoverageView } from '../../contract/index.ts';
import { areaHistory, geodesicAreaSqKm, zoneCoverage, type ZoneKind } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';

export function areasService({ repos }: { repos: Repositories }) {
  return {
    /** How much of each zone of `kind` the zone covers; the zone itself is left out of its own kind's targets. */
    async coverage(ref: string, zoneId: string, kind: ZoneKind): Promise<ZoneCoverageView> {
      const agreement = await repos.agreements.get(ref);
      const zone = await repos.zones.get(agreement.id, zoneId);
      const targets = (await repos.zones.filter(agreement.id, { kind })).filter((t) => t.id !== zone.id);
      return zoneCoverage(zone, targets);
    },

    /** Each controlled area's snapshots over time, with its coverage of each zone of `kind`. */
    async history(ref: string, kind: ZoneKind): Promise<AreaHistoryView> {
      const agreement = await repos.agreements.get(ref);
      const [held, sectors] = await Promise.all([
        repos.zones.filter(agreement.id, { kind: 'controlled_area' }),
        repos.zones.filter(agreement.id, { kind }),
      ]);
      const snapshots = held.flatMap((z) => (z.asOf === null ? [] : [{ id: z.id, name: z.name, partyId: z.partyId, asOf: z.asOf, geometry: z.geometry }]));
      const targets = kind === 'controlled_area' ? [] : sectors;
      return {
        kind,
        sectors: targets
          .map((s) => ({ id: s.id, name: s.name, areaKm2: geodesicAreaSqKm(s.geometry) }))
          .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
        areas: areaHistory(snapshots, targets),
      };
    },
  };
}
export type AreasService = ReturnType<typeof areasService>;
