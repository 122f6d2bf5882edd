/**
 * The document page's clause filters as they live in the address bar (shareable; the back button
 * works): blocked clauses, clauses a party has stated no position on, clauses due this week. "This
 * week" is today and the six days after it in the agreement's time zone, wherever the viewer is.
 */
import type { ClauseView, DocumentView } from '../../../src/contract/index.ts';
import { Id } from '../../../src/contract/index.ts';
import { daysBetween, localDate } from '../../../src/core/calendar.ts';

export interface ClauseFilters {
  /** Only clauses whose status (as the reader sees it) is blocked. */
  blocked: boolean;
  /** A party's id: only clauses with a bracket group on which it has stated no position; '' for no filter. */
  noPosition: string;
  /** Only clauses whose deadline (or, without one, the document's) falls this week. */
  due: boolean;
}

export const NO_CLAUSE_FILTERS: ClauseFilters = { blocked: false, noPosition: '', due: false };

/** The filters in a search string; anything malformed is dropped. */
export function clauseFiltersFromSearch(search: URLSearchParams): ClauseFilters {
  const party = search.get('noPosition') ?? '';
  return {
    blocked: search.get('status') === 'blocked',
    noPosition: Id.safeParse(party).success ? party : '',
    due: search.get('due') === 'week',
  };
}

/** `search` with the filters set (only those on); other parameters are kept. */
export function withClauseFilters(search: URLSearchParams, filters: ClauseFilters): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of ['status', 'noPosition', 'due']) next.delete(key);
  if (filters.blocked) next.set('status', 'blocked');
  if (filters.noPosition) next.set('noPosition', filters.noPosition);
  if (filters.due) next.set('due', 'week');
  return next;
}

export const anyClauseFilter = (filters: ClauseFilters): boolean => filters.blocked || filters.due || filters.noPosition !== '';

/** The deadline a clause is held to: its own, else its document's; null when neither has one. */
export function clauseDeadline(clause: Pick<ClauseView, 'deadline'>, document: Pick<DocumentView, 'deadline'>): string | null {
  return clause.deadline ?? document.deadline;
}

/** Whether an instant falls on today or one of the six days after it, in the zone (today from `now`). */
export function isDueThisWeek(deadline: string | null, now: Date, timeZone: string): boolean {
  if (deadline === null) return false;
  const days = daysBetween(localDate(now, timeZone), localDate(new Date(deadline), timeZone));
  return days >= 0 && days <= 6;
}

/** The keys of a clause's bracket groups, in order. */
export const groupKeys = (clause: Pick<ClauseView, 'segments'>): string[] => clause.segments.flatMap((s) => (s.kind === 'group' ? [s.key] : []));

/**
 * Whether a party has stated no position (no stance the reader may see, or only "no position") on
 * every alternative of at least one of the clause's bracket groups. A clause without brackets has
 * nothing to state a position on.
 */
export function lacksPositionFrom(clause: Pick<ClauseView, 'segments' | 'stances'>, partyId: string): boolean {
  return groupKeys(clause).some(
    (key) => !clause.stances.some((s) => s.groupKey === key && s.partyId === partyId && s.position !== 'no_position'),
  );
}

/** Whether a clause passes every filter that is on. */
export function matchesClauseFilters(
  clause: ClauseView,
  document: Pick<DocumentView, 'deadline'>,
  filters: ClauseFilters,
  now: Date,
  timeZone: string,
): boolean {
  if (filters.blocked && clause.consensus.status !== 'blocked') return false;
  if (filters.noPosition && !lacksPositionFrom(clause, filters.noPosition)) return false;
  if (filters.due && !isDueThisWeek(clauseDeadline(clause, document), now, timeZone)) return false;
  return true;
}
