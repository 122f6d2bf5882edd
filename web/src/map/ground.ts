/**
 * The ground on the map, as pure functions: which snapshot of each controlled area is in force on a
 * date (the newest dated that day or before), the dates the slider runs over, and the withdrawal
 * items' zones (the area left, the line behind) as a GeoJSON source.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { WithdrawalItemView, ZoneView } from '../../../src/contract/index.ts';
import { addDays, daysBetween } from '../../../src/core/calendar.ts';

type Dated = Pick<ZoneView, 'kind' | 'name' | 'partyId' | 'asOf'>;

const isSnapshot = (z: Dated): z is Dated & { asOf: string } => z.kind === 'controlled_area' && z.asOf !== null;
/** Snapshots of one area share its name and its party. */
const areaKey = (z: Dated) => `${z.partyId ?? ''}\u0000${z.name}`;

/** The snapshot dates of the controlled areas, oldest first, each once. */
export function snapshotDates(zones: readonly Dated[]): string[] {
  return [...new Set(zones.filter(isSnapshot).map((z) => z.asOf))].sort();
}

/**
 * The zones shown on `date`: every zone of another kind, and of each controlled area only the
 * snapshot in force then (the newest dated on or before it); an area with none yet is not shown.
 */
export function zonesAtDate<Z extends Dated>(zones: readonly Z[], date: string): Z[] {
  const inForce = new Map<string, Z>();
  for (const z of zones) {
    if (!isSnapshot(z) || z.asOf > date) continue;
    const current = inForce.get(areaKey(z));
    if (!current || (current.asOf ?? '') < z.asOf) inForce.set(areaKey(z), z);
  }
  const chosen = new Set(inForce.values());
  return zones.filter((z) => z.kind !== 'controlled_area' || chosen.has(z));
}

/** The slider's days: from the first snapshot to the later of the last snapshot and today. */
export interface SliderRange {
  first: string;
  last: string;
  days: number;
}

export function sliderRange(dates: readonly string[], today: string): SliderRange | null {
  const first = dates[0];
  const newest = dates.at(-1);
  if (!first || !newest) return null;
  const last = newest > today ? newest : today;
  return { first, last, days: daysBetween(first, last) };
}

/** The date at a slider position, and the position of a date (kept inside the range). */
export const dateAt = (range: SliderRange, position: number): string => addDays(range.first, Math.min(Math.max(0, Math.round(position)), range.days));
export const positionOf = (range: SliderRange, date: string): number => Math.min(Math.max(0, daysBetween(range.first, date)), range.days);

/**
 * The withdrawal items' zones: the area each leaves (role "left") and the line or zone it goes
 * behind (role "behind"), the selected item's marked so that its layer draws them stronger.
 */
export function withdrawalCollection(items: readonly WithdrawalItemView[], zones: readonly ZoneView[], selectedId: string | null): FeatureCollection {
  const byId = new Map(zones.map((z) => [z.id, z]));
  const features: Feature[] = [];
  for (const item of items) {
    for (const [role, zoneId] of [['left', item.fromZoneId], ['behind', item.behindZoneId]] as const) {
      const zone = zoneId ? byId.get(zoneId) : undefined;
      if (!zone || zone.geometry.type === 'Point') continue;
      features.push({
        type: 'Feature',
        properties: { itemId: item.id, role, status: item.status, selected: item.id === selectedId },
        geometry: zone.geometry as Feature['geometry'],
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
