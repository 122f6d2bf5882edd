/**
 * The incident list's filters as they live in the address bar (shareable, the back button works),
 * and as the API reads them. Dates are whole days in the agreement's time zone, wherever the viewer
 * is: "from" is the start of its day, "to" includes its whole day; both are sent as UTC instants.
 */
import { Id } from '../../../src/contract/index.ts';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SOURCE_TYPES, type IncidentCategory, type IncidentStatus } from '../../../src/core/incidents.ts';
import { isCalendarDate, wholeDays } from '../../../src/core/calendar.ts';
import { apiPath, type QueryParams } from '../shared/api.ts';

export interface IncidentFilters {
  /** First day, YYYY-MM-DD in the agreement's zone; '' for no limit. */
  from: string;
  /** Last day, included; '' for no limit. */
  to: string;
  category: string;
  status: string;
  /** The alleged party's id. */
  party: string;
  zone: string;
  source: string;
  /** By time of occurrence: newest first unless 'asc'. */
  order: 'desc' | 'asc';
  /** Words of the description or the place, as typed; '' for no search. */
  q: string;
}

export const NO_FILTERS: IncidentFilters = { from: '', to: '', category: '', status: '', party: '', zone: '', source: '', order: 'desc', q: '' };

/** The longest search the API takes (SearchText). */
export const SEARCH_MAX = 200;

/** The filters that narrow the list, in the order the address writes them. */
const NARROWING = ['q', 'from', 'to', 'category', 'status', 'party', 'zone', 'source'] as const;

export type ExportFormat = 'csv' | 'json' | 'geojson';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' => (values.includes(value as T) ? (value as T) : '');
const anId = (value: string | null) => (value !== null && Id.safeParse(value).success ? value : '');

/** The days, category and status in a search string, as the list and the map both read them; anything malformed is ''. */
export function dayAndKindFromSearch(search: URLSearchParams): { from: string; to: string; category: IncidentCategory | ''; status: IncidentStatus | '' } {
  const date = (key: string) => {
    const value = search.get(key) ?? '';
    return isCalendarDate(value) ? value : '';
  };
  return {
    from: date('from'),
    to: date('to'),
    category: oneOf(INCIDENT_CATEGORIES, search.get('category')),
    status: oneOf(INCIDENT_STATUSES, search.get('status')),
  };
}

/** The filters in a search string; anything malformed is dropped rather than sent to the API. */
export function filtersFromSearch(search: URLSearchParams): IncidentFilters {
  return {
    ...dayAndKindFromSearch(search),
    party: anId(search.get('party')),
    zone: anId(search.get('zone')),
    source: oneOf(SOURCE_TYPES, search.get('source')),
    order: search.get('order') === 'asc' ? 'asc' : 'desc',
    q: (search.get('q') ?? '').trim().slice(0, SEARCH_MAX),
  };
}

/** The search string of the filters (only those set) and of a page's cursor. */
export function searchOf(filters: IncidentFilters, cursor: string | null = null): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of NARROWING) {
    const value = filters[key].trim();
    if (value) search.set(key, value);
  }
  if (filters.order === 'asc') search.set('order', 'asc');
  if (cursor) search.set('cursor', cursor);
  return search;
}

/** A message when the dates make an empty window, else null. */
export function dateRangeProblem(filters: IncidentFilters): string | null {
  return filters.from && filters.to && filters.to < filters.from ? 'The last day comes before the first day.' : null;
}

/** The list and export query: the whole days in the agreement's zone `timeZone` as UTC instants, ids and enums as they are. */
export function filterQuery(filters: IncidentFilters, timeZone: string): QueryParams {
  const days = wholeDays(filters.from || null, filters.to || null, timeZone);
  return {
    from: days.from?.toISOString(),
    to: days.to?.toISOString(),
    category: filters.category,
    status: filters.status,
    partyId: filters.party,
    zoneId: filters.zone,
    sourceType: filters.source,
    q: filters.q.trim(),
    order: filters.order,
  };
}

/** The export route's address for the same filters. */
export function exportHref(slug: string, filters: IncidentFilters, format: ExportFormat, timeZone: string): string {
  return apiPath(`/agreements/${encodeURIComponent(slug)}/incidents/export`, { ...filterQuery(filters, timeZone), format });
}

/** Whether any filter narrows the list (the order does not). */
export function isFiltered(filters: IncidentFilters): boolean {
  return NARROWING.some((key) => filters[key].trim() !== '');
}

/** The filters with another status, or none ('') when `status` is the one chosen: what a total's button does. */
export function toggledStatus(filters: IncidentFilters, status: IncidentStatus): IncidentFilters {
  return { ...filters, status: filters.status === status ? '' : status };
}
