import { describe, expect, it } from 'vitest';
import type { WithdrawalItemView, ZoneView } from '../../../src/contract/index.ts';
import { dateAt, positionOf, sliderRange, snapshotDates, withdrawalCollection, zonesAtDate } from './ground.ts';

const zone = (id: string, kind: ZoneView['kind'], name: string, asOf: string | null, partyId: string | null = asOf ? 'p1' : null) =>
  ({ id, kind, name, asOf, partyId, geometry: { type: 'Polygon', coordinates: [] } }) as unknown as ZoneView;

const zones = [
  zone('s', 'sector', 'Rafah', null),
  zone('a1', 'controlled_area', 'Held', '2026-06-06'),
  zone('a3', 'controlled_area', 'Held', '2026-08-06'),
  zone('a2', 'controlled_area', 'Held', '2026-07-06'),
  zone('b1', 'controlled_area', 'Other', '2026-07-01', 'p2'),
];

describe('the controlled areas on a date', () => {
  it('lists the snapshot dates once, oldest first', () => {
    expect(snapshotDates(zones)).toEqual(['2026-06-06', '2026-07-01', '2026-07-06', '2026-08-06']);
  });

  it('shows of each area only the newest snapshot dated that day or before, and every other zone', () => {
    expect(zonesAtDate(zones, '2026-07-05').map((z) => z.id)).toEqual(['s', 'a1', 'b1']);
    expect(zonesAtDate(zones, '2026-07-06').map((z) => z.id)).toEqual(['s', 'a2', 'b1']);
    expect(zonesAtDate(zones, '2027-01-01').map((z) => z.id)).toEqual(['s', 'a3', 'b1']);
  });

  it('shows no area before its first snapshot', () => {
    expect(zonesAtDate(zones, '2026-06-01').map((z) => z.id)).toEqual(['s']);
  });

  it('keeps apart areas of one name held by different parties', () => {
    const both = [zone('x', 'controlled_area', 'Held', '2026-06-06', 'p1'), zone('y', 'controlled_area', 'Held', '2026-06-07', 'p2')];
    expect(zonesAtDate(both, '2026-06-10').map((z) => z.id)).toEqual(['x', 'y']);
  });

  it('runs the slider from the first snapshot to today or the last snapshot, whichever is later', () => {
    const range = sliderRange(snapshotDates(zones), '2026-12-01')!;
    expect(range).toEqual({ first: '2026-06-06', last: '2026-12-01', days: 178 });
    expect(sliderRange(['2026-06-06', '2026-08-06'], '2026-07-01')?.last).toBe('2026-08-06');
    expect(sliderRange([], '2026-07-01')).toBeNull();
    expect(dateAt(range, 30)).toBe('2026-07-06');
    expect(dateAt(range, 999)).toBe('2026-12-01');
    expect(positionOf(range, '2026-07-06')).toBe(30);
    expect(positionOf(range, '2020-01-01')).toBe(0);
  });
});

describe('withdrawalCollection', () => {
  const line = { ...zone('l', 'withdrawal_line', 'Line', null), geometry: { type: 'LineString', coordinates: [[34, 31], [34.1, 31.1]] } } as unknown as ZoneView;
  const point = { ...zone('pt', 'checkpoint', 'Checkpoint', null), geometry: { type: 'Point', coordinates: [34, 31] } } as unknown as ZoneView;
  const item = (id: string, fromZoneId: string | null, behindZoneId: string | null) => ({ id, fromZoneId, behindZoneId, status: 'late' }) as WithdrawalItemView;

  it('draws the area left and the line behind, marking the selected item, and skips points and unknown zones', () => {
    const collection = withdrawalCollection([item('i1', 's', 'l'), item('i2', 'pt', 'gone')], [...zones, line, point], 'i1');
    expect(collection.features.map((f) => f.properties)).toEqual([
      { itemId: 'i1', role: 'left', status: 'late', selected: true },
      { itemId: 'i1', role: 'behind', status: 'late', selected: true },
    ]);
  });
});
