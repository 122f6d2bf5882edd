// The audit page's filters survive the address bar, drop what is malformed, and reach the API as
// UTC instants of whole days in the agreement's zone, a page at a time.
import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, auditQuery, dateRangeProblem, filtersFromSearch, isFiltered, NO_FILTERS, searchOf, type AuditFilters } from './filters.ts';

const USER = '0b5f7a4e-1c1d-4c63-9b4a-6f1d2f3e4a5b';

describe('filtersFromSearch and searchOf', () => {
  it('reads back what it wrote', () => {
    const filters: AuditFilters = { actor: USER, entity: 'incident_step', action: 'update', from: '2026-06-01', to: '2026-06-20', order: 'asc', page: 3 };
    expect(filtersFromSearch(searchOf(filters))).toEqual(filters);
    expect(filtersFromSearch(searchOf({ ...NO_FILTERS, actor: 'none' })).actor).toBe('none');
  });

  it('writes nothing for no filters: newest first, the first page', () => {
    expect(searchOf(NO_FILTERS).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams())).toEqual(NO_FILTERS);
  });

  it('drops actors that are not ids, malformed kinds, unknown actions, bad dates and pages', () => {
    const search = new URLSearchParams({ actor: 'admin', entity: 'Incident step', action: 'archive', from: '2026-13-45', to: '2026-02-29', order: 'sideways', page: '-2' });
    expect(filtersFromSearch(search)).toEqual(NO_FILTERS);
    expect(filtersFromSearch(new URLSearchParams({ page: '1.5' })).page).toBe(1);
  });

  it('says whether anything narrows the log, and when the days are the wrong way round', () => {
    expect(isFiltered({ ...NO_FILTERS, order: 'asc', page: 2 })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, entity: 'note' })).toBe(true);
    expect(dateRangeProblem({ ...NO_FILTERS, from: '2026-06-02', to: '2026-06-01' })).toMatch(/before the first day/);
    expect(dateRangeProblem({ ...NO_FILTERS, from: '2026-06-02', to: '2026-06-02' })).toBeNull();
  });
});

describe('auditQuery', () => {
  it('sends whole days in the agreement’s zone as instants, and the page as an offset', () => {
    const query = auditQuery({ actor: USER, entity: 'provision', action: 'create', from: '2026-06-01', to: '2026-06-01', order: 'desc', page: 2 }, 'Asia/Gaza');
    expect(query).toEqual({
      limit: AUDIT_PAGE_SIZE,
      offset: AUDIT_PAGE_SIZE,
      order: 'desc',
      actor: USER,
      entity: 'provision',
      action: 'create',
      // Gaza is UTC+3 in June: its 1 June runs from 31 May 21:00 UTC to 1 June 21:00 UTC.
      from: '2026-05-31T21:00:00.000Z',
      to: '2026-06-01T21:00:00.000Z',
    });
  });

  it('leaves a side open for no day, or for a day beyond what is stored', () => {
    expect(auditQuery(NO_FILTERS, 'UTC')).toMatchObject({ from: undefined, to: undefined, offset: 0 });
    expect(auditQuery({ ...NO_FILTERS, from: '0001-01-01', to: '9999-12-31' }, 'UTC')).toMatchObject({ from: undefined, to: undefined });
  });
});
