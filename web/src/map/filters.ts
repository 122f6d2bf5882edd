/**
 * The map's incident filters, kept in the page's URL (?from=2026-06-01&to=...&category=...&status=...&party=...)
 * so that a filtered map can be linked to. Dates are whole days in the agreement's time zone: "to"
 * includes its whole day. Values the API does not know are dropped when read.
 */
import { dayAndKindFromSearch } from '../incidents/filters.ts';
import type { QueryParams } from '../shared/api.ts';
import type { IncidentCategory, IncidentStatus } from '../../../src/core/incidents.ts';
import { wholeDays } from '../../../src/core/calendar.ts';

export interface MapFilters {
  from: string;
  to: string;
  category: IncidentCategory | '';
  status: IncidentStatus | '';
  party: string;
}

export const NO_FILTERS: MapFilters = { from: '', to: '', category: '', status: '', party: '' };

const FILTER_KEYS = ['from', 'to', 'category', 'status', 'party'] as const;

export function filtersFromSearch(search: URLSearchParams): MapFilters {
  return { ...dayAndKindFromSearch(search), party: search.get('party') ?? '' };
}

/** The search params with the filters set (empty ones removed) and every other param kept. */
export function searchWithFilters(search: URLSearchParams, filters: MapFilters): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of FILTER_KEYS) {
    if (filters[key]) next.set(key, filters[key]);
    else next.delete(key);
  }
  return next;
}

export const hasFilters = (filters: MapFilters): boolean => FILTER_KEYS.some((key) => filters[key] !== '');

/** The export route's query for the filters: from the start of "from" to the end of "to", in the agreement's zone `timeZone`, as UTC. */
export function exportParams(filters: MapFilters, timeZone: string): QueryParams {
  const days = wholeDays(filters.from || null, filters.to || null, timeZone);
  return {
    format: 'geojson',
    from: days.from?.toISOString(),
    to: days.to?.toISOString(),
    category: filters.category || undefined,
    status: filters.status || undefined,
    partyId: filters.party || undefined,
  };
}
