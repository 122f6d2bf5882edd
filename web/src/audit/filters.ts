/**
 * The audit page's filters as they live in the address bar (shareable, the back button works) and as
 * the API reads them. Days are whole days in the agreement's time zone, as the incident list's are:
 * "from" is the start of its day, "to" includes its whole day; both are sent as UTC instants.
 */
import { AUDIT_ACTIONS, type AuditAction } from '../../../src/core/audit.ts';
import { FIRST_DATE, isCalendarDate, LAST_DATE, wholeDays } from '../../../src/core/calendar.ts';
import { isUuid } from '../../../src/core/slug.ts';
import type { QueryParams } from '../shared/api.ts';

export const AUDIT_PAGE_SIZE = 25;

/** The actor filter's value for the entries written without a user (the contract's AUDIT_NO_USER). */
export const NO_USER = 'none';

export interface AuditFilters {
  /** A user's id, NO_USER, or '' for anyone. */
  actor: string;
  /** An entity kind as the log keeps it (`incident_step`), or ''. */
  entity: string;
  action: AuditAction | '';
  /** First day, YYYY-MM-DD in the agreement's zone; '' for no limit. */
  from: string;
  /** Last day, included; '' for no limit. */
  to: string;
  /** Newest first unless 'asc'. */
  order: 'desc' | 'asc';
  /** The page, from 1. */
  page: number;
}

export const NO_FILTERS: AuditFilters = { actor: '', entity: '', action: '', from: '', to: '', order: 'desc', page: 1 };

const FILTER_KEYS = ['actor', 'entity', 'action', 'from', 'to'] as const;
const ENTITY = /^[a-z][a-z0-9_]{0,63}$/;

/** The filters in a search string; anything malformed is dropped rather than sent to the API. */
export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const value = (key: string) => search.get(key) ?? '';
  const date = (key: string) => (isCalendarDate(value(key)) ? value(key) : '');
  const actor = value('actor');
  const action = value('action');
  const page = Number(value('page'));
  return {
    actor: actor === NO_USER || isUuid(actor) ? actor : '',
    entity: ENTITY.test(value('entity')) ? value('entity') : '',
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : '',
    from: date('from'),
    to: date('to'),
    order: value('order') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The search string of the filters: only those set, the order when oldest first, the page past the first. */
export function searchOf(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) search.set(key, filters[key]);
  if (filters.order === 'asc') search.set('order', 'asc');
  if (filters.page > 1) search.set('page', String(filters.page));
  return search;
}

/** Whether any filter narrows the log (the order and the page do not). */
export function isFiltered(filters: AuditFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== '');
}

/** A message when the days make an empty window, else null. */
export function dateRangeProblem(filters: AuditFilters): string | null {
  return filters.from && filters.to && filters.to < filters.from ? 'The last day comes before the first day.' : null;
}

/** The API's query for the filters: whole days in the agreement's zone `timeZone` as UTC instants. */
export function auditQuery(filters: AuditFilters, timeZone: string): QueryParams {
  // Days outside what the database stores bound nothing: the window stays open on that side.
  const days = wholeDays(filters.from > FIRST_DATE ? filters.from : null, filters.to && filters.to < LAST_DATE ? filters.to : null, timeZone);
  return {
    limit: AUDIT_PAGE_SIZE,
    offset: (filters.page - 1) * AUDIT_PAGE_SIZE,
    order: filters.order,
    actor: filters.actor,
    entity: filters.entity,
    action: filters.action,
    from: days.from?.toISOString(),
    to: days.to?.toISOString(),
  };
}
