// The list's filters survive the address bar, drop what is malformed, and reach the API as UTC
// instants of whole days in the agreement's zone.
import { describe, expect, it } from 'vitest';
import { dateRangeProblem, exportHref, filterQuery, filtersFromSearch, isFiltered, NO_FILTERS, searchOf, toggledStatus, type IncidentFilters } from './filters.ts';

const PARTY = '0b5f7a4e-1c1d-4c63-9b4a-6f1d2f3e4a5b';
const ZONE = '9d3c2b1a-5e4f-4a6b-8c7d-0e1f2a3b4c5d';

describe('filtersFromSearch and searchOf', () => {
  it('reads back what it wrote, cursor apart', () => {
    const filters: IncidentFilters = { from: '2026-06-01', to: '2026-06-20', category: 'shelling', status: 'verified', party: PARTY, zone: ZONE, source: 'media', order: 'asc', q: 'الشجاعية غزة' };
    const search = searchOf(filters, 'abc');
    expect(search.get('cursor')).toBe('abc');
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('writes nothing for no filters, and newest first is the default order', () => {
    expect(searchOf(NO_FILTERS).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams())).toEqual(NO_FILTERS);
  });

  it('drops unknown categories and statuses, bad dates and ids that are not UUIDs', () => {
    const search = new URLSearchParams({ from: '2026-13-45', to: '2026-02-29', category: 'riot', status: 'closed', party: 'hamas', zone: '1', source: 'rumour', order: 'sideways' });
    expect(filtersFromSearch(search)).toEqual(NO_FILTERS);
  });

  it('keeps the search as typed, trimmed and at most 200 characters; blank is no search', () => {
    expect(filtersFromSearch(new URLSearchParams({ q: '  قصف  مدفعي ' })).q).toBe('قصف  مدفعي');
    expect(filtersFromSearch(new URLSearchParams({ q: 'x'.repeat(300) })).q).toHaveLength(200);
    expect(searchOf({ ...NO_FILTERS, q: '   ' }).toString()).toBe('');
    expect(searchOf({ ...NO_FILTERS, q: ' gaza&rafah ' }).get('q')).toBe('gaza&rafah');
  });
});

describe('filterQuery', () => {
  it('sends the first day from its start and the last day to the next midnight, in the given (agreement) zone', () => {
    const query = filterQuery({ ...NO_FILTERS, from: '2026-06-01', to: '2026-06-20' }, 'Asia/Gaza');
    expect(query.from).toBe('2026-05-31T21:00:00.000Z');
    expect(query.to).toBe('2026-06-20T21:00:00.000Z');
    // Month and year ends, and a day of 23 hours when Gaza moves to summer time.
    expect(filterQuery({ ...NO_FILTERS, to: '2026-12-31' }, 'Asia/Gaza').to).toBe('2026-12-31T22:00:00.000Z');
    const spring = filterQuery({ ...NO_FILTERS, from: '2026-03-28', to: '2026-03-28' }, 'Asia/Gaza');
    expect([spring.from, spring.to]).toEqual(['2026-03-27T22:00:00.000Z', '2026-03-28T21:00:00.000Z']);
  });

  it('follows the zone: the same day starts earlier in Gaza than in UTC', () => {
    expect(filterQuery({ ...NO_FILTERS, from: '2026-06-01' }, 'Asia/Gaza').from).toBe('2026-05-31T21:00:00.000Z');
    expect(filterQuery({ ...NO_FILTERS, from: '2026-06-01' }, 'UTC').from).toBe('2026-06-01T00:00:00.000Z');
  });

  it('names the API parameters', () => {
    const query = filterQuery({ ...NO_FILTERS, party: PARTY, zone: ZONE, source: 'monitor', category: 'airstrike', status: 'triaged' }, 'UTC');
    expect(query).toMatchObject({ partyId: PARTY, zoneId: ZONE, sourceType: 'monitor', category: 'airstrike', status: 'triaged', order: 'desc' });
    expect(query.from).toBeUndefined();
  });

  it('sends the search trimmed, and none when blank', () => {
    expect(filterQuery({ ...NO_FILTERS, q: ' الشجا ' }, 'UTC').q).toBe('الشجا');
    expect(filterQuery(NO_FILTERS, 'UTC').q).toBe('');
  });
});

describe('exportHref', () => {
  it('links the export route with the same filters and the format', () => {
    const href = exportHref('cairo-2026', { ...NO_FILTERS, status: 'verified', from: '2026-06-01' }, 'geojson', 'UTC');
    const url = new URL(href, 'http://x.invalid');
    expect(url.pathname).toBe('/api/agreements/cairo-2026/incidents/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'verified', from: '2026-06-01T00:00:00.000Z', order: 'desc', format: 'geojson' });
    const searched = new URL(exportHref('cairo-2026', { ...NO_FILTERS, q: 'رفح' }, 'csv', 'UTC'), 'http://x.invalid');
    expect(searched.searchParams.get('q')).toBe('رفح');
  });
});

describe('small helpers', () => {
  it('flags a last day before the first', () => {
    expect(dateRangeProblem({ ...NO_FILTERS, from: '2026-06-02', to: '2026-06-01' })).toMatch(/before/);
    expect(dateRangeProblem({ ...NO_FILTERS, from: '2026-06-02', to: '2026-06-02' })).toBeNull();
  });

  it('knows whether the list is narrowed', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, order: 'asc' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, zone: ZONE })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, q: 'gaza' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, q: '  ' })).toBe(false);
  });

  it('a total’s button chooses its status, or none when it is the one chosen', () => {
    expect(toggledStatus({ ...NO_FILTERS, q: 'gaza' }, 'verified')).toEqual({ ...NO_FILTERS, q: 'gaza', status: 'verified' });
    expect(toggledStatus({ ...NO_FILTERS, status: 'verified' }, 'verified').status).toBe('');
    expect(toggledStatus({ ...NO_FILTERS, status: 'triaged' }, 'verified').status).toBe('verified');
  });
});
