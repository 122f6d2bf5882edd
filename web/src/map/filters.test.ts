// The map's filters round-trip through the URL and become the export route's UTC query.
import { describe, expect, it } from 'vitest';
import { exportParams, filtersFromSearch, hasFilters, NO_FILTERS, searchWithFilters } from './filters.ts';

describe('map filters', () => {
  it('reads known values from the URL and drops the rest', () => {
    expect(filtersFromSearch(new URLSearchParams('from=2026-02-30')).from).toBe('');
    const f = filtersFromSearch(new URLSearchParams('from=2026-06-01&to=junk&category=shelling&status=nope&party=p1&report=1'));
    expect(f).toEqual({ from: '2026-06-01', to: '', category: 'shelling', status: '', party: 'p1' });
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual(NO_FILTERS);
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters(f)).toBe(true);
  });

  it('writes the filters back, keeping other params and removing cleared filters', () => {
    const next = searchWithFilters(new URLSearchParams('report=1&status=verified'), { ...NO_FILTERS, category: 'airstrike' });
    expect(next.toString()).toBe('report=1&category=airstrike');
  });

  it('sends whole days in the agreement’s zone as UTC instants, "to" included', () => {
    const params = exportParams({ from: '2026-06-01', to: '2026-06-30', category: '', status: 'verified', party: 'p1' }, 'Asia/Gaza');
    expect(params).toEqual({
      format: 'geojson',
      from: '2026-05-31T21:00:00.000Z',
      to: '2026-06-30T21:00:00.000Z',
      category: undefined,
      status: 'verified',
      partyId: 'p1',
    });
    expect(exportParams(NO_FILTERS, 'Asia/Gaza')).toMatchObject({ from: undefined, to: undefined, partyId: undefined });
  });
});
