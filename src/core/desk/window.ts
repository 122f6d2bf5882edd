/**
 * The window of a "since" view and where deadlines stand in it: the start is the day or instant the
 * reader chose, else their last visit, else 7 days back; the end is now.
 */
import { dayStart, FIRST_INSTANT, isCalendarDate } from '../calendar.ts';
import type { ImplementationStatus } from '../domain.ts';
import { assertRules } from '../rules.ts';
import type { SinceFrom } from './kinds.ts';

const DAY_MS = 86_400_000;

/** How far back the view starts for a reader who never marked it seen. */
export const DEFAULT_SINCE_DAYS = 7;
/** How far ahead a deadline is "due soon". */
export const DUE_SOON_DAYS = 7;

export interface SinceWindow {
  since: Date;
  until: Date;
  sinceFrom: SinceFrom;
}

/**
 * The window ending `now`. `chosen` is a calendar date (its first instant in the agreement's zone) or
 * an ISO instant; one after now is refused (422 naming `since`). A last visit recorded after now (a
 * clock set back) starts the window at now: nothing is new yet.
 */
export function sinceWindow(now: Date, timeZone: string, { chosen, lastVisit }: { chosen?: string | undefined; lastVisit?: Date | null | undefined }): SinceWindow {
  if (chosen !== undefined) {
    const given = isCalendarDate(chosen) ? dayStart(chosen, timeZone) : new Date(chosen);
    // The first day stored, in a zone ahead of UTC, starts before the first instant stored: nothing is earlier.
    const since = new Date(Math.max(given.getTime(), Date.parse(FIRST_INSTANT)));
    if (Number.isNaN(given.getTime())) assertRules([{ path: 'since', message: 'must be a date (YYYY-MM-DD) or an ISO 8601 instant' }]);
    if (since.getTime() > now.getTime()) assertRules([{ path: 'since', message: 'must not be after now' }]);
    return { since, until: now, sinceFrom: 'chosen' };
  }
  if (lastVisit) return { since: new Date(Math.min(lastVisit.getTime(), now.getTime())), until: now, sinceFrom: 'last_visit' };
  return { since: new Date(now.getTime() - DEFAULT_SINCE_DAYS * DAY_MS), until: now, sinceFrom: 'default' };
}

/** Whether an instant falls in the window: after its start, up to and including its end. */
export const inWindow = (at: Date, window: { since: Date; until: Date }): boolean =>
  at.getTime() > window.since.getTime() && at.getTime() <= window.until.getTime();

/** A provision's deadline as the desk reads it. */
export interface DeadlineFacts {
  deadline: Date | null;
  status: ImplementationStatus;
}

/**
 * Where a provision's deadline stands for the window: "passed" in it (after its start, before its
 * end), "due" from its end to DUE_SOON_DAYS after, or null (none, in full, or elsewhere). A provision
 * in full owes nothing.
 */
export function deadlineStanding(p: DeadlineFacts, window: { since: Date; until: Date }): 'passed' | 'due' | null {
  if (p.deadline === null || p.status === 'full') return null;
  const ahead = p.deadline.getTime() - window.until.getTime();
  // Passed once it is behind the end (as isOverdue says), due from the end on: never both.
  if (ahead < 0) return p.deadline.getTime() > window.since.getTime() ? 'passed' : null;
  return ahead <= DUE_SOON_DAYS * DAY_MS ? 'due' : null;
}

/** Overdue at `now`: its deadline has passed and it is not in full (as the Strategic Matrix says). */
export const isOverdue = (p: DeadlineFacts, now: Date): boolean => p.deadline !== null && p.status !== 'full' && p.deadline.getTime() < now.getTime();
